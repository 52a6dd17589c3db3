// `npx pnpm bench` (the root script builds first): the benchmark of issue 9 on a PostgreSQL server.
//
// For each scale (BENCH_SCALES, default 100k,1m) it makes or reuses the database bench_<scale>
// (migrated by the server's own migrations, complaints generated in SQL), then:
//  - queue: this service (createApp, NODE_ENV=production, the SPA's exact ComplaintList as the
//    INSPECTOR), PostGraphile 5 over the same tables and a raw `pg` + node:http handler, each in
//    its own process; checks that all three return the same page; counts SQL statements per
//    request on the wire and in pg_stat_statements; then BENCH_ROUNDS rounds of BENCH_SECONDS
//    each with BENCH_CONNECTIONS connections, targets alternated;
//  - metrics: complianceMetrics for the data's last year by provider and by month, timed and
//    compared with a recomputation from the complaints;
//  - filing: fileComplaint spread over offices and on one office, on a throwaway copy, then the
//    incoming numbers and the audit chain checked;
//  - soak (BENCH_SOAK_MINUTES): a mixed load with the service's memory every 30 s.
// Results on stdout (BENCH_JSON=file also writes them as JSON); progress on stderr.
// Not part of `pnpm test`. See README.md, "Benchmark".
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { cloneDatabase, dropDatabase, ensureDataset } from './lib/database.js';
import { measureFiling } from './lib/filing.js';
import { BENCH_USERS } from './lib/generate.js';
import { runLoad } from './lib/load.js';
import { measureMetrics } from './lib/metrics.js';
import {
  OPEN_STATUSES,
  assertSamePages,
  normalize,
  postgraphileQueueBody,
  rawQueueBody,
  serviceQueueBody,
} from './lib/queue.js';
import { fixed, statementCell, table } from './lib/report.js';
import { soak } from './lib/soak.js';
import { countStatements, enableStatementStats } from './lib/statements.js';
import { startTarget } from './lib/targets/index.js';
import { log, login, sleep } from './lib/util.js';

