import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FILE_COMPLAINT,
  JWT_SECRET,
  complaintInput,
  graphqlRequest,
  startApiWorld,
  type ApiWorld,
} from '../support/api.js';

let world: ApiWorld;
let production: ApiWorld;
let exposing: ApiWorld;
/** The JSON log of `world`, errors only. */
const logged: string[] = [];

beforeAll(async () => {
  [world, production, exposing] = await Promise.all([
    // What `npx pnpm start` runs: NODE_ENV unset is development.
    startApiWorld(
      { NODE_ENV: 'development', LOG_LEVEL: 'error' },
      { logDestination: { write: (line) => logged.push(line) } },
    ),
    startApiWorld({ NODE_ENV: 'production', JWT_SECRET }),
    startApiWorld({ NODE_ENV: 'development', EXPOSE_ERROR_DETAILS: '1' }),
  ]);
});

afterAll(async () => {
  await Promise.all([world?.stop(), production?.stop(), exposing?.stop()]);
});

const WRITES = `select (select count(*) from complaint)::int as complaints,
  (select count(*) from audit_record)::int as audits, (select count(*) from app_user)::int as users`;

function expectBadInput(
  response: { errors?: { extensions?: Record<string, unknown> }[] },
  fields: string[],
): void {
  expect(response.errors).toHaveLength(1);
  const extensions = response.errors![0]!.extensions!;
  expect(extensions.code).toBe('BAD_USER_INPUT');
  expect(Object.keys(extensions.fields as object).sort()).toEqual([...fields].sort());
}

