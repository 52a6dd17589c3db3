import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { LocalDate } from '@complaints/calendar';
import type { RequestCtx } from '../../context.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { CalendarDayType, DeadlineMoveType } from './calendar.types.js';
import type { DeadlineMove, WorkingCalendarService } from './working-calendar.service.js';

@Resolver()
export class CalendarResolver {
  constructor(private readonly calendars: WorkingCalendarService) {}

  @Query(() => LocalDateScalar, {
    description:
      'C5/C7: the working day that is `days` working days after `from` (the count starts the day after `from`).',
  })
  addWorkingDays(
    @Arg('from', () => LocalDateScalar, { description: 'The start date (not counted).' })
    from: LocalDate,
    @Arg('days', () => Int, { description: 'How many working days, 0 to 366.' }) days: number,
    @Ctx() ctx: RequestCtx,
  ): Promise<LocalDate> {
    return this.calendars.addWorkingDays(ctx, from, days);
  }

  @Query(() => Int, {
    description: 'Working days in (from, to]: after `from`, up to and including `to`.',
  })
  workingDaysBetween(
    @Arg('from', () => LocalDateScalar, { description: 'The start date (not counted).' })
    from: LocalDate,
    @Arg('to', () => LocalDateScalar, { description: 'The end date (counted).' }) to: LocalDate,
    @Ctx() ctx: RequestCtx,
  ): Promise<number> {
    return this.calendars.workingDaysBetween(ctx, from, to);
  }

  @Query(() => [CalendarDayType], {
    description:
      'Every day of the year that is not an ordinary Monday-Friday working day or Saturday/Sunday day off.',
  })
  calendarExceptions(
    @Arg('year', () => Int, { description: 'The year, 2000 to 2100.' }) year: number,
    @Ctx() ctx: RequestCtx,
  ): Promise<CalendarDayType[]> {
    return this.calendars.exceptions(ctx, year);
  }

  @Mutation(() => CalendarDayType, {
    description:
      'SUPERVISOR: make a date a working day or a day off (a government decree, Kurban Ait). Moves the open deadlines it affects, with history and a notice to each recipient. Audited.',
  })
  async setCalendarDay(
    @Arg('date', () => LocalDateScalar, { description: 'The date.' }) date: LocalDate,
    @Arg('working', { description: 'True: a working day; false: a day off.' }) working: boolean,
    @Arg('reason', { description: 'The decree or the holiday.' }) reason: string,
    @Ctx() ctx: RequestCtx,
  ): Promise<CalendarDayType> {
    return (await this.calendars.setDay(ctx, { date, working, reason })).day;
  }

  @Query(() => [DeadlineMoveType], {
    description:
      'SUPERVISOR: which open deadlines setCalendarDay would move, before it is made. Writes nothing.',
  })
  previewCalendarDay(
    @Arg('date', () => LocalDateScalar, { description: 'The date.' }) date: LocalDate,
    @Arg('working', { description: 'True: a working day; false: a day off.' }) working: boolean,
    @Arg('reason', { description: 'The decree or the holiday.' }) reason: string,
    @Ctx() ctx: RequestCtx,
  ): Promise<DeadlineMove[]> {
    return this.calendars.previewDay(ctx, { date, working, reason });
  }
}
