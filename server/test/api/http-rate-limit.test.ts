import type pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { RateLimitService } from '../../src/modules/rate-limits/rate-limit.service.js';
import { graphqlRequest, JWT_SECRET } from '../support/api.js';
import { createEmptyDatabase, sqlPool } from '../support/database.js';

/**
 * O6: the public stage lookup allows 30 tries a minute per client address, counted in the
 * database (every replica sees the same hits), and the address is the socket peer unless the
 * peer is a configured trusted proxy.
 */

const STAGE = `{ complaintStage(incomingNumber: "NOPE-2026-00001", trackingCode: "AAAA-BBBB-CCCC") { status } }`;

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let pool: pg.Pool;
/** Two replicas on one database, both taking the socket peer as the client. */
let replicaA: App;
let replicaB: App;
/** A replica behind a reverse proxy at 127.0.0.1 (`TRUST_PROXY`). */
let behindProxy: App;

function env(extra: Record<string, string> = {}) {
  return loadConfig({
    DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: '0',
    NODE_ENV: 'test',
    JWT_SECRET,
    ...extra,
  });
}

beforeAll(async () => {
  database = await createEmptyDatabase();
  pool = sqlPool(database.url);
  // One after the other: the first start migrates the database, the others find it done.
  replicaA = await createApp(env());
  replicaB = await createApp(env());
  behindProxy = await createApp(env({ TRUST_PROXY: '127.0.0.1' }));
});

afterAll(async () => {
  await Promise.all([replicaA?.stop(), replicaB?.stop(), behindProxy?.stop()]);
  await pool?.end();
  await database?.drop();
});

beforeEach(async () => {
  await pool.query('delete from rate_limit');
});

function lookup(app: App, headers: Record<string, string> = {}) {
  return graphqlRequest<{ complaintStage: null }>(app.url, null, STAGE, {}, headers);
}

function allowed(answer: Awaited<ReturnType<typeof lookup>>): boolean {
  return answer.errors === undefined && answer.data?.complaintStage === null;
}

describe('the stage lookup rate limit', () => {
  it('O6, Security: two replicas share one limit: 30 lookups spread over both, the 31st is TOO_MANY_REQUESTS', async () => {
    const answers = [];
    for (let i = 0; i < 30; i += 1) answers.push(await lookup(i % 2 === 0 ? replicaA : replicaB));
    expect(answers.every(allowed)).toBe(true);
    for (const replica of [replicaA, replicaB]) {
      const refused = await lookup(replica);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'TOO_MANY_REQUESTS',
        retryAfterSeconds: expect.any(Number),
      });
      expect(refused.data?.complaintStage ?? null).toBeNull();
    }
  });

  it('Security: without TRUST_PROXY a forged X-Forwarded-For does not give a fresh bucket', async () => {
    for (let i = 0; i < 30; i += 1) expect(allowed(await lookup(replicaA))).toBe(true);
    const forged = await lookup(replicaA, { 'x-forwarded-for': '198.51.100.23' });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('Security: behind a trusted proxy each forwarded client has its own bucket, and a forged left-hand entry changes nothing', async () => {
    const first = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 30; i += 1) expect(allowed(await lookup(behindProxy, first))).toBe(true);
    const refused = await lookup(behindProxy, first);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    // The client wrote "198.51.100.1"; the proxy appended the address it really saw.
    const spoofed = await lookup(behindProxy, { 'x-forwarded-for': '198.51.100.1, 203.0.113.7' });
    expect(spoofed.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    const other = await lookup(behindProxy, { 'x-forwarded-for': '203.0.113.8' });
    expect(allowed(other)).toBe(true);
    // The proxy's own address is another bucket again: citizens do not share the proxy's.
    expect(allowed(await lookup(behindProxy))).toBe(true);
  });

  it('Security: the addresses of one IPv6 /64 share a bucket', async () => {
    for (let i = 0; i < 30; i += 1) {
      const address = `2001:db8:1:2::${(i + 1).toString(16)}`;
      expect(allowed(await lookup(behindProxy, { 'x-forwarded-for': address }))).toBe(true);
    }
    const next = await lookup(behindProxy, { 'x-forwarded-for': '2001:db8:1:2:ffff::1' });
    expect(next.errors?.[0]?.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describe(RateLimitService.name, () => {
  const rule = { bucket: 'test-window', limit: 2, windowMs: 60_000 };

  it('O6: a window that ran out starts again, and expired rows are pruned', async () => {
    const limits = new RateLimitService();
    const em = replicaA.orm.em.fork();
    const t0 = new Date('2026-12-01T10:00:00Z');
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    expect(await limits.hit(em, rule, 'a', t0)).toBe(0);
    expect(await limits.hit(em, rule, 'a', at(10))).toBe(0);
    expect(await limits.hit(em, rule, 'a', at(20))).toBe(40);
    expect(await limits.hit(em, rule, 'a', at(61))).toBe(0);
    expect(await limits.hit(em, rule, 'b', at(200))).toBe(0);
    const rows = await pool.query<{ key: string }>(
      'select key from rate_limit where bucket = $1 order by key',
      [rule.bucket],
    );
    expect(rows.rows.map((row) => row.key)).toEqual(['b']);
  });
});
