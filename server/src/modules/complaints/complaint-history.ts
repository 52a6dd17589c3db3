import type { EntityManager } from '@mikro-orm/postgresql';
import type { ComplaintStatus } from '@complaints/domain';
import { actorId, actorName, type RequestCtx } from '../../context.js';
import type { Complaint } from './complaint.entity.js';
import { ComplaintEvent, type ComplaintEventAction } from './complaint-event.entity.js';

/** The one writer of a complaint's history: every change goes through here. */
export function recordComplaintEvent(
  em: EntityManager,
  ctx: RequestCtx,
  complaint: Complaint,
  event: ComplaintEventData,
): ComplaintEvent {
  const row = newComplaintEvent(ctx, complaint, event);
  em.persist(row);
  return row;
}

/** A history entry for the caller to write itself (a registration's one statement). */
export function newComplaintEvent(
  ctx: RequestCtx,
  complaint: Complaint,
  event: ComplaintEventData,
): ComplaintEvent {
  return Object.assign(new ComplaintEvent(), {
    complaint,
    at: ctx.now,
    actorId: actorId(ctx.actor),
    actor: actorName(ctx.actor),
    action: event.action,
    fromStatus: event.fromStatus,
    toStatus: complaint.status,
    note: event.note ?? null,
  });
}

export interface ComplaintEventData {
  action: ComplaintEventAction;
  fromStatus: ComplaintStatus | null;
  note?: string | null;
}

export function historyOf(
  em: EntityManager,
  complaintIds: readonly string[],
): Promise<ComplaintEvent[]> {
  return em.find(
    ComplaintEvent,
    { complaint: { $in: [...complaintIds] } },
    { orderBy: { at: 'asc', id: 'asc' } },
  );
}
