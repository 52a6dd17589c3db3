// The benchmark's databases on a PostgreSQL server (BENCH_DATABASE_URL): one per scale, migrated
// by the project's own migrations, generated once and reused while its marker says it is complete.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../../server/dist/db/database.js';
import { GENERATOR_VERSION, generate } from './generate.js';
import { log } from './util.js';

export function urlFor(serverUrl, database) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Applies the server's pending migrations, exactly as the server does at start-up. */
export async function migrate(url) {
  const dataDir = mkdtempSync(join(tmpdir(), 'complaints-bench-'));
  try {
    const database = await openDatabase({ databaseUrl: url, dataDir, databasePoolSize: 2 });
    await database.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A digest of each migration as built now: a dataset is rebuilt when a migration it was made with
 * has changed since (an edited migration is not applied again to a database that has it).
 */
function migrationDigests(names) {
  return Object.fromEntries(
    names.map((name) => {
      const file = new URL(`../../../server/dist/db/migrations/${name}.js`, import.meta.url);
      let digest = 'missing';
      try {
        digest = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16);
      } catch {
        // a migration that is no longer built: the dataset is rebuilt
      }
      return [name, digest];
    }),
  );
}

async function appliedMigrations(client) {
  const { rows } = await client.query('select name from mikro_orm_migrations order by id');
  return rows.map((r) => r.name);
}

async function marker(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `select to_regclass('bench.dataset') is not null as present`,
    );
    if (!rows[0].present) return null;
    const { rows: marks } = await client.query('select * from bench.dataset');
    return marks[0] ?? null;
  });
}

/**
 * The database `name` with about `count` complaints: reused when its marker says it was completed
 * by this generator for this count (new migrations are applied to it), otherwise built afresh.
 */
export async function ensureDataset(serverUrl, { name, count, years, password, regenerate }) {
  const url = urlFor(serverUrl, name);
  const exists = await withClient(serverUrl, async (client) => {
    const { rows } = await client.query('select 1 from pg_database where datname = $1', [name]);
    return rows.length > 0;
  });
  if (exists && !regenerate) {
    const mark = await marker(url);
    const changed = mark
      ? Object.entries(migrationDigests(mark.migrations))
          .filter(([name, digest]) => mark.migration_digests?.[name] !== digest)
          .map(([name]) => name)
      : [];
    if (
      mark &&
      mark.generator_version === GENERATOR_VERSION &&
      mark.requested === count &&
      mark.years === years &&
      changed.length === 0
    ) {
      await migrate(url);
      const added = await withClient(url, async (client) => {
        // Cheap when nothing changed (all-visible pages are skipped); after a migration that
        // rewrote rows, or a database generated before this step, it is the steady state again.
        await client.query('vacuum (analyze)');
        return (await appliedMigrations(client)).filter((m) => !mark.migrations.includes(m));
      });
      log(
        `${name}: reusing ${mark.complaints} complaints generated ${mark.generated_at.toISOString()}` +
          (added.length ? ` (migrations applied since: ${added.join(', ')})` : ''),
      );
      return { url, ...mark, reused: true };
    }
    log(
      `${name}: ${
        !mark
          ? 'incomplete'
          : changed.length
            ? `migrations changed since it was made (${changed.join(', ')})`
            : 'made by another generator, count or span'
      }: rebuilt`,
    );
  }
  await withClient(serverUrl, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  });
  log(`${name}: migrating and generating ${count} complaints over ${years} years…`);
  await migrate(url);
  const summary = await withClient(url, async (client) => {
    const result = await generate(client, { count, years, password });
    const migrations = await appliedMigrations(client);
    await client.query(`create table bench.dataset (
      requested int not null, years int not null, complaints int not null,
      escalations int not null, open int not null, first_day text not null,
      last_day text not null, generator_version int not null,
      migrations text[] not null, migration_digests jsonb not null, seconds int not null,
      generated_at timestamptz not null)`);
    await client.query(
      `insert into bench.dataset values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())`,
      [
        count,
        years,
        result.complaints,
        result.escalations,
        result.open,
        result.firstDay,
        result.lastDay,
        GENERATOR_VERSION,
        migrations,
        JSON.stringify(migrationDigests(migrations)),
        result.seconds,
      ],
    );
    const { rows } = await client.query('select * from bench.dataset');
    return rows[0];
  });
  log(
    `${name}: ${summary.complaints} complaints (${summary.escalations} escalations, ` +
      `${summary.open} open) in ${summary.seconds} s`,
  );
  return { url, ...summary, reused: false };
}

/** A throwaway copy for the benchmarks that write (filings, soak): the dataset stays as generated. */
export async function cloneDatabase(serverUrl, source, target) {
  await withClient(serverUrl, async (client) => {
    await client.query(`drop database if exists ${client.escapeIdentifier(target)} with (force)`);
    await client.query(
      `create database ${client.escapeIdentifier(target)} template ${client.escapeIdentifier(source)}`,
    );
  });
  return urlFor(serverUrl, target);
}

export async function dropDatabase(serverUrl, name) {
  await withClient(serverUrl, (client) =>
    client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`),
  );
}
