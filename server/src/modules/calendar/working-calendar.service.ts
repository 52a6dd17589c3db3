import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkingCalendar, type CalendarDay, type LocalDate } from '@complaints/calendar';
import { messageFor, validateCalendarDay } from '@complaints/domain';
import { type Sql, sql, trustedSql } from '../../db/statement.js';
import { BadUserInputError } from '../../errors.js';
import type { RequestCtx } from '../../context.js';
import { assertValid } from '../../validation.js';
import { CalendarOverride } from './calendar-override.entity.js';
import { type AlmatyDateTime, almatyDateTime, almatyDayStart } from './almaty-time.js';
import { syncWorkingDays } from './working-day-table.js';

export interface CalendarDayInput {
  date: LocalDate;
  working: boolean;
  reason: string;
}

// Bounds that keep one request's work small; no deadline of the procedure comes near them.
const MAX_WORKING_DAYS = 366;
const MAX_SPAN_DAYS = 3660;

/** The years the working calendar answers for: its rules and data hold for these only. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/**
 * A date outside the calendar's years is bad input on its field (e.g. 9999-12-31 plus 366 working
 * days would be no date at all).
 */
function assertSupportedDates(ctx: RequestCtx, dates: Record<string, LocalDate>): void {
  const fields: Record<string, string> = {};
  for (const [field, date] of Object.entries(dates)) {
    const year = Number(date.slice(0, 4));
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      fields[field] = outOfRange(ctx, FIRST_YEAR, LAST_YEAR);
    }
  }
  if (Object.keys(fields).length > 0) throw new BadUserInputError(fields);
}

function outOfRange(ctx: RequestCtx, min: number, max: number): string {
  return messageFor({ field: 'range', key: 'outOfRange', params: { min, max } }, ctx.language);
}

export class WorkingCalendarService {
  constructor(
    private readonly officeClosesAt: { hour: number; minute: number },
    private readonly officeOpensAt: { hour: number; minute: number } = { hour: 9, minute: 0 },
  ) {}

  /**
   * O5: messages reach people in working hours only (Asia/Almaty, the working calendar): null
   * when `now` is within them, else the instant they next begin.
   */
  nextWorkingHours(calendar: WorkingCalendar, now: Date): Date | null {
    const local = almatyDateTime(now);
    const opens = this.officeOpensAt.hour * 60 + this.officeOpensAt.minute;
    const minutes = local.hour * 60 + local.minute;
    if (calendar.isWorkingDay(local.date) && minutes >= opens && !this.isAfterHours(local)) {
      return null;
    }
    const day =
      calendar.isWorkingDay(local.date) && minutes < opens
        ? local.date
        : calendar.addWorkingDays(local.date, 1);
    return new Date(almatyDayStart(day).getTime() + opens * 60_000);
  }

  /** Brings the `working_day` table in step with the rules of this release (run at start). */
  async syncWorkingDayTable(em: EntityManager): Promise<void> {
    await em.transactional(async (tx) => {
      await tx.execute('lock table calendar_override in share row exclusive mode');
      await syncWorkingDays(tx, await this.calendar(tx));
    });
  }

  /** The built-in rules with every stored override applied: one small query. */
  async calendar(em: EntityManager): Promise<WorkingCalendar> {
    const overrides = await em.find(CalendarOverride, {}, { orderBy: { date: 'asc' } });
    return new WorkingCalendar({ overrides });
  }

  /**
   * Art. 64 APC: registered the day it is received; received on a non-working day, or after the
   * office's working hours, it is registered on the next working day.
   */
  registrationDate(calendar: WorkingCalendar, receivedAt: Date): LocalDate {
    const local = almatyDateTime(receivedAt);
    if (calendar.isWorkingDay(local.date) && !this.isAfterHours(local)) return local.date;
    return calendar.addWorkingDays(local.date, 1);
  }

