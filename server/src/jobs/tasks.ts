import type { MikroORM } from '@mikro-orm/postgresql';
import type { Task, TaskList } from 'graphile-worker';
import type { Services } from '../services.js';

/** The job that delivers one email or SMS notice (added by the `notice_delivery_job` trigger). */
export const DELIVER_NOTICE = 'deliver-notice';
/** The morning sweep of deadlines. */
export const DEADLINE_SWEEP = 'deadline-sweep';

/**
 * graphile-worker's cron (UTC; schedules each tick once whatever the number of workers): 04:05
 * UTC is 09:05 in Asia/Almaty (UTC+5 since 1 March 2024). A sweep missed while no worker ran is
 * made up within the day; the sweep itself skips days off and flags a case once a day.
 */
export const CRONTAB = `5 4 * * * ${DEADLINE_SWEEP} ?fill=20h&max=3`;

/** One job per notice: the key the `notice_delivery_job` trigger gives its job too. */
export function noticeJobKey(noticeId: string): string {
  return `notice:${noticeId}`;
}

function noticeIdOf(payload: unknown): string {
  const id = (payload as { noticeId?: unknown } | null)?.noticeId;
  if (typeof id !== 'string') throw new Error(`${DELIVER_NOTICE}: payload without a noticeId`);
  return id;
}

/**
 * The background work, calling the services as a resolver does, each job with its own unit of
 * work and the clock read once.
 */
export function jobTasks(orm: MikroORM, services: Services): TaskList {
  const deliverNotice: Task = async (payload, helpers) => {
    const noticeId = noticeIdOf(payload);
    const now = new Date();
    const em = orm.em.fork();
    // O5: messages go out in working hours only; outside them the job waits for the next ones.
    const later = services.calendars.nextWorkingHours(await services.calendars.calendar(em), now);
    if (later) {
      // The notice's own key, as the trigger gives it: a resend or a second trigger while this
      // waits replaces this job instead of adding a second sender of the same notice.
      await helpers.addJob(
        DELIVER_NOTICE,
        { noticeId },
        { runAt: later, maxAttempts: 8, jobKey: noticeJobKey(noticeId) },
      );
      return;
    }
    const last = helpers.job.attempts >= helpers.job.max_attempts;
    const result = await services.noticeDelivery.deliver(em, noticeId, { last }, now);
    // Thrown, the job is tried again later with graphile-worker's exponential backoff.
    if (result === 'retry') throw new Error(`notice ${noticeId} not delivered yet; retrying`);
  };
  const deadlineSweep: Task = async () => {
    await services.deadlineSweeps.sweep({
      em: orm.em.fork(),
      actor: { kind: 'system', displayName: 'deadline sweep' },
      now: new Date(),
      language: 'kk',
    });
  };
  return { [DELIVER_NOTICE]: deliverNotice, [DEADLINE_SWEEP]: deadlineSweep };
}
