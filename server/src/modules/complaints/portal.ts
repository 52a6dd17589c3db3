/** Where an electronic complaint is answered: the recipient's account on the portal (kk / ru). */
export const PORTAL_ACCOUNT =
  '«Электрондық үкімет» порталындағы жеке кабинет / личный кабинет на портале «электронного правительства»';
