import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_OPERATION_LABELS } from '../../src/observability/metrics.js';
import {
  FILE_COMPLAINT,
  complaintInput,
  graphqlRequest,
  startApiWorld,
  type ApiWorld,
} from '../support/api.js';
import { captureLog, labelValues, sample } from './support.js';

const METRICS_TOKEN = 'scrape-token-3f9a2c7e1b5d4a60';
const log = captureLog();
/** Without METRICS_TOKEN, listening on every interface: loopback may scrape, others not. */
let open: ApiWorld;
let guarded: ApiWorld;

beforeAll(async () => {
  [open, guarded] = await Promise.all([
    startApiWorld({ HOST: '0.0.0.0', LOG_LEVEL: 'warn' }, { logDestination: log.destination }),
    startApiWorld({ METRICS_TOKEN }),
  ]);
});

afterAll(async () => {
  await Promise.all([open?.stop(), guarded?.stop()]);
});

async function scrape(world: ApiWorld, headers: Record<string, string> = {}) {
  const response = await fetch(`http://127.0.0.1:${world.app.port}/metrics`, { headers });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

const CALENDAR = (days: number) =>
  `query CalendarProbe { addWorkingDays(from: "2026-11-24", days: ${days}) }`;

describe('GET /metrics', () => {
  it('Ops: counts each request by operation name and code, times it, and shows the process metrics', async () => {
    const before = await scrape(open);
    expect(before.status).toBe(200);
    expect(before.type).toMatch(/^text\/plain; version=0\.0\.4/);
    const ok = () =>
      sample(before.text, 'http_requests_total', { operation: 'CalendarProbe', code: 'OK' });
    expect(ok()).toBeUndefined();

    await graphqlRequest(open.url, null, CALENDAR(5));
    await graphqlRequest(open.url, null, CALENDAR(6));
    const bad = await graphqlRequest(open.url, null, CALENDAR(-1));
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await graphqlRequest(open.url, null, '{ me { id } }');
    await fetch(`${open.url}/healthz`);

    const { text } = await scrape(open);
    expect(sample(text, 'http_requests_total', { operation: 'CalendarProbe', code: 'OK' })).toBe(2);
    expect(
      sample(text, 'http_requests_total', { operation: 'CalendarProbe', code: 'BAD_USER_INPUT' }),
    ).toBe(1);
    expect(sample(text, 'http_requests_total', { operation: 'anonymous', code: 'OK' })).toBe(1);
    expect(sample(text, 'http_requests_total', { operation: '/healthz', code: 'OK' })).toBe(1);
    expect(
      sample(text, 'graphql_request_duration_seconds_count', { operation: 'CalendarProbe' }),
    ).toBe(3);
    expect(
      sample(text, 'graphql_request_duration_seconds_bucket', {
        operation: 'CalendarProbe',
        le: '+Inf',
      }),
    ).toBe(3);
    expect(
      sample(text, 'graphql_request_duration_seconds_sum', { operation: 'CalendarProbe' }),
    ).toBeGreaterThan(0);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(sample(text, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });

  it('Security: operation labels are bounded: names come from the parsed document, new ones past the cap are `other`', async () => {
    const names = Array.from({ length: MAX_OPERATION_LABELS + 30 }, (_, i) => `Flood${i}`);
    for (let i = 0; i < names.length; i += 10) {
      const batch = names
        .slice(i, i + 10)
        .map((name) => ({ query: `query ${name} { __typename }` }));
      const response = await fetch(`${open.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(batch),
      });
      expect(response.status).toBe(200);
    }
    // A name the client claims but the document does not hold, an unparsable document, a name
    // too long to be a label: none of them becomes a label of its own.
    await fetch(`${open.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', operationName: 'Claimed<script>' }),
    });
    await graphqlRequest(open.url, null, 'query Broken {');
    await graphqlRequest(open.url, null, `query ${'L'.repeat(80)} { __typename }`);

    const { text } = await scrape(open);
    const labels = labelValues(text, 'http_requests_total', 'operation');
    const named = [...labels].filter((label) => /^[_A-Za-z]/.test(label));
    expect(named.length).toBeLessThanOrEqual(MAX_OPERATION_LABELS + 2); // + anonymous, other
    expect(labels).toContain('other');
    expect(labels).toContain('anonymous');
    expect(labels).not.toContain('Claimed<script>');
    expect(labels).not.toContain('Broken');
    expect(named.some((label) => label.startsWith('LLLL'))).toBe(false);
    expect(labelValues(text, 'graphql_request_duration_seconds_count', 'operation').size).toBe(
      new Set([...labels].filter((label) => !label.startsWith('/'))).size,
    );
    // Known names keep being counted under their own label.
    await graphqlRequest(open.url, null, CALENDAR(1));
    const after = await scrape(open);
    expect(
      sample(after.text, 'http_requests_total', { operation: 'CalendarProbe', code: 'OK' }),
    ).toBe(3);
  });

  it('Security: without METRICS_TOKEN only this machine may scrape: another address or a forwarded request gets 404', async () => {
    expect((await scrape(open)).status).toBe(200);
    const forwarded = await scrape(open, { 'x-forwarded-for': '203.0.113.9' });
    expect(forwarded.status).toBe(404);
    expect(forwarded.text).not.toContain('http_requests_total');
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal)?.address;
    if (external === undefined) return; // no address but loopback on this machine
    const response = await fetch(`http://${external}:${open.app.port}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('http_requests_total');
  });

  it('Security: with METRICS_TOKEN, /metrics answers only its bearer, loopback included', async () => {
    const none = await scrape(guarded);
    expect(none.status).toBe(401);
    expect(none.text).not.toContain('http_requests_total');
    expect((await scrape(guarded, { authorization: `Bearer ${METRICS_TOKEN}x` })).status).toBe(401);
    expect(
      (await scrape(guarded, { authorization: `Bearer ${METRICS_TOKEN.slice(0, -1)}` })).status,
    ).toBe(401);
    expect((await scrape(guarded, { authorization: METRICS_TOKEN })).status).toBe(401);
    const allowed = await scrape(guarded, { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain('# TYPE http_requests_total counter');
    // The refused scrapes are counted too, by route and code.
    expect(
      sample(allowed.text, 'http_requests_total', {
        operation: '/metrics',
        code: 'UNAUTHENTICATED',
      }),
    ).toBe(4);
  });

  it('Ops: complaints_overdue counts the open complaints past their deadline in Almaty, as one count does', async () => {
    const officer = await open.as('officer');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const filed = await officer.request<{ fileComplaint: { complaint: { id: string } } }>(
        FILE_COMPLAINT,
        { input: complaintInput(open.providers.astana.id) },
      );
      expect(filed.errors).toBeUndefined();
      ids.push(filed.data!.fileComplaint.complaint.id);
    }
    const almatyToday = `(now() at time zone 'Asia/Almaty')::date`;
    const set = (id: string, status: string, deadline: string) =>
      open.sql(`update complaint set status = $2, response_deadline = ${deadline} where id = $1`, [
        id,
        status,
      ]);
    await set(ids[0]!, 'REGISTERED', `${almatyToday} - 1`); // overdue
    await set(ids[1]!, 'IN_REVIEW', `${almatyToday} - 30`); // overdue
    await set(ids[2]!, 'REGISTERED', almatyToday); // due today: not yet
    await set(ids[3]!, 'DECIDED', `${almatyToday} - 10`); // decided: never overdue
    await set(ids[4]!, 'IN_REVIEW', `${almatyToday} + 3`);

    const counted = await open.sql<{ count: number }>(
      `select count(*)::int as count from complaint
        where status in ('REGISTERED', 'IN_REVIEW') and response_deadline < ${almatyToday}`,
    );
    const count = counted[0]!.count;
    expect(count).toBe(2);
    const { text } = await scrape(open);
    expect(text).toContain('# TYPE complaints_overdue gauge');
    expect(sample(text, 'complaints_overdue')).toBe(count);

    await set(ids[2]!, 'REGISTERED', `${almatyToday} - 2`);
    expect(sample((await scrape(open)).text, 'complaints_overdue')).toBe(3);
  });

  it('Ops: the job queue depth, its failing jobs and the undelivered notices are counted at each scrape', async () => {
    const count = async (text: string) => (await open.sql<{ n: number }>(text))[0]!.n;
    await open.sql(
      `select graphile_worker.add_job('deliver-notice', '{}'::json, job_key => 'metrics-probe')`,
    );
    const first = (await scrape(open)).text;
    expect(sample(first, 'job_queue_depth')).toBe(
      await count('select count(*)::int as n from graphile_worker.jobs'),
    );
    expect(sample(first, 'job_queue_depth')).toBeGreaterThanOrEqual(1);
    expect(sample(first, 'job_queue_failing')).toBe(
      await count(
        'select count(*)::int as n from graphile_worker.jobs where last_error is not null',
      ),
    );
    const officer = await open.as('officer');
    const filed = await officer.request<{ fileComplaint: { complaint: { id: string } } }>(
      FILE_COMPLAINT,
      { input: complaintInput(open.providers.astana.id) },
    );
    await open.sql(`update notice set status = 'UNDELIVERED' where complaint_id = $1`, [
      filed.data!.fileComplaint.complaint.id,
    ]);
    expect(sample((await scrape(open)).text, 'notices_undelivered')).toBe(
      await count(`select count(*)::int as n from notice where status = 'UNDELIVERED'`),
    );
    expect(sample((await scrape(open)).text, 'notices_undelivered')).toBeGreaterThanOrEqual(1);
    await open.sql(`select graphile_worker.remove_job('metrics-probe')`);
  });

  it('Ops: registerGauge adds a value computed at each scrape; one that fails reads NaN and is logged', async () => {
    let depth = 7;
    open.app.metrics.registerGauge({
      name: 'test_queue_depth',
      help: 'Jobs waiting.',
      collect: () => Promise.resolve(depth),
    });
    open.app.metrics.registerGauge({
      name: 'test_broken_gauge',
      help: 'Always fails.',
      collect: () => Promise.reject(new Error("relation 'job_queue' does not exist")),
    });
    const first = await scrape(open);
    expect(first.status).toBe(200);
    expect(sample(first.text, 'test_queue_depth')).toBe(7);
    expect(sample(first.text, 'test_broken_gauge')).toBeNaN();
    depth = 3;
    expect(sample((await scrape(open)).text, 'test_queue_depth')).toBe(3);
    expect(await log.waitFor((line) => line.gauge === 'test_broken_gauge')).toMatchObject({
      level: 'warn',
      msg: 'metric not collected',
    });
    expect(() =>
      open.app.metrics.registerGauge({
        name: 'test_queue_depth',
        help: 'again',
        collect: () => Promise.resolve(1),
      }),
    ).toThrow();
  });
});
