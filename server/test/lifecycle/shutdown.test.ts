import { spawn } from 'node:child_process';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { captureLog } from '../observability/support.js';
import { JWT_SECRET } from '../support/api.js';
import { createEmptyDatabase } from '../support/database.js';

const mainJs = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A GET over `agent` (a kept-alive connection, when it has one). */
function get(port: number, path: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/**
 * A GraphQL request whose body arrives in two parts: the server has it in flight from the first
 * part on, and can answer only after `finish()` sends the rest.
 */
function slowRequest(port: number): { finish(): Promise<Answer>; answer: Promise<Answer> } {
  const body = JSON.stringify({
    query: 'query SlowUpload { addWorkingDays(from: "2026-11-24", days: 5) }',
  });
  const cut = Math.floor(body.length / 2);
  let req!: ReturnType<typeof request>;
  const answer = new Promise<Answer>((resolve, reject) => {
    req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
  });
  req.write(body.slice(0, cut));
  // Awaited by the test when it matters; a test that fails early must not leave it unhandled.
  answer.catch(() => undefined);
  return {
    answer,
    finish() {
      req.end(body.slice(cut));
      return answer;
    },
  };
}

/** Resolves with the error code of a fresh TCP connection to `port`, or 'connected'. */
function tryConnect(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

async function startApp(env: Record<string, string> = {}, log = captureLog()) {
  const database = await createEmptyDatabase();
  const app = await createApp(
    loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ...env,
    }),
    { logDestination: log.destination },
  );
  return { app, database, log };
}

