import {
  ACCESSIBILITY_NEED_VALUES,
  CHANNEL_VALUES,
  COMPLAINT_SUBJECT_VALUES,
  CONSENT_SCOPE_VALUES,
  OUTCOME_VALUES,
  Outcome,
  RECIPIENT_KIND_VALUES,
  RecipientKind,
  SIGNATURE_METHOD_VALUES,
} from './enums.js';
import { isValidBin, isValidIin } from './identification-number.js';
import { NOTICE_CHANNEL_VALUES, NOTICE_LANGUAGE_VALUES } from './notice-texts.js';
import type { MessageKey } from './messages.js';
import type { RecipientInput } from './recipient.js';

// Field validation shared by the server (which turns violations into BAD_USER_INPUT) and the
// admin (which shows them on its form fields before sending). GraphQL-free on purpose.
//
// Inputs are plain objects as a form or a resolver holds them: any field may be missing, null or
// blank, and enum fields are plain strings until validated. Text is judged trimmed, so '  '
// counts as absent and ' 123… ' as a 12-digit BIN: whoever stores a value must trim it too.

/** One broken rule: `field` is the dotted path in the GraphQL input, e.g. 'recipient.bin'. */
export type Violation = {
  field: string;
  key: MessageKey;
  params?: Record<string, string | number>;
};

type Maybe<T> = T | null | undefined;

/** `today` is a LocalDate (YYYY-MM-DD, Asia/Almaty): dates after it are refused. */
export interface DateContext {
  readonly today: string;
}

/** What a filing's checks read of the clock: today, and the instant itself for the receipt. */
export interface FilingContext extends DateContext {
  readonly now: Date;
}

/**
 * C4: how long after a paper complaint reached the office it may still be registered with the
 * day it was received (a letter that arrived before a weekend or a holiday, a desk's backlog).
 */
export const RECEIVED_AT_MAX_AGE_DAYS = 30;

/** Maximum lengths, in characters, of text fields (the admin sets them on its inputs too). */
export const MAX_LENGTH = {
  surname: 100,
  givenName: 100,
  patronymic: 100,
  organizationName: 300,
  postalAddress: 500,
  outgoingNumber: 50,
  email: 254,
  description: 10000,
  official: 200,
  publicServiceCode: 50,
  reasoning: 10000,
  remedialMeasures: 10000,
  escalationReason: 10000,
  court: 300,
  caseNumber: 100,
  withdrawalReason: 2000,
  calendarReason: 500,
  signedBy: 300,
  consentEvidence: 200,
} as const;

export interface FileComplaintInput {
  providerId?: Maybe<string>;
  publicServiceCode?: Maybe<string>;
  official?: Maybe<string>;
  subject?: Maybe<string>;
  description?: Maybe<string>;
  channel?: Maybe<string>;
  signature?: Maybe<string>;
  recipient?: Maybe<RecipientInput>;
  /** C4: when a paper complaint reached the office, if before it is registered. */
  receivedAt?: Maybe<Date>;
}

export interface DecisionInput {
  outcome?: Maybe<string>;
  reasoning?: Maybe<string>;
  remedialMeasures?: Maybe<string>;
}

export interface EscalationInput {
  reason?: Maybe<string>;
  channel?: Maybe<string>;
  signature?: Maybe<string>;
}

export interface CourtReferralInput {
  court?: Maybe<string>;
  filedOn?: Maybe<string>;
  caseNumber?: Maybe<string>;
}

export interface WithdrawalInput {
  reason?: Maybe<string>;
}

export interface CalendarDayInput {
  date?: Maybe<string>;
  reason?: Maybe<string>;
}

