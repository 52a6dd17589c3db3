import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almatyDate } from '../../src/modules/calendar/index.js';
import { noticeJobKey } from '../../src/jobs/tasks.js';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../support/api.js';

// O5: a notice written outside working hours waits for them in the queue, as the one job of
// that notice: whatever queues it again meanwhile replaces it, so it is never sent twice.

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld({
    WORKERS: '1',
    SMTP_URL: 'smtp://127.0.0.1:9',
    SMTP_FROM: 'n@test.kz',
  });
  // Today and tomorrow are days off, whatever day the suite runs on: now is outside the hours.
  await world.sql(
    `insert into calendar_override (date, working, reason, set_at)
     select d, false, 'test', now() from unnest(array[$1::date, $1::date + 1]) d
     on conflict (date) do update set working = false`,
    [almatyDate(new Date())],
  );
});

afterAll(async () => {
  await world?.stop();
});

interface QueuedJob {
  key: string | null;
  run_at: Date;
  locked_at: Date | null;
}

async function jobsOf(noticeId: string): Promise<QueuedJob[]> {
  return world.sql<QueuedJob>(
    `select j.key, j.run_at, j.locked_at from graphile_worker._private_jobs j
     where j.payload->>'noticeId' = $1`,
    [noticeId],
  );
}

describe('deliver-notice outside working hours', () => {
  it('O5: the job waits for the next working hours under the notice’s key, and queuing it again replaces it', async () => {
    const officer = await world.as('officer');
    const input = complaintInput(world.providers.astana.id);
    const filed = await officer.request<{ fileComplaint: { complaint: { id: string } } }>(
      FILE_COMPLAINT,
      { input: { ...input, recipient: { ...input.recipient, noticeChannels: ['EMAIL'] } } },
    );
    expect(filed.errors).toBeUndefined();
    const [notice] = await world.sql<{ id: string }>(
      `select id from notice where complaint_id = $1 and channel = 'EMAIL'`,
      [filed.data!.fileComplaint.complaint.id],
    );

    // The worker takes the trigger's job, finds the office closed and queues it for later.
    let waiting: QueuedJob[] = [];
    for (let i = 0; i < 100; i += 1) {
      waiting = await jobsOf(notice!.id);
      if (waiting.length === 1 && waiting[0]!.run_at.getTime() > Date.now() + 60_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.run_at.getTime()).toBeGreaterThan(Date.now() + 60_000);
    expect(waiting[0]!.key).toBe(noticeJobKey(notice!.id));

    // What a resend's trigger does meanwhile: still one job for the notice.
    await world.sql(
      `select graphile_worker.add_job('deliver-notice', json_build_object('noticeId', $1::text),
         job_key => 'notice:' || $1, max_attempts => 8)`,
      [notice!.id],
    );
    expect(await jobsOf(notice!.id)).toHaveLength(1);
    const [status] = await world.sql<{ status: string }>(
      `select status from notice where id = $1`,
      [notice!.id],
    );
    expect(status!.status).toBe('PENDING');
  });
});
