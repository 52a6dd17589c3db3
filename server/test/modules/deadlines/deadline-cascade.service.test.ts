import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/context.js';
import { DeadlineCascadeService } from '../../../src/modules/deadlines/deadline-cascade.service.js';
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
  writeCounts,
} from '../../support/factories.js';

let db: TestDatabase;
let services: Services;
let providerId: string;
let officer: Actor;
let supervisor: Actor;

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices();
  const em = db.orm.em.fork();
  providerId = (await newProvider(em)).id;
  const authority = await newAuthority(em);
  officer = (await newUser(em, 'PROVIDER_OFFICER', { providerId })).actor;
  supervisor = (await newUser(em, 'SUPERVISOR', { authorityId: authority.id })).actor;
});

afterAll(async () => {
  await db?.drop();
});

const ctx = (actor: Actor, now: Date) => ctxFor(db.orm, actor, now);

describe(DeadlineCascadeService.name, () => {
  it('Deadlines: a day off added by decree moves open deadlines, with history, audit and a notice (O5)', async () => {
    const open = (
      await services.complaints.fileComplaint(
        ctx(officer, at('2027-02-01 10:00')),
        individualComplaint(providerId),
      )
    ).complaint;
    const decided = (
      await services.complaints.fileComplaint(
        ctx(officer, at('2027-02-01 10:00')),
        individualComplaint(providerId),
      )
    ).complaint;
    await services.complaints.decide(ctx(officer, at('2027-02-02 10:00')), decided.id, 1, {
      outcome: 'REJECTED',
      reasoning: 'Негізсіз.',
    });
    expect(open.registration.responseDeadline).toBe('2027-02-08');

    const { day, moved } = await services.deadlines.setDay(
      ctx(supervisor, at('2027-02-02 12:00')),
      {
        date: '2027-02-04',
        working: false,
        reason: 'Government decree No. 1',
      },
    );
    expect(day).toMatchObject({
      date: '2027-02-04',
      working: false,
      source: 'OVERRIDE',
      reason: 'Government decree No. 1',
    });
    expect(moved).toEqual([
      {
        complaintId: open.id,
        incomingNumber: open.registration.incomingNumber,
        previousDeadline: '2027-02-08',
        newDeadline: '2027-02-09',
      },
    ]);
    const reloaded = await services.complaints.findById(db.orm.em.fork(), open.id);
    expect(reloaded!.registration.responseDeadline).toBe('2027-02-09');
    expect(reloaded!.version).toBe(2);
    const keptDeadline = await services.complaints.findById(db.orm.em.fork(), decided.id);
    expect(keptDeadline!.registration.responseDeadline).toBe('2027-02-08');

    const [event] = await db.sql<{ action: string; note: string }>(
      "select action, note from complaint_event where complaint_id = $1 and action = 'moveDeadline'",
      [open.id],
    );
    expect(event!.note).toContain('2027-02-08 → 2027-02-09');
    expect(event!.note).toContain('Government decree No. 1');
    const notices = await db.sql<{ kind: string; content: Record<string, string> }>(
      "select kind, content from notice where complaint_id = $1 and kind = 'DEADLINE_MOVED'",
      [open.id],
    );
    expect(notices[0]!.content).toMatchObject({ newDeadline: '2027-02-09' });
    const audit = await db.sql<{ action: string; entity_id: string }>(
      "select action, entity_id from audit_record where action in ('calendar.setDay', 'complaint.moveDeadline') order by id",
    );
    expect(audit).toEqual([
      { action: 'complaint.moveDeadline', entity_id: open.id },
      { action: 'calendar.setDay', entity_id: '2027-02-04' },
    ]);

    // Every deadline computed afterwards uses the stored override.
    const later = (
      await services.complaints.fileComplaint(
        ctx(officer, at('2027-02-03 10:00')),
        individualComplaint(providerId),
      )
    ).complaint;
    expect(later.registration.responseDeadline).toBe('2027-02-11');
  });

  it('Deadlines: making a day working again moves the deadline back', async () => {
    const { complaint } = await services.complaints.fileComplaint(
      ctx(officer, at('2027-03-01 10:00')),
      individualComplaint(providerId),
    );
    // 8 March 2027 (Monday) is International Women's Day.
    expect(complaint.registration.responseDeadline).toBe('2027-03-09');
    const { moved } = await services.deadlines.setDay(ctx(supervisor, at('2027-03-02 09:00')), {
      date: '2027-03-08',
      working: true,
      reason: 'Decree: 8 March 2027 moved',
    });
    expect(moved.find((m) => m.complaintId === complaint.id)).toMatchObject({
      newDeadline: '2027-03-08',
    });
  });

  it('Deadlines: the preview lists the deadlines a change would move and writes nothing', async () => {
    const { complaint } = await services.complaints.fileComplaint(
      ctx(officer, at('2027-04-05 10:00')),
      individualComplaint(providerId),
    );
    const before = await writeCounts((text) => db.sql(text));
    const moves = await services.deadlines.previewDay(ctx(supervisor, at('2027-04-05 12:00')), {
      date: '2027-04-07',
      working: false,
      reason: 'Preview only',
    });
    expect(moves).toContainEqual(
      expect.objectContaining({
        complaintId: complaint.id,
        previousDeadline: '2027-04-12',
        newDeadline: '2027-04-13',
      }),
    );
    expect(await writeCounts((text) => db.sql(text))).toEqual(before);
  });

  it('Deadlines: a change without a reason or with an impossible date is refused and writes nothing', async () => {
    const before = await writeCounts((text) => db.sql(text));
    await expect(
      services.deadlines.setDay(ctx(supervisor, at('2027-04-05 12:00')), {
        date: '2027-02-30',
        working: false,
        reason: '',
      }),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { date: expect.any(String), reason: expect.any(String) },
    });
    expect(await writeCounts((text) => db.sql(text))).toEqual(before);
  });
});
