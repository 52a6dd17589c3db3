import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, RequestCtx } from '../../../src/context.js';
import { startJobWorkers } from '../../../src/jobs/job-queue.js';
import { almatyDate } from '../../../src/modules/calendar/index.js';
import { DEADLINE_SWEEP, jobTasks } from '../../../src/jobs/tasks.js';
import type { Services } from '../../../src/services.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import {
  at,
  ctxFor,
  individualComplaint,
  newAuthority,
  newProvider,
  newUser,
  testServices,
} from '../../support/factories.js';

let db: TestDatabase;
let services: Services;
let officer: Actor;
let otherOfficer: Actor;
let inspector: Actor;
let supervisor: Actor;
let providerId: string;

const SYSTEM: Actor = { kind: 'system', displayName: 'deadline sweep' };
const system = (now: Date): RequestCtx => ctxFor(db.orm, SYSTEM, now);

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices();
  const em = db.orm.em.fork();
  const provider = await newProvider(em, 'Астана');
  const other = await newProvider(em, 'Алматы');
  const authority = await newAuthority(em, 'Астана');
  providerId = provider.id;
  officer = (await newUser(em, 'PROVIDER_OFFICER', { providerId })).actor;
  otherOfficer = (await newUser(em, 'PROVIDER_OFFICER', { providerId: other.id })).actor;
  inspector = (await newUser(em, 'INSPECTOR', { authorityId: authority.id })).actor;
  supervisor = (await newUser(em, 'SUPERVISOR', { authorityId: authority.id })).actor;
});

afterAll(async () => {
  await db?.drop();
});

async function file(now: Date): Promise<{ id: string; deadline: string }> {
  const { complaint } = await services.complaints.fileComplaint(
    ctxFor(db.orm, officer, now),
    individualComplaint(providerId),
  );
  return { id: complaint.id, deadline: complaint.registration.responseDeadline };
}

const flagsOf = (id: string) =>
  db.sql<{ kind: string; day: string; swept_on: string }>(
    `select kind, day::text, swept_on::text from deadline_flag where complaint_id = $1
      order by swept_on, kind`,
    [id],
  );
const noticesOf = (id: string, kind: string) =>
  db.sql<{ n: number }>(
    `select count(*)::int as n from notice where complaint_id = $1 and kind = $2`,
    [id, kind],
  );
const historyOf = (id: string) =>
  db.sql<{ action: string; note: string }>(
    `select action, note from complaint_event where complaint_id = $1 and action like 'flag%'
      order by id`,
    [id],
  );

