import { ComplaintStatus, ReviewLevel } from './enums.js';

// The status machine of DOMAIN.md "Statuses" as data: the server refuses (CONFLICT) and the admin
// hides every action that is not listed here, so both read the same table.

export type ComplaintAction = 'startReview' | 'decide' | 'escalate' | 'referToCourt' | 'withdraw';

export const COMPLAINT_ACTIONS: readonly ComplaintAction[] = [
  'startReview',
  'decide',
  'escalate',
  'referToCourt',
  'withdraw',
];

export interface ComplaintTransition {
  readonly action: ComplaintAction;
  readonly level: ReviewLevel;
  readonly from: readonly ComplaintStatus[];
  readonly to: ComplaintStatus;
  /** The move exists only once the response deadline has passed without a decision. */
  readonly requiresDeadlinePassed?: boolean;
}

/** What the machine needs to know about a complaint. */
export interface ComplaintState {
  readonly level: ReviewLevel;
  readonly status: ComplaintStatus;
  /** Today (Asia/Almaty) is after the responseDeadline; only escalation on inaction reads it. */
  readonly deadlinePassed?: boolean;
}

const { REGISTERED, IN_REVIEW, DECIDED, ESCALATED, COURT_REFERRED, WITHDRAWN } = ComplaintStatus;
const { PROVIDER, AUTHORITY } = ReviewLevel;

export const COMPLAINT_TRANSITIONS: readonly ComplaintTransition[] = [
  { action: 'startReview', level: PROVIDER, from: [REGISTERED], to: IN_REVIEW },
  // A provider may answer straight from registration (C5 counts from registration, not review).
  { action: 'decide', level: PROVIDER, from: [REGISTERED, IN_REVIEW], to: DECIDED },
  // C6: the recipient disagrees with the provider's result.
  { action: 'escalate', level: PROVIDER, from: [DECIDED], to: ESCALATED },
  // C6 on inaction: the provider let the 5 working days pass without a decision.
  {
    action: 'escalate',
    level: PROVIDER,
    from: [REGISTERED, IN_REVIEW],
    to: ESCALATED,
    requiresDeadlinePassed: true,
  },
  { action: 'withdraw', level: PROVIDER, from: [REGISTERED, IN_REVIEW], to: WITHDRAWN },

  { action: 'startReview', level: AUTHORITY, from: [REGISTERED], to: IN_REVIEW },
  { action: 'decide', level: AUTHORITY, from: [IN_REVIEW], to: DECIDED },
  // C8: the recipient disagrees with the authority's result and goes to court.
  { action: 'referToCourt', level: AUTHORITY, from: [DECIDED], to: COURT_REFERRED },
  { action: 'withdraw', level: AUTHORITY, from: [REGISTERED, IN_REVIEW], to: WITHDRAWN },
];

/** The status `action` leads to from `state`, or null when the move is refused. */
export function nextStatus(action: ComplaintAction, state: ComplaintState): ComplaintStatus | null {
  const transition = COMPLAINT_TRANSITIONS.find(
    (t) =>
      t.action === action &&
      t.level === state.level &&
      t.from.includes(state.status) &&
      (t.requiresDeadlinePassed !== true || state.deadlinePassed === true),
  );
  return transition?.to ?? null;
}

export function canTransition(action: ComplaintAction, state: ComplaintState): boolean {
  return nextStatus(action, state) !== null;
}

/** The actions the machine allows from `state`, in the order of COMPLAINT_ACTIONS. */
export function allowedActions(state: ComplaintState): ComplaintAction[] {
  return COMPLAINT_ACTIONS.filter((action) => canTransition(action, state));
}

/**
 * Undecided and still with its reviewer: the complaints whose deadlines run, may become overdue
 * and are recomputed when the working calendar changes. There is no `isDecided(status)`: an
 * ESCALATED complaint may have been decided or escalated on inaction, which the status alone
 * does not tell (read the decision instead).
 */
export function isOpen(status: ComplaintStatus): boolean {
  return status === REGISTERED || status === IN_REVIEW;
}
