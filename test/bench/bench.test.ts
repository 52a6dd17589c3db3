import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';

// The benchmark is not timed here: this runs its whole harness once on a small dataset so that a
// change to the server (a moved export, a renamed column, a new required field) that would break
// `pnpm bench` fails the suite instead of the next person who measures.
const runJs = fileURLToPath(new URL('./run.js', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'bench-smoke-'));

interface QueueTarget {
  rps: number;
  failures: number;
}
interface BenchResult {
  dataset: { complaints: number };
  queue: {
    page: { totalCount: number };
    summary: Record<'service' | 'postgraphile' | 'raw', QueueTarget>;
  };
  metrics: { groupBy: string; differences: string[] }[];
  filing: {
    runs: Record<'spread' | 'oneOffice', { rps: number; failures: number }>;
    check: { broken: number; problems: string[]; verification: { valid: boolean } };
  };
}

function runBench(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [runJs], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('the benchmark harness (pnpm bench) on a small dataset', () => {
  const serverUrl = inject('adminDatabaseUrl');

  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query('drop database if exists bench_10k with (force)');
    } finally {
      await client.end();
    }
  });

  it('generates, checks the same page from all three targets, measures metrics and filings', async () => {
    const json = join(scratch, 'results.json');
    const { code, output } = await runBench({
      BENCH_DATABASE_URL: serverUrl,
      BENCH_SCALES: '10k',
      BENCH_REGENERATE: '1',
      BENCH_SECONDS: '1',
      BENCH_ROUNDS: '1',
      BENCH_WARMUP_SECONDS: '1',
      BENCH_CONNECTIONS: '4',
      BENCH_POOL_SIZE: '2',
      BENCH_STATEMENT_REQUESTS: '2',
      BENCH_JSON: json,
    });
    expect(code, output.slice(-4000)).toBe(0);
    const results = JSON.parse(readFileSync(json, 'utf8')) as BenchResult[];
    expect(results).toHaveLength(1);
    const result = results[0]!;
    expect(result.dataset.complaints).toBeGreaterThan(9000);
    expect(result.queue.page.totalCount).toBeGreaterThan(50);
    for (const target of ['service', 'postgraphile', 'raw'] as const) {
      expect(result.queue.summary[target].rps, target).toBeGreaterThan(0);
      expect(result.queue.summary[target].failures, target).toBe(0);
    }
    expect(result.metrics.map((m) => [m.groupBy, m.differences])).toEqual(
      result.metrics.map((m) => [m.groupBy, []]),
    );
    expect(result.filing.runs.spread.rps).toBeGreaterThan(0);
    expect(result.filing.check.problems).toEqual([]);
    expect(result.filing.check.verification.valid).toBe(true);
  }, 600_000);
});
