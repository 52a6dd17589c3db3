import { isUuid } from '../../validation.js';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@complaints/calendar';
import {
  availableOperations,
  mayAct,
  type Channel,
  type ComplaintOperation,
  type PolicyCase,
} from '@complaints/domain';
import type { Actor } from '../../context.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { UserActor } from '../access/index.js';
import { applyReadScope } from './complaint-query.service.js';
import type { ComplaintView } from './complaint-view.js';
import { Complaint } from './complaint.entity.js';
import { trackingCodeMatches } from './tracking-code.js';

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

/** The complaint as the domain's policy reads it. */
function policyCaseOf(complaint: ComplaintView, today: LocalDate): PolicyCase {
  return {
    level: complaint.level,
    status: complaint.status,
    providerId: complaint.provider.id,
    filedByUserId: complaint.filedBy?.id ?? null,
    deadlinePassed: today > complaint.registration.responseDeadline,
  };
}

/**
 * What the caller may do to a complaint it reads, now: the policy and the status machine
 * together, exactly what the services would let through (a reader reached the complaint by
 * reading it, not by presenting its receipt).
 */
export function availableActionsOf(
  actor: Actor | null,
  complaint: ComplaintView,
  today: LocalDate,
): ComplaintOperation[] {
  if (actor?.kind !== 'user') return [];
  return availableOperations(actor, policyCaseOf(complaint, today));
}

/** The domain's policy (`mayAct`) on a complaint the actor reached: FORBIDDEN when it says no. */
export function assertMayAct(
  actor: UserActor,
  operation: ComplaintOperation,
  { complaint, presentedReceipt }: ReachedComplaint,
  channel?: Channel,
): void {
  const scope = {
    level: complaint.level,
    providerId: complaint.provider.id,
    filedByUserId: complaint.filedBy?.id ?? null,
  };
  if (!mayAct(actor, operation, scope, { presentedReceipt, ...(channel ? { channel } : {}) })) {
    throw new ForbiddenError(`${actor.role} may not ${operation} this complaint`);
  }
}
