// The enums of the public contract (shared/contract/complaints.graphql), spelled exactly as there,
// so that server, admin and partners compare the same strings. Each is a const object (for
// `ComplaintStatus.DECIDED`), a union type of the same name, and a `…_VALUES` list (for selects
// and for validation of untyped input).

export const Role = {
  SUPERVISOR: 'SUPERVISOR',
  INSPECTOR: 'INSPECTOR',
  ANALYST: 'ANALYST',
  PROVIDER_OFFICER: 'PROVIDER_OFFICER',
  PARTNER: 'PARTNER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLE_VALUES: readonly Role[] = Object.values(Role);

export const RecipientKind = {
  INDIVIDUAL: 'INDIVIDUAL',
  LEGAL_ENTITY: 'LEGAL_ENTITY',
} as const;
export type RecipientKind = (typeof RecipientKind)[keyof typeof RecipientKind];
export const RECIPIENT_KIND_VALUES: readonly RecipientKind[] = Object.values(RecipientKind);

/** R4: a complaint is filed on paper or electronically. */
export const Channel = {
  PAPER: 'PAPER',
  ELECTRONIC: 'ELECTRONIC',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
export const CHANNEL_VALUES: readonly Channel[] = Object.values(Channel);

/** R3: what the complaint is against. */
export const ComplaintSubject = {
  DECISION: 'DECISION',
  ACTION: 'ACTION',
  INACTION: 'INACTION',
} as const;
export type ComplaintSubject = (typeof ComplaintSubject)[keyof typeof ComplaintSubject];
export const COMPLAINT_SUBJECT_VALUES: readonly ComplaintSubject[] =
  Object.values(ComplaintSubject);

export const ReviewLevel = {
  PROVIDER: 'PROVIDER',
  AUTHORITY: 'AUTHORITY',
} as const;
export type ReviewLevel = (typeof ReviewLevel)[keyof typeof ReviewLevel];
export const REVIEW_LEVEL_VALUES: readonly ReviewLevel[] = Object.values(ReviewLevel);

/** C5, C7: working days from registration within which a complaint is considered. */
export const REVIEW_TERM_WORKING_DAYS: Readonly<Record<ReviewLevel, number>> = {
  PROVIDER: 5,
  AUTHORITY: 15,
};

export const ComplaintStatus = {
  REGISTERED: 'REGISTERED',
  IN_REVIEW: 'IN_REVIEW',
  DECIDED: 'DECIDED',
  ESCALATED: 'ESCALATED',
  COURT_REFERRED: 'COURT_REFERRED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ComplaintStatus = (typeof ComplaintStatus)[keyof typeof ComplaintStatus];
export const COMPLAINT_STATUS_VALUES: readonly ComplaintStatus[] = Object.values(ComplaintStatus);

export const Outcome = {
  UPHELD: 'UPHELD',
  PARTIALLY_UPHELD: 'PARTIALLY_UPHELD',
  REJECTED: 'REJECTED',
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];
export const OUTCOME_VALUES: readonly Outcome[] = Object.values(Outcome);

/** C3: how the recipient signed. */
export const SignatureMethod = {
  HANDWRITTEN: 'HANDWRITTEN',
  DIGITAL: 'DIGITAL',
} as const;
export type SignatureMethod = (typeof SignatureMethod)[keyof typeof SignatureMethod];
export const SIGNATURE_METHOD_VALUES: readonly SignatureMethod[] = Object.values(SignatureMethod);

/** O2: conditions a recipient with limited abilities needs. */
export const AccessibilityNeed = {
  WHEELCHAIR_ACCESS: 'WHEELCHAIR_ACCESS',
  SIGN_LANGUAGE: 'SIGN_LANGUAGE',
  LARGE_PRINT: 'LARGE_PRINT',
  SCREEN_READER: 'SCREEN_READER',
  HOME_VISIT: 'HOME_VISIT',
  ASSISTANT: 'ASSISTANT',
} as const;
export type AccessibilityNeed = (typeof AccessibilityNeed)[keyof typeof AccessibilityNeed];
export const ACCESSIBILITY_NEED_VALUES: readonly AccessibilityNeed[] =
  Object.values(AccessibilityNeed);

export const MetricsGroupBy = {
  PROVIDER: 'PROVIDER',
  AUTHORITY: 'AUTHORITY',
  REGION: 'REGION',
  SERVICE: 'SERVICE',
  MONTH: 'MONTH',
} as const;
export type MetricsGroupBy = (typeof MetricsGroupBy)[keyof typeof MetricsGroupBy];
export const METRICS_GROUP_BY_VALUES: readonly MetricsGroupBy[] = Object.values(MetricsGroupBy);

export const CalendarDaySource = {
  RULE: 'RULE',
  OVERRIDE: 'OVERRIDE',
} as const;
export type CalendarDaySource = (typeof CalendarDaySource)[keyof typeof CalendarDaySource];
export const CALENDAR_DAY_SOURCE_VALUES: readonly CalendarDaySource[] =
  Object.values(CalendarDaySource);

/**
 * O8: the kinds of secrets protected by law that a recipient's written consent may cover.
 * Not in the contract yet: the server may add it (adding an enum is not a breaking change).
 */
export const ConsentScope = {
  PERSONAL_DATA: 'PERSONAL_DATA',
  TAX_SECRET: 'TAX_SECRET',
  BANK_SECRET: 'BANK_SECRET',
  MEDICAL_SECRET: 'MEDICAL_SECRET',
} as const;
export type ConsentScope = (typeof ConsentScope)[keyof typeof ConsentScope];
export const CONSENT_SCOPE_VALUES: readonly ConsentScope[] = Object.values(ConsentScope);
