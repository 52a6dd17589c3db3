import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_SECRET, PASSWORD, startApiWorld, type ApiWorld, type Client } from '../support/api.js';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

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

function login(email: string, password: string) {
  return world.anonymous.request<LoginResult>(LOGIN, { email, password });
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
    const expired = await new SignJWT({ role: 'INSPECTOR' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(world.users.inspector.id)
      .setIssuedAt(now - 9 * 60 * 60)
      .setExpirationTime(now - 60 * 60)
      .sign(new TextEncoder().encode(JWT_SECRET));
    const client = world.client(expired);
    expectUnauthenticated(await client.request(PROTECTED), /expired/i);
    const me = await client.request<{ me: unknown }>(ME);
    expect(me.data?.me ?? null).toBeNull();
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