/** O8: the recipient's written consent to the use of secrets protected by law. */
export interface ConsentInput {
  scope?: Maybe<readonly string[]>;
  signedBy?: Maybe<string>;
  method?: Maybe<string>;
  signedOn?: Maybe<string>;
  evidence?: Maybe<string>;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Strictly YYYY-MM-DD and a day that exists in the Gregorian calendar (years 0001–9999). */
export function isLocalDate(s: string): boolean {
  const match = LOCAL_DATE.exec(s);
  if (match === null) {
    return false;
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Any local part, then a domain of at least two non-empty labels; deliverability is not ours.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An email address of the form name@domain.tld (the one rule for recipients and users). */
export function isValidEmail(s: string): boolean {
  return s.length <= MAX_LENGTH.email && EMAIL.test(s);
}
// Kazakhstan numbers: +7 or 8, then 10 digits, once spaces, dashes and parentheses are removed.
const PHONE = /^(\+7|8)\d{10}$/;
const PHONE_SEPARATORS = /[\s()-]/g;

/** Collects the violations of one input; every check reads its value trimmed. */
class Violations {
  readonly list: Violation[] = [];

  add(field: string, key: MessageKey, params?: Record<string, string | number>): void {
    this.list.push(params === undefined ? { field, key } : { field, key, params });
  }

  /** Required text; returns the trimmed value ('' when absent). */
  requiredText(field: string, value: unknown, max: number): string {
    const text = trimmed(value);
    if (text === '') {
      this.add(field, 'required');
    } else {
      this.maxLength(field, text, max);
    }
    return text;
  }

  optionalText(field: string, value: unknown, max: number): string {
    const text = trimmed(value);
    this.maxLength(field, text, max);
    return text;
  }

  /** A required enum value; `missingKey` lets C3 say 'unsigned' rather than 'required'. */
  requiredEnum(
    field: string,
    value: unknown,
    allowed: readonly string[],
    missingKey: MessageKey = 'required',
  ): string {
    const text = trimmed(value);
    if (text === '') {
      this.add(field, missingKey);
    } else if (!allowed.includes(text)) {
      this.add(field, 'unknownValue', { value: text });
    }
    return text;
  }

  /** Known values, none twice; false when the list is missing or empty. */
  enumList(field: string, values: Maybe<readonly unknown[]>, allowed: readonly string[]): boolean {
    if (values === null || values === undefined || values.length === 0) {
      return false;
    }
    const seen = new Set<string>();
    for (const value of values) {
      const text = trimmed(value);
      if (!allowed.includes(text)) {
        this.add(field, 'unknownValue', { value: text });
      } else if (seen.has(text)) {
        this.add(field, 'duplicateValue', { value: text });
      }
      seen.add(text);
    }
    return true;
  }

  /** A required LocalDate on or before today. */
  pastDate(field: string, value: unknown, today: string): void {
    const text = trimmed(value);
    if (text === '') {
      this.add(field, 'required');
    } else if (!isLocalDate(text)) {
      this.add(field, 'invalidDate');
    } else if (text > today) {
      // Strict YYYY-MM-DD strings sort like the dates they name.
      this.add(field, 'futureDate');
    }
  }

  /** A field that belongs to the other kind of recipient must be left empty. */
  absent(field: string, value: unknown, key: MessageKey): void {
    if (trimmed(value) !== '') {
      this.add(field, key);
    }
  }

  private maxLength(field: string, text: string, max: number): void {
    // Code points, not UTF-16 units, so that a character counts once whatever its script.
    if ([...text].length > max) {
      this.add(field, 'tooLong', { max });
    }
  }
}

function trimmed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function assertToday(context: DateContext): string {
  if (!isLocalDate(context.today)) {
    // A caller's bug (a Date or an ISO instant passed), not a user's mistake.
    throw new RangeError(`today must be a YYYY-MM-DD LocalDate, got ${String(context.today)}`);
  }
  return context.today;
}

/** C1, C2, O2: the recipient's identity, address, contacts and accessibility needs. */
export function validateRecipient(recipient: RecipientInput, context: DateContext): Violation[] {
  const today = assertToday(context);
  const v = new Violations();
  const kind = v.requiredEnum('kind', recipient.kind, RECIPIENT_KIND_VALUES);

  if (kind === RecipientKind.INDIVIDUAL) {
    v.requiredText('surname', recipient.surname, MAX_LENGTH.surname);
    v.requiredText('givenName', recipient.givenName, MAX_LENGTH.givenName);
    v.optionalText('patronymic', recipient.patronymic, MAX_LENGTH.patronymic);
    const iin = trimmed(recipient.iin);
    if (iin !== '' && !isValidIin(iin)) {
      v.add('iin', 'invalidIin');
    }
    v.absent('organizationName', recipient.organizationName, 'notForIndividual');
    v.absent('bin', recipient.bin, 'notForIndividual');
    v.absent('outgoingNumber', recipient.outgoingNumber, 'notForIndividual');
    v.absent('outgoingDate', recipient.outgoingDate, 'notForIndividual');
  } else if (kind === RecipientKind.LEGAL_ENTITY) {
    v.requiredText('organizationName', recipient.organizationName, MAX_LENGTH.organizationName);
    const bin = trimmed(recipient.bin);
    if (bin === '') {
      v.add('bin', 'required');
    } else if (!isValidBin(bin)) {
      v.add('bin', 'invalidBin');
    }
    v.requiredText('outgoingNumber', recipient.outgoingNumber, MAX_LENGTH.outgoingNumber);
    v.pastDate('outgoingDate', recipient.outgoingDate, today);
    v.absent('surname', recipient.surname, 'notForLegalEntity');
    v.absent('givenName', recipient.givenName, 'notForLegalEntity');
    v.absent('patronymic', recipient.patronymic, 'notForLegalEntity');
    v.absent('iin', recipient.iin, 'notForLegalEntity');
  }

  v.requiredText('postalAddress', recipient.postalAddress, MAX_LENGTH.postalAddress);
  const email = v.optionalText('email', recipient.email, MAX_LENGTH.email);
  if (email !== '' && !isValidEmail(email)) {
    v.add('email', 'invalidEmail');
  }
  const phone = trimmed(recipient.phone);
  if (phone !== '' && !PHONE.test(phone.replace(PHONE_SEPARATORS, ''))) {
    v.add('phone', 'invalidPhone');
  }
  v.enumList('accessibilityNeeds', recipient.accessibilityNeeds, ACCESSIBILITY_NEED_VALUES);
  if (trimmed(recipient.language) !== '') {
    v.requiredEnum('language', recipient.language, NOTICE_LANGUAGE_VALUES);
  }
  if (v.enumList('noticeChannels', recipient.noticeChannels, NOTICE_CHANNEL_VALUES)) {
    // O5: a notice goes to the contact the recipient gave for it.
    const channels = recipient.noticeChannels ?? [];
    if (channels.includes('EMAIL') && email === '') v.add('email', 'contactForNotices');
    if (channels.includes('SMS') && phone === '') v.add('phone', 'contactForNotices');
  }
  return v.list;
}

/** R2, R3, R4, C1–C3: a complaint as filed (FileComplaintInput). */
export function validateComplaint(input: FileComplaintInput, context: FilingContext): Violation[] {
  assertToday(context);
  const v = new Violations();
  receivedAt(v, input, context.now);
  if (trimmed(input.providerId) === '') {
    v.add('providerId', 'required');
  }
  v.optionalText('publicServiceCode', input.publicServiceCode, MAX_LENGTH.publicServiceCode);
  v.optionalText('official', input.official, MAX_LENGTH.official);
  v.requiredEnum('subject', input.subject, COMPLAINT_SUBJECT_VALUES);
  v.requiredText('description', input.description, MAX_LENGTH.description);
  v.requiredEnum('channel', input.channel, CHANNEL_VALUES);
  v.requiredEnum('signature', input.signature, SIGNATURE_METHOD_VALUES, 'unsigned');

  if (input.recipient === null || input.recipient === undefined) {
    v.add('recipient', 'required');
    return v.list;
  }
  const recipient = validateRecipient(input.recipient, context).map((violation) => ({
    ...violation,
    field: `recipient.${violation.field}`,
  }));
  // O5: only the portal that filed a complaint pulls its notices; a paper filing has no portal.
  if (input.channel !== 'ELECTRONIC' && input.recipient.noticeChannels?.includes('PORTAL')) {
    v.add('recipient.noticeChannels', 'unknownValue', { value: 'PORTAL' });
  }
  return [...v.list, ...recipient];
}

/**
 * C4 (art. 64 APC): a paper complaint is registered with the instant it reached the office, which
 * may be before the officer enters it; never later than now, never long ago. An electronic one is
 * received when the portal files it.
 */
function receivedAt(v: Violations, input: FileComplaintInput, now: Date): void {
  const at = input.receivedAt;
  if (at === null || at === undefined) return;
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) {
    v.add('receivedAt', 'invalidDate');
  } else if (input.channel === 'ELECTRONIC') {
    v.add('receivedAt', 'notForElectronic');
  } else if (at.getTime() > now.getTime()) {
    v.add('receivedAt', 'futureDate');
  } else if (now.getTime() - at.getTime() > RECEIVED_AT_MAX_AGE_DAYS * 86_400_000) {
    v.add('receivedAt', 'receivedTooLongAgo', { days: RECEIVED_AT_MAX_AGE_DAYS });
  }
}

const OUTCOMES_THAT_RESTORE_RIGHTS: readonly string[] = [Outcome.UPHELD, Outcome.PARTIALLY_UPHELD];

/** O5, O7: a decision states its outcome, its reasoning and, when upheld, the remedial measures. */
export function validateDecision(input: DecisionInput): Violation[] {
  const v = new Violations();
  const outcome = v.requiredEnum('outcome', input.outcome, OUTCOME_VALUES);
  v.requiredText('reasoning', input.reasoning, MAX_LENGTH.reasoning);
  const remedialMeasures = v.optionalText(
    'remedialMeasures',
    input.remedialMeasures,
    MAX_LENGTH.remedialMeasures,
  );
  if (OUTCOMES_THAT_RESTORE_RIGHTS.includes(outcome) && remedialMeasures === '') {
    v.add('remedialMeasures', 'remedialMeasuresRequired');
  }
  return v.list;
}

/** C6 (with C3: the escalation is signed too). */
export function validateEscalation(input: EscalationInput): Violation[] {
  const v = new Violations();
  v.requiredText('reason', input.reason, MAX_LENGTH.escalationReason);
  v.requiredEnum('channel', input.channel, CHANNEL_VALUES);
  v.requiredEnum('signature', input.signature, SIGNATURE_METHOD_VALUES, 'unsigned');
  return v.list;
}

/** C8, R5: the court the recipient went to. */
export function validateCourtReferral(
  input: CourtReferralInput,
  context: DateContext,
): Violation[] {
  const today = assertToday(context);
  const v = new Violations();
  v.requiredText('court', input.court, MAX_LENGTH.court);
  v.pastDate('filedOn', input.filedOn, today);
  v.optionalText('caseNumber', input.caseNumber, MAX_LENGTH.caseNumber);
  return v.list;
}

export function validateWithdrawal(input: WithdrawalInput): Violation[] {
  const v = new Violations();
  v.requiredText('reason', input.reason, MAX_LENGTH.withdrawalReason);
  return v.list;
}

/** A SUPERVISOR's change to the working calendar: the day and why (the decree, the holiday). */
export function validateCalendarDay(input: CalendarDayInput): Violation[] {
  const v = new Violations();
  const date = trimmed(input.date);
  if (date === '') {
    v.add('date', 'required');
  } else if (!isLocalDate(date)) {
    v.add('date', 'invalidDate');
  }
  v.requiredText('reason', input.reason, MAX_LENGTH.calendarReason);
  return v.list;
}

/**
 * O8: written consent names what it covers, who signed it, how and when, and its evidence (the
 * signed paper form's registration number or the digital signature's reference).
 */
export function validateConsent(input: ConsentInput, context: DateContext): Violation[] {
  const today = assertToday(context);
  const v = new Violations();
  if (!v.enumList('scope', input.scope, CONSENT_SCOPE_VALUES)) {
    v.add('scope', 'atLeastOne');
  }
  v.requiredText('signedBy', input.signedBy, MAX_LENGTH.signedBy);
  v.requiredEnum('method', input.method, SIGNATURE_METHOD_VALUES);
  v.pastDate('signedOn', input.signedOn, today);
  v.requiredText('evidence', input.evidence, MAX_LENGTH.consentEvidence);
  return v.list;
}
