/** The fields of a complaint that the queue's search finds. */
export interface SearchableComplaint {
  registration: { incomingNumber: string };
  recipient: {
    surname: string | null;
    givenName: string | null;
    patronymic: string | null;
    organizationName: string | null;
  };
  description: string;
}

/**
 * What is stored in `complaint.search_text`: lower-cased here, not by the database, so that
 * Kazakh and Russian letters fold the same whatever the database's locale.
 */
export function searchTextOf(complaint: SearchableComplaint): string {
  const { recipient } = complaint;
  return [
    complaint.registration.incomingNumber,
    recipient.surname,
    recipient.givenName,
    recipient.patronymic,
    recipient.organizationName,
    complaint.description,
  ]
    .filter((part): part is string => Boolean(part))
    .join(' ')
    .toLocaleLowerCase('ru');
}

/** Characters of a search, at most: longer text is refused, not truncated. */
export const MAX_SEARCH_LENGTH = 100;
/** Words of a search that narrow the queue; more only narrow a result that is already small. */
const MAX_SEARCH_WORDS = 8;
/** A word: letters (with their combining marks) and digits of any script. */
const SEARCH_WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The `tsquery` a search becomes: every word, as a prefix, must occur in `search_text` (which the
 * GIN index `complaint_search_idx` serves). Lower-cased as `searchTextOf` stores it. PostgreSQL's
 * parser reads "pa-2026-00001" as 'pa', '-2026', '-00001' (signed integers), so a word of digits
 * also matches its signed form: the number and its tail both find the complaint. Only letters
 * and digits reach the query, so no tsquery syntax can be injected. Null when there is no word.
 */
export function searchQueryOf(text: string): string | null {
  const words = (text.toLocaleLowerCase('ru').match(SEARCH_WORD) ?? []).slice(0, MAX_SEARCH_WORDS);
  if (words.length === 0) return null;
  return words
    .map((word) => (/^[0-9]+$/.test(word) ? `('${word}':* | '-${word}':*)` : `'${word}':*`))
    .join(' & ');
}
