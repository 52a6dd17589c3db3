import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLAINT_STATUS_VALUES } from '@complaints/domain';
import { DEMO_USERS, seedDemoData } from '../../src/db/seed/demo-seed.js';
import type { Services } from '../../src/services.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { testServices } from '../support/factories.js';

let db: TestDatabase;
let services: Services;
const NOW = new Date('2026-11-25T06:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices();
  expect(await seedDemoData(db.orm, services, { demoPassword: 'demo', now: NOW })).toBe(true);
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

describe('demo data', () => {
  it('Demo: regions, providers, authorities and the public service register (R1)', async () => {
    const [row] = await db.sql<Record<string, number>>(`select
      (select count(distinct region) from provider)::int as regions,
      (select count(*) from provider)::int as providers,
      (select count(*) from authority)::int as authorities,
      (select count(*) from public_service)::int as services`);
    expect(row!.regions).toBeGreaterThanOrEqual(3);
    expect(row!.providers).toBeGreaterThanOrEqual(6);
    expect(row!.authorities).toBeGreaterThanOrEqual(2);
    expect(row!.services).toBeGreaterThanOrEqual(10);
  });

  it('Demo: at least 200 complaints across every status and both levels, some overdue', async () => {
    const rows = await db.sql<{ level: string; status: string; n: number }>(
      'select level, status, count(*)::int as n from complaint group by level, status',
    );
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBeGreaterThanOrEqual(200);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(COMPLAINT_STATUS_VALUES));
    expect(new Set(rows.map((r) => r.level))).toEqual(new Set(['PROVIDER', 'AUTHORITY']));
    const [overdue] = await db.sql<{ n: number }>(
      "select count(*)::int as n from complaint where status in ('REGISTERED', 'IN_REVIEW') and response_deadline < '2026-11-25'",
    );
    expect(overdue!.n).toBeGreaterThan(0);
    const [onTime] = await db.sql<{ n: number }>(
      "select count(*)::int as n from complaint where status in ('REGISTERED', 'IN_REVIEW') and response_deadline >= '2026-11-25'",
    );
    expect(onTime!.n).toBeGreaterThan(0);
  });

  it('Demo: the demo users log in with the demo password; officers belong to two providers', async () => {
    const em = db.orm.em.fork();
    const providers = new Set<string>();
    for (const demo of DEMO_USERS) {
      const user = await services.users.findByEmail(em, demo.email);
      expect(user?.role).toBe(demo.role);
      expect(await services.users.verifyPassword(user!.passwordHash, 'demo')).toBe(true);
      if (demo.role === 'PROVIDER_OFFICER') providers.add(user!.provider!.id);
    }
    expect(providers.size).toBe(2);
  });

  it('Demo: every seeded change has its history and a verifiable audit chain', async () => {
    const [row] = await db.sql<{ without_history: number }>(
      'select count(*)::int as without_history from complaint c where not exists (select 1 from complaint_event e where e.complaint_id = c.id)',
    );
    expect(row!.without_history).toBe(0);
    expect((await services.audit.verify(db.orm.em.fork())).valid).toBe(true);
  });

  it('Demo: seeding again leaves a non-empty database alone', async () => {
    expect(await seedDemoData(db.orm, services, { demoPassword: 'demo', now: NOW })).toBe(false);
  });
});