  /**
   * `registrationDate` and the deadline `workingDays` working days after it (`addWorkingDays`),
   * computed by the database from `working_day`, so that a registration reads them with its other
   * facts and builds no calendar: a subquery giving one row of `registered_on` and
   * `response_deadline` ('YYYY-MM-DD').
   */
  registrationStampSql(receivedAt: Date, workingDays: number): Sql {
    if (!Number.isInteger(workingDays) || workingDays < 1) {
      throw new RangeError(`a review term is at least one working day, got ${workingDays}`);
    }
    const local = almatyDateTime(receivedAt);
    // The term is written into the text (a number, one text per review level): with it as a
    // value, PostgreSQL would plan the statement again at every execution.
    return sql`(select registered.day::text as registered_on,
        (select d.day from working_day d where d.day > registered.day and d.working
          order by d.day offset ${trustedSql(String(workingDays - 1))} limit 1)::text
          as response_deadline
      from (select case when received.working and not ${this.isAfterHours(local)}::boolean
                then received.day
                else (select d.day from working_day d where d.day > received.day and d.working
                      order by d.day limit 1)
              end as day
            from working_day received where received.day = ${local.date}::date) registered)`;
  }

  private isAfterHours(local: AlmatyDateTime): boolean {
    const { hour, minute } = this.officeClosesAt;
    return local.hour * 60 + local.minute >= hour * 60 + minute;
  }

  async exceptions(ctx: RequestCtx, year: number): Promise<CalendarDay[]> {
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
      throw new BadUserInputError({ year: outOfRange(ctx, FIRST_YEAR, LAST_YEAR) });
    }
    return (await this.calendar(ctx.em)).exceptions(year);
  }

  async addWorkingDays(ctx: RequestCtx, from: LocalDate, days: number): Promise<LocalDate> {
    if (!Number.isInteger(days) || days < 0 || days > MAX_WORKING_DAYS) {
      throw new BadUserInputError({ days: outOfRange(ctx, 0, MAX_WORKING_DAYS) });
    }
    assertSupportedDates(ctx, { from });
    return (await this.calendar(ctx.em)).addWorkingDays(from, days);
  }

  async workingDaysBetween(ctx: RequestCtx, from: LocalDate, to: LocalDate): Promise<number> {
    assertSupportedDates(ctx, { from, to });
    if (Math.abs(Date.parse(to) - Date.parse(from)) > MAX_SPAN_DAYS * 86_400_000) {
      throw new BadUserInputError({ to: outOfRange(ctx, 0, MAX_SPAN_DAYS) });
    }
    return (await this.calendar(ctx.em)).workingDaysBetween(from, to);
  }

  /** A calendar day change as asked: valid, with a reason, within the calendar's years. */
  assertDayChange(ctx: RequestCtx, input: CalendarDayInput): void {
    assertValid(validateCalendarDay(input), ctx.language);
    assertSupportedDates(ctx, { date: input.date });
  }

  /** The calendar as it would be with `input` applied (a preview); writes nothing. */
  async calendarWith(em: EntityManager, input: CalendarDayInput): Promise<WorkingCalendar> {
    const overrides = await em.find(CalendarOverride, { date: { $ne: input.date } });
    return new WorkingCalendar({
      overrides: [...overrides, { date: input.date, working: input.working, reason: input.reason }],
    });
  }

  /**
   * Makes a date working or a day off (a decree, Kurban Ait) in the caller's transaction: the
   * override and `working_day`, serialised against every other calendar change so that none
   * recomputes from a stale calendar. Answers the calendar after the change and the override it
   * replaced; the caller moves the deadlines it affects and writes the audit record.
   */
  async writeDay(
    em: EntityManager,
    ctx: RequestCtx,
    input: CalendarDayInput,
  ): Promise<{ calendar: WorkingCalendar; previous: { working: boolean; reason: string } | null }> {
    await em.execute('lock table calendar_override in share row exclusive mode');
    const previous = await em.findOne(CalendarOverride, { date: input.date });
    const replaced = previous ? { working: previous.working, reason: previous.reason } : null;
    const override =
      previous ??
      em.create(CalendarOverride, {
        date: input.date,
        working: input.working,
        reason: input.reason,
        setAt: ctx.now,
      });
    override.working = input.working;
    override.reason = input.reason;
    override.setAt = ctx.now;
    override.setById = ctx.actor?.kind === 'user' ? ctx.actor.userId : null;
    em.persist(override);
    await em.flush();
    const calendar = await this.calendar(em);
    await syncWorkingDays(em, calendar);
    return { calendar, previous: replaced };
  }
}
