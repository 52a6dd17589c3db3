import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JWT_SECRET, startApiWorld, type ApiWorld } from '../support/api.js';

let world: ApiWorld;
let production: ApiWorld;
/** Every SQL statement the development world's ORM sends: a refused request sends none. */
const statements: string[] = [];

beforeAll(async () => {
  [world, production] = await Promise.all([
    startApiWorld({}, { onQuery: (sql) => statements.push(sql) }),
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

  it('Security: a negative `first` no longer offsets the cost of heavy aliases, and the refused request runs no SQL', async () => {
    const inspector = await world.as('inspector');
    const heavy = (i: number) =>
      `q${i}: complaints(first: 100) { totalCount edges { cursor node { id status level overdue workingDaysLeft registration { incomingNumber responseDeadline } provider { id nameRu } } } }`;
    const attack = `{ minus: complaints(first: -100000) { edges { node { id } } } ${Array.from({ length: 20 }, (_, i) => heavy(i)).join(' ')} }`;
    statements.length = 0;
    const refused = await inspector.request(attack);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(refused.data).toBeUndefined();
    // Nothing executes after the answer either.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(statements.filter((sql) => /\bcomplaint\b/.test(sql))).toEqual([]);
    const negative = await inspector.request('{ complaints(first: -100000) { totalCount } }');
    expect(negative.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { first: expect.any(String) },
    });
  });

  it('Security: `first` given as a variable is estimated with its value; absent, with the default of 50', async () => {
    const inspector = await world.as('inspector');
    const node =
      'id status level overdue workingDaysLeft registration { incomingNumber responseDeadline } provider { id nameRu } assignee { id displayName }';
    const byVariable = `query($n: Int!) { ${Array.from({ length: 14 }, (_, i) => `q${i}: complaints(first: $n) { edges { node { ${node} } } }`).join(' ')} }`;
    statements.length = 0;
    const large = await inspector.request(byVariable, { n: 100 });
    expect(large.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(statements.filter((sql) => /\bcomplaint\b/.test(sql))).toEqual([]);
    const small = await inspector.request(byVariable, { n: 5 });
    expect(small.errors).toBeUndefined();
    const byDefault = `{ ${Array.from({ length: 14 }, (_, i) => `q${i}: complaints { edges { node { ${node} } } }`).join(' ')} }`;
    const defaulted = await inspector.request(byDefault);
    expect(defaulted.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
  });

  it('Security: a 1.7 KB fragment chain (2^39 spreads) is refused, and the server answers others meanwhile', async () => {
    // Walked again at every spread, 2^39 visits would block the server past the test's timeout.
    const links = 40;
    let chain = 'query { ...F1 }\n';
    for (let i = 1; i < links; i += 1)
      chain += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
    chain += `fragment F${links} on Query { providers { id nameRu region } }`;
    expect(chain.length).toBeLessThan(2_000);
    const [refused, other] = await Promise.all([
      world.anonymous.request(chain),
      world.anonymous.request('{ providers { id } }'),
    ]);
    const [otherAfter] = await Promise.all([
      world.anonymous.request('{ providers { id } }'),
      world.anonymous.request(chain),
    ]);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(other.errors).toBeUndefined();
    expect(otherAfter.errors).toBeUndefined();
  });

  it('Security: the document is bounded: tokens, aliases and directives', async () => {
    const tokens = await world.anonymous.request(`{ providers { ${'id '.repeat(1_000)} } }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const aliases = await world.anonymous.request(
      `{ ${Array.from({ length: 51 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    );
    expect(aliases.status).toBe(400);
    expect(aliases.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      maxAliases: 50,
    });
    const fifty = await world.anonymous.request(
      `{ ${Array.from({ length: 50 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    );
    expect(fifty.errors).toBeUndefined();
    const directives = await world.anonymous.request(
      `{ providers { ${'id @include(if: true) '.repeat(31)} } }`,
    );
    expect(directives.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      maxDirectives: 30,
    });
  });

  it('Security: complianceMetrics is weighed by the months it covers: a few aliases over five years pass, many are refused', async () => {
    const analyst = await world.as('analyst');
    const metrics = (count: number, from: string, to: string) =>
      `{ ${Array.from({ length: count }, (_, i) => `m${i}: complianceMetrics(groupBy: MONTH, filter: { from: "${from}", to: "${to}" }) { key total decided onTimeRate }`).join(' ')} }`;
    const few = await analyst.request(metrics(3, '2021-01-01', '2025-12-31'));
    expect(few.errors).toBeUndefined();
    statements.length = 0;
    const many = await analyst.request(metrics(10, '2021-01-01', '2025-12-31'));
    expect(many.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(statements.filter((sql) => /\bcomplaint\b/.test(sql))).toEqual([]);
    const monthly = await analyst.request(metrics(20, '2026-01-01', '2026-01-31'));
    expect(monthly.errors).toBeUndefined();
    const viaVariables = await analyst.request(
      `query($f: MetricsFilter!) { ${Array.from({ length: 10 }, (_, i) => `m${i}: complianceMetrics(groupBy: PROVIDER, filter: $f) { key total }`).join(' ')} }`,
      { f: { from: '2021-01-01', to: '2025-12-31' } },
    );
    expect(viaVariables.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
  });

  it('Security: a list argument is weighed by its items: 70,000 statuses are refused before any SQL', async () => {
    const inspector = await world.as('inspector');
    const query = `query($s: [ComplaintStatus!]) { complaints(first: 1, filter: { status: $s }) { totalCount } }`;
    statements.length = 0;
    const refused = await inspector.request(query, {
      s: Array.from({ length: 70_000 }, () => 'REGISTERED'),
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(statements.filter((sql) => /\bcomplaint\b/.test(sql))).toEqual([]);
    const fine = await inspector.request(query, { s: ['REGISTERED', 'IN_REVIEW'] });
    expect(fine.errors).toBeUndefined();
  });

  it('Security: many password checks in one request are refused before any hash is computed', async () => {
    const logins = `mutation { ${Array.from({ length: 6 }, (_, i) => `l${i}: login(email: "nobody${i}@test.kz", password: "wrong password") { token }`).join(' ')} }`;
    const refused = await world.anonymous.request(logins);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
    expect(refused.data).toBeUndefined();
  });

  it('Security: _entities is weighed by its representations, at most 100 per request', async () => {
    const entities = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Provider { id nameRu } } }`;
    const provider = { __typename: 'Provider', id: world.providers.astana.id };
    const hundred = await world.anonymous.request<{ _entities: unknown[] }>(entities, {
      r: Array.from({ length: 100 }, () => provider),
    });
    expect(hundred.errors).toBeUndefined();
    expect(hundred.data?._entities).toHaveLength(100);
    const more = await world.anonymous.request(entities, {
      r: Array.from({ length: 101 }, () => provider),
    });
    expect(more.status).toBe(400);
    expect(more.errors?.[0]?.extensions).toMatchObject({
      code: 'QUERY_TOO_COSTLY',
      maxRepresentations: 100,
      representations: 101,
    });
    const literal = `{ ${['a', 'b'].map((alias) => `${alias}: _entities(representations: [${Array.from({ length: 51 }, () => `{ __typename: "Provider", id: "${provider.id}" }`).join(', ')}]) { ... on Provider { id } }`).join(' ')} }`;
    const split = await world.anonymous.request(literal);
    expect(split.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY' });
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
