import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FILE_COMPLAINT,
  complaintInput,
  graphqlRequest,
  type GraphQLResponse,
} from '../../server/test/support/api.js';
import { createEmptyDatabase, sqlPool } from '../../server/test/support/database.js';
import {
  ReplicaSet,
  SmtpSink,
  noticeMessageId,
  startGateway,
  until,
  type Gateway,
  type Replica,
} from './support.js';

/**
 * Issue 11, scale-out (ARCHITECTURE.md): the server keeps no state between requests, incoming
 * numbers come from the database, and the job queue's row locks let any number of replicas run
 * workers. Proven with real processes: `node server/dist/main.js` (built by `pnpm build`) as
 * replicas on one PostgreSQL database, `@apollo/gateway` in front of them, a real SMTP server
 * behind them, and SIGKILL.
 *
 * The tests run in order on one database: A and B serve requests only (WORKERS=0) for the filings;
 * A is killed mid-load; C and D then run the workers (WORKERS=2), and C is killed holding jobs.
 */

const schemaPath = fileURLToPath(new URL('../../schema/complaints.graphql', import.meta.url));

const DEMO_PASSWORD = 'demo';
const GATEWAY_SECRET = randomBytes(32).toString('base64url');
const fromOf = (replica: string) => `replica-${replica.toLowerCase()}@complaints.test`;

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let pool: pg.Pool;
let replicas: ReplicaSet;
let smtp: SmtpSink;
let gateway: Gateway;
let a: Replica;
let b: Replica;
let c: Replica | undefined;
let d: Replica | undefined;
let token: string;
let providerId: string;

async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return (await pool.query<T>(text, params)).rows;
}

/** Officer@demo.kz's filing of a paper complaint, tagged in its description to be found in SQL. */
interface Receipt {
  tag: string;
  id: string;
  incomingNumber: string;
}
type Filing = { ok: true; receipt: Receipt } | { ok: false; tag: string; error: string };

async function file(
  target: string,
  tag: string,
  recipient: Record<string, unknown> = {},
): Promise<Filing> {
  const input = complaintInput(providerId);
  try {
    const answer: GraphQLResponse<{
      fileComplaint: { complaint: { id: string; registration: { incomingNumber: string } } };
    }> = await graphqlRequest(target, token, FILE_COMPLAINT, {
      input: {
        ...input,
        description: `${input.description} Өтініш ${tag}.`,
        recipient: { ...input.recipient, ...recipient },
      },
    });
    const complaint = answer.data?.fileComplaint.complaint;
    if (!complaint) return { ok: false, tag, error: JSON.stringify(answer.errors) };
    return {
      ok: true,
      receipt: { tag, id: complaint.id, incomingNumber: complaint.registration.incomingNumber },
    };
  } catch (error) {
    return { ok: false, tag, error: String(error) };
  }
}

/** Runs `count` tasks, `concurrency` at a time. */
async function inParallel<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<T[]> {
  const results: T[] = new Array<T>(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next;
        next += 1;
        results[index] = await task(index);
      }
    }),
  );
  return results;
}

const tagOf = (test: number, index: number) => `S${test}-${String(index).padStart(4, '0')}`;

function receiptsOf(filings: Filing[]): Receipt[] {
  const failed = filings.filter((f) => !f.ok);
  expect(failed, 'every filing got a receipt').toEqual([]);
  return filings.flatMap((f) => (f.ok ? [f.receipt] : []));
}

/** `AGS-AST-2026-00042` → the office's prefix for the year, `AGS-AST-2026-`, and the count 42. */
function splitNumber(incomingNumber: string): { prefix: string; count: number } {
  const match = /^(.+-\d{4}-)(\d+)$/.exec(incomingNumber);
  if (!match) throw new Error(`not an incoming number: ${incomingNumber}`);
  return { prefix: match[1]!, count: Number(match[2]) };
}

/**
 * C4: the office's numbers for the year, in the database: unique (the column is unique anyway),
 * and counting 1..N without a hole, N being the office's counter.
 */
