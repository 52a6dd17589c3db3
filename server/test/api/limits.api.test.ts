import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_SECRET, startApiWorld, type ApiWorld } from '../support/api.js';

let world: ApiWorld;
let production: ApiWorld;

beforeAll(async () => {
  [world, production] = await Promise.all([
    startApiWorld(),
    startApiWorld({ NODE_ENV: 'production', JWT_SECRET }),
  ]);
});

afterAll(async () => {
  await Promise.all([world?.stop(), production?.stop()]);
});

function nested(levels: number): string {
  let selection = 'id';
  for (let i = 0; i < levels - 1; i += 1)
    selection = `${i % 2 === 0 ? 'parent' : 'escalation'} { ${selection} }`;
  return `query Deep($id: ID!) { complaint(id: $id) { ${selection} } }`;
}

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('limits against abuse', () => {
  it('Limits: a query nested 12 levels deep is refused before execution', async () => {
    const inspector = await world.as('inspector');
    const [before] = await world.sql<{ n: number }>('select count(*)::int as n from audit_record');
    const deep = await inspector.request(nested(12), {
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(deep.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_DEEP' });
    expect(deep.data).toBeUndefined();
    const [after] = await world.sql<{ n: number }>('select count(*)::int as n from audit_record');
    expect(after!.n).toBe(before!.n);
    const fine = await inspector.request(nested(6), { id: '00000000-0000-4000-8000-000000000000' });
    expect(fine.errors).toBeUndefined();
  });

  it('Limits: first: 10000 is refused before execution', async () => {
    const inspector = await world.as('inspector');
    const huge = await inspector.request('{ complaints(first: 10000) { edges { node { id } } } }');
    expect(huge.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(huge.data).toBeUndefined();
    const tooMany = await inspector.request('{ complaints(first: 101) { totalCount } }');
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { first: expect.any(String) },
    });
  });

  it('Limits: introspection and the landing page are off in production, on in development', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const dev = await world.anonymous.request(introspection);
    expect(dev.errors).toBeUndefined();
    const prod = await production.anonymous.request(introspection);
    expect(prod.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const landing = await fetch(`${production.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/<html/i);
    const devLanding = await fetch(`${world.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await devLanding.text()).toMatch(/<html/i);
  });

  it('Limits: CSRF prevention refuses simple requests (text/plain POST, GET without a preflight header)', async () => {
    const plain = await post(world.url, JSON.stringify({ query: '{ providers { id } }' }), {
      'content-type': 'text/plain',
    });
    expect(plain.status).toBe(400);
    const get = await fetch(
      `${world.url}/graphql?query=${encodeURIComponent('{ providers { id } }')}`,
    );
    expect(get.status).toBe(400);
    const allowed = await fetch(
      `${world.url}/graphql?query=${encodeURIComponent('{ providers { id } }')}`,
      {
        headers: { 'apollo-require-preflight': 'true' },
      },
    );
    expect(allowed.status).toBe(200);
  });

  it('Limits: a request body over 1 MB answers 413', async () => {
    const response = await post(
      world.url,
      JSON.stringify({ query: `{ providers { id } } # ${'x'.repeat(1_100_000)}` }),
    );
    expect(response.status).toBe(413);
  });

  it('Limits: batches of up to 10 operations run; more are refused', async () => {
    const op = { query: '{ providers { id } }' };
    const ok = await post(world.url, JSON.stringify([op, op]));
    expect(ok.status).toBe(200);
    expect((await ok.json()) as unknown[]).toHaveLength(2);
    const tooMany = await post(world.url, JSON.stringify(Array.from({ length: 11 }, () => op)));
    expect(tooMany.status).toBe(400);
  });

  it('O6: the public stage lookup is rate-limited per address', async () => {
    const query = `{ complaintStage(incomingNumber: "NOPE-2026-00001", trackingCode: "AAAA-BBBB-CCCC") { status } }`;
    const answers = [];
    for (let i = 0; i < 31; i += 1) answers.push(await production.anonymous.request(query));
    expect(
      answers.slice(0, 30).every((a) => a.errors === undefined && a.data?.complaintStage === null),
    ).toBe(true);
    expect(answers[30]!.errors?.[0]?.extensions).toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
    });
  });

  it('Errors: an internal error reaches the client as INTERNAL_SERVER_ERROR without details in production', async () => {
    const malformed = await post(production.url, '{"query": ');
    expect(malformed.status).toBe(400);
    const body = await malformed.text();
    expect(body).not.toMatch(/at .*\.js|SyntaxError:/);
  });
});
