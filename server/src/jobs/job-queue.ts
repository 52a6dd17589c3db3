import { EventEmitter } from 'node:events';
import {
  Logger,
  run,
  runMigrations,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from 'graphile-worker';
import pg from 'pg';

/**
 * Background work on graphile-worker: jobs live in PostgreSQL (schema `graphile_worker`), are
 * added by `graphile_worker.add_job()` in the very transaction of the change that causes them
 * (a trigger does it for notices), and are taken with `FOR UPDATE SKIP LOCKED`, so any number of
 * replicas can run workers.
 *
 * graphile-worker frees the jobs of a worker that died only after four hours. Here every worker
 * writes a heartbeat to `job_worker`; whoever sees a heartbeat older than `deadAfterMs` unlocks
 * that worker's jobs (`force_unlock_workers`), so a replica killed mid-job loses nothing and its
 * jobs run elsewhere within seconds.
 */

export interface JobQueueLog {
  error(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export interface JobWorkerOptions {
  connectionString: string;
  /** Jobs run at once by this process. */
  concurrency: number;
  tasks: TaskList;
  /** graphile-worker crontab lines (deduplicated across replicas by graphile-worker). */
  crontab?: string;
  pollIntervalMs?: number;
  /** The embedded PGlite: its sockets share one session, where named statements collide. */
  sharedSession?: boolean;
  heartbeatMs?: number;
  deadAfterMs?: number;
  log: JobQueueLog;
}

export interface JobWorkers {
  /** Stops taking jobs, waits for the running ones, then closes its connections. */
  stop(): Promise<void>;
}

/** The job workers' own connections: one per job, their listener and their upkeep. */
export function jobConnections(workers: number): number {
  return workers > 0 ? workers + 3 : 0;
}

/** Creates or updates the queue's own schema; safe to run from several replicas at once. */
export async function migrateJobQueue(connectionString: string, log: JobQueueLog): Promise<void> {
  await runMigrations({ connectionString, logger: queueLogger(log) });
}

function queueLogger(log: JobQueueLog): Logger {
  // Routine chatter (a worker connected, a job completed) is not logged; failures are.
  return new Logger(() => (level, message, meta) => {
    if (level === 'error') log.error(message, meta);
    else if (level === 'warning') log.warn(message, meta);
  });
}

export async function startJobWorkers(options: JobWorkerOptions): Promise<JobWorkers> {
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const deadAfterMs = options.deadAfterMs ?? 30_000;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: jobConnections(options.concurrency),
  });
  const failed = (error: Error) => options.log.error('job queue connection failed', { error });
  pool.on('error', failed);
  pool.on('connect', (client) => client.on('error', failed));
  const workerIds = new Set<string>();
  const events: WorkerEvents = new EventEmitter();
  // graphile-worker locks a job with its worker pool's id (`locked_by`), so the pool beats.
  events.on('worker:create', ({ worker }) => {
    const id = worker.workerPool.id;
    if (workerIds.has(id)) return;
    workerIds.add(id);
    void beat([id]);
  });

  async function beat(ids: string[]): Promise<void> {
    try {
      await pool.query(
        `insert into job_worker (worker_id, seen_at) select unnest($1::text[]), now()
         on conflict (worker_id) do update set seen_at = excluded.seen_at`,
        [ids],
      );
    } catch (error) {
      options.log.warn('job worker heartbeat failed', { error });
    }
  }

  async function recoverDeadWorkers(): Promise<void> {
    try {
      await pool.query(
        `with dead as (
           delete from job_worker where seen_at < now() - make_interval(secs => $1::float8 / 1000)
           returning worker_id)
         select graphile_worker.force_unlock_workers(array(select worker_id from dead))`,
        [deadAfterMs],
      );
    } catch (error) {
      options.log.warn('recovering the jobs of dead workers failed', { error });
    }
  }

  let runner: Runner;
  try {
    runner = await run({
      pgPool: pool,
      concurrency: options.concurrency,
      pollInterval: options.pollIntervalMs ?? 1_000,
      noHandleSignals: true,
      noPreparedStatements: options.sharedSession ?? false,
      taskList: options.tasks,
      crontab: options.crontab ?? '',
      logger: queueLogger(options.log),
      events,
    });
  } catch (error) {
    await pool.end();
    throw error;
  }
  await recoverDeadWorkers();
  const timer = setInterval(() => {
    void beat([...workerIds]).then(recoverDeadWorkers);
  }, heartbeatMs);
  timer.unref();

  return {
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await pool
        .query('delete from job_worker where worker_id = any($1::text[])', [[...workerIds]])
        .catch(() => undefined);
      await pool.end();
    },
  };
}
