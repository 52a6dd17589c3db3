import type { LocalDate, WorkingCalendar } from '@complaints/calendar';
import { RECIPIENT_FIELDS, isOpen, recipientColumn, type RecipientField } from '@complaints/domain';
import type {
  Complaint,
  CourtReferral,
  Decision,
  Recipient,
  Registration,
} from './complaint.entity.js';

// What the API derives from a stored complaint, per DOMAIN.md: kept here, not in resolvers.

type Reference = { id: string };

/**
 * What the API reads of a complaint. The entity satisfies it, and so does a plain object read
 * straight from a row: the queue reads its page that way, without hydrating entities.
 */
export interface ComplaintView
  extends Pick<
    Complaint,
    | 'id'
    | 'level'
    | 'status'
    | 'version'
    | 'channel'
    | 'subject'
    | 'description'
    | 'signature'
    | 'official'
    | 'publicServiceCode'
  > {
  recipient: Recipient;
  registration: Registration;
  decision: Decision | null;
  courtReferral: CourtReferral | null;
  provider: Reference;
  authority: Reference | null;
  parent: Reference | null;
  assignee: Reference | null;
  /** The partner system that filed it electronically, if any. */
  filedBy: Reference | null;
  /** Read with the page by the queue's statement; absent: computed from the calendar. */
  workingDaysLeft?: number | null;
}

/** A value as the driver hands it over: text, numbers, dates, arrays of text. */
type Column = string | number | boolean | Date | string[] | null | undefined;
type Row = Record<string, Column>;
const text = (value: Column): string | null =>
  value === null || value === undefined ? null : String(value);
const date = (value: Column): LocalDate | null =>
  value === null || value === undefined
    ? null
    : value instanceof Date
      ? value.toISOString().slice(0, 10)
      : String(value).slice(0, 10);
const instant = (value: Column): Date => (value instanceof Date ? value : new Date(String(value)));
const reference = (value: Column): Reference | null => (value ? { id: String(value) } : null);

/** The recipient's columns of a `complaint` row (named by the domain's `recipientColumn`). */
// Named once, not per row: the queue maps 50 rows a page.
const RECIPIENT_COLUMNS = Object.fromEntries(
  RECIPIENT_FIELDS.map((field) => [field, recipientColumn(field)]),
) as Record<RecipientField, string>;

function recipientFromRow(row: Row): Recipient {
  const value = (field: RecipientField): Column => row[RECIPIENT_COLUMNS[field]];
  return {
    kind: value('kind') as Recipient['kind'],
    surname: text(value('surname')),
    givenName: text(value('givenName')),
    patronymic: text(value('patronymic')),
    iin: text(value('iin')),
    organizationName: text(value('organizationName')),
    bin: text(value('bin')),
    outgoingNumber: text(value('outgoingNumber')),
    outgoingDate: date(value('outgoingDate')),
    postalAddress: String(value('postalAddress')),
    email: text(value('email')),
    phone: text(value('phone')),
    accessibilityNeeds:
      (value('accessibilityNeeds') as Recipient['accessibilityNeeds'] | null) ?? [],
    language: text(value('language')) as Recipient['language'],
    noticeChannels: (value('noticeChannels') as Recipient['noticeChannels'] | null) ?? [],
    easyRead: value('easyRead') === true,
  };
}

/** A `complaint` row (column names) as a ComplaintView. */
export function complaintViewFromRow(row: Row): ComplaintView {
  return {
    id: String(row.id),
    level: row.level as ComplaintView['level'],
    status: row.status as ComplaintView['status'],
    version: Number(row.version),
    channel: row.channel as ComplaintView['channel'],
    subject: row.subject as ComplaintView['subject'],
    description: String(row.description),
    signature: row.signature as ComplaintView['signature'],
    official: text(row.official),
    publicServiceCode: text(row.public_service_code),
    recipient: recipientFromRow(row),
    registration: {
      incomingNumber: String(row.incoming_number),
      registeredAt: instant(row.registered_at),
      registeredOn: date(row.registered_on)!,
      acceptedBy: String(row.accepted_by),
      responseDeadline: date(row.response_deadline)!,
      responsePlace: String(row.response_place),
      officeCode: String(row.office_code),
    },
    decision: row.outcome
      ? {
          outcome: row.outcome as Decision['outcome'],
          reasoning: String(row.reasoning),
          remedialMeasures: text(row.remedial_measures),
          decidedAt: instant(row.decided_at),
          decidedOn: date(row.decided_on)!,
          decidedBy: String(row.decided_by),
        }
      : null,
    courtReferral: row.court_referral_court
      ? {
          court: String(row.court_referral_court),
          filedOn: date(row.court_referral_filed_on)!,
          caseNumber: text(row.court_referral_case_number),
        }
      : null,
    provider: { id: String(row.provider_id) },
    authority: reference(row.authority_id),
    parent: reference(row.parent_id),
    assignee: reference(row.assignee_id),
    filedBy: reference(row.filed_by_id),
  };
}

/** `onTime`: decided on or before the deadline. */
export function decisionView(complaint: ComplaintView): (Decision & { onTime: boolean }) | null {
  const { decision } = complaint;
  if (!decision?.outcome) return null;
  return { ...decision, onTime: decision.decidedOn <= complaint.registration.responseDeadline };
}

/** The court referral, when there is one (its columns are all null otherwise). */
export function courtReferralView(complaint: ComplaintView): CourtReferral | null {
  return complaint.courtReferral?.court ? complaint.courtReferral : null;
}

/** Only an ESCALATED provider-level complaint has an escalation to look up (C6). */
export function mayHaveEscalation(complaint: ComplaintView): boolean {
  return complaint.status === 'ESCALATED';
}

/** `overdue`: not decided and today (Asia/Almaty) is after the deadline. */
export function isOverdue(complaint: ComplaintView, today: LocalDate): boolean {
  return isOpen(complaint.status) && today > complaint.registration.responseDeadline;
}

/**
 * Working days left until the deadline; null once closed, negative when overdue. The queue reads
 * it with its page; otherwise the calendar is loaded (once per request) to count them.
 */
export async function workingDaysLeft(
  complaint: ComplaintView,
  today: LocalDate,
  calendar: () => Promise<WorkingCalendar>,
): Promise<number | null> {
  if (!isOpen(complaint.status)) return null;
  if (complaint.workingDaysLeft !== undefined) return complaint.workingDaysLeft;
  return (await calendar()).workingDaysBetween(today, complaint.registration.responseDeadline);
}
