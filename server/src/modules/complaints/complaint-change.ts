import type { EntityManager } from '@mikro-orm/postgresql';
import type { ComplaintAction } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { ConflictError } from '../../errors.js';
import type { AuditService } from '../audit/index.js';
import { recordComplaintEvent, type ComplaintEventData } from './complaint-history.js';
import type { Complaint } from './complaint.entity.js';

/** A stored complaint is about to change: its next version, changed now. */
export function bumpVersion(complaint: Complaint, ctx: RequestCtx): void {
  complaint.version += 1;
  complaint.updatedAt = ctx.now;
}

/**
 * The one way a stored complaint's change is committed, in the caller's transaction: the next
 * version, the history entry and the audit record (`complaint.<action>`), whose `change` is
 * built once the version is known. The caller has applied the change itself.
 */
export async function commitChange(
  em: EntityManager,
  ctx: RequestCtx,
  audit: AuditService,
  complaint: Complaint,
  change: ComplaintEventData & {
    // The changes audited as `complaint.<action>`; a consent is audited by its own module, the
    // sweep's flags by the sweep (one record for the morning).
    action: Exclude<
      ComplaintEventData['action'],
      'recordConsent' | 'revokeConsent' | 'flagDueSoon' | 'flagOverdue'
    >;
    audit: (complaint: Complaint) => Record<string, unknown>;
  },
): Promise<void> {
  bumpVersion(complaint, ctx);
  recordComplaintEvent(em, ctx, complaint, change);
  await em.flush();
  await audit.record(em, ctx, {
    action: `complaint.${change.action}`,
    entityType: 'Complaint',
    entityId: complaint.id,
    change: change.audit(complaint),
  });
}

/** A stale `expectedVersion`: someone changed the complaint since the client read it. */
export function assertVersion(complaint: Complaint, expectedVersion: number): void {
  if (complaint.version !== expectedVersion) {
    throw new ConflictError(
      `Complaint ${complaint.id} is at version ${complaint.version}, not ${expectedVersion}`,
      { reason: 'STALE_VERSION', currentVersion: complaint.version },
    );
  }
}

/** The status machine refuses `action` in the complaint's state. */
export function refused(complaint: Complaint, action: ComplaintAction): ConflictError {
  return new ConflictError(
    `${action} is not allowed for a ${complaint.level} complaint in status ${complaint.status}`,
    { reason: 'TRANSITION_REFUSED', status: complaint.status, action },
  );
}