async function expectGaplessNumbering(prefix: string): Promise<number> {
  const [numbers] = await sql<{ n: number; distinct_n: number; min: number; max: number }>(
    `select count(*)::int as n, count(distinct v)::int as distinct_n, min(v)::int as min,
            max(v)::int as max
       from (select substring(incoming_number from char_length($1::text) + 1)::int as v
               from complaint
              where starts_with(incoming_number, $1::text)
                and substring(incoming_number from char_length($1::text) + 1) ~ '^[0-9]+$') nn`,
    [prefix],
  );
  const [office, year] = [prefix.replace(/-\d{4}-$/, ''), Number(prefix.slice(-5, -1))];
  const [counter] = await sql<{ last_value: number }>(
    'select last_value from incoming_number_counter where office_code = $1 and year = $2',
    [office, year],
  );
  expect(numbers, `numbers of ${prefix}`).toEqual({
    n: counter!.last_value,
    distinct_n: counter!.last_value,
    min: 1,
    max: counter!.last_value,
  });
  return counter!.last_value;
}

/** The EMAIL notices of these complaints. */
async function emailNotices(complaintIds: string[]) {
  return sql<{ id: string; status: string; attempts: number; delivered_how: string | null }>(
    `select n.id, n.status, n.attempts, n.delivered_how from notice n
      where n.complaint_id = any($1::uuid[]) and n.channel = 'EMAIL' order by n.id`,
    [complaintIds],
  );
}

beforeAll(async () => {
  database = await createEmptyDatabase();
  pool = sqlPool(database.url);
  smtp = new SmtpSink();
  await smtp.listen();
  replicas = new ReplicaSet({
    DATABASE_URL: database.url,
    NODE_ENV: 'production',
    // One key for all: a token from one replica is good on every other.
    JWT_SECRET: randomBytes(32).toString('base64url'),
    GATEWAY_SECRET,
    SEED_DEMO: '1',
    DEMO_PASSWORD,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    OFFICE_OPENS_AT: '00:00',
    OFFICE_CLOSES_AT: '23:59',
  });
  // The first replica migrates and seeds; the second starts on the ready database.
  a = await replicas.start('A', { WORKERS: '0', SMTP_FROM: fromOf('A') });
  // Today and tomorrow (Asia/Almaty) are working days, whatever day the suite runs on.
  await sql(
    `insert into calendar_override (date, working, reason, set_at)
     select d, true, 'test', now()
       from unnest(array[(now() at time zone 'Asia/Almaty')::date,
                         (now() at time zone 'Asia/Almaty')::date + 1]) d
     on conflict (date) do update set working = true`,
  );
  b = await replicas.start('B', { WORKERS: '0', SMTP_FROM: fromOf('B') });
  gateway = await startGateway(readFileSync(schemaPath, 'utf8'), [a.url, b.url], GATEWAY_SECRET);
  const login = await graphqlRequest<{ login: { token: string } }>(
    gateway.url,
    null,
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email: 'officer@demo.kz', password: DEMO_PASSWORD },
  );
  expect(login.errors).toBeUndefined();
  token = login.data!.login.token;
  const [officer] = await sql<{ provider_id: string }>(
    `select provider_id from app_user where email = 'officer@demo.kz'`,
  );
  providerId = officer!.provider_id;
  console.log(`replica A (migrates, seeds) ready in ${a.readyInMs} ms, B in ${b.readyInMs} ms`);
}, 240_000);

afterAll(async () => {
  await gateway?.stop().catch(() => undefined);
  await replicas?.stopAll();
  await smtp?.close();
  await pool?.end();
  await database?.drop();
}, 60_000);

