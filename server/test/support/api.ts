import { withKzChecksum, type Role } from '@complaints/domain';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { Authority } from '../../src/modules/authorities/authority.entity.js';
import { Provider } from '../../src/modules/providers/provider.entity.js';
import { PublicService } from '../../src/modules/services/public-service.entity.js';
import { createEmptyDatabase, sqlPool } from './database.js';
import type pg from 'pg';

export const PASSWORD = 'correct horse battery';
/** A test-only key, random like a production one must be (32 bytes, base64url). */
export const JWT_SECRET = 'i2RsmqgjvjfRA8H2oROlnUV6LJGN8qUQSaFWD09Iefc';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  status: number;
}

export interface Client {
  token: string | null;
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
}

/** The demo-like world every API test starts from: two regions, providers, one user per role. */
export interface ApiWorld {
  app: App;
  url: string;
  sql<T extends pg.QueryResultRow = Record<string, unknown>>(
    text: string,
    params?: unknown[],
  ): Promise<T[]>;
  providers: { astana: Provider; astana2: Provider; almaty: Provider };
  authorities: { astana: Authority; almaty: Authority };
  service: PublicService;
  users: Record<
    'supervisor' | 'inspector' | 'analyst' | 'officer' | 'officer2' | 'partner' | 'partner2',
    { id: string; email: string; role: Role }
  >;
  anonymous: Client;
  as(user: keyof ApiWorld['users']): Promise<Client>;
  client(token: string | null): Client;
  stop(): Promise<void>;
}

export async function graphqlRequest<T>(
  url: string,
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { ...body, status: response.status };
}

/** Starts the real server on a database of this test file's own, with a small world in it. */
export async function startApiWorld(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<ApiWorld> {
  const database = await createEmptyDatabase();
  const app = await createApp(
    loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: '0',
      NODE_ENV: 'test',
      // Background jobs only where a test asks for them.
      WORKERS: '0',
      JWT_SECRET,
      // No request log in the test output; a test that reads it passes LOG_LEVEL and a destination.
      LOG_LEVEL: 'silent',
      ...env,
    }),
    options,
  );
  const pool = sqlPool(database.url);
  const em = app.orm.em.fork();
  let n = 0;
  const provider = (region: string, code: string) =>
    em.create(Provider, {
      bin: withKzChecksum(`1602400${String(1000 + (n += 1))}`)!,
      nameKk: `${code} kk`,
      nameRu: `${code} ru`,
      region,
      postalAddress: `${region}, ${code}`,
      officeCode: code,
    });
  const providers = {
    astana: provider('Астана', 'PA'),
    astana2: provider('Астана', 'PB'),
    almaty: provider('Алматы', 'PC'),
  };
  const authority = (region: string, code: string) =>
    em.create(Authority, {
      nameKk: `${code} kk`,
      nameRu: `${code} ru`,
      region,
      postalAddress: `${region}, ${code}`,
      officeCode: code,
    });
  const authorities = { astana: authority('Астана', 'AA'), almaty: authority('Алматы', 'AB') };
  const service = em.create(PublicService, {
    code: 'S-1',
    nameKk: 'Жеке куәлік беру',
    nameRu: 'Выдача удостоверения личности',
    providerKind: 'State Corporation',
    standardTermWorkingDays: 15,
    forms: ['PAPER', 'ELECTRONIC'],
    documentsRequired: [{ kk: 'Жеке куәлік', ru: 'Удостоверение личности' }],
  });
  await em.flush();
  const hash = await app.services.users.hashPassword(PASSWORD);
  const define = (
    key: string,
    role: Role,
    scope: { providerId?: string; authorityId?: string } = {},
  ) => {
    const user = app.services.users.create(
      em,
      { email: `${key}@test.kz`, displayName: `${key} user`, role, password: '', ...scope },
      hash,
    );
    return { id: user.id, email: user.email, role };
  };
  const users = {
    supervisor: define('supervisor', 'SUPERVISOR', { authorityId: authorities.astana.id }),
    inspector: define('inspector', 'INSPECTOR', { authorityId: authorities.astana.id }),
    analyst: define('analyst', 'ANALYST'),
    officer: define('officer', 'PROVIDER_OFFICER', { providerId: providers.astana.id }),
    officer2: define('officer2', 'PROVIDER_OFFICER', { providerId: providers.astana2.id }),
    partner: define('partner', 'PARTNER'),
    partner2: define('partner2', 'PARTNER'),
  };
  await em.flush();
  const client = (token: string | null): Client => ({
    token,
    request: (query, variables, headers) =>
      graphqlRequest(app.url, token, query, variables, headers),
  });
  const tokens = new Map<string, string>();
  return {
    app,
    url: app.url,
    sql: async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) =>
      (await pool.query<T>(text, params)).rows,
    providers,
    authorities,
    service,
    users,
    anonymous: client(null),
    client,
    async as(key) {
      let token = tokens.get(key);
      if (!token) {
        const result = await graphqlRequest<{ login: { token: string } }>(
          app.url,
          null,
          'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
          { email: users[key].email, password: PASSWORD },
        );
        token = result.data?.login.token;
        if (!token) throw new Error(`login of ${key} failed: ${JSON.stringify(result.errors)}`);
        tokens.set(key, token);
      }
      return client(token);
    },
    async stop() {
      await app.stop();
      await pool.end();
      await database.drop();
    },
  };
}

/** A valid FileComplaintInput against `providerId`, as variables. */
export function complaintInput(providerId: string, overrides: Record<string, unknown> = {}) {
  return {
    providerId,
    subject: 'ACTION',
    description: 'Құжаттарды қабылдаудан негізсіз бас тартылды.',
    channel: 'PAPER',
    signature: 'HANDWRITTEN',
    recipient: {
      kind: 'INDIVIDUAL',
      surname: 'Ахметова',
      givenName: 'Айгүл',
      postalAddress: 'Астана қ., Абай даңғылы, 10',
      iin: withKzChecksum('90010140012') ?? withKzChecksum('90010140013'),
      email: 'aigul@example.kz',
      phone: '+7 701 123 45 67',
      accessibilityNeeds: ['LARGE_PRINT'],
    },
    ...overrides,
  };
}

export const FILE_COMPLAINT = `mutation File($input: FileComplaintInput!) {
  fileComplaint(input: $input) {
    trackingCode
    complaint { id version status level registration { incomingNumber registeredOn responseDeadline acceptedBy responsePlace } }
  }
}`;
