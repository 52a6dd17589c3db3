import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  lstatSync,
  mkdtempSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../src/app.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { Complaint } from '../src/modules/complaints/complaint.entity.js';
import { Provider } from '../src/modules/providers/provider.entity.js';
import { resolveSigningKey, SIGNING_KEY_FILE } from '../src/modules/users/signing-key.js';
import { at, individualComplaint, newUser } from './support/factories.js';

const scratch = mkdtempSync(join(tmpdir(), 'complaints-app-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function embeddedConfig(dataDir: string) {
  return loadConfig({
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: '0',
    NODE_ENV: 'test',
  });
}

/** The id of the user a bearer token speaks for on `app`, or null. */
async function meWith(app: App, token: string): Promise<string | null> {
  const result = await graphql(app, '{ me { id } }', { authorization: `Bearer ${token}` });
  return (result.data?.me as { id: string } | null)?.id ?? null;
}

async function graphql(app: App, query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as {
    data?: Record<string, unknown>;
    errors?: { extensions: Record<string, unknown> }[];
  };
}

describe('createApp on the embedded database', () => {
  it('starts from an empty DATA_DIR, answers /readyz, and finds its data and sessions after a restart', async () => {
    const dataDir = join(scratch, 'data');
    let app = await createApp(embeddedConfig(dataDir));
    let complaintId: string;
    let userId: string;
    let token: string;
    try {
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      const ready = await fetch(`${app.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });

      const em = app.orm.em.fork();
      const provider = em.create(Provider, {
        bin: '160240012346',
        nameKk: 'Қызмет беруші',
        nameRu: 'Поставщик',
        region: 'Астана',
        postalAddress: 'Астана қ.',
        officeCode: 'EMB',
      });
      await em.persist(provider).flush();
      const { actor, user } = await newUser(em, 'PROVIDER_OFFICER', { providerId: provider.id });
      userId = user.id;
      token = await app.services.auth.issueToken(user, new Date());
      expect(await meWith(app, token)).toBe(userId);
      // No JWT_SECRET: the key was made on this first start, readable by its owner only.
      expect(statSync(join(dataDir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
      const receipt = await app.services.complaints.fileComplaint(
        { em: app.orm.em.fork(), actor, now: at('2026-11-24 10:00'), language: 'en' },
        individualComplaint(provider.id),
      );
      complaintId = receipt.complaint.id;
      expect(receipt.complaint.registration.responseDeadline).toBe('2026-12-01');
    } finally {
      await app.stop();
    }

    const restartedAt = Date.now();
    app = await createApp(embeddedConfig(dataDir));
    try {
      console.info(`restart on an existing DATA_DIR took ${Date.now() - restartedAt} ms`);
      const found = await app.orm.em.fork().findOne(Complaint, { id: complaintId });
      expect(found?.registration.incomingNumber).toBe('EMB-2026-00001');
      expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
      // The kept key still verifies the session issued before the restart.
      expect(await meWith(app, token)).toBe(userId);
    } finally {
      await app.stop();
    }
  });

  it('serves many signed-in requests at once: its sockets share one session, where a named statement prepared twice would fail', async () => {
    const app = await createApp(
      loadConfig({
        DATA_DIR: join(scratch, 'shared-session'),
        PORT: '0',
        HOST: '127.0.0.1',
        SEED_DEMO: '1',
        NODE_ENV: 'test',
        WORKERS: '1',
        LOG_LEVEL: 'error',
      }),
    );
    try {
      const login = await graphql(
        app,
        'mutation { login(email: "inspector@demo.kz", password: "demo") { token } }',
      );
      const token = (login.data?.login as { token: string }).token;
      const page = () =>
        graphql(app, '{ me { email } complaints(first: 5) { edges { node { id } } } }', {
          authorization: `Bearer ${token}`,
        });
      // Concurrent requests take several pooled connections: each reads through the prepared
      // queue statement and the token's user.
      for (const answer of await Promise.all(Array.from({ length: 12 }, page))) {
        expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
        expect((answer.data?.complaints as { edges: unknown[] }).edges).toHaveLength(5);
      }
      const again = await page();
      expect(again.errors).toBeUndefined();
    } finally {
      await app.stop();
    }
  }, 180_000);

  it('serves the contract’s calendar queries through the federated subgraph', async () => {
    const app = await createApp(embeddedConfig(join(scratch, 'calendar')));
    try {
      const result = await graphql(
        app,
        `
          {
            a: addWorkingDays(from: "2026-11-24", days: 5)
            b: addWorkingDays(from: "2026-12-14", days: 5)
            c: addWorkingDays(from: "2026-03-20", days: 5)
            between: workingDaysBetween(from: "2026-03-20", to: "2026-04-01")
            calendarExceptions(year: 2026) {
              date
              working
              reason
              source
            }
            _service {
              sdl
            }
          }
        `,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data).toMatchObject({
        a: '2026-12-01',
        b: '2026-12-22',
        c: '2026-04-01',
        between: 5,
      });
      expect(result.data!.calendarExceptions).toContainEqual({
        date: '2026-03-24',
        working: false,
        reason: 'Day off moved from 2026-03-21 (Nauryz)',
        source: 'RULE',
      });
      expect((result.data!._service as { sdl: string }).sdl).toContain('calendarExceptions');

      const bad = await graphql(app, '{ addWorkingDays(from: "2026-11-24", days: -1) }', {
        'accept-language': 'ru',
      });
      expect(bad.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { days: 'Значение должно быть от 0 до 366' },
      });
      const badDate = await graphql(app, '{ addWorkingDays(from: "2026-02-30", days: 1) }');
      expect(badDate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(badDate)).not.toMatch(/stack|at .*\.js/);
    } finally {
      await app.stop();
    }
  });
});

describe('configuration', () => {
  const variableOf = (env: NodeJS.ProcessEnv) => {
    try {
      loadConfig(env);
      return null;
    } catch (error) {
      return error instanceof ConfigError ? error.variable : 'not a ConfigError';
    }
  };

  it('Config: a bad PORT, NODE_ENV or a production start without JWT_SECRET names the variable', () => {
    expect(variableOf({ PORT: 'eighty' })).toBe('PORT');
    expect(variableOf({ PORT: '70000' })).toBe('PORT');
    expect(variableOf({ NODE_ENV: 'staging' })).toBe('NODE_ENV');
    expect(variableOf({ NODE_ENV: 'production' })).toBe('JWT_SECRET');
    expect(variableOf({ DATABASE_URL: 'mysql://x' })).toBe('DATABASE_URL');
    expect(variableOf({ OFFICE_CLOSES_AT: '25:00' })).toBe('OFFICE_CLOSES_AT');
    expect(variableOf({})).toBeNull();
    expect(loadConfig({}).port).toBe(4000);
  });

  it('Config: LOG_LEVEL, METRICS_TOKEN and SHUTDOWN_TIMEOUT_MS are checked and name themselves', () => {
    expect(variableOf({ LOG_LEVEL: 'verbose' })).toBe('LOG_LEVEL');
    expect(variableOf({ METRICS_TOKEN: 'short' })).toBe('METRICS_TOKEN');
    expect(variableOf({ METRICS_TOKEN: 'has a space in it somewhere' })).toBe('METRICS_TOKEN');
    expect(variableOf({ SHUTDOWN_TIMEOUT_MS: '2.5s' })).toBe('SHUTDOWN_TIMEOUT_MS');
    const defaults = loadConfig({});
    expect(defaults).toMatchObject({
      logLevel: 'info',
      metricsToken: null,
      shutdownTimeoutMs: 25_000,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
    expect(
      loadConfig({
        LOG_LEVEL: 'silent',
        METRICS_TOKEN: 'a-long-enough-token-0123456789',
        SHUTDOWN_TIMEOUT_MS: '5000',
      }),
    ).toMatchObject({
      logLevel: 'silent',
      metricsToken: 'a-long-enough-token-0123456789',
      shutdownTimeoutMs: 5000,
    });
  });

  it('Security: production refuses a JWT_SECRET that is short, low in entropy or a known default', () => {
    const weak = [
      'development-only-secret-change-me-in-production',
      'a'.repeat(40),
      'abc'.repeat(14),
      'changeme'.repeat(4),
      'your-256-bit-secret',
      'secret',
      'abcdefghijklmnopqrstuvwxyz0123456789',
      'my-jwt-secret-for-the-complaints-service',
      randomBytes(8).toString('hex'),
    ];
    for (const secret of weak) {
      expect(variableOf({ NODE_ENV: 'production', JWT_SECRET: secret }), secret).toBe('JWT_SECRET');
    }
    // The old literal is refused in every mode: a token signed with it must never be accepted.
    expect(variableOf({ JWT_SECRET: 'development-only-secret-change-me-in-production' })).toBe(
      'JWT_SECRET',
    );
    // What `openssl rand -base64 32` or `-hex 16` / `-hex 32` prints is a good key.
    for (let i = 0; i < 200; i += 1) {
      for (const secret of [
        randomBytes(32).toString('base64'),
        randomBytes(32).toString('base64url'),
        randomBytes(16).toString('hex'),
        randomBytes(32).toString('hex'),
      ]) {
        expect(variableOf({ NODE_ENV: 'production', JWT_SECRET: secret }), secret).toBeNull();
      }
    }
    expect(loadConfig({}).jwtSecret).toBeNull();
  });

  it('Security: the kept signing key is made once, private, and replaced if others could read it', () => {
    const dataDir = join(scratch, 'keys');
    const file = join(dataDir, SIGNING_KEY_FILE);
    const first = resolveSigningKey({ jwtSecret: null, dataDir });
    expect(first.source).toBe(file);
    expect(first.secret.length).toBeGreaterThanOrEqual(43);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveSigningKey({ jwtSecret: null, dataDir }).secret).toEqual(first.secret);

    chmodSync(file, 0o644);
    const afterLeak = resolveSigningKey({ jwtSecret: null, dataDir });
    expect(afterLeak.secret).not.toEqual(first.secret);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    // A link planted in its place is not followed: the key is never read from elsewhere.
    const planted = join(scratch, 'planted-key');
    const plantedKey = randomBytes(32).toString('base64url');
    writeFileSync(planted, `${plantedKey}\n`, { mode: 0o600 });
    rmSync(file);
    symlinkSync(planted, file);
    const afterLink = resolveSigningKey({ jwtSecret: null, dataDir });
    expect(new TextDecoder().decode(afterLink.secret)).not.toBe(plantedKey);
    expect(lstatSync(file).isFile()).toBe(true);
    expect(lstatSync(file).mode & 0o777).toBe(0o600);
  });

  it('Config: an unreachable DATABASE_URL stops start-up naming DATABASE_URL', async () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none',
      PORT: '0',
      SEED_DEMO: '0',
    });
    await expect(createApp(config)).rejects.toMatchObject({ variable: 'DATABASE_URL' });
  });

  it('Config: a DATA_DIR that cannot be written stops start-up naming DATA_DIR', async () => {
    const file = join(scratch, 'a-file');
    writeFileSync(file, 'not a directory');
    await expect(createApp(embeddedConfig(join(file, 'data')))).rejects.toMatchObject({
      variable: 'DATA_DIR',
    });
  });

  it('Config: the server prints one clear line, not a stack trace, and exits 1', () => {
    const run = spawnSync(
      process.execPath,
      [fileURLToPath(new URL('../dist/main.js', import.meta.url))],
      {
        env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 20_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe(
      'Cannot start: PORT: must be a port number from 0 to 65535, got "eighty"',
    );
  });
});
