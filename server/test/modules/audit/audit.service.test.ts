import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/context.js';
import { AuditService } from '../../../src/modules/audit/audit.service.js';
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
