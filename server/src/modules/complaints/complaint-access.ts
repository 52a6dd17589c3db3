import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Channel, ComplaintAction } from '@complaints/domain';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { isAuthorityStaff, type UserActor } from '../access/access.js';
import { isUuid } from '../providers/provider.service.js';
import { applyReadScope } from './complaint-query.service.js';
import { Complaint } from './complaint.entity.js';
import { trackingCodeMatches } from './tracking-code.js';

/** Everything an actor may do to one complaint: the status machine's actions and the rest. */
export type ComplaintOperation = ComplaintAction | 'assign' | 'recordConsent' | 'revokeConsent';

/** A complaint the actor reached, and whether it was reached by presenting the receipt. */
export interface ReachedComplaint {
  complaint: Complaint;
  /** The caller presented this complaint's tracking code (the recipient's receipt, O6). */
  presentedReceipt: boolean;
}

// Hashed when nothing is found, so that an unknown id costs the same work as a wrong code.
const NO_COMPLAINT = '00000000-0000-0000-0000-000000000000';
const NO_HASH = '0'.repeat(64);

/**
 * The one guard of every operation on a complaint: the complaint as the actor may reach it, locked
 * for the caller's transaction when asked. An actor reaches what it may read; a partner (the
 * portal, acting for one recipient) also reaches a complaint whose tracking code it presents.
 * Anything else is NOT_FOUND, before any status or version is looked at, so an error never tells
 * a caller that a complaint it cannot read exists, nor in which state.
 */
export async function reachComplaint(
  em: EntityManager,
  actor: UserActor,
  id: string,
  options: { lock: boolean; trackingCode?: string | null },
): Promise<ReachedComplaint> {
  if (!isUuid(id)) throw new NotFoundError('Complaint', id);
  const select = (scoped: boolean) => {
    const query = em.createQueryBuilder(Complaint, 'c').where({ id });
    if (options.lock) query.setLockMode(LockMode.PESSIMISTIC_WRITE, ['c']);
    return (scoped ? applyReadScope(query, actor) : query).getResultList();
  };
  const code = options.trackingCode?.trim() || null;
  const [readable] = await select(true);
  const [complaint] =
    readable || actor.role !== 'PARTNER' || !code ? [readable] : await select(false);
  const presentedReceipt =
    code !== null &&
    trackingCodeMatches(
      complaint?.id ?? NO_COMPLAINT,
      code,
      complaint?.trackingCodeHash ?? NO_HASH,
    );
  if (!complaint || (!readable && !presentedReceipt)) throw new NotFoundError('Complaint', id);
  await em.populate(complaint, ['provider']);
  return { complaint, presentedReceipt };
}

/**
 * Who may do what to a complaint it reached (DOMAIN.md, "Who may do what"): an officer acts on
 * its own provider's PROVIDER-level complaints; the authority's staff on the AUTHORITY level and
 * on paper escalations; consents are recorded by the provider's office or the authority; a
 * supervisor assigns; a partner acts only for the recipient whose
 * complaint it filed or whose receipt it presents. FORBIDDEN otherwise.
 */
export function assertMayAct(
  actor: UserActor,
  operation: ComplaintOperation,
  reached: ReachedComplaint,
  channel?: Channel,
): void {
  if (!mayAct(actor, operation, reached, channel)) {
    throw new ForbiddenError(`${actor.role} may not ${operation} this complaint`);
  }
}

function mayAct(
  actor: UserActor,
  operation: ComplaintOperation,
  { complaint, presentedReceipt }: ReachedComplaint,
  channel: Channel | undefined,
): boolean {
  if (actor.role === 'PARTNER') {
    const forTheRecipient = complaint.filedBy?.id === actor.userId || presentedReceipt;
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
  const handlesLevel =
    complaint.level === 'PROVIDER'
      ? actor.role === 'PROVIDER_OFFICER' && complaint.provider.id === actor.providerId
      : isAuthorityStaff(actor);
  switch (operation) {
    case 'startReview':
    case 'decide':
    case 'withdraw':
      return handlesLevel;
    case 'recordConsent':
    case 'revokeConsent':
      // The signed form reaches whoever holds the case: the provider's office at either level,
      // or the authority, which reads every case and registers paper escalations.
      return (
        isAuthorityStaff(actor) ||
        (actor.role === 'PROVIDER_OFFICER' && complaint.provider.id === actor.providerId)
      );
    case 'escalate':
      // A paper escalation is brought to the authority, which registers it.
      return isAuthorityStaff(actor) && channel === 'PAPER';
    case 'referToCourt':
      return isAuthorityStaff(actor);
    case 'assign':
      return actor.role === 'SUPERVISOR';
  }
}
