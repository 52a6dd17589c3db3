import type { Channel, ComplaintStatus, ReviewLevel, Role } from './enums.js';
import { canTransition, type ComplaintAction } from './status-machine.js';

// DOMAIN.md "Who may do what", as one policy on plain data. The server enforces it (FORBIDDEN)
// and answers it as `Complaint.availableActions`; the admin shows exactly that answer and derives
// nothing, so the two cannot drift apart.

/** Everything an actor may do to one complaint: the status machine's actions and the rest. */
export type ComplaintOperation = ComplaintAction | 'assign' | 'recordConsent' | 'revokeConsent';

export const COMPLAINT_OPERATIONS: readonly ComplaintOperation[] = [
  'startReview',
  'decide',
  'escalate',
  'referToCourt',
  'withdraw',
  'assign',
  'recordConsent',
  'revokeConsent',
];

/** The quality-control authority's staff: they read every case and may be assigned one. */
export const AUTHORITY_STAFF_ROLES: readonly Role[] = ['SUPERVISOR', 'INSPECTOR'];
/** Who reads complaints (each within its scope): everyone but the analyst, who reads metrics. */
export const COMPLAINT_READER_ROLES: readonly Role[] = [
  'SUPERVISOR',
  'INSPECTOR',
  'PROVIDER_OFFICER',
  'PARTNER',
];
/** C2, R4: the provider's office registers paper complaints; the portal files electronic ones. */
export const COMPLAINT_FILER_ROLES: readonly Role[] = ['PROVIDER_OFFICER', 'PARTNER'];
/** Who registers a complaint at a desk (the admin's registration page). */
export const DESK_REGISTRAR_ROLES: readonly Role[] = ['PROVIDER_OFFICER'];
/** O1: compliance metrics. */
export const METRICS_READER_ROLES: readonly Role[] = ['ANALYST', 'SUPERVISOR', 'INSPECTOR'];
/** The working calendar, users and the audit trail. */
export const ADMINISTRATOR_ROLES: readonly Role[] = ['SUPERVISOR'];

export function isAuthorityStaff(role: Role): boolean {
  return AUTHORITY_STAFF_ROLES.includes(role);
}

/** Who is acting, as the policy needs to know it. */
export interface PolicyActor {
  readonly role: Role;
  readonly userId: string;
  /** The provider a PROVIDER_OFFICER works for. */
  readonly providerId: string | null;
}

/** The complaint, as the policy needs to know it. */
export interface PolicyCase {
  readonly level: ReviewLevel;
  readonly status: ComplaintStatus;
  readonly providerId: string;
  /** The user (a partner system) that filed it electronically, if any. */
  readonly filedByUserId: string | null;
  /** Today (Asia/Almaty) is after the response deadline (C6 escalation on inaction). */
  readonly deadlinePassed: boolean;
}

/** What the role rules read of a case: its level and whose it is. */
export type PolicyScope = Pick<PolicyCase, 'level' | 'providerId' | 'filedByUserId'>;

export interface PolicyReach {
  /** The caller presented the complaint's tracking code: the recipient's receipt (O6). */
  readonly presentedReceipt?: boolean;
  /** The channel of an escalation; by default the actor's own (`escalationChannelFor`). */
  readonly channel?: Channel;
}

/** C6: the authority's staff register paper escalations; the portal files electronic ones. */
export function escalationChannelFor(role: Role): Channel {
  return role === 'PARTNER' ? 'ELECTRONIC' : 'PAPER';
}

/**
 * Whether the actor's role and scope allow `operation` on the case, whatever its status: an
 * officer acts on its own provider's PROVIDER-level complaints; the authority's staff on the
 * AUTHORITY level and on paper escalations; consents are recorded by the provider's office or
 * the authority; a supervisor assigns; a partner acts only for the recipient whose complaint it
 * filed or whose receipt it presents.
 */
export function mayAct(
  actor: PolicyActor,
  operation: ComplaintOperation,
  subject: PolicyScope,
  reach: PolicyReach = {},
): boolean {
  const channel = reach.channel ?? escalationChannelFor(actor.role);
  const ownProvider = actor.role === 'PROVIDER_OFFICER' && subject.providerId === actor.providerId;
  const staff = isAuthorityStaff(actor.role);
  if (actor.role === 'PARTNER') {
    const forTheRecipient =
      subject.filedByUserId === actor.userId || reach.presentedReceipt === true;
    switch (operation) {
      case 'escalate':
        return forTheRecipient && channel === 'ELECTRONIC';
      case 'referToCourt':
      case 'withdraw':
      case 'recordConsent':
      case 'revokeConsent':
        return forTheRecipient;
      case 'startReview':
      case 'decide':
      case 'assign':
        return false;
    }
  }
  switch (operation) {
    case 'startReview':
    case 'decide':
    case 'withdraw':
      return subject.level === 'PROVIDER' ? ownProvider : staff;
    case 'recordConsent':
    case 'revokeConsent':
      // The signed form reaches whoever holds the case: the provider's office at either level,
      // or the authority, which reads every case and registers paper escalations.
      return staff || ownProvider;
    case 'escalate':
      // A paper escalation is brought to the authority, which registers it.
      return staff && channel === 'PAPER';
    case 'referToCourt':
      return staff;
    case 'assign':
      return actor.role === 'SUPERVISOR';
  }
}

/** Whether the case's state allows `operation` now: the status machine; the rest at any time. */
export function stateAllows(
  operation: ComplaintOperation,
  subject: Pick<PolicyCase, 'level' | 'status'> & { deadlinePassed?: boolean },
): boolean {
  switch (operation) {
    case 'startReview':
    case 'decide':
    case 'escalate':
    case 'referToCourt':
    case 'withdraw':
      return canTransition(operation, subject);
    case 'assign': // a decided case may still need its follow-up (a court referral) handled
    case 'recordConsent':
    case 'revokeConsent':
      return true;
  }
}

/** The operations the actor may take on the case now, in the order of COMPLAINT_OPERATIONS. */
export function availableOperations(
  actor: PolicyActor,
  subject: PolicyCase,
  reach: Omit<PolicyReach, 'channel'> = {},
): ComplaintOperation[] {
  return COMPLAINT_OPERATIONS.filter(
    (operation) => mayAct(actor, operation, subject, reach) && stateAllows(operation, subject),
  );
}
