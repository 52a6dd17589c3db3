import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestCtx } from '../../context.js';
import type { DeadlineReminder, DeadlineSweepService } from './deadline-sweep.service.js';
import { DeadlineReminderType } from './deadline.types.js';

@Resolver()
export class DeadlineSweepResolver {
  constructor(private readonly sweeps: DeadlineSweepService) {}

  @Query(() => [DeadlineReminderType], {
    description:
      "PROVIDER_OFFICER, INSPECTOR, SUPERVISOR: the latest morning sweep's reminders for the caller: deadlines due by the next working day, and overdue ones (overdue first, at most 200).",
  })
  deadlineReminders(@Ctx() ctx: RequestCtx): Promise<DeadlineReminder[]> {
    return this.sweeps.reminders(ctx);
  }
}
