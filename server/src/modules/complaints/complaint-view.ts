import type { LocalDate, WorkingCalendar } from '@complaints/calendar';
import { isOpen } from '@complaints/domain';
import type { Complaint, Decision } from './complaint.entity.js';

// What the API derives from a stored complaint, per DOMAIN.md: kept here, not in resolvers.

/** `onTime`: decided on or before the deadline. */
export function decisionView(complaint: Complaint): (Decision & { onTime: boolean }) | null {
  const { decision } = complaint;
  if (!decision?.outcome) return null;
  return Object.assign(
    Object.create(Object.getPrototypeOf(decision) as object) as Decision,
    decision,
    {
      onTime: decision.decidedOn <= complaint.registration.responseDeadline,
    },
  );
}

/** `overdue`: not decided and today (Asia/Almaty) is after the deadline. */
export function isOverdue(complaint: Complaint, today: LocalDate): boolean {
  return isOpen(complaint.status) && today > complaint.registration.responseDeadline;
}

/** Working days left until the deadline; null once closed, negative when overdue. */
export function workingDaysLeft(
  complaint: Complaint,
  today: LocalDate,
  calendar: WorkingCalendar,
): number | null {
  if (!isOpen(complaint.status)) return null;
  return calendar.workingDaysBetween(today, complaint.registration.responseDeadline);
}