function number(name, fallback) {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} must be a whole number, got "${value}"`);
  return Number(value);
}

function scale(text) {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`BENCH_SCALES: "${text}" is not like 100k, 1m or 10m`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[match[2].toLowerCase()];
  return { label: text.trim().toLowerCase(), count: Math.round(Number(match[1]) * factor) };
}

const config = {
  serverUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:bench@127.0.0.1:5432/postgres',
  scales: (process.env.BENCH_SCALES ?? '100k,1m').split(',').filter(Boolean).map(scale),
  seconds: number('BENCH_SECONDS', 10),
  rounds: number('BENCH_ROUNDS', 5),
  warmupSeconds: number('BENCH_WARMUP_SECONDS', 3),
  connections: number('BENCH_CONNECTIONS', 32),
  poolSize: number('BENCH_POOL_SIZE', 10),
  statementRequests: number('BENCH_STATEMENT_REQUESTS', 20),
  soakMinutes: number('BENCH_SOAK_MINUTES', 0),
  password: process.env.BENCH_PASSWORD || 'bench-password',
  regenerate: process.env.BENCH_REGENERATE === '1',
  parts: new Set((process.env.BENCH_PARTS ?? 'queue,metrics,filing').split(',').filter(Boolean)),
};
const yearsFor = (count) => number('BENCH_YEARS', count >= 10_000_000 ? 10 : 3);

const TARGETS = [
  { kind: 'service', name: 'this service' },
  { kind: 'postgraphile', name: 'PostGraphile 5.1.5' },
  { kind: 'raw', name: 'raw pg + node:http' },
];

async function checkServer() {
  const client = new pg.Client({ connectionString: config.serverUrl });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version');
    log(`PostgreSQL ${rows[0].server_version} at ${new URL(config.serverUrl).host}`);
  } catch (error) {
    throw new Error(
      `cannot reach BENCH_DATABASE_URL (${error.message}); see README.md, "Benchmark", for ` +
        'starting the machine’s PostgreSQL 15',
      { cause: error },
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function post(url, body, headers = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return response.json();
}

/** The three targets' requests: URL, body and headers for autocannon, and how to read the answer. */
function queueRequests(targets, token) {
  return {
    service: {
      url: targets.service.url,
      body: serviceQueueBody(),
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'ru' },
    },
    postgraphile: { url: targets.postgraphile.url, body: postgraphileQueueBody(), headers: {} },
    raw: {
      url: targets.raw.url,
      body: rawQueueBody(),
      headers: {},
      verify: (b) => b.startsWith('{"data"'),
    },
  };
}

async function benchmarkQueue({ settings, statsEnabled, service }) {
  const targets = { service };
  targets.postgraphile = await startTarget('postgraphile', settings);
  targets.raw = await startTarget('raw', settings);
  try {
    const token = await login(service.url, BENCH_USERS.inspector.email, config.password);
    const requests = queueRequests(targets, token);
    const pages = {};
    for (const { kind } of TARGETS) {
      const r = requests[kind];
      const answer = await post(r.url, r.body, r.headers);
      if (answer.errors) throw new Error(`${kind}: ${JSON.stringify(answer.errors).slice(0, 500)}`);
      pages[kind] = normalize[kind](answer);
    }
    assertSamePages(pages);
    log(
      `  same page from all three: ${pages.service.rows.length} rows of ${pages.service.totalCount} ` +
        `open (${OPEN_STATUSES.join(', ')}), first ${pages.service.rows[0].incomingNumber}`,
    );

    const statements = {};
    for (const { kind } of TARGETS) {
      statements[kind] = await countStatements({
        kind,
        settings,
        statsEnabled,
        n: config.statementRequests,
        prepare: async (url) => {
          const headers =
            kind === 'service'
              ? {
                  ...requests.service.headers,
                  authorization: `Bearer ${await login(url, BENCH_USERS.inspector.email, config.password)}`,
                }
              : requests[kind].headers;
          const body = requests[kind].body;
          return async () => {
            const answer = await post(url, body, headers);
            if (answer.errors) throw new Error(`${kind}: ${JSON.stringify(answer.errors)}`);
          };
        },
      });
      log(`  ${kind}: ${statementCell(statements[kind])} statements per page`);
    }

    for (const { kind } of TARGETS) {
      await runLoad({
        ...requests[kind],
        connections: config.connections,
        seconds: config.warmupSeconds,
      });
    }
    const rounds = Object.fromEntries(TARGETS.map(({ kind }) => [kind, []]));
    for (let round = 0; round < config.rounds; round += 1) {
      // Each round starts with the next target, so that none always follows the same one.
      const order = TARGETS.map((_, i) => TARGETS[(i + round) % TARGETS.length]);
      for (const { kind, name } of order) {
        const result = await runLoad({
          ...requests[kind],
          connections: config.connections,
          seconds: config.seconds,
          target: targets[kind],
        });
        rounds[kind].push(result);
        // The requests autocannon stopped waiting for finish before the next target starts.
        await sleep(1000);
        log(
          `  round ${round + 1} ${name.padEnd(20)} ${fixed(result.rps).padStart(5)} req/s, p50 ` +
            `${result.p50} ms, p99 ${result.p99} ms, ${fixed(result.cpuMsPerRequest, 2)} ms CPU/req` +
            (result.failures ? `, ${result.failures} FAILED ${JSON.stringify(result.detail)}` : ''),
        );
      }
    }
    const summary = {};
    for (const { kind } of TARGETS) {
      const list = rounds[kind];
      const total = list.reduce((sum, r) => sum + r.requests, 0);
      summary[kind] = {
        rps: list.reduce((sum, r) => sum + r.rps, 0) / list.length,
        // Latencies: the median round's, so that one noisy round does not decide.
        p50: [...list].sort((a, b) => a.p50 - b.p50)[Math.floor(list.length / 2)].p50,
        p99: [...list].sort((a, b) => a.p99 - b.p99)[Math.floor(list.length / 2)].p99,
        cpuMsPerRequest:
          list.reduce((sum, r) => sum + (r.cpuMsPerRequest ?? 0) * r.requests, 0) /
          Math.max(total, 1),
        failures: list.reduce((sum, r) => sum + r.failures, 0),
        rounds: list.map((r) => ({ rps: r.rps, p50: r.p50, p99: r.p99 })),
      };
    }
    return { page: { totalCount: pages.service.totalCount }, statements, summary };
  } finally {
    await targets.postgraphile.stop();
    await targets.raw.stop();
  }
}

function printQueue(label, dataset, queue) {
  const { summary, statements } = queue;
  const rows = TARGETS.map(({ kind, name }) => [
    name,
    fixed(summary[kind].rps),
    summary[kind].p50,
    summary[kind].p99,
    `${fixed(summary[kind].rps / summary.postgraphile.rps, 2)}×`,
    `${fixed(summary[kind].rps / summary.raw.rps, 2)}×`,
    fixed(summary[kind].cpuMsPerRequest, 2),
    statementCell(statements[kind]),
    summary[kind].failures,
  ]);
  console.log(
    `\nQueue page at ${label}: ${dataset.complaints} complaints, ${queue.page.totalCount} open; ` +
      `first ${50} by deadline; ${config.connections} connections, ${config.rounds} rounds × ` +
      `${config.seconds} s, alternated\n`,
  );
  console.log(
    table(
      [
        'target',
        'req/s',
        'p50 ms',
        'p99 ms',
        '÷ PostGraphile',
        '÷ raw',
        'CPU ms/req',
        'SQL statements per request',
        'failed',
      ],
      rows,
    ),
  );
  for (const { kind, name } of TARGETS)
    printStatements(`${name}, one queue page`, statements[kind]);
}

/** The statements of one request: from pg_stat_statements (with times) or else from the wire. */
function printStatements(title, counts) {
  console.log(
    `\n${title}: ${statementCell(counts)} sent by the client` +
      (counts.timings.length
        ? '; what ran in the database (pg_stat_statements, including statements run by triggers at commit):'
        : ':'),
  );
  const lines = counts.timings.length
    ? counts.timings.map((t) => ({
        text: t.query,
        head: `${fixed(t.perRequest, 1)}× ${fixed(t.meanMs, 2).padStart(7)} ms mean, ${fixed(t.rows, 0)} rows`,
      }))
    : counts.texts.map((t) => ({ text: t.text, head: `${fixed(t.perRequest, 1)}×` }));
  for (const { text, head } of lines) {
    console.log(`  ${head}: ${text.slice(0, 160)}${text.length > 160 ? '…' : ''}`);
  }
}

function printMetrics(label, metrics) {
  console.log(
    `\ncomplianceMetrics at ${label}, the data's last year, as ANALYST, 5 requests each:\n`,
  );
  console.log(
    table(
      ['groupBy', 'groups', 'complaints', 'median ms', 'max ms', 'equals recomputation'],
      metrics.map((m) => [
        m.groupBy,
        m.groups,
        m.complaints,
        fixed(m.medianMs),
        fixed(m.maxMs),
        m.differences.length === 0 ? 'yes' : `NO: ${m.differences.length} differences`,
      ]),
    ),
  );
  for (const m of metrics)
    for (const d of m.differences.slice(0, 5)) console.log(`  ${m.groupBy} ${d}`);
}

