import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { almatyDate } from '../../src/modules/calendar/almaty-time.js';
import {
  FILE_COMPLAINT,
  PASSWORD,
  complaintInput,
  startApiWorld,
  type ApiWorld,
} from '../support/api.js';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

const AUDIT_LOG = `query Audit($filter: AuditFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    records { id at actorId actor action entityType entityId digest previousHash hash changeJson }
  }
}`;
const VERIFY = '{ verifyAuditLog { valid checked firstInvalidId } }';

interface AuditRecordView {
  id: string;
  at: string;
  actorId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  digest: string;
  previousHash: string;
  hash: string;
  changeJson: string;
}
interface AuditPage {
  auditLog: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    records: AuditRecordView[];
  };
}
interface Verification {
  verifyAuditLog: { valid: boolean; checked: number; firstInvalidId: string | null };
}

async function auditLog(
  filter: Record<string, unknown> | null,
  first = 200,
  after: string | null = null,
) {
  const supervisor = await world.as('supervisor');
  const result = await supervisor.request<AuditPage>(AUDIT_LOG, { filter, first, after });
  expect(result.errors).toBeUndefined();
  return result.data!.auditLog;
}

async function verify() {
  const supervisor = await world.as('supervisor');
  const result = await supervisor.request<Verification>(VERIFY);
  expect(result.errors).toBeUndefined();
  return result.data!.verifyAuditLog;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** What the first test wrote: one of every kind of write. */
const written = {
  complaintId: '',
  userId: '',
  consentId: '',
  calendarDate: '2031-03-12',
};

describe('the audit trail over GraphQL', () => {
  it('Audit: every write appends a record; auditLog lists them newest first with action, actor and change', async () => {
    const officer = await world.as('officer');
    const supervisor = await world.as('supervisor');
    const filed = await officer.request<{ fileComplaint: { complaint: { id: string } } }>(
      FILE_COMPLAINT,
      { input: complaintInput(world.providers.astana.id) },
    );
    expect(filed.errors).toBeUndefined();
    const id = filed.data!.fileComplaint.complaint.id;
    written.complaintId = id;
    const steps = [
      await officer.request(
        'mutation($id: ID!) { startReview(id: $id, expectedVersion: 1) { version } }',
        { id },
      ),
      await officer.request(
        'mutation($id: ID!) { decideComplaint(id: $id, expectedVersion: 2, input: { outcome: REJECTED, reasoning: "Стандарт сақталған." }) { version } }',
        { id },
      ),
      await supervisor.request(
        'mutation($id: ID!, $to: ID) { assignComplaint(id: $id, expectedVersion: 3, assigneeId: $to) { version } }',
        { id, to: world.users.inspector.id },
      ),
      await supervisor.request(
        'mutation($date: LocalDate!) { setCalendarDay(date: $date, working: false, reason: "Үкімет қаулысы") { date working } }',
        { date: written.calendarDate },
      ),
    ];
    for (const step of steps) expect(step.errors).toBeUndefined();
    const created = await supervisor.request<{ createUser: { id: string } }>(
      'mutation($input: NewUserInput!) { createUser(input: $input) { id } }',
      {
        input: {
          email: 'audited@test.kz',
          displayName: 'audited user',
          role: 'ANALYST',
          password: PASSWORD,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    written.userId = created.data!.createUser.id;
    const consent = await officer.request<{ recordConsent: { id: string } }>(
      'mutation($id: ID!, $on: LocalDate!) { recordConsent(complaintId: $id, input: { scope: [PERSONAL_DATA], signedBy: "Ахметова Айгүл", method: HANDWRITTEN, signedOn: $on, evidence: "Form 17/2026" }) { id } }',
      { id, on: almatyDate(new Date()) },
    );
    expect(consent.errors).toBeUndefined();
    written.consentId = consent.data!.recordConsent.id;

    // The complaint's own trail, newest first.
    const trail = await auditLog({ entityId: id });
    expect(trail.totalCount).toBe(4);
    expect(trail.records.map((r) => [r.action, r.actor, r.actorId, r.entityType])).toEqual([
      ['complaint.assign', 'supervisor user', world.users.supervisor.id, 'Complaint'],
      ['complaint.decide', 'officer user', world.users.officer.id, 'Complaint'],
      ['complaint.startReview', 'officer user', world.users.officer.id, 'Complaint'],
      ['complaint.file', 'officer user', world.users.officer.id, 'Complaint'],
    ]);
    const [assign, decide, start, fileRecord] = trail.records.map(
      (r) => JSON.parse(r.changeJson) as Record<string, unknown>,
    );
    expect(assign).toEqual({ from: null, to: world.users.inspector.id, version: 4 });
    expect(decide).toMatchObject({
      from: 'IN_REVIEW',
      to: 'DECIDED',
      version: 3,
      outcome: 'REJECTED',
    });
    expect(start).toMatchObject({ from: 'REGISTERED', to: 'IN_REVIEW', version: 2 });
    expect(fileRecord).toMatchObject({
      incomingNumber: expect.stringMatching(/^PA-\d{4}-\d{5}$/),
      providerId: world.providers.astana.id,
      channel: 'PAPER',
    });
    for (const record of trail.records) {
      expect(record.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(record.at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }

    const day = await auditLog({ entityId: written.calendarDate });
    expect(day.records).toHaveLength(1);
    expect(day.records[0]).toMatchObject({
      action: 'calendar.setDay',
      entityType: 'CalendarDay',
      actorId: world.users.supervisor.id,
    });
    expect(JSON.parse(day.records[0]!.changeJson)).toMatchObject({
      date: written.calendarDate,
      working: false,
      reason: 'Үкімет қаулысы',
    });

    const user = await auditLog({ entityId: written.userId });
    expect(user.records).toHaveLength(1);
    expect(user.records[0]).toMatchObject({ action: 'user.create', entityType: 'User' });
    expect(JSON.parse(user.records[0]!.changeJson)).toMatchObject({
      email: 'audited@test.kz',
      role: 'ANALYST',
    });
    expect(user.records[0]!.changeJson).not.toContain(PASSWORD);

    const consentTrail = await auditLog({ entityId: written.consentId });
    expect(consentTrail.records).toHaveLength(1);
    expect(consentTrail.records[0]).toMatchObject({
      action: 'consent.record',
      entityType: 'Consent',
      actor: 'officer user',
    });
    expect(JSON.parse(consentTrail.records[0]!.changeJson)).toMatchObject({ complaintId: id });

    // The whole trail of this world: exactly these writes, newest first.
    const all = await auditLog(null);
    expect(all.records.map((r) => r.action)).toEqual([
      'consent.record',
      'user.create',
      'calendar.setDay',
      'complaint.assign',
      'complaint.decide',
      'complaint.startReview',
      'complaint.file',
    ]);
    const ids = all.records.map((r) => BigInt(r.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : a < b ? 1 : 0))).toEqual(ids);
    // A chain: each record links to the one before it, the first to the genesis hash.
    all.records.forEach((record, i) => {
      expect(record.previousHash).toBe(all.records[i + 1]?.hash ?? '0'.repeat(64));
    });
  });

  it('Audit: only a SUPERVISOR reads or verifies the trail', async () => {
    for (const key of ['inspector', 'officer', 'analyst', 'partner'] as const) {
      const client = await world.as(key);
      const log = await client.request(AUDIT_LOG, { filter: null, first: 10 });
      expect(log.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const check = await client.request(VERIFY);
      expect(check.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await world.anonymous.request(AUDIT_LOG, { filter: null, first: 10 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('Audit: filters by action, actorId, entityType and period', async () => {
    const byAction = await auditLog({ action: 'complaint.decide' });
    expect(byAction.totalCount).toBe(1);
    expect(byAction.records.map((r) => r.entityId)).toEqual([written.complaintId]);

    const bySupervisor = await auditLog({ actorId: world.users.supervisor.id });
    expect(bySupervisor.records.map((r) => r.action)).toEqual([
      'user.create',
      'calendar.setDay',
      'complaint.assign',
    ]);
    expect(bySupervisor.totalCount).toBe(3);

    const byType = await auditLog({ entityType: 'User' });
    expect(byType.records.map((r) => [r.action, r.entityId])).toEqual([
      ['user.create', written.userId],
    ]);

    const combined = await auditLog({
      actorId: world.users.officer.id,
      entityType: 'Complaint',
      action: 'complaint.file',
    });
    expect(combined.records.map((r) => r.entityId)).toEqual([written.complaintId]);

    const today = almatyDate(new Date());
    const all = await auditLog(null);
    const inPeriod = await auditLog({ from: today, to: today });
    expect(inPeriod.totalCount).toBe(all.totalCount);
    expect(inPeriod.records.map((r) => r.id)).toEqual(all.records.map((r) => r.id));
    expect((await auditLog({ from: addDays(today, 1) })).totalCount).toBe(0);
    expect((await auditLog({ to: addDays(today, -1) })).totalCount).toBe(0);
    expect((await auditLog({ from: addDays(today, -1), to: today })).totalCount).toBe(
      all.totalCount,
    );
    expect((await auditLog({ action: 'no.such.action' })).records).toEqual([]);
  });

  it('Audit: paging with first/after is stable while new records are appended', async () => {
    const all = await auditLog(null);
    expect(all.totalCount).toBeGreaterThanOrEqual(5);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await auditLog(null, 2, after);
      expect(page.totalCount).toBe(all.totalCount + (pages > 0 ? 1 : 0));
      seen.push(...page.records.map((r) => r.id));
      pages += 1;
      if (pages === 1) {
        // A write between pages goes to the top; the next pages continue where this one ended.
        const supervisor = await world.as('supervisor');
        const moved = await supervisor.request(
          'mutation { setCalendarDay(date: "2031-03-13", working: false, reason: "Қаулы") { date } }',
        );
        expect(moved.errors).toBeUndefined();
      }
      if (!page.pageInfo.hasNextPage) break;
      expect(page.records).toHaveLength(2);
      after = page.pageInfo.endCursor;
      expect(after).toBe(page.records.at(-1)!.id);
    }
    expect(seen).toEqual(all.records.map((r) => r.id));
    expect(pages).toBe(Math.ceil(all.totalCount / 2));

    const supervisor = await world.as('supervisor');
    const badAfter = await supervisor.request(AUDIT_LOG, { first: 2, after: 'nope' });
    expect(badAfter.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { after: expect.any(String) },
    });
    const tooMany = await supervisor.request(AUDIT_LOG, { first: 201 });
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { first: expect.any(String) },
    });
  });

  it('Audit: a plain UPDATE, DELETE or TRUNCATE of audit_record is refused by the database', async () => {
    const [row] = await world.sql<{ id: string; change: unknown; actor: string }>(
      'select id::text as id, change, actor from audit_record order by id limit 1',
    );
    await expect(
      world.sql(`update audit_record set change = '{"forged":true}'::jsonb where id = $1`, [
        row!.id,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(world.sql('delete from audit_record where id = $1', [row!.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(world.sql('truncate audit_record')).rejects.toThrow(/append-only/);
    const [after] = await world.sql<{ id: string; change: unknown; actor: string }>(
      'select id::text as id, change, actor from audit_record where id = $1',
      [row!.id],
    );
    expect(after).toEqual(row);
    expect((await verify()).valid).toBe(true);
  });

  it('Audit: verifyAuditLog checks the chain and names exactly the record that was tampered with', async () => {
    const clean = await verify();
    const [{ n: total } = { n: 0 }] = await world.sql<{ n: number }>(
      'select count(*)::int as n from audit_record',
    );
    expect(clean).toEqual({ valid: true, checked: total, firstInvalidId: null });
    expect(clean.checked).toBeGreaterThan(0);

    const ids = (
      await world.sql<{ id: string }>('select id::text as id from audit_record order by id')
    ).map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const middle = ids[Math.floor(ids.length / 2)]!;
    await world.sql('alter table audit_record disable trigger audit_record_no_update_delete');
    try {
      await world.sql(
        `update audit_record set change = change || '{"tampered":true}'::jsonb where id = $1`,
        [middle],
      );
    } finally {
      await world.sql('alter table audit_record enable trigger audit_record_no_update_delete');
    }
    const tampered = await verify();
    expect(tampered.valid).toBe(false);
    expect(tampered.firstInvalidId).toBe(middle);
    // The trigger is back: the database refuses changes again.
    await expect(world.sql('delete from audit_record where id = $1', [middle])).rejects.toThrow(
      /append-only/,
    );
  });
});
