import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import {
  graphqlRequest,
  JWT_SECRET,
  startApiWorld,
  type ApiWorld,
  type GraphQLResponse,
} from '../support/api.js';
import { createEmptyDatabase } from '../support/database.js';

/**
 * O4: the subgraph's federation entry points (`_service`, `_entities`) are for the gateway, which
 * proves itself with the secret in `x-gateway-secret`.
 */

const GATEWAY_SECRET = 'gateway-test-secret-0123456789abcdef-XYZ';
const WITH_SECRET = { 'x-gateway-secret': GATEWAY_SECRET };

const SDL = '{ _service { sdl } }';
const ENTITIES = `query($reps: [_Any!]!) {
  _entities(representations: $reps) { ... on Provider { id nameRu } }
}`;
const ENTITIES_IN_FRAGMENT = `query($reps: [_Any!]!) { ...Smuggle }
fragment Smuggle on Query { ...Deeper }
fragment Deeper on Query { hidden: _entities(representations: $reps) { ... on Provider { id nameRu } } }`;
const SERVICE_IN_INLINE_FRAGMENT = '{ providers { id } ... on Query { ... { _service { sdl } } } }';

let world: ApiWorld;
let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
/** Production with no gateway secret configured. */
let productionWithoutSecret: App;
/** Development-like (NODE_ENV=test) with a secret configured. */
let testWithSecret: App;
/** Development-like without a secret: open, as the federation test uses it. */
let testWithoutSecret: App;

beforeAll(async () => {
  world = await startApiWorld({ NODE_ENV: 'production', JWT_SECRET, GATEWAY_SECRET });
  database = await createEmptyDatabase();
  const env = (extra: Record<string, string>) =>
    loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: '0',
      JWT_SECRET,
      LOG_LEVEL: 'silent',
      ...extra,
    });
  productionWithoutSecret = await createApp(env({ NODE_ENV: 'production' }));
  testWithSecret = await createApp(env({ NODE_ENV: 'test', GATEWAY_SECRET }));
  testWithoutSecret = await createApp(env({ NODE_ENV: 'test' }));
});

afterAll(async () => {
  await Promise.all([
    world?.stop(),
    productionWithoutSecret?.stop(),
    testWithSecret?.stop(),
    testWithoutSecret?.stop(),
  ]);
  await database?.drop();
});

function reps() {
  return { reps: [{ __typename: 'Provider', id: world.providers.astana.id }] };
}

function expectRefused(answer: GraphQLResponse) {
  expect(answer.status).toBe(403);
  expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(answer.data ?? null).toBeNull();
}

describe('the gateway secret in production', () => {
  it('Security: _service { sdl } without the gateway secret is FORBIDDEN', async () => {
    expectRefused(await world.anonymous.request(SDL));
    expectRefused(await world.anonymous.request(SDL, {}, { 'x-gateway-secret': 'guess' }));
    const officer = await world.as('officer');
    expectRefused(await officer.request(SDL));
  });

  it('Security: _entities without the gateway secret is FORBIDDEN, also through fragments', async () => {
    const officer = await world.as('officer');
    expectRefused(await officer.request(ENTITIES, reps()));
    expectRefused(await officer.request(ENTITIES_IN_FRAGMENT, reps()));
    expectRefused(await world.anonymous.request(SERVICE_IN_INLINE_FRAGMENT));
  });

  it('O4: the gateway, with its secret, reaches _service and _entities', async () => {
    const sdl = await world.anonymous.request<{ _service: { sdl: string } }>(SDL, {}, WITH_SECRET);
    expect(sdl.errors).toBeUndefined();
    expect(sdl.data?._service.sdl).toContain('type Complaint');
    const officer = await world.as('officer');
    for (const query of [ENTITIES, ENTITIES_IN_FRAGMENT]) {
      const answer = await officer.request(query, reps(), WITH_SECRET);
      expect(answer.errors).toBeUndefined();
      expect(JSON.stringify(answer.data)).toContain(world.providers.astana.id);
    }
  });

  it('ordinary queries need no gateway secret', async () => {
    const answer = await world.anonymous.request('{ providers { id } }');
    expect(answer.errors).toBeUndefined();
  });

  it('Security: production without a configured secret answers _service to nobody', async () => {
    for (const headers of [{}, { 'x-gateway-secret': '' }, WITH_SECRET]) {
      expectRefused(await graphqlRequest(productionWithoutSecret.url, null, SDL, {}, headers));
    }
  });
});

describe('the gateway secret outside production', () => {
  it('Security: once a secret is configured it is required', async () => {
    expectRefused(await graphqlRequest(testWithSecret.url, null, SDL));
    const allowed = await graphqlRequest(testWithSecret.url, null, SDL, {}, WITH_SECRET);
    expect(allowed.errors).toBeUndefined();
  });

  it('O4: without a configured secret _service is open (local federation)', async () => {
    const answer = await graphqlRequest(testWithoutSecret.url, null, SDL);
    expect(answer.errors).toBeUndefined();
  });
});
