import { isOpen, type ComplaintStatus } from '@complaints/domain';

/**
 * How urgent a complaint's deadline looks in the queue. The server says whether it is overdue and
 * how many working days are left (C5/C7, the working calendar); this only picks the marking.
 */
export type DeadlineUrgency = 'closed' | 'overdue' | 'dueToday' | 'dueSoon' | 'running';

export interface DeadlineMark {
  urgency: DeadlineUrgency;
  /** Working days overdue (for `overdue`) or left (otherwise); null once the review is closed. */
  days: number | null;
  /** The tag's colour class: an extra, never the only signal (the text always says it). */
  tagClass: 'tag--red' | 'tag--orange' | null;
}

export interface DeadlineState {
  status: ComplaintStatus;
  overdue: boolean;
  workingDaysLeft: number | null;
}

/**
 * Overdue → red; due today or one working day left → orange; more → plain text; decided, escalated,
 * referred or withdrawn → no deadline running.
 */
export function deadlineMark({ status, overdue, workingDaysLeft }: DeadlineState): DeadlineMark {
  if (!isOpen(status) || workingDaysLeft === null) {
    return { urgency: 'closed', days: null, tagClass: null };
  }
  // Past a Friday deadline on the Saturday after it, no working day has been missed yet: 0.
  if (overdue)
    return { urgency: 'overdue', days: Math.max(0, -workingDaysLeft), tagClass: 'tag--red' };
  if (workingDaysLeft <= 0) return { urgency: 'dueToday', days: 0, tagClass: 'tag--orange' };
  if (workingDaysLeft === 1) return { urgency: 'dueSoon', days: 1, tagClass: 'tag--orange' };
  return { urgency: 'running', days: workingDaysLeft, tagClass: null };
}

/** The CLDR plural category of `count` in `locale` (Russian has one/few/many). */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(locale).select(count);
}
