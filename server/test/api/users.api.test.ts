import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startApiWorld, type ApiWorld, type Client } from '../support/api.js';

let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

const USER_FIELDS = 'id email displayName role active provider { id } authority { id }';
const USERS = `{ users { ${USER_FIELDS} } }`;
const CREATE_USER = `mutation Create($input: NewUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
const CHANGE_ROLE = `mutation Change($id: ID!, $role: Role!, $providerId: ID, $authorityId: ID) {
  changeUserRole(id: $id, role: $role, providerId: $providerId, authorityId: $authorityId) { ${USER_FIELDS} }
}`;
const RESET_PASSWORD = `mutation Reset($id: ID!, $password: String!) {
  resetUserPassword(id: $id, password: $password) { id active }
}`;
const DEACTIVATE = `mutation Deactivate($id: ID!) { deactivateUser(id: $id) { id active } }`;
const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token role displayName }
}`;
const AUDIT_LOG = `query Audit($filter: AuditFilter) {
  auditLog(filter: $filter) { totalCount records { action actor actorId entityType entityId changeJson } }
}`;

interface UserView {
  id: string;
  email: string;
  displayName: string;
  role: string;
  active: boolean;
  provider: { id: string } | null;
  authority: { id: string } | null;
}
interface AuditView {
  auditLog: {
    totalCount: number;
    records: {
      action: string;
      actor: string;
      actorId: string | null;
      entityType: string;
      entityId: string;
      changeJson: string;
    }[];
  };
}

function login(email: string, password: string) {
  return world.anonymous.request<{ login: { token: string; role: string } }>(LOGIN, {
    email,
    password,
  });
}

async function supervisor(): Promise<Client> {
  return world.as('supervisor');
}

async function userRows(): Promise<number> {
  const [row] = await world.sql<{ n: number }>('select count(*)::int as n from app_user');
  return row!.n;
}

async function auditCount(): Promise<number> {
  const [row] = await world.sql<{ n: number }>('select count(*)::int as n from audit_record');
  return row!.n;
}

