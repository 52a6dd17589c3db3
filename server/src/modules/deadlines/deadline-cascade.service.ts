import type { CalendarDay } from '@complaints/calendar';
import { ADMINISTRATOR_ROLES } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { requireRole } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { CalendarDayInput, WorkingCalendarService } from '../calendar/index.js';
import type { ComplaintService, DeadlineMove } from '../complaints/index.js';

/**
 * A change of the working calendar and the deadlines it moves, owned here so that neither the
 * calendar nor the complaints module needs the other's door to be wired in after construction:
 * both are called from this one place (calendar → complaints would otherwise be a cycle).
 */
export class DeadlineCascadeService {
  constructor(
    private readonly calendars: WorkingCalendarService,
    private readonly complaints: ComplaintService,
    private readonly audit: AuditService,
  ) {}

  /** Which open deadlines `setDay` would move; writes nothing. */
  async previewDay(ctx: RequestCtx, input: CalendarDayInput): Promise<DeadlineMove[]> {
    requireRole(ctx, ...ADMINISTRATOR_ROLES);
    this.calendars.assertDayChange(ctx, input);
    const calendar = await this.calendars.calendarWith(ctx.em, input);
    return this.complaints.moveDeadlines(ctx.em, ctx, {
      calendar,
      date: input.date,
      reason: input.reason.trim(),
      apply: false,
    });
  }

  /**
   * Makes a date working or a day off (a decree, Kurban Ait). In one transaction: the override,
   * every open deadline it moves (with history, audit and a notice, O5), and its audit record.
   */
  async setDay(
    ctx: RequestCtx,
    input: CalendarDayInput,
  ): Promise<{ day: CalendarDay; moved: DeadlineMove[] }> {
    requireRole(ctx, ...ADMINISTRATOR_ROLES);
    this.calendars.assertDayChange(ctx, input);
    const change = { ...input, reason: input.reason.trim() };
    return ctx.em.transactional(async (em) => {
      const { calendar, previous } = await this.calendars.writeDay(em, ctx, change);
      const moved = await this.complaints.moveDeadlines(em, ctx, {
        calendar,
        date: change.date,
        reason: change.reason,
        apply: true,
      });
      await this.audit.record(em, ctx, {
        action: 'calendar.setDay',
        entityType: 'CalendarDay',
        entityId: change.date,
        change: {
          date: change.date,
          working: change.working,
          reason: change.reason,
          previous,
          movedDeadlines: moved.length,
        },
      });
      return { day: calendar.day(change.date), moved };
    });
  }
}
