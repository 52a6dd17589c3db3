import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { LocalDate } from '@complaints/calendar';
import type { RequestCtx } from '../../context.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { CalendarDayType } from './calendar.types.js';
import type { WorkingCalendarService } from './working-calendar.service.js';

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
}