let created = 0;
async function createInspector(): Promise<UserView> {
  created += 1;
  const result = await (
    await supervisor()
  ).request<{ createUser: UserView }>(CREATE_USER, {
    input: {
      email: `inspector-${created}@test.kz`,
      displayName: `Inspector ${created}`,
      role: 'INSPECTOR',
      password: PASSWORD,
      authorityId: world.authorities.astana.id,
    },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.createUser;
}

describe('users over GraphQL (SUPERVISOR)', () => {
  it('Users: a SUPERVISOR lists every user; no other role may', async () => {
    const result = await (await supervisor()).request<{ users: UserView[] }>(USERS);
    expect(result.errors).toBeUndefined();
    const users = result.data!.users;
    for (const [key, user] of Object.entries(world.users)) {
      expect(users).toContainEqual(
        expect.objectContaining({
          id: user.id,
          email: user.email,
          displayName: `${key} user`,
          role: user.role,
          active: true,
        }),
      );
    }
    const officer = users.find((u) => u.id === world.users.officer.id);
    expect(officer?.provider).toEqual({ id: world.providers.astana.id });
    const inspector = users.find((u) => u.id === world.users.inspector.id);
    expect(inspector?.authority).toEqual({ id: world.authorities.astana.id });
    expect(JSON.stringify(result)).not.toMatch(/password|hash|argon/i);

    for (const key of ['inspector', 'officer', 'analyst', 'partner'] as const) {
      const refused = await (await world.as(key)).request(USERS);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await world.anonymous.request(USERS);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('Users: a SUPERVISOR creates a user, who can then log in', async () => {
    const before = await userRows();
    const result = await (
      await supervisor()
    ).request<{ createUser: UserView }>(CREATE_USER, {
      input: {
        email: '  New.Officer@Test.KZ ',
        displayName: 'Жаңа Қызметкер',
        role: 'PROVIDER_OFFICER',
        password: 'a long enough password',
        providerId: world.providers.astana2.id,
      },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createUser).toEqual({
      id: expect.any(String),
      email: 'new.officer@test.kz',
      displayName: 'Жаңа Қызметкер',
      role: 'PROVIDER_OFFICER',
      active: true,
      provider: { id: world.providers.astana2.id },
      authority: null,
    });
    expect(await userRows()).toBe(before + 1);
    const loggedIn = await login('new.officer@test.kz', 'a long enough password');
    expect(loggedIn.errors).toBeUndefined();
    expect(loggedIn.data?.login.role).toBe('PROVIDER_OFFICER');
    const me = await world
      .client(loggedIn.data!.login.token)
      .request<{ me: { id: string } }>('{ me { id } }');
    expect(me.data?.me.id).toBe(result.data!.createUser.id);

    const refused = await (
      await world.as('inspector')
    ).request(CREATE_USER, {
      input: {
        email: 'sneaky@test.kz',
        displayName: 'Sneaky',
        role: 'SUPERVISOR',
        password: PASSWORD,
      },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await userRows()).toBe(before + 1);
  });

  it('Users: INSPECTOR → PROVIDER_OFFICER needs a providerId; with one the role changes', async () => {
    const user = await createInspector();
    const auditsBefore = await auditCount();
    const client = await supervisor();
    const without = await client.request(CHANGE_ROLE, { id: user.id, role: 'PROVIDER_OFFICER' });
    expect(without.data?.changeUserRole ?? null).toBeNull();
    expect(without.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { providerId: expect.any(String) },
    });
    const unknownProvider = await client.request(CHANGE_ROLE, {
      id: user.id,
      role: 'PROVIDER_OFFICER',
      providerId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownProvider.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { providerId: expect.any(String) },
    });
    const [unchanged] = await world.sql<{ role: string }>(
      'select role from app_user where id = $1',
      [user.id],
    );
    expect(unchanged?.role).toBe('INSPECTOR');
    expect(await auditCount()).toBe(auditsBefore);

    const token = (await login(user.email, PASSWORD)).data!.login.token;
    const changed = await client.request<{ changeUserRole: UserView }>(CHANGE_ROLE, {
      id: user.id,
      role: 'PROVIDER_OFFICER',
      providerId: world.providers.astana.id,
    });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.changeUserRole).toMatchObject({
      id: user.id,
      role: 'PROVIDER_OFFICER',
      provider: { id: world.providers.astana.id },
      authority: null,
    });
    // A token issued before the change ends with it; a new login acts with the new role.
    const old = await world.client(token).request('{ complaints(first: 1) { totalCount } }');
    expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = (await login(user.email, PASSWORD)).data!.login.token;
    const me = await world.client(fresh).request<{ me: { role: string } }>('{ me { role } }');
    expect(me.data?.me.role).toBe('PROVIDER_OFFICER');

    const unknownUser = await client.request(CHANGE_ROLE, {
      id: '00000000-0000-4000-8000-000000000000',
      role: 'ANALYST',
    });
    expect(unknownUser.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('Users: resetting a password: the old one stops working, the new one works', async () => {
    const user = await createInspector();
    const client = await supervisor();
    const short = await client.request(RESET_PASSWORD, { id: user.id, password: 'short' });
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { password: expect.any(String) },
    });
    expect((await login(user.email, PASSWORD)).errors).toBeUndefined();

    const reset = await client.request<{ resetUserPassword: { id: string; active: boolean } }>(
      RESET_PASSWORD,
      { id: user.id, password: 'a brand new password' },
    );
    expect(reset.errors).toBeUndefined();
    expect(reset.data?.resetUserPassword).toEqual({ id: user.id, active: true });
    const old = await login(user.email, PASSWORD);
    expect(old.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const fresh = await login(user.email, 'a brand new password');
    expect(fresh.errors).toBeUndefined();
    expect(fresh.data?.login.role).toBe('INSPECTOR');
  });

  it('Users: a deactivated user is listed inactive and cannot log in', async () => {
    const user = await createInspector();
    const client = await supervisor();
    const token = (await login(user.email, PASSWORD)).data!.login.token;
    const result = await client.request<{ deactivateUser: { id: string; active: boolean } }>(
      DEACTIVATE,
      { id: user.id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.deactivateUser).toEqual({ id: user.id, active: false });
    const listed = await client.request<{ users: UserView[] }>(USERS);
    expect(listed.data?.users.find((u) => u.id === user.id)?.active).toBe(false);
    const refused = await login(user.email, PASSWORD);
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const withOldToken = await world
      .client(token)
      .request('{ complaints(first: 1) { totalCount } }');
    expect(withOldToken.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(withOldToken.errors?.[0]?.message).toMatch(/deactivat/i);
  });

  it('Users: bad input (invalid email, short password, duplicate email) answers BAD_USER_INPUT with the field and writes nothing', async () => {
    const client = await supervisor();
    const valid = {
      email: 'valid-user@test.kz',
      displayName: 'Valid User',
      role: 'ANALYST',
      password: PASSWORD,
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ email: 'not-an-email' }, 'email'],
      [{ email: 'two words@test.kz' }, 'email'],
      [{ password: 'short' }, 'password'],
      [{ email: world.users.officer.email }, 'email'],
      [{ email: 'OFFICER@Test.kz' }, 'email'],
      [{ role: 'PROVIDER_OFFICER' }, 'providerId'],
    ];
    const users = await userRows();
    const audits = await auditCount();
    for (const [override, field] of cases) {
      const result = await client.request(CREATE_USER, { input: { ...valid, ...override } });
      expect(result.data?.createUser ?? null, JSON.stringify(override)).toBeNull();
      expect(result.errors?.[0]?.extensions, JSON.stringify(override)).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { [field]: expect.any(String) },
      });
    }
    expect(await userRows()).toBe(users);
    expect(await auditCount()).toBe(audits);
    const [officers] = await world.sql<{ n: number }>(
      'select count(*)::int as n from app_user where lower(email) = $1',
      [world.users.officer.email],
    );
    expect(officers?.n).toBe(1);
  });

  it('Users: each change is in the audit log, without the password', async () => {
    const user = await createInspector();
    const client = await supervisor();
    const steps = [
      await client.request(CHANGE_ROLE, {
        id: user.id,
        role: 'PROVIDER_OFFICER',
        providerId: world.providers.astana.id,
      }),
      await client.request(RESET_PASSWORD, { id: user.id, password: 'another new password' }),
      await client.request(DEACTIVATE, { id: user.id }),
    ];
    for (const step of steps) expect(step.errors).toBeUndefined();
    const trail = await client.request<AuditView>(AUDIT_LOG, { filter: { entityId: user.id } });
    expect(trail.errors).toBeUndefined();
    const records = trail.data!.auditLog.records;
    expect(records.map((r) => [r.action, r.entityType, r.actorId, r.actor])).toEqual([
      ['user.deactivate', 'User', world.users.supervisor.id, 'supervisor user'],
      ['user.resetPassword', 'User', world.users.supervisor.id, 'supervisor user'],
      ['user.changeRole', 'User', world.users.supervisor.id, 'supervisor user'],
      ['user.create', 'User', world.users.supervisor.id, 'supervisor user'],
    ]);
    expect(JSON.parse(records[2]!.changeJson)).toEqual({
      from: 'INSPECTOR',
      to: 'PROVIDER_OFFICER',
      providerId: world.providers.astana.id,
      authorityId: null,
    });
    expect(JSON.parse(records[3]!.changeJson)).toMatchObject({
      email: user.email,
      role: 'INSPECTOR',
      authorityId: world.authorities.astana.id,
    });
    for (const record of records) {
      expect(record.changeJson).not.toContain(PASSWORD);
      expect(record.changeJson).not.toContain('another new password');
      expect(record.changeJson).not.toMatch(/argon|\$argon2/);
    }
  });

  it('Security: a password reset, a role change and a deactivation each end every token issued before them', async () => {
    const client = await supervisor();
    const changes: [string, (id: string) => Promise<unknown>][] = [
      ['resetUserPassword', (id) => client.request(RESET_PASSWORD, { id, password: PASSWORD })],
      ['changeUserRole', (id) => client.request(CHANGE_ROLE, { id, role: 'ANALYST' })],
      ['deactivateUser', (id) => client.request(DEACTIVATE, { id })],
    ];
    for (const [mutation, change] of changes) {
      const user = await createInspector();
      const tokens = [
        (await login(user.email, PASSWORD)).data!.login.token,
        (await login(user.email, PASSWORD)).data!.login.token,
      ];
      await change(user.id);
      for (const token of tokens) {
        const refused = await world
          .client(token)
          .request('{ complaints(first: 1) { totalCount } }');
        expect(refused.errors?.[0]?.extensions?.code, mutation).toBe('UNAUTHENTICATED');
        const me = await world.client(token).request<{ me: unknown }>('{ me { id } }');
        expect(me.data?.me ?? null, mutation).toBeNull();
      }
    }
    // The supervisor's own session is not touched by changes to others.
    const own = await client.request<{ me: { id: string } }>('{ me { id } }');
    expect(own.data?.me.id).toBe(world.users.supervisor.id);
  });

  it('Security: six parallel createUser with one email: one user, five BAD_USER_INPUT on email, nothing else written', async () => {
    const client = await supervisor();
    const users = await userRows();
    const audits = await auditCount();
    const input = {
      email: 'raced@test.kz',
      displayName: 'Raced',
      role: 'ANALYST',
      password: PASSWORD,
    };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        client.request<{ createUser: UserView }>(CREATE_USER, { input }),
      ),
    );
    const created = answers.filter((answer) => answer.errors === undefined);
    expect(created).toHaveLength(1);
    expect(created[0]?.data?.createUser.email).toBe('raced@test.kz');
    for (const answer of answers.filter((a) => a.errors !== undefined)) {
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { email: expect.any(String) },
      });
      expect(answer.data?.createUser ?? null).toBeNull();
    }
    expect(await userRows()).toBe(users + 1);
    expect(await auditCount()).toBe(audits + 1);
  });
});
