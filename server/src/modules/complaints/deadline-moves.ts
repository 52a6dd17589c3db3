import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate, WorkingCalendar } from '@complaints/calendar';
import { REVIEW_TERM_WORKING_DAYS } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import type { AuditService } from '../audit/index.js';
import type { NotificationService } from '../notifications/index.js';
import { commitChange } from './complaint-change.js';
import { Complaint } from './complaint.entity.js';

/** A deadline a calendar change moves (or would move, in a preview). */
export interface DeadlineMove {
  complaintId: string;
  incomingNumber: string;
  previousDeadline: LocalDate;
  newDeadline: LocalDate;
}

export interface CalendarChange {
  calendar: WorkingCalendar;
  date: LocalDate;
  reason: string;
  /** Write the moves; without, they are only reported (a preview). */
  apply: boolean;
}

/**
 * A calendar change: recomputes, from `registeredOn`, the deadline of every open complaint
 * whose review period the changed date falls in. With `apply`, each move is written with its
 * history, audit and a notice to the recipient (O5); without, it is only reported.
 */
export async function moveDeadlines(
  em: EntityManager,
  ctx: RequestCtx,
  services: { notifications: NotificationService; audit: AuditService },
  change: CalendarChange,
): Promise<DeadlineMove[]> {
  const candidates = await em.find(
    Complaint,
    {
      status: { $in: ['REGISTERED', 'IN_REVIEW'] },
      registration: { registeredOn: { $lt: change.date } },
    },
    {
      lockMode: change.apply ? LockMode.PESSIMISTIC_WRITE : undefined,
      orderBy: { registration: { responseDeadline: 'asc' }, id: 'asc' },
    },
  );
  const moves: DeadlineMove[] = [];
  for (const complaint of candidates) {
    const previousDeadline = complaint.registration.responseDeadline;
    const newDeadline = change.calendar.addWorkingDays(
      complaint.registration.registeredOn,
      REVIEW_TERM_WORKING_DAYS[complaint.level],
    );
    if (newDeadline === previousDeadline) continue;
    moves.push({
      complaintId: complaint.id,
      incomingNumber: complaint.registration.incomingNumber,
      previousDeadline,
      newDeadline,
    });
    if (!change.apply) continue;
    complaint.registration.responseDeadline = newDeadline;
    services.notifications.notify(
      em,
      complaint,
      'DEADLINE_MOVED',
      {
        incomingNumber: complaint.registration.incomingNumber,
        previousDeadline,
        newDeadline,
        reason: change.reason,
      },
      ctx.now,
    );
    await commitChange(em, ctx, services.audit, complaint, {
      action: 'moveDeadline',
      fromStatus: complaint.status,
      note: `${previousDeadline} → ${newDeadline}: ${change.reason}`,
      audit: () => ({
        previousDeadline,
        newDeadline,
        reason: change.reason,
        calendarDate: change.date,
      }),
    });
  }
  return moves;
}