describe('bad input never answers INTERNAL_SERVER_ERROR', () => {
  it('Security: a NUL byte in any text input is BAD_USER_INPUT naming the field, and nothing is written', async () => {
    const officer = await world.as('officer');
    const [before] = await world.sql(WRITES);
    const filed = await officer.request(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id, {
        description: 'Қызмет\u0000 көрсетілмеді',
        recipient: {
          kind: 'INDIVIDUAL',
          surname: 'Ахмет\u0000ова',
          givenName: 'Айгүл',
          postalAddress: 'Астана, Абай 1',
        },
      }),
    });
    expectBadInput(filed, ['description', 'recipient.surname']);
    expect((await world.sql(WRITES))[0]).toEqual(before);

    const search = await officer.request(
      '{ complaints(filter: { search: "a\\u0000b" }) { totalCount } }',
    );
    expectBadInput(search, ['filter.search']);
    const stage = await world.anonymous.request(
      'query($n: String!) { complaintStage(incomingNumber: $n, trackingCode: "X") { status } }',
      { n: 'PA-2026-\u000000001' },
    );
    expectBadInput(stage, ['incomingNumber']);
    const escape = await officer.request(
      'mutation($r: String!) { withdrawComplaint(id: "00000000-0000-4000-8000-000000000000", expectedVersion: 1, reason: $r) { id } }',
      { r: 'x\u001b[31m' },
    );
    expectBadInput(escape, ['reason']);
    // Line breaks and tabs are text, not control: a multi-line description is fine.
    const multiline = await officer.request(FILE_COMPLAINT, {
      input: complaintInput(world.providers.astana.id, { description: 'Бірінші жол\n\tекінші' }),
    });
    expect(multiline.errors).toBeUndefined();
  });

  it('Security: a text longer than any rule allows is refused before it reaches a service', async () => {
    const officer = await world.as('officer');
    const long = await officer.request(
      'query($n: String!) { complaintByIncomingNumber(incomingNumber: $n) { id } }',
      { n: 'x'.repeat(20_000) },
    );
    expectBadInput(long, ['incomingNumber']);
  });

  it('Security: addWorkingDays from 9999-12-31 is BAD_USER_INPUT on from', async () => {
    const response = await world.anonymous.request(
      '{ addWorkingDays(from: "9999-12-31", days: 366) }',
    );
    expectBadInput(response, ['from']);
    const between = await world.anonymous.request(
      '{ workingDaysBetween(from: "0001-01-01", to: "9999-12-31") }',
    );
    expect(between.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('Security: a cursor with the date 2026-99-99 is BAD_USER_INPUT on after', async () => {
    const inspector = await world.as('inspector');
    const cursor = Buffer.from(
      JSON.stringify(['2026-99-99', '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    const response = await inspector.request(
      'query($a: String) { complaints(after: $a) { totalCount } }',
      { a: cursor },
    );
    expectBadInput(response, ['after']);
  });

  it('Security: auditLog with actorId "zzz" is BAD_USER_INPUT on filter.actorId', async () => {
    const supervisor = await world.as('supervisor');
    const response = await supervisor.request(
      '{ auditLog(filter: { actorId: "zzz" }) { records { id } } }',
    );
    expectBadInput(response, ['filter.actorId']);
  });

  it('Security: an id that is no UUID is never an internal error, on any operation that takes one', async () => {
    const supervisor = await world.as('supervisor');
    const partner = await world.as('partner');
    const operations = [
      '{ complaint(id: "zzz") { id } }',
      '{ complaints(filter: { providerId: "zzz", authorityId: "zzz" }) { totalCount } }',
      '{ auditLog(filter: { entityId: "zzz" }) { records { id } } }',
      'mutation { startReview(id: "zzz", expectedVersion: 1) { id } }',
      'mutation { assignComplaint(id: "zzz", expectedVersion: 1, assigneeId: "zzz") { id } }',
      'mutation { revokeConsent(id: "zzz") { id } }',
      'mutation { deactivateUser(id: "zzz") { id } }',
      'mutation { resetUserPassword(id: "zzz", password: "long enough password 1") { id } }',
      'mutation { changeUserRole(id: "zzz", role: INSPECTOR) { id } }',
    ];
    for (const query of operations) {
      for (const client of [supervisor, partner]) {
        const response = await client.request(query);
        for (const error of response.errors ?? []) {
          expect(error.extensions?.code, query).not.toBe('INTERNAL_SERVER_ERROR');
        }
        expect(response.status, query).toBeLessThan(500);
      }
    }
  });
});

describe('errors leak no internals', () => {
  it('Security: the default start answers errors with no stack trace; EXPOSE_ERROR_DETAILS=1 shows them', async () => {
    const query = '{ complaint(id: 1, nope: 2) { id } }';
    const quiet = await world.anonymous.request(query);
    expect(quiet.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(quiet.errors)).not.toMatch(/stacktrace|node_modules|\/work\//);
    const loud = await exposing.anonymous.request(query);
    expect(JSON.stringify(loud.errors)).toMatch(/stacktrace/);
  });

  it('Security: production gives no "Did you mean" field suggestions', async () => {
    const query = '{ complaintz(id: "x") { id } }';
    const prod = await production.anonymous.request(query);
    expect(prod.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(prod.errors)).not.toMatch(/Did you mean/);
    const dev = await world.anonymous.request(query);
    expect(JSON.stringify(dev.errors)).toMatch(/Did you mean/);
  });

  it('Security: an unexpected error reaches the client as INTERNAL_SERVER_ERROR with no detail, and is logged with the request id', async () => {
    await world.sql('alter table provider rename column name_ru to name_ru_broken');
    try {
      const response = await fetch(`${world.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'probe-500-1' },
        body: JSON.stringify({ query: '{ providers { id nameRu } }' }),
      });
      const body = (await response.json()) as {
        errors: { message: string; extensions: Record<string, unknown> }[];
      };
      expect(body.errors[0]!.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
      expect(body.errors[0]!.message).toBe('Internal server error');
      expect(JSON.stringify(body)).not.toMatch(/name_ru|does not exist|select /i);
      expect(logged.some((line) => line.includes('probe-500-1'))).toBe(true);
    } finally {
      await world.sql('alter table provider rename column name_ru_broken to name_ru');
    }
    // The graphqlRequest helper is the one the other tests use: the world still answers.
    const ok = await graphqlRequest(world.url, null, '{ providers { id } }');
    expect(ok.errors).toBeUndefined();
  });
});
