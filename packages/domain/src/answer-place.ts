/**
 * C4, O5: where an electronic complaint is answered and its notices go: the recipient's account
 * on the e-government portal (kk / ru). Printed on the receipt's stamp and on every notice.
 */
export const PORTAL_ACCOUNT =
  '«Электрондық үкімет» порталындағы жеке кабинет / личный кабинет на портале «электронного правительства»';