describe('issue 11: replicas behind a gateway, and the job queue across replicas', () => {
  it('C4 at scale: 200 concurrent filings through @apollo/gateway over two replicas get 200 receipts, incoming numbers unique and gapless for the office and year', async () => {
    const started = Date.now();
    const filings = await Promise.all(
      Array.from({ length: 200 }, (_, i) => file(gateway.url, tagOf(1, i))),
    );
    const elapsed = Date.now() - started;
    const receipts = receiptsOf(filings);
    expect(receipts).toHaveLength(200);
    // Both replicas served the load.
    const [viaA, viaB] = gateway.routes.map((route) => route.served);
    expect(viaA).toBeGreaterThanOrEqual(50);
    expect(viaB).toBeGreaterThanOrEqual(50);

    const numbers = receipts.map((r) => r.incomingNumber);
    expect(new Set(numbers).size).toBe(200);
    const { prefix } = splitNumber(numbers[0]!);
    expect(numbers.every((n) => splitNumber(n).prefix === prefix)).toBe(true);
    const total = await expectGaplessNumbering(prefix);
    // The 200 are the office's last 200 numbers: nothing skipped between them.
    expect(numbers.map((n) => splitNumber(n).count).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 200 }, (_, i) => total - 199 + i),
    );
    // Each receipt is the complaint stored under its number.
    const stored = await sql<{ id: string; incoming_number: string }>(
      'select id, incoming_number from complaint where id = any($1::uuid[])',
      [receipts.map((r) => r.id)],
    );
    expect(new Map(stored.map((row) => [row.id, row.incoming_number]))).toEqual(
      new Map(receipts.map((r) => [r.id, r.incomingNumber])),
    );
    console.log(
      `200 concurrent filings in ${elapsed} ms: ${viaA} via replica A, ${viaB} via B; ` +
        `${prefix}00001..${total} gapless`,
    );
  }, 120_000);

  it('SIGKILL of one replica mid-load: every filing that got a receipt is in the database, numbers stay unique and gapless, the other replica keeps serving', async () => {
    const count = 240;
    const killAfter = 80;
    const [routeA, routeB] = gateway.routes as [Gateway['routes'][0], Gateway['routes'][0]];
    const servedBefore = { a: routeA.served, b: routeB.served };
    let receipts = 0;
    const kill: {
      at: number;
      inFlightAtA: number;
      ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | null;
    } = { at: 0, inFlightAtA: -1, ended: null };
    const finishedAt: number[] = [];
    const started = Date.now();
    const filings = await inParallel(count, 16, async (i) => {
      const filing = await file(gateway.url, tagOf(2, i));
      finishedAt[i] = Date.now();
      if (filing.ok) receipts += 1;
      if (receipts >= killAfter && !kill.ended && routeA.inFlight > 0) {
        // Mid-load: the other 15 loops have filings on their way, some of them at A.
        kill.inFlightAtA = routeA.inFlight;
        kill.at = Date.now();
        kill.ended = a.kill('SIGKILL');
      }
      return filing;
    });
    const elapsed = Date.now() - started;
    expect(kill.ended).not.toBeNull();
    expect(await kill.ended).toEqual({ code: null, signal: 'SIGKILL' });
    const { inFlightAtA } = kill;
    expect(inFlightAtA, 'filings were on their way at A when it was killed').toBeGreaterThan(0);

    // The gateway sent the filings A could not answer to B: every filing got a receipt.
    const got = receiptsOf(filings);
    expect(got).toHaveLength(count);
    const afterKill = finishedAt.filter((t) => t > kill.at).length;
    expect(afterKill, 'filings answered after the kill').toBeGreaterThanOrEqual(100);
    expect(routeA.down).toBe(true);
    expect(routeB.served - servedBefore.b).toBeGreaterThanOrEqual(afterKill);

    // No receipt lost: each one is the complaint stored under its number.
    const stored = await sql<{ id: string; incoming_number: string }>(
      'select id, incoming_number from complaint where id = any($1::uuid[])',
      [got.map((r) => r.id)],
    );
    expect(new Map(stored.map((row) => [row.id, row.incoming_number]))).toEqual(
      new Map(got.map((r) => [r.id, r.incomingNumber])),
    );
    expect(new Set(got.map((r) => r.incomingNumber)).size).toBe(count);
    // A filing A committed but never answered is in the database too (the gateway then filed it
    // again at B): at most one per filing cut off in flight (ECONNRESET), none otherwise.
    const [{ rows, tags } = { rows: 0, tags: 0 }] = await sql<{ rows: number; tags: number }>(
      `select count(*)::int as rows, count(distinct substring(description from 'S2-[0-9]{4}'))::int as tags
         from complaint where description like '%Өтініш S2-%'`,
    );
    expect(tags).toBe(count);
    expect(rows - count).toBeLessThanOrEqual(gateway.retries.ECONNRESET ?? 0);

    const { prefix } = splitNumber(got[0]!.incomingNumber);
    const total = await expectGaplessNumbering(prefix);

    // After the kill: A refuses connections, B files.
    await expect(fetch(`${a.url}/readyz`)).rejects.toThrow();
    const direct = await file(b.url, 'S2-after');
    expect(direct.ok).toBe(true);
    const viaGateway = await file(gateway.url, 'S2-after-gw');
    expect(viaGateway.ok).toBe(true);
    await expectGaplessNumbering(prefix);
    console.log(
      `${count} filings (16 at a time) in ${elapsed} ms; A SIGKILLed after ${killAfter} receipts ` +
        `with ${inFlightAtA} filings in flight at it; ${afterKill} answered after the kill; ` +
        `gateway retries on B: ${JSON.stringify(gateway.retries)}; complaints stored for ` +
        `${count} filings: ${rows}; ${prefix} gapless up to ${total}`,
    );
  }, 120_000);

  it('no duplicate work with two workers: many notices queued, two replicas with workers deliver each email exactly once', async () => {
    // Filed while no replica runs workers (A is dead, B has WORKERS=0): the jobs wait.
    const filings = await inParallel(120, 8, (i) =>
      file(gateway.url, tagOf(4, i), { noticeChannels: ['EMAIL'] }),
    );
    const receipts = receiptsOf(filings);
    const notices = await emailNotices(receipts.map((r) => r.id));
    expect(notices).toHaveLength(120);
    const [queued] = await sql<{ n: number }>(
      `select count(*)::int as n from graphile_worker._private_jobs
        where key = any($1::text[]) and attempts = 0 and locked_by is null`,
      [notices.map((n) => `notice:${n.id}`)],
    );
    expect(queued!.n).toBe(120);

    // Two replicas with two workers each. The SMTP server answers nothing until both replicas'
    // workers have taken jobs from the full queue; then all four race for the rest.
    smtp.closeGate();
    const started = Date.now();
    [c, d] = await Promise.all([
      replicas.start('C', { WORKERS: '2', SMTP_FROM: fromOf('C') }),
      replicas.start('D', { WORKERS: '2', SMTP_FROM: fromOf('D') }),
    ]);
    await until(
      'both replicas’ workers to take a job',
      () => new Set(smtp.received.map((m) => m.from)),
      (senders) => senders.has(fromOf('C')) && senders.has(fromOf('D')),
      30_000,
    );
    smtp.openGate();
    const opened = Date.now();
    await until(
      'every notice delivered',
      () => emailNotices(receipts.map((r) => r.id)),
      (rows) => rows.every((row) => row.status === 'DELIVERED'),
      90_000,
    );
    const elapsed = Date.now() - opened;
    const startup = opened - started;
    // A late duplicate would show up in a moment: give it one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const delivered = await emailNotices(receipts.map((r) => r.id));
    expect(delivered.every((n) => n.attempts === 1 && n.delivered_how === 'SENT')).toBe(true);
    const ids = delivered.map((n) => noticeMessageId(n.id));
    // Each notice reached the SMTP server once and was accepted once: no job ran twice.
    expect(ids.filter((id) => smtp.count(smtp.received, id) !== 1)).toEqual([]);
    expect(ids.filter((id) => smtp.count(smtp.accepted, id) !== 1)).toEqual([]);
    const ours = new Set(ids);
    const byC = smtp.accepted.filter((m) => ours.has(m.messageId) && m.from === fromOf('C')).length;
    const byD = smtp.accepted.filter((m) => ours.has(m.messageId) && m.from === fromOf('D')).length;
    expect(byC + byD).toBe(120);
    // Both replicas' workers took their share of the queue.
    expect(byC).toBeGreaterThan(0);
    expect(byD).toBeGreaterThan(0);
    const [left] = await sql<{ n: number }>(
      'select count(*)::int as n from graphile_worker._private_jobs where key = any($1::text[])',
      [notices.map((n) => `notice:${n.id}`)],
    );
    expect(left!.n).toBe(0);
    console.log(
      `C and D ready in ${c.readyInMs} and ${d.readyInMs} ms, both working after ` +
        `${startup} ms; then 120 queued email notices delivered in ${elapsed} ms: ` +
        `${byC} by C's workers, ${byD} by D's, each accepted once`,
    );
  }, 180_000);

  it("workers take over a dead replica's jobs: C is SIGKILLed while its worker holds notice jobs, D's worker delivers them, and every email arrives exactly once", async () => {
    expect(c?.alive() && d?.alive()).toBe(true);
    // C's messages get no answer to DATA: its workers hold their jobs, locked, until C dies.
    smtp.hold = (from) => from === fromOf('C');
    const receipts: Receipt[] = [];
    for (let round = 0; round < 5 && smtp.held.size === 0; round += 1) {
      const filings = await inParallel(12, 4, (i) =>
        file(gateway.url, tagOf(3, round * 100 + i), { noticeChannels: ['EMAIL'] }),
      );
      receipts.push(...receiptsOf(filings));
      // Every notice either delivered by D or held by C.
      await until(
        'the notices delivered or held',
        () => emailNotices(receipts.map((r) => r.id)),
        (rows) => rows.filter((row) => row.status === 'PENDING').length === smtp.held.size,
        30_000,
      );
    }
    expect(smtp.held.size, 'C holds at least one notice job').toBeGreaterThan(0);
    const held = [...smtp.held.values()].map((m) => m.messageId);
    const pending = (await emailNotices(receipts.map((r) => r.id))).filter(
      (n) => n.status === 'PENDING',
    );
    expect(pending.map((n) => noticeMessageId(n.id)).sort()).toEqual([...held].sort());
    // The held jobs are locked by C's workers, which beat.
    const locks = await sql<{ locked_by: string | null; beating: boolean }>(
      `select j.locked_by, exists (select 1 from job_worker w where w.worker_id = j.locked_by) as beating
         from graphile_worker._private_jobs j where j.key = any($1::text[])`,
      [pending.map((n) => `notice:${n.id}`)],
    );
    expect(locks).toHaveLength(pending.length);
    // What graphile-worker writes into `locked_by` must be what `job_worker` beats for, or
    // `force_unlock_workers` frees nothing when the replica dies.
    expect(
      locks.every((l) => l.locked_by !== null && l.beating),
      `the held jobs' locked_by is beaten for in job_worker: ${JSON.stringify({
        locks,
        job_worker: await sql('select worker_id from job_worker'),
      })}`,
    ).toBe(true);
    const workersOfC = [...new Set(locks.map((l) => l.locked_by!))];

    const killedAt = Date.now();
    expect(await c!.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    // Its SMTP sessions closed with DATA unanswered: nothing of C's was accepted.
    await until(
      'C’s held messages dropped',
      () => smtp.held.size,
      (n) => n === 0,
      10_000,
    );
    expect(
      smtp.accepted.filter((m) => m.from === fromOf('C') && held.includes(m.messageId)),
    ).toEqual([]);

    // C's heartbeat stops; after 30 s D's worker unlocks C's jobs and delivers them.
    await until(
      'D to deliver the notices C held',
      () => emailNotices(receipts.map((r) => r.id)),
      (rows) => rows.every((row) => row.status === 'DELIVERED'),
      120_000,
      500,
    ).catch(async (error: Error) => {
      const jobs = await sql(
        `select id, key, attempts, locked_by, locked_at, run_at, last_error
           from graphile_worker._private_jobs where key = any($1::text[])`,
        [pending.map((n) => `notice:${n.id}`)],
      );
      const workers = await sql('select worker_id, seen_at, now() as now from job_worker');
      const mails = smtp.received.filter((m) => held.includes(m.messageId));
      throw new Error(
        `${error.message}\njobs: ${JSON.stringify(jobs)}\njob_worker: ${JSON.stringify(workers)}` +
          `\nmails of the held notices: ${JSON.stringify(mails)}` +
          `\nD alive: ${d!.alive()}, exit: ${d!.child.exitCode} ${d!.child.signalCode}` +
          `\nD:\n${d!.output()}\nB:\n${b.output()}`,
      );
    });
    const takeover = Date.now() - killedAt;
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const delivered = await emailNotices(receipts.map((r) => r.id));
    expect(delivered.every((n) => n.attempts === 1 && n.delivered_how === 'SENT')).toBe(true);
    for (const messageId of delivered.map((n) => noticeMessageId(n.id))) {
      // Exactly once accepted, whoever sent it.
      expect(smtp.count(smtp.accepted, messageId), messageId).toBe(1);
    }
    for (const messageId of held) {
      // Sent twice, accepted once: C's try died unanswered, D's was accepted.
      expect(smtp.count(smtp.received, messageId), messageId).toBe(2);
      expect(smtp.accepted.find((m) => m.messageId === messageId)?.from).toBe(fromOf('D'));
    }
    // C's workers were declared dead and their heartbeat rows removed; D's still beat.
    const beating = (await sql<{ worker_id: string }>('select worker_id from job_worker')).map(
      (row) => row.worker_id,
    );
    expect(beating.filter((id) => workersOfC.includes(id))).toEqual([]);
    expect(beating.length).toBeGreaterThan(0);
    expect(d!.alive()).toBe(true);
    console.log(
      `${receipts.length} email notices; C held ${held.length} when SIGKILLed; D delivered them ` +
        `${takeover} ms after the kill; each accepted once`,
    );
  }, 240_000);
});
