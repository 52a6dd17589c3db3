// SQL statements per request of a target: a separate instance of it behind the counting proxy,
// warmed up, then a fixed number of sequential requests; the wire says what was sent, and
// pg_stat_statements (in the schema `bench`, so PostGraphile does not see it) how long each
// statement took in the database.
import { withClient } from './database.js';
import { startTarget } from './targets/index.js';
import { startCountingProxy } from './wire-count.js';
import { log } from './util.js';

/** Creates pg_stat_statements in the dataset (once); false when the server did not preload it. */
export async function enableStatementStats(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `select 'pg_stat_statements' = any (string_to_array(current_setting('shared_preload_libraries'), ','))
         or current_setting('shared_preload_libraries') ~ 'pg_stat_statements' as loaded`,
    );
    if (!rows[0].loaded) {
      log('pg_stat_statements is not in shared_preload_libraries: no statement timings');
      return false;
    }
    await client.query('create schema if not exists bench');
    await client.query('create extension if not exists pg_stat_statements with schema bench');
    return true;
  });
}

async function resetStatementStats(url) {
  await withClient(url, (client) =>
    client.query(
      `select bench.pg_stat_statements_reset(0, (select oid from pg_database
                                                   where datname = current_database()), 0)`,
    ),
  );
}

async function readStatementStats(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `select query, calls::int, mean_exec_time, total_exec_time, rows::int
       from bench.pg_stat_statements
       where dbid = (select oid from pg_database where datname = current_database())
         and query !~* 'pg_stat_statements'
       order by total_exec_time desc`,
    );
    return rows;
  });
}

/**
 * Starts `kind` behind the proxy, lets `prepare(url)` get ready (log in…) and return one request
 * function, warms up, then runs it `n` times in sequence. Returns the counts per request.
 */
export async function countStatements({ kind, settings, prepare, n = 20, statsEnabled }) {
  const proxy = await startCountingProxy(settings.databaseUrl);
  const target = await startTarget(kind, { ...settings, databaseUrl: proxy.url });
  try {
    const request = await prepare(target.url);
    for (let i = 0; i < 5; i += 1) await request(i);
    proxy.reset();
    if (statsEnabled) await resetStatementStats(settings.databaseUrl);
    for (let i = 0; i < n; i += 1) await request(i);
    const counts = proxy.counts();
    const timings = statsEnabled ? await readStatementStats(settings.databaseUrl) : [];
    return {
      statements: counts.statements / n,
      transactionControl: counts.transactionControl / n,
      prepared: counts.prepared / n,
      simple: counts.simple / n,
      parses: counts.parses / n,
      texts: [...counts.texts].map(([text, calls]) => ({ text, perRequest: calls / n })),
      timings: timings.map((t) => ({
        query: t.query.replace(/\s+/g, ' '),
        perRequest: t.calls / n,
        meanMs: t.mean_exec_time,
        rows: t.rows / Math.max(t.calls, 1),
      })),
    };
  } finally {
    await target.stop();
    await proxy.close();
  }
}