describe('graceful shutdown', () => {
  it('Ops: shutdown answers /readyz 503, refuses new connections, finishes the request in flight, then runs the steps in order before the database closes', async () => {
    const { app, database } = await startApp();
    const order: string[] = [];
    app.onShutdown(async () => {
      order.push('first');
      const rows = await app.orm.em.fork().execute<{ one: number }[]>('select 1 as one');
      order.push(`database still open: ${rows[0]!.one}`);
    });
    app.onShutdown(() => {
      order.push('second');
    });
    const keptAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect((await get(app.port, '/readyz', keptAlive)).status).toBe(200);
      const slow = slowRequest(app.port);
      await pause(100);

      const stopping = app.shutdown();
      const ready = await get(app.port, '/readyz', keptAlive);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toEqual({ status: 'draining' });
      expect(ready.headers.connection).toBe('close');
      expect(await tryConnect(app.port)).toBe('ECONNREFUSED');
      await pause(200);
      expect(order).toEqual([]);

      const answer = await slow.finish();
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ data: { addWorkingDays: '2026-12-01' } });
      expect(answer.headers.connection).toBe('close');
      await stopping;
      expect(order).toEqual(['first', 'database still open: 1', 'second']);
      expect(await app.orm.isConnected()).toBe(false);
      // Called again, either way of stopping is the same, finished, shutdown.
      await app.stop();
    } finally {
      keptAlive.destroy();
      await database.drop();
    }
  });

  it('Ops: a request that outlasts SHUTDOWN_TIMEOUT_MS is cut off; a failing step is logged, the later ones still run, the database still closes', async () => {
    const { app, database, log } = await startApp({ SHUTDOWN_TIMEOUT_MS: '600' });
    const ran: string[] = [];
    app.onShutdown(function failingStep() {
      throw new Error('worker would not stop');
    });
    app.onShutdown(() => {
      ran.push('after the failure');
    });
    try {
      const slow = slowRequest(app.port);
      const outcome = slow.answer.then(
        () => 'answered',
        (error: NodeJS.ErrnoException) => error.code ?? 'error',
      );
      await pause(100);
      const started = Date.now();
      await expect(app.shutdown()).rejects.toThrow('a shutdown step failed');
      const took = Date.now() - started;
      expect(took).toBeGreaterThanOrEqual(550);
      expect(took).toBeLessThan(3000);
      expect(await outcome).toMatch(/ECONNRESET|socket hang up/);
      expect(ran).toEqual(['after the failure']);
      expect(await app.orm.isConnected()).toBe(false);
      expect(
        await log.waitFor((line) => line.msg === 'requests cut off at SHUTDOWN_TIMEOUT_MS'),
      ).toMatchObject({ level: 'warn', cut: 1 });
      expect(await log.waitFor((line) => line.msg === 'shutdown step failed')).toMatchObject({
        level: 'error',
        step: 'failingStep',
        error: { type: 'Error', message: 'worker would not stop' },
      });
    } finally {
      await database.drop();
    }
  });

  it('Ops: SIGTERM under load: every request sent before it gets a complete 200, new connections are refused, the process exits 0 in time', async () => {
    const database = await createEmptyDatabase();
    const timeoutMs = 10_000;
    const child = spawn(process.execPath, [mainJs], {
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'production',
        JWT_SECRET,
        SEED_DEMO: '0',
        LOG_LEVEL: 'info',
        METRICS_TOKEN: '',
        SHUTDOWN_TIMEOUT_MS: String(timeoutMs),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const keptAlive = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      let port = 0;
      for (let waited = 0; port === 0; waited += 100) {
        if (child.exitCode !== null || waited > 60_000) throw new Error(`no start: ${output}`);
        port = Number(/GraphQL: http:\/\/localhost:(\d+)\//.exec(output)?.[1] ?? 0);
        await pause(100);
      }
      const url = `http://127.0.0.1:${port}/graphql`;

      // 20 clients, each sending its next request as soon as its last is answered; one in four
      // asks for a heavier query.
      const light = '{ addWorkingDays(from: "2026-11-24", days: 30) }';
      const years = Array.from({ length: 10 }, (_, i) => 2020 + i);
      const heavy = `query Heavy { ${years
        .map((year) => `y${year}: calendarExceptions(year: ${year}) { date working reason source }`)
        .join(' ')} }`;
      let killed = false;
      let stopped = false;
      const results: {
        sentBeforeKill: boolean;
        answeredAfterKill: boolean;
        status?: number;
        complete?: boolean;
        error?: string;
      }[] = [];
      const client = async (n: number) => {
        const query = n % 4 === 0 ? heavy : light;
        while (!stopped) {
          const sentBeforeKill = !killed;
          try {
            const response = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query }),
            });
            const body = (await response.json()) as { data?: unknown; errors?: unknown };
            results.push({
              sentBeforeKill,
              answeredAfterKill: killed,
              status: response.status,
              complete: body.data !== undefined && body.errors === undefined,
            });
          } catch (error) {
            const cause = (error as { cause?: { code?: string } }).cause;
            results.push({
              sentBeforeKill,
              answeredAfterKill: killed,
              error: cause?.code ?? String(error),
            });
            return;
          }
        }
      };
      const clients = Array.from({ length: 20 }, (_, n) => client(n));
      while (results.length < 200) await pause(20);
      expect((await get(port, '/readyz', keptAlive)).status).toBe(200);
      const slow = slowRequest(port);
      await pause(100);

      const killedAt = Date.now();
      killed = true;
      child.kill('SIGTERM');
      // Logged as draining begins (in the same tick): from then on /readyz says so.
      while (!output.includes('"msg":"shutting down"')) await pause(5);
      const ready = await get(port, '/readyz', keptAlive);
      expect(ready.status).toBe(503);
      expect(JSON.parse(ready.body)).toEqual({ status: 'draining' });
      expect(await tryConnect(port)).toBe('ECONNREFUSED');
      await pause(300);
      const answer = await slow.finish();
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ data: { addWorkingDays: '2026-12-01' } });

      const exit = await exited;
      const took = Date.now() - killedAt;
      stopped = true;
      await Promise.all(clients);
      expect(exit, output.slice(-3000)).toEqual({ code: 0, signal: null });
      expect(took).toBeLessThan(timeoutMs);

      const before = results.filter((result) => result.sentBeforeKill);
      expect(before.length).toBeGreaterThanOrEqual(200);
      expect(before.filter((result) => result.status !== 200 || !result.complete)).toEqual([]);
      // The requests in flight at SIGTERM were answered after it, not dropped.
      expect(before.some((result) => result.answeredAfterKill)).toBe(true);
      // Whoever tried after the close was refused, not left hanging.
      for (const result of results.filter((r) => r.error !== undefined)) {
        expect(result.error).toMatch(/ECONNREFUSED|ECONNRESET|UND_ERR_SOCKET/);
      }

      const lines = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      const messages = lines.map((line) => line.msg);
      expect(messages).toContain('shutting down');
      expect(messages.at(-1)).toBe('stopped');
      expect(lines.find((line) => line.msg === 'shutting down')).toMatchObject({
        signal: 'SIGTERM',
        timeoutMs,
      });
      expect(
        lines.some(
          (line) => line.msg === 'request' && (line.operations as string[])?.[0] === 'Heavy',
        ),
      ).toBe(true);
    } finally {
      keptAlive.destroy();
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
    }
  }, 120_000);
});
