import type { LocalDate } from '@complaints/calendar';
import { COMPLAINT_STATUS_VALUES, isOpen } from '@complaints/domain';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { almatyDate } from '../modules/calendar/index.js';
import { Complaint } from '../modules/complaints/index.js';
import type { Metrics } from './metrics.js';

const OPEN_STATUSES = COMPLAINT_STATUS_VALUES.filter(isOpen);

/** The complaint gauges, each one count at scrape time. */
export function registerComplaintGauges(
  metrics: Metrics,
  orm: MikroORM,
  clock: () => Date = () => new Date(),
): void {
  metrics.registerGauge({
    name: 'complaints_overdue',
    help: 'Open complaints whose response deadline is before today (Asia/Almaty), as `Complaint.overdue` says.',
    collect: () => countOverdue(orm.em.fork(), almatyDate(clock())),
  });
}

/** `overdue` (complaint-view.ts) as one count: open, and today is after the deadline. */
export function countOverdue(em: EntityManager, today: LocalDate): Promise<number> {
  return em.count(Complaint, {
    status: { $in: OPEN_STATUSES },
    registration: { responseDeadline: { $lt: today } },
  });
}

/** The job queue and the notices it delivers, each one statement at scrape time. */
export function registerJobGauges(metrics: Metrics, orm: MikroORM): void {
  const count = async (text: string): Promise<number> => {
    const [row] = await orm.em.fork().getConnection().execute<{ n: number }[]>(text);
    return Number(row?.n ?? 0);
  };
  metrics.registerGauge({
    name: 'job_queue_depth',
    help: 'Jobs waiting or running in the queue (graphile-worker), failed ones included.',
    collect: () => count('select count(*)::int as n from graphile_worker.jobs'),
  });
  metrics.registerGauge({
    name: 'job_queue_failing',
    help: 'Jobs whose last try failed and that will be tried again.',
    collect: () =>
      count('select count(*)::int as n from graphile_worker.jobs where last_error is not null'),
  });
  metrics.registerGauge({
    name: 'notices_undelivered',
    help: 'Notices every delivery try failed for (a supervisor can send them again).',
    collect: () => count(`select count(*)::int as n from notice where status = 'UNDELIVERED'`),
  });
}