describe('the morning deadline sweep', () => {
  it('Deadlines: a case due by the next working day is flagged and its office reminded, once a day', async () => {
    // Filed Monday 23 November 2026: due Monday 30 November (5 working days).
    const complaint = await file(at('2026-11-23 10:00'));
    expect(complaint.deadline).toBe('2026-11-30');
    // Thursday: the next working day is Friday, before the deadline: nothing yet.
    await services.deadlineSweeps.sweep(system(at('2026-11-26 09:05')));
    expect(await flagsOf(complaint.id)).toEqual([]);
    // Friday: due by the next working day (Monday 30th).
    const friday = await services.deadlineSweeps.sweep(system(at('2026-11-27 09:05')));
    expect(friday?.dueSoon).toContain(complaint.id);
    // The same morning again (a retried job): nothing new.
    const again = await services.deadlineSweeps.sweep(system(at('2026-11-27 09:40')));
    expect(again?.dueSoon).not.toContain(complaint.id);
    expect(await flagsOf(complaint.id)).toEqual([
      { kind: 'DUE_SOON', day: '2026-11-27', swept_on: '2026-11-27' },
    ]);
    expect(await historyOf(complaint.id)).toEqual([{ action: 'flagDueSoon', note: '2026-11-27' }]);
    const reminders = await services.deadlineSweeps.reminders(
      ctxFor(db.orm, officer, at('2026-11-27 10:00')),
    );
    expect(reminders).toContainEqual(
      expect.objectContaining({ complaintId: complaint.id, kind: 'DUE_SOON' }),
    );
    // Another provider's officer is not reminded of it.
    const others = await services.deadlineSweeps.reminders(
      ctxFor(db.orm, otherOfficer, at('2026-11-27 10:00')),
    );
    expect(others.map((r) => r.complaintId)).not.toContain(complaint.id);
  });

  it('C6: an overdue provider case is flagged once, the supervisor reminded, and the recipient told of the right to escalate', async () => {
    const complaint = await file(at('2026-11-24 10:00'));
    expect(complaint.deadline).toBe('2026-12-01');
    const sweep = await services.deadlineSweeps.sweep(system(at('2026-12-02 09:05')));
    expect(sweep?.overdue).toContain(complaint.id);
    await services.deadlineSweeps.sweep(system(at('2026-12-03 09:05')));
    expect((await flagsOf(complaint.id)).filter((f) => f.kind === 'OVERDUE')).toEqual([
      { kind: 'OVERDUE', day: '2026-12-01', swept_on: '2026-12-02' },
    ]);
    expect(await noticesOf(complaint.id, 'DEADLINE_PASSED')).toEqual([{ n: 1 }]);
    const audit = await db.sql<{ action: string; overdue: string[] }>(
      `select action, change->'overdue' as overdue from audit_record
        where action = 'deadline.sweep' and entity_id = '2026-12-02'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.overdue).toContain(complaint.id);
    // 3 December's sweep is now the latest: the supervisor of the region sees it overdue there.
    await db.sql(
      `insert into deadline_flag (complaint_id, kind, day, swept_on, created_at)
       values ($1, 'DUE_SOON', '2026-12-03', '2026-12-03', now()) on conflict do nothing`,
      [complaint.id],
    );
    await db.sql(
      `update deadline_flag set swept_on = '2026-12-03' where complaint_id = $1 and kind = 'OVERDUE'`,
      [complaint.id],
    );
    const forSupervisor = await services.deadlineSweeps.reminders(
      ctxFor(db.orm, supervisor, at('2026-12-03 10:00')),
    );
    expect(forSupervisor).toContainEqual(
      expect.objectContaining({ complaintId: complaint.id, kind: 'OVERDUE' }),
    );
    // An inspector works authority-level cases: a provider's overdue case is not theirs.
    const forInspector = await services.deadlineSweeps.reminders(
      ctxFor(db.orm, inspector, at('2026-12-03 10:00')),
    );
    expect(forInspector.map((r) => r.complaintId)).not.toContain(complaint.id);
  });

  it('Deadlines: no sweep on a day off', async () => {
    expect(await services.deadlineSweeps.sweep(system(at('2026-12-05 09:05')))).toBeNull();
    expect(await services.deadlineSweeps.sweep(system(at('2026-12-16 09:05')))).toBeNull();
  });

  it('Deadlines: two workers running the sweep at once flag, remind and notify once', async () => {
    const complaint = await file(at('2026-11-25 10:00'));
    expect(complaint.deadline).toBe('2026-12-02');
    // Two sweeps at the same moment, each in its own transaction (two replicas' workers).
    const [a, b] = await Promise.all([
      services.deadlineSweeps.sweep(system(at('2026-12-07 09:05'))),
      services.deadlineSweeps.sweep(system(at('2026-12-07 09:05'))),
    ]);
    const flaggedBy = [a, b].filter((s) => s?.overdue.includes(complaint.id));
    expect(flaggedBy).toHaveLength(1);
    expect(await noticesOf(complaint.id, 'DEADLINE_PASSED')).toEqual([{ n: 1 }]);
    expect((await historyOf(complaint.id)).filter((h) => h.action === 'flagOverdue')).toHaveLength(
      1,
    );
  });

  it('Deadlines: the sweep job on two real job workers runs its work once', async () => {
    // Long overdue on whatever day the suite runs, and that day made a working day.
    const complaint = await file(at('2026-11-02 10:00'));
    await db.sql(
      `insert into calendar_override (date, working, reason, set_at)
       values ($1, true, 'test', now()) on conflict (date) do update set working = true`,
      [almatyDate(new Date())],
    );
    const log = { error: () => undefined, warn: () => undefined };
    const workers = await Promise.all(
      [1, 2].map(() =>
        startJobWorkers({
          connectionString: db.url,
          concurrency: 1,
          tasks: jobTasks(db.orm, services),
          pollIntervalMs: 100,
          log,
        }),
      ),
    );
    try {
      // Both replicas' schedules fire: two jobs, taken by the two workers.
      await db.sql(
        `select graphile_worker.add_job($1, '{}'::json, job_key => 'sweep-a'),
                graphile_worker.add_job($1, '{}'::json, job_key => 'sweep-b')`,
        [DEADLINE_SWEEP],
      );
      for (let i = 0; i < 100; i += 1) {
        const [left] = await db.sql<{ n: number }>(
          `select count(*)::int as n from graphile_worker.jobs where task_identifier = $1`,
          [DEADLINE_SWEEP],
        );
        if (left!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await Promise.all(workers.map((w) => w.stop()));
    }
    const flags = await flagsOf(complaint.id);
    expect(flags.filter((f) => f.kind === 'OVERDUE')).toHaveLength(1);
    expect((await historyOf(complaint.id)).filter((h) => h.action === 'flagOverdue')).toHaveLength(
      1,
    );
    expect(await noticesOf(complaint.id, 'DEADLINE_PASSED')).toEqual([{ n: 1 }]);
  });
});
