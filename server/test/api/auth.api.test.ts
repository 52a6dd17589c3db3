import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  TOKEN_LIFETIME_SECONDS,
  type LoginCtx,
} from '../../src/modules/users/auth.service.js';
import { SIGNING_KEY_FILE } from '../../src/modules/users/signing-key.js';
import { PASSWORD, startApiWorld, type ApiWorld, type Client } from '../support/api.js';

let world: ApiWorld;
const dataDir = mkdtempSync(join(tmpdir(), 'complaints-auth-'));

beforeAll(async () => {
  // The README's first command: no JWT_SECRET, so the server makes and keeps its own key. The
  // test client is a trusted proxy, so a test can speak for clients at other addresses.
  world = await startApiWorld({ JWT_SECRET: '', DATA_DIR: dataDir, TRUST_PROXY: '127.0.0.1,::1' });
});

afterAll(async () => {
  await world?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The key this server made on its first start (what an attacker does not have). */
function serverKey(): Uint8Array {
  return new TextEncoder().encode(readFileSync(join(dataDir, SIGNING_KEY_FILE), 'utf8').trim());
}

/** A token with exactly these claims, signed with `key`. */
function sign(claims: JWTPayload, key: Uint8Array, alg = 'HS256'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg }).sign(key);
}

/** The claims of a valid session of `userId`, issued now. */
function sessionClaims(userId: string, overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: userId,
    iss: TOKEN_ISSUER,
    aud: TOKEN_AUDIENCE,
    iat: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
    ver: 0,
    ...overrides,
  };
}

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token role displayName }
}`;
const ME = '{ me { id email displayName role active } }';
/** Any operation that needs a logged-in user. */
const PROTECTED = '{ complaints(first: 1) { totalCount } }';
const CREATE_USER = `mutation Create($input: NewUserInput!) {
  createUser(input: $input) { id email role active }
}`;

interface LoginResult {
  login: { token: string; role: string; displayName: string };
}
interface CreatedUser {
  createUser: { id: string; email: string; role: string; active: boolean };
}

function login(email: string, password: string, headers: Record<string, string> = {}) {
  return world.anonymous.request<LoginResult>(LOGIN, { email, password }, headers);
}

let userCount = 0;
/** A fresh user created through the API, so throttling and deactivation touch no one else. */
async function freshUser(prefix: string): Promise<{ id: string; email: string }> {
  const supervisor = await world.as('supervisor');
  userCount += 1;
  const created = await supervisor.request<CreatedUser>(CREATE_USER, {
    input: {
      email: `${prefix}-${userCount}@test.kz`,
      displayName: `${prefix} ${userCount}`,
      role: 'INSPECTOR',
      password: PASSWORD,
      authorityId: world.authorities.astana.id,
    },
  });
  expect(created.errors).toBeUndefined();
  return { id: created.data!.createUser.id, email: created.data!.createUser.email };
}

function expectUnauthenticated(
  response: Awaited<ReturnType<Client['request']>>,
  message?: RegExp,
): void {
  expect(response.errors).toHaveLength(1);
  expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  if (message) expect(response.errors?.[0]?.message).toMatch(message);
}

describe('authentication over GraphQL', () => {
  it('Auth: login returns a token, the role and the display name; the token works for me', async () => {
    const result = await login(world.users.inspector.email, PASSWORD);
    expect(result.errors).toBeUndefined();
    expect(result.data?.login).toEqual({
      token: expect.any(String),
      role: 'INSPECTOR',
      displayName: 'inspector user',
    });
    const me = await world
      .client(result.data!.login.token)
      .request<{ me: Record<string, unknown> }>(ME);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toEqual({
      id: world.users.inspector.id,
      email: world.users.inspector.email,
      displayName: 'inspector user',
      role: 'INSPECTOR',
      active: true,
    });
  });

  it('Auth: a wrong password and an unknown email get the same code and the same message', async () => {
    const user = await freshUser('wrong-password');
    const wrongPassword = await login(user.email, 'not the password');
    const unknownEmail = await login('nobody-at-all@test.kz', PASSWORD);
    expect(wrongPassword.data?.login ?? null).toBeNull();
    expect(unknownEmail.data?.login ?? null).toBeNull();
    expectUnauthenticated(wrongPassword);
    expectUnauthenticated(unknownEmail);
    expect(wrongPassword.errors?.[0]?.message).toBe(unknownEmail.errors?.[0]?.message);
    expect(wrongPassword.errors?.[0]?.extensions).toEqual(unknownEmail.errors?.[0]?.extensions);
    expect(wrongPassword.status).toBe(unknownEmail.status);
  });

  it('Auth: after 3 failures for one email the next attempt, even with the right password, is TOO_MANY_REQUESTS', async () => {
    const user = await freshUser('throttled');
    for (let i = 0; i < 3; i += 1) {
      expectUnauthenticated(await login(user.email, `wrong password ${i}`));
    }
    const refused = await login(user.email, PASSWORD);
    expect(refused.data?.login ?? null).toBeNull();
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
    });
    expect(refused.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
    // The throttle is per email: another user still logs in at once.
    const other = await login(world.users.analyst.email, PASSWORD);
    expect(other.errors).toBeUndefined();
    expect(other.data?.login.role).toBe('ANALYST');
  });

  it('Auth: the email is case-insensitive', async () => {
    const result = await login('  Analyst@TEST.KZ ', PASSWORD);
    expect(result.errors).toBeUndefined();
    expect(result.data?.login).toMatchObject({ role: 'ANALYST', displayName: 'analyst user' });
    const me = await world.client(result.data!.login.token).request<{ me: { id: string } }>(ME);
    expect(me.data?.me.id).toBe(world.users.analyst.id);
  });

  it('Auth: a deactivated user cannot log in and their existing token stops working', async () => {
    const user = await freshUser('deactivated');
    const before = await login(user.email, PASSWORD);
    expect(before.errors).toBeUndefined();
    const client = world.client(before.data!.login.token);
    expect((await client.request(PROTECTED)).errors).toBeUndefined();

    const supervisor = await world.as('supervisor');
    const deactivated = await supervisor.request<{ deactivateUser: { active: boolean } }>(
      'mutation($id: ID!) { deactivateUser(id: $id) { active } }',
      { id: user.id },
    );
    expect(deactivated.errors).toBeUndefined();
    expect(deactivated.data?.deactivateUser.active).toBe(false);

    const again = await login(user.email, PASSWORD);
    expect(again.data?.login ?? null).toBeNull();
    expectUnauthenticated(again);
    expectUnauthenticated(await client.request(PROTECTED), /deactivat/i);
    const me = await client.request<{ me: unknown }>(ME);
    expect(me.data?.me ?? null).toBeNull();
  });

  it('Auth: an expired token answers UNAUTHENTICATED saying it expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = await sign(
      sessionClaims(world.users.inspector.id, { iat: now - 9 * 60 * 60, exp: now - 60 * 60 }),
      serverKey(),
    );
    const client = world.client(expired);
    expectUnauthenticated(await client.request(PROTECTED), /expired/i);
    const me = await client.request<{ me: unknown }>(ME);
    expect(me.data?.me ?? null).toBeNull();
  });

  it('Auth: a token that worked, and whose signature is therefore remembered, still expires on time', async () => {
    const now = Math.floor(Date.now() / 1000);
    const shortLived = await sign(
      sessionClaims(world.users.inspector.id, { iat: now, exp: now + 60 }),
      serverKey(),
    );
    const client = world.client(shortLived);
    expect((await client.request(PROTECTED)).errors).toBeUndefined();
    // Past its expiry and the clock tolerance: the same token, already verified once, is refused.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 });
    try {
      expectUnauthenticated(await client.request(PROTECTED), /expired/i);
    } finally {
      vi.useRealTimers();
    }
  });

  it('Auth: a garbage token is refused on protected operations while public ones still work', async () => {
    const forged = await new SignJWT({ role: 'SUPERVISOR' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.users.supervisor.id)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('some-other-secret-some-other-secret-0123'));
    for (const token of ['garbage.not.a-token', forged]) {
      const client = world.client(token);
      const refused = await client.request(PROTECTED);
      expectUnauthenticated(refused);
      expect(refused.data?.complaints ?? null).toBeNull();
      expectUnauthenticated(await client.request('{ users { id } }'));
      const providers = await client.request<{ providers: { id: string }[] }>(
        '{ providers { id } }',
      );
      expect(providers.errors).toBeUndefined();
      expect(providers.data?.providers.map((p) => p.id)).toContain(world.providers.astana.id);
      const me = await client.request<{ me: unknown }>(ME);
      expect(me.errors).toBeUndefined();
      expect(me.data?.me).toBeNull();
    }
  });

  it('Auth: me is null without a token, and protected operations ask to log in', async () => {
    const me = await world.anonymous.request<{ me: unknown }>(ME);
    expect(me.errors).toBeUndefined();
    expect(me.data).toEqual({ me: null });
    expectUnauthenticated(await world.anonymous.request(PROTECTED));
  });
});

describe('signing keys and token claims', () => {
  it('Security: without JWT_SECRET the server makes a random key, kept with the data readable by its owner only', () => {
    const file = join(dataDir, SIGNING_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('Security: a SUPERVISOR token forged with the old literal development key is refused on a default start', async () => {
    const claims = sessionClaims(world.users.supervisor.id);
    const oldLiteral = new TextEncoder().encode('development-only-secret-change-me-in-production');
    const forged = world.client(await sign(claims, oldLiteral));
    expectUnauthenticated(await forged.request('{ users { id } }'));
    // The same claims signed with the server's own key are a valid session: only the key differs.
    const genuine = world.client(await sign(claims, serverKey()));
    const users = await genuine.request<{ users: { id: string }[] }>('{ users { id } }');
    expect(users.errors).toBeUndefined();
    expect(users.data?.users.map((u) => u.id)).toContain(world.users.supervisor.id);
  });

  it('Security: a token without exp, iat, sub or a token version is refused, even signed with the right key', async () => {
    const key = serverKey();
    for (const claim of ['exp', 'iat', 'sub', 'ver'] as const) {
      const claims = sessionClaims(world.users.supervisor.id);
      delete claims[claim];
      const refused = await world.client(await sign(claims, key)).request('{ users { id } }');
      expect(refused.errors?.[0]?.extensions?.code, `without ${claim}`).toBe('UNAUTHENTICATED');
    }
  });

  it('Security: a token issued in the future, or living longer than a session, is refused', async () => {
    const key = serverKey();
    const now = Math.floor(Date.now() / 1000);
    const future = sessionClaims(world.users.supervisor.id, {
      iat: now + 3600,
      exp: now + 3600 + TOKEN_LIFETIME_SECONDS,
    });
    const ancient = sessionClaims(world.users.supervisor.id, {
      iat: now - TOKEN_LIFETIME_SECONDS - 3600,
      exp: now + 10 * 365 * 24 * 3600,
    });
    for (const claims of [future, ancient]) {
      const refused = await world.client(await sign(claims, key)).request('{ users { id } }');
      expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(claims)).toBe('UNAUTHENTICATED');
    }
  });

  it('Security: a token for another issuer or audience, or signed with another algorithm, is refused', async () => {
    const key = serverKey();
    const tokens = [
      await sign(sessionClaims(world.users.supervisor.id, { iss: 'someone-else' }), key),
      await sign(sessionClaims(world.users.supervisor.id, { aud: 'another-service' }), key),
      await sign(sessionClaims(world.users.supervisor.id, { iss: undefined }), key),
      await sign(sessionClaims(world.users.supervisor.id), key, 'HS512'),
    ];
    for (const token of tokens) {
      const refused = await world.client(token).request('{ users { id } }');
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('Security: a login token carries exp, iat, issuer, audience and the token version', async () => {
    const result = await login(world.users.analyst.email, PASSWORD);
    const [, body] = result.data!.login.token.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as JWTPayload;
    expect(claims).toMatchObject({
      sub: world.users.analyst.id,
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      ver: 0,
    });
    expect(claims.exp! - claims.iat!).toBe(TOKEN_LIFETIME_SECONDS);
  });
});

describe('login throttle', () => {
  /** A login as the service sees it from `clientAddress`, at `now`. */
  function loginFrom(clientAddress: string, email: string, password: string, now = new Date()) {
    const ctx: LoginCtx = {
      em: world.app.orm.em.fork(),
      actor: null,
      now,
      language: 'en',
      clientAddress,
    };
    return world.app.services.auth.login(ctx, email, password).then(
      () => 'ok' as const,
      (error: { code?: string }) => error.code ?? 'thrown',
    );
  }

  function tally(outcomes: string[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }

  /** Attempts the throttle lets through in `seconds`: 3 at once, then one after 2 s, 4 s, 8 s… */
  function allowedWithin(seconds: number): number {
    let allowed = 3;
    for (let wait = 2, at = 2; at <= seconds; wait *= 2, at += wait) allowed += 1;
    return allowed;
  }

  it('Security: three parallel batches of ten wrong passwords get no more password checks than sequential guesses', async () => {
    const user = await freshUser('batches');
    const started = Date.now();
    const outcomes: string[] = [];
    for (let batch = 0; batch < 3; batch += 1) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login(user.email, `wrong password ${batch}-${i}`)),
      );
      outcomes.push(...answers.map((a) => String(a.errors?.[0]?.extensions?.code)));
    }
    const seconds = (Date.now() - started) / 1000;
    const counts = tally(outcomes);
    // Every attempt got one of two answers; only UNAUTHENTICATED ones had their password checked.
    expect((counts.UNAUTHENTICATED ?? 0) + (counts.TOO_MANY_REQUESTS ?? 0)).toBe(30);
    expect(counts.UNAUTHENTICATED).toBeGreaterThanOrEqual(3);
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(allowedWithin(seconds));
  });

  it('Security: behind a trusted proxy, a guesser’s parallel batches do not lock out the owner at another address', async () => {
    const user = await freshUser('proxied');
    const attacker = { 'x-forwarded-for': '203.0.113.70' };
    const started = Date.now();
    const outcomes: string[] = [];
    for (let batch = 0; batch < 3; batch += 1) {
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login(user.email, `guess ${batch}-${i}`, attacker)),
      );
      outcomes.push(...answers.map((a) => String(a.errors?.[0]?.extensions?.code)));
    }
    const counts = tally(outcomes);
    expect((counts.UNAUTHENTICATED ?? 0) + (counts.TOO_MANY_REQUESTS ?? 0)).toBe(30);
    expect(counts.UNAUTHENTICATED).toBeLessThanOrEqual(
      allowedWithin((Date.now() - started) / 1000),
    );
    const owner = await login(user.email, PASSWORD, { 'x-forwarded-for': '198.51.100.70' });
    expect(owner.errors).toBeUndefined();
    expect(owner.data?.login.role).toBe('INSPECTOR');
  });

  it('Security: parallel guesses at one instant get exactly the three free checks', async () => {
    const user = await freshUser('instant');
    const now = new Date();
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => loginFrom('203.0.113.9', user.email, `wrong ${i}`, now)),
    );
    expect(tally(outcomes)).toEqual({ UNAUTHENTICATED: 3, TOO_MANY_REQUESTS: 27 });
  });

  it('Security: a guesser at one address neither locks the owner out at another address nor gets more tries', async () => {
    const user = await freshUser('owner');
    const attacker = '203.0.113.7';
    const now = new Date();
    const guesses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => loginFrom(attacker, user.email, `guess ${i}`, now)),
    );
    expect(tally(guesses)).toEqual({ UNAUTHENTICATED: 3, TOO_MANY_REQUESTS: 7 });
    // Even the right password is not checked for the throttled guesser…
    expect(await loginFrom(attacker, user.email, PASSWORD, now)).toBe('TOO_MANY_REQUESTS');
    // …while the owner, elsewhere, logs in at once, and again after that.
    expect(await loginFrom('198.51.100.20', user.email, PASSWORD, now)).toBe('ok');
    expect(await loginFrom('198.51.100.20', user.email, PASSWORD, now)).toBe('ok');
    expect(await loginFrom(attacker, user.email, 'one more guess', now)).toBe('TOO_MANY_REQUESTS');
  });

  it('Security: one address guessing across many emails runs out of tries; other addresses do not', async () => {
    const sprayer = '192.0.2.50';
    const now = new Date();
    const sprayed = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        loginFrom(sprayer, `sprayed-${i}@test.kz`, 'Password1!', now),
      ),
    );
    expect(tally(sprayed)).toEqual({ UNAUTHENTICATED: 20, TOO_MANY_REQUESTS: 10 });
    expect(await loginFrom(sprayer, world.users.officer.email, PASSWORD, now)).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await loginFrom('192.0.2.51', world.users.officer.email, PASSWORD, now)).toBe('ok');
  });

  it('Security: logins that succeed do not use up the address’s budget (an office behind one NAT)', async () => {
    const office = '198.51.100.77';
    for (let i = 0; i < 25; i += 1) {
      expect(await loginFrom(office, world.users.analyst.email, PASSWORD)).toBe('ok');
    }
    expect(await loginFrom(office, world.users.inspector.email, PASSWORD)).toBe('ok');
  });
});
