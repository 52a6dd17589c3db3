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
