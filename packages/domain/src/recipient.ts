import type { AccessibilityNeed, RecipientKind } from './enums.js';
import type { NoticeChannel, NoticeLanguage } from './notice-texts.js';

/**
 * C1, C2, O2, O8: who complains, as the procedure knows them: the one declaration of the
 * recipient's fields. The stored entity, the API's types, the row mapper and the forms are
 * checked against it, so a field renamed here (or there) fails the build.
 */
export interface Recipient {
  kind: RecipientKind;
  /** C1: an individual's surname, given name and optional patronymic. */
  surname: string | null;
  givenName: string | null;
  patronymic: string | null;
  /** O8: protected. */
  iin: string | null;
  /** C2: a legal entity's name, BIN (O8: protected), outgoing letter number and date. */
  organizationName: string | null;
  bin: string | null;
  outgoingNumber: string | null;
  /** 'YYYY-MM-DD'. */
  outgoingDate: string | null;
  /** C1, C2: where the answer is sent on paper. */
  postalAddress: string;
  /** O8: protected contacts, optional. */
  email: string | null;
  phone: string | null;
  /** O2: carried into every notice. */
  accessibilityNeeds: AccessibilityNeed[];
  /** O5: the language the recipient is written to in; null: both Kazakh and Russian. */
  language: NoticeLanguage | null;
  /** O5: how the recipient chose to be told at filing; empty: by the filing channel. */
  noticeChannels: NoticeChannel[];
  /** O2: notices written in short plain sentences (easy-read). */
  easyRead: boolean;
}

export type RecipientField = keyof Recipient;

/** Every field of the recipient, in the order of the forms and the receipt. */
export const RECIPIENT_FIELDS = [
  'kind',
  'surname',
  'givenName',
  'patronymic',
  'iin',
  'organizationName',
  'bin',
  'outgoingNumber',
  'outgoingDate',
  'postalAddress',
  'email',
  'phone',
  'accessibilityNeeds',
  'language',
  'noticeChannels',
  'easyRead',
] as const satisfies readonly RecipientField[];

// The list names every field: a field added to Recipient and missing here fails the build.
type Missing = Exclude<RecipientField, (typeof RECIPIENT_FIELDS)[number]>;
const everyFieldListed: [Missing] extends [never] ? true : Missing = true;
void everyFieldListed;

/** O8: the fields read only under the recipient's active written consent. */
export const PROTECTED_RECIPIENT_FIELDS = [
  'iin',
  'bin',
  'email',
  'phone',
] as const satisfies readonly RecipientField[];
export type ProtectedRecipientField = (typeof PROTECTED_RECIPIENT_FIELDS)[number];

/** A valid recipient as a filing brings it: the optional fields may be left out. */
export type RecipientData = Pick<Recipient, 'kind' | 'postalAddress'> & {
  [K in Exclude<
    RecipientField,
    'kind' | 'postalAddress' | 'accessibilityNeeds' | 'noticeChannels' | 'easyRead'
  >]?: Recipient[K];
} & {
  accessibilityNeeds?: AccessibilityNeed[] | null;
  noticeChannels?: NoticeChannel[] | null;
  easyRead?: boolean | null;
};

/** The recipient as any client sends it, before validation (`validateRecipient`). */
export type RecipientInput = {
  [K in Exclude<RecipientField, 'accessibilityNeeds' | 'noticeChannels' | 'easyRead'>]?:
    | string
    | null
    | undefined;
} & {
  accessibilityNeeds?: readonly string[] | null | undefined;
  noticeChannels?: readonly string[] | null | undefined;
  easyRead?: boolean | null | undefined;
};

/** The column of a recipient field in the `complaint` table (stored inline, prefixed). */
export function recipientColumn(field: RecipientField): string {
  return `recipient_${field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}`;
}
