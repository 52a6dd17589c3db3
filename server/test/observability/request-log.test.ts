import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedError } from '../../src/observability/logger.js';
import {
  FILE_COMPLAINT,
  PASSWORD,
  complaintInput,
  graphqlRequest,
  startApiWorld,
  type ApiWorld,
} from '../support/api.js';
import { captureLog } from './support.js';

const log = captureLog();
let world: ApiWorld;

beforeAll(async () => {
  world = await startApiWorld({ LOG_LEVEL: 'info' }, { logDestination: log.destination });
});

afterAll(async () => {
  await world?.stop();
});

const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { token }
}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('the request log', () => {
  it('Ops: one JSON line per request: its id, operation, role, duration, status and codes, and nothing personal', async () => {
    const officer = world.users.officer;
    const login = await graphqlRequest<{ login: { token: string } }>(
      world.url,
      null,
      LOGIN,
      { email: officer.email, password: PASSWORD },
      { 'x-request-id': 'ops-login-1' },
    );
    const token = login.data!.login.token;
    const input = complaintInput(world.providers.astana.id);
    const client = world.client(token);
    const filed = await client.request(FILE_COMPLAINT, { input }, { 'x-request-id': 'ops-file-1' });
    expect(filed.errors).toBeUndefined();
    const refused = await client.request(
      FILE_COMPLAINT,
      { input: { ...input, recipient: { ...input.recipient, iin: '123456789012' } } },
      { 'x-request-id': 'ops-file-2' },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const fileLine = await log.waitFor((line) => line.requestId === 'ops-file-1');
    expect(fileLine).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'ops-file-1',
      method: 'POST',
      route: '/graphql',
      operations: ['File'],
      role: 'PROVIDER_OFFICER',
      status: 200,
      codes: ['OK'],
    });
    expect(fileLine.durationMs).toEqual(expect.any(Number));
    expect(fileLine.durationMs as number).toBeGreaterThan(0);
    // These fields and no others: nothing a later change adds slips in unnoticed.
    expect(Object.keys(fileLine).sort()).toEqual(
      [
        'codes',
        'durationMs',
        'hostname',
        'level',
        'method',
        'msg',
        'operations',
        'pid',
        'requestId',
        'role',
        'route',
        'status',
        'time',
      ].sort(),
    );
    expect(await log.waitFor((line) => line.requestId === 'ops-file-2')).toMatchObject({
      operations: ['File'],
      role: 'PROVIDER_OFFICER',
      status: 200,
      codes: ['BAD_USER_INPUT'],
    });
    expect(await log.waitFor((line) => line.requestId === 'ops-login-1')).toMatchObject({
      operations: ['Login'],
      role: 'anonymous',
      codes: ['OK'],
    });

    const text = log.text();
    const { recipient } = input;
    for (const secret of [
      officer.email,
      officer.id,
      PASSWORD,
      token,
      recipient.iin!,
      '123456789012',
      recipient.email,
      recipient.phone,
      recipient.surname,
      recipient.postalAddress,
      input.description,
      'fileComplaint',
      'mutation',
    ]) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it('Ops: a probe or a file is logged by its fixed route, never the path or query it was asked with', async () => {
    await fetch(`${world.url}/healthz?who=aigul@example.kz`, {
      headers: { 'x-request-id': 'ops-probe-1' },
    });
    await fetch(`${world.url}/cases/aigul@example.kz?iin=900101400123`, {
      headers: { 'x-request-id': 'ops-spa-1' },
    });
    expect(await log.waitFor((line) => line.requestId === 'ops-probe-1')).toMatchObject({
      method: 'GET',
      route: '/healthz',
      role: 'anonymous',
      status: 200,
      codes: ['OK'],
    });
    const spa = await log.waitFor((line) => line.requestId === 'ops-spa-1');
    expect(spa).toMatchObject({ route: '/' });
    expect(spa).not.toHaveProperty('operations');
    expect(log.text()).not.toMatch(/aigul@example\.kz|900101400123/);
  });

  it('Ops: x-request-id is echoed when it is safe, replaced by a fresh id when not, and logged as answered', async () => {
    const safe = await fetch(`${world.url}/healthz`, {
      headers: { 'x-request-id': 'Trace-42.a_b' },
    });
    expect(safe.headers.get('x-request-id')).toBe('Trace-42.a_b');
    await log.waitFor((line) => line.requestId === 'Trace-42.a_b');

    const hostile = ['a'.repeat(65), 'has space', '<script>alert(1)</script>', 'a"b', 'x;rm -rf'];
    for (const offered of hostile) {
      const response = await graphqlRequest(
        world.url,
        null,
        '{ me { id } }',
        {},
        {
          'x-request-id': offered,
        },
      );
      expect(response.status).toBe(200);
    }
    const answered = await Promise.all(
      hostile.map(async (offered) => {
        const response = await fetch(`${world.url}/healthz`, {
          headers: { 'x-request-id': offered },
        });
        return response.headers.get('x-request-id')!;
      }),
    );
    for (const id of answered) {
      expect(id).toMatch(UUID);
      await log.waitFor((line) => line.requestId === id);
    }
    const text = log.text();
    for (const offered of hostile) expect(text).not.toContain(JSON.stringify(offered).slice(1, -1));
  });

  it('Ops: an error in the log keeps its message and stack but masks the values SQL quoted', () => {
    const error = new Error(
      `insert into "app_user" ("email") values ('aigul@example.kz') - duplicate key value violates unique constraint; Key (email)=(aigul@example.kz) already exists.`,
    );
    const logged = loggedError(error);
    expect(logged.type).toBe('Error');
    expect(logged.message).toContain('duplicate key value violates unique constraint');
    expect(logged.stack).toContain('request-log.test.ts');
    expect(JSON.stringify(logged)).not.toContain('aigul@example.kz');
    expect(loggedError('plain')).toEqual({ type: 'string', message: 'plain' });
  });
});
