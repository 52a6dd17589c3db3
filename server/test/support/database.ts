import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { inject } from 'vitest';
import { ormConfig } from '../../src/db/orm-config.js';
import { migrateJobQueue } from '../../src/jobs/job-queue.js';

export interface TestDatabase {
  url: string;
  name: string;
  /** A migrated ORM on this file's own database. */
  orm: MikroORM;
  /** Plain SQL on the same database, for counting rows and tampering in tests. */
  sql<T extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<T[]>;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A small pool for plain SQL beside the app. `pool.end()` resolves before its sockets close, so the
 * forced drop can still terminate a backend of it: the FATAL then arrives as an 'error' event, which
 * without a listener would be an uncaught exception in whatever test file runs at that moment.
 */
export function sqlPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const dropped = (error: Error & { code?: string }) => {
    if (error.code !== '57P01') throw error;
  };
  pool.on('error', dropped);
  pool.on('connect', (client) => client.on('error', dropped));
  return pool;
}

/** An empty database of this test file's own, made here and dropped by `drop()`. */
export async function createEmptyDatabase(): Promise<{
  url: string;
  name: string;
  drop(): Promise<void>;
}> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`create database "${name}"`));
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    drop: () =>
      admin((client) => client.query(`drop database if exists "${name}" with (force)`)).then(
        () => undefined,
      ),
  };
}

/** A fresh database with every migration applied, as the server would have it. */
export async function createTestDatabase(poolSize = 10): Promise<TestDatabase> {
  const empty = await createEmptyDatabase();
  const orm = new MikroORM(ormConfig(empty.url, poolSize));
  await orm.connect();
  await orm.migrator.up();
  await migrateJobQueue(empty.url, { error: console.error, warn: console.warn });
  const pool = sqlPool(empty.url);
  return {
    ...empty,
    orm,
    async sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []) {
      return (await pool.query<T>(text, params)).rows;
    },
    async drop() {
      await orm.close(true);
      await pool.end();
      await empty.drop();
    },
  };
}
