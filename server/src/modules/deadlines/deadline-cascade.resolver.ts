import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { LocalDate } from '@complaints/calendar';
import type { RequestCtx } from '../../context.js';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { CalendarDayType } from '../calendar/index.js';
import type { DeadlineMove } from '../complaints/index.js';
import type { DeadlineCascadeService } from './deadline-cascade.service.js';
import { DeadlineMoveType } from './deadline.types.js';

@Resolver()
export class DeadlineCascadeResolver {
  constructor(private readonly deadlines: DeadlineCascadeService) {}

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
    return (await this.deadlines.setDay(ctx, { date, working, reason })).day;
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
    return this.deadlines.previewDay(ctx, { date, working, reason });
  }
}
