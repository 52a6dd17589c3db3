import type { MikroORM } from '@mikro-orm/postgresql';
import type { Task, TaskList } from 'graphile-worker';
import type { Services } from '../services.js';

/** The job that delivers one email or SMS notice (added by the `notice_delivery_job` trigger). */
export const DELIVER_NOTICE = 'deliver-notice';

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
      await helpers.addJob(DELIVER_NOTICE, { noticeId }, { runAt: later, maxAttempts: 8 });
      return;
    }
    const last = helpers.job.attempts >= helpers.job.max_attempts;
    const result = await services.noticeDelivery.deliver(em, noticeId, { last }, now);
    // Thrown, the job is tried again later with graphile-worker's exponential backoff.
    if (result === 'retry') throw new Error(`notice ${noticeId} not delivered yet; retrying`);
  };
  return { [DELIVER_NOTICE]: deliverNotice };
}
