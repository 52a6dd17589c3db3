import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/context.js';
import {
  type AppendedRecord,
  type AuditEntry,
  AuditService,
} from '../../../src/modules/audit/audit.service.js';
import type { Services } from '../../../src/services.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import {
  at,
  ctxFor,
  individualComplaint,
  newProvider,
  newUser,
  testServices,
} from '../../support/factories.js';

let db: TestDatabase;
let services: Services;
let providerId: string;
let officer: Actor;

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices();
  const em = db.orm.em.fork();
  providerId = (await newProvider(em)).id;
  officer = (await newUser(em, 'PROVIDER_OFFICER', { providerId })).actor;
});

afterAll(async () => {
  await db?.drop();
});

const file = () =>
  services.complaints.fileComplaint(
    ctxFor(db.orm, officer, at('2026-11-24 10:00')),
    individualComplaint(providerId),
  );

/** Polls until `condition` holds (a state of the database another connection is in). */
async function until(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the condition never held');
}

describe(AuditService.name, () => {
  it('Audit: concurrent writes form one unbroken chain', async () => {
    await Promise.all(Array.from({ length: 20 }, () => file()));
    const rows = await db.sql<{ id: string; previous_hash: string; hash: string }>(
      'select id::text as record_id, previous_hash, hash from audit_record order by audit_record.id',
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    for (let i = 1; i < rows.length; i += 1) expect(rows[i]!.previous_hash).toBe(rows[i - 1]!.hash);
    expect(await services.audit.verify(db.orm.em.fork())).toEqual({
      valid: true,
      checked: rows.length,
      firstInvalidId: null,
    });
  });

  it('Audit: an append that waited for another transaction links to the record it committed', async () => {
    const c = ctxFor(db.orm, officer, at('2026-11-24 10:00'));
    const entry = (entityId: string): AuditEntry => ({
      action: 'calendar.setDay',
      entityType: 'Test',
      entityId,
      change: { entityId },
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let appended!: (record: AppendedRecord) => void;
    const holderAppended = new Promise<AppendedRecord>((resolve) => (appended = resolve));
    // The holder appends, then keeps its transaction (and the chain's head) open.
    const holder = db.orm.em.fork().transactional(async (tx) => {
      appended(await services.audit.record(tx, c, entry('holder')));
      await released;
    });
    const first = await holderAppended;
    // The waiter's statement begins before the holder commits and waits for the head.
    const waiter = db.orm.em
      .fork()
      .transactional((tx) => services.audit.record(tx, c, entry('waiter')));
    await until(async () => {
      const [row] = await db.sql<{ waiting: number }>(
        `select count(*)::int as waiting from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return row!.waiting > 0;
    });
    release();
    const [, second] = await Promise.all([holder, waiter]);
    expect(second.previousHash).toBe(first.hash);
    expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    const [head] = await db.sql<{ hash: string }>('select hash from audit_chain_head');
    expect(head!.hash).toBe(second.hash);
    expect((await services.audit.verify(db.orm.em.fork())).valid).toBe(true);
  });

  it('Audit: an append rolled back with its transaction leaves the chain as it was', async () => {
    const c = ctxFor(db.orm, officer, at('2026-11-24 10:00'));
    const [before] = await db.sql<{ hash: string }>('select hash from audit_chain_head');
    await expect(
      db.orm.em.fork().transactional(async (tx) => {
        await services.audit.record(tx, c, {
          action: 'calendar.setDay',
          entityType: 'Test',
          entityId: 'rolled-back',
          change: {},
        });
        throw new Error('the change failed after its audit record');
      }),
    ).rejects.toThrow('the change failed');
    const [after] = await db.sql<{ hash: string }>('select hash from audit_chain_head');
    expect(after!.hash).toBe(before!.hash);
    const { complaint } = await file();
    const [record] = await db.sql<{ previous_hash: string }>(
      'select previous_hash from audit_record where entity_id = $1',
      [complaint.id],
    );
    expect(record!.previous_hash).toBe(before!.hash);
    expect((await services.audit.verify(db.orm.em.fork())).valid).toBe(true);
  });

  it('Audit: the database refuses to update or delete a record', async () => {
    await file();
    await expect(db.sql("update audit_record set actor = 'someone else'")).rejects.toThrow(
      /append-only/,
    );
    await expect(db.sql('delete from audit_record')).rejects.toThrow(/append-only/);
  });

  it('Audit: a record edited behind the system breaks the chain, and verify names it', async () => {
    await file();
    await file();
    const [target] = await db.sql<{ id: string }>(
      'select id::text as id from audit_record order by audit_record.id desc offset 1 limit 1',
    );
    await db.sql('alter table audit_record disable trigger audit_record_no_update_delete');
    await db.sql(
      `update audit_record set change = jsonb_set(change, '{providerId}', '"forged"') where id = $1`,
      [target!.id],
    );
    await db.sql('alter table audit_record enable trigger audit_record_no_update_delete');
    const result = await services.audit.verify(db.orm.em.fork());
    expect(result.valid).toBe(false);
    expect(result.firstInvalidId).toBe(target!.id);
  });
});