function printFiling(label, filing) {
  console.log(
    `\nfileComplaint at ${label}, ${config.connections} connections, ${config.seconds} s each ` +
      `(a copy of the dataset):\n`,
  );
  console.log(
    table(
      [
        'offices',
        'filings/s',
        'p50 ms',
        'p99 ms',
        'CPU ms/req',
        'failed',
        'SQL statements per filing',
      ],
      [
        [`${filing.offices} offices`, filing.runs.spread],
        ['one office', filing.runs.oneOffice],
      ].map(([name, r]) => [
        name,
        fixed(r.rps),
        r.p50,
        r.p99,
        fixed(r.cpuMsPerRequest, 2),
        r.failures,
        statementCell(filing.statements),
      ]),
    ),
  );
  const c = filing.check;
  console.log(
    `  afterwards: ${c.offices} office-years, incoming numbers ${c.broken === 0 && c.counters_without_rows === 0 ? 'unique and gapless, counters agree' : 'BROKEN'}; ` +
      `audit chain ${c.verification.valid ? 'valid' : 'INVALID'} (${c.verification.checked} of ${c.records} records checked)`,
  );
  for (const problem of c.problems) console.log(`  PROBLEM: ${problem}`);
  printStatements('one filing', filing.statements);
}

async function main() {
  await checkServer();
  const jwtSecret = randomBytes(36).toString('base64');
  const results = [];
  const failures = [];
  for (const { label, count } of config.scales) {
    const name = `bench_${label.replace('.', '_')}`;
    const years = yearsFor(count);
    const dataset = await ensureDataset(config.serverUrl, {
      name,
      count,
      years,
      password: config.password,
      regenerate: config.regenerate,
    });
    const statsEnabled = await enableStatementStats(dataset.url);
    const settings = { databaseUrl: dataset.url, poolSize: config.poolSize, jwtSecret };
    const year = dataset.last_day.slice(0, 4);
    const result = { label, dataset, config: { ...config, parts: [...config.parts] } };

    if (config.parts.has('queue') || config.parts.has('metrics')) {
      log(`${name}: starting the targets…`);
      const service = await startTarget('service', settings);
      try {
        if (config.parts.has('queue')) {
          result.queue = await benchmarkQueue({ settings, statsEnabled, service });
          printQueue(label, dataset, result.queue);
          for (const { kind, name: targetName } of TARGETS) {
            if (result.queue.summary[kind].failures > 0) {
              failures.push(
                `${label}: ${targetName} failed ${result.queue.summary[kind].failures} queue requests`,
              );
            }
          }
        }
        if (config.parts.has('metrics')) {
          const token = await login(service.url, BENCH_USERS.analyst.email, config.password);
          result.metrics = await measureMetrics({
            url: service.url,
            token,
            databaseUrl: dataset.url,
            year,
          });
          printMetrics(label, result.metrics);
          for (const m of result.metrics) {
            if (m.differences.length)
              failures.push(
                `${label}: complianceMetrics ${m.groupBy} differs from the recomputation`,
              );
          }
        }
      } finally {
        await sleep(3000);
        await service.stop();
      }
    }

    if (config.parts.has('filing') || config.soakMinutes > 0) {
      const scratch = `${name}_scratch`;
      log(`${name}: copying to ${scratch} for the writes…`);
      const scratchUrl = await cloneDatabase(config.serverUrl, name, scratch);
      const scratchSettings = { ...settings, databaseUrl: scratchUrl };
      const service = await startTarget('service', scratchSettings);
      try {
        if (config.parts.has('filing')) {
          result.filing = await measureFiling({
            service,
            settings: scratchSettings,
            connections: config.connections,
            seconds: config.seconds,
            password: config.password,
            statsEnabled: await enableStatementStats(scratchUrl),
            supervisorEmail: BENCH_USERS.supervisor.email,
          });
          printFiling(label, result.filing);
          failures.push(...result.filing.check.problems.map((p) => `${label}: ${p}`));
          for (const [run, r] of Object.entries(result.filing.runs)) {
            if (r.failures)
              failures.push(
                `${label}: fileComplaint (${run}) failed ${r.failures} requests ${JSON.stringify(r.detail)}`,
              );
          }
        }
        if (config.soakMinutes > 0) {
          result.soak = await soak({
            service,
            databaseUrl: scratchUrl,
            minutes: config.soakMinutes,
            connections: config.connections,
            password: config.password,
            users: BENCH_USERS,
            year,
          });
          const s = result.soak;
          console.log(
            `\nsoak at ${label}: ${s.minutes} min mixed (${JSON.stringify(s.kinds)}), ${fixed(s.rps)} req/s, ` +
              `p99 ${s.p99} ms, ${s.errors} errors; RSS MB every 30 s: ` +
              s.samples.map((p) => fixed(p.rssMb)).join(' '),
          );
          if (s.errors)
            failures.push(`${label}: soak had ${s.errors} errors ${JSON.stringify(s.detail)}`);
        }
      } finally {
        // Requests the load generator gave up on at its end may still be running: let them finish.
        await sleep(3000);
        await service.stop();
        await dropDatabase(config.serverUrl, scratch);
      }
    }
    results.push(result);
  }
  if (process.env.BENCH_JSON) {
    writeFileSync(process.env.BENCH_JSON, JSON.stringify(results, null, 2));
    log(`results written to ${process.env.BENCH_JSON}`);
  }
  if (failures.length) {
    console.log(`\nFAILED:\n${failures.map((f) => `  ${f}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
