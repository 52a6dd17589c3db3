import { ApolloServer } from '@apollo/server';
import DataLoader from 'dataloader';
import { assertObjectType, buildSchema, type GraphQLSchema } from 'graphql';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BadUserInputError,
  ConflictError,
  ConsentRequiredError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
} from '../../src/errors.js';
import { compiledExecutionGateway } from '../../src/graphql/compiled-execution.js';
import { createFormatError, unexpectedErrorLogPlugin } from '../../src/graphql/format-error.js';
import type { ApiContext } from '../../src/graphql/request-context.js';
import { createLogger } from '../../src/observability/logger.js';

const schema: GraphQLSchema = buildSchema(`
  type Recipient { name: String iin: String }
  type Query {
    badInput: String
    notFound: String
    conflict: String
    tooMany: String
    recipient: Recipient
    broken: String
    gateway: String
  }
`);
const root = schema.getQueryType()!.getFields();
const throwing = (error: Error) => () => {
  throw error;
};
root.badInput!.resolve = throwing(new BadUserInputError({ 'recipient.surname': 'Required' }));
root.notFound!.resolve = throwing(new NotFoundError('Complaint', 'c1'));
root.conflict!.resolve = throwing(
  new ConflictError('stale', { reason: 'STALE_VERSION', currentVersion: 2 }),
);
root.tooMany!.resolve = throwing(new TooManyRequestsError(7));
root.broken!.resolve = throwing(new Error('select secret from users'));
root.recipient!.resolve = () => ({});
// As the protected reads do: the loader's batch answers a refusal as a value, not a throw.
const protectedRead = new DataLoader<string, string>(
  (fields) =>
    Promise.resolve(
      fields.map((field) =>
        field === 'iin' ? new ConsentRequiredError('Recipient.iin') : 'Aigerim',
      ),
    ),
  { cache: false },
);
const recipient = assertObjectType(schema.getType('Recipient')).getFields();
recipient.name!.resolve = () => protectedRead.load('name');
recipient.iin!.resolve = () => protectedRead.load('iin');

const logged: unknown[] = [];
let server: ApolloServer<ApiContext>;

beforeAll(async () => {
  server = new ApolloServer<ApiContext>({
    gateway: compiledExecutionGateway(schema),
    formatError: createFormatError(false),
    plugins: [
      unexpectedErrorLogPlugin(createLogger('info', { write: (line) => logged.push(line) })),
      {
        requestDidStart: () =>
          Promise.resolve({
            didResolveOperation({ request, response }) {
              if (!request.query?.includes('gateway')) return Promise.resolve();
              response.http.status = 403;
              throw new ForbiddenError('the gateway only');
            },
          }),
      },
    ],
  });
  await server.start();
});

afterEach(() => {
  logged.length = 0;
});

afterAll(async () => {
  await server.stop();
});

async function run(query: string) {
  const response = await server.executeOperation(
    { query },
    { contextValue: { requestId: 'r1' } as unknown as ApiContext },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { http: response.http, result: response.body.singleResult };
}

describe('formatError', () => {
  it('Errors: an error of the rules thrown by a resolver reaches the client with its code and details as extensions, at its path', async () => {
    const { result } = await run('{ badInput notFound conflict tooMany }');
    expect(result.errors).toEqual([
      {
        message: 'Invalid input: recipient.surname',
        locations: [{ line: 1, column: 3 }],
        path: ['badInput'],
        extensions: { code: 'BAD_USER_INPUT', fields: { 'recipient.surname': 'Required' } },
      },
      {
        message: 'Complaint c1 not found',
        locations: [{ line: 1, column: 12 }],
        path: ['notFound'],
        extensions: { code: 'NOT_FOUND', entity: 'Complaint', id: 'c1' },
      },
      {
        message: 'stale',
        locations: [{ line: 1, column: 21 }],
        path: ['conflict'],
        extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', currentVersion: 2 },
      },
      {
        message: 'Too many requests',
        locations: [{ line: 1, column: 30 }],
        path: ['tooMany'],
        extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 7 },
      },
    ]);
    expect(logged).toEqual([]);
  });

  it('O8: a refused protected read (a ConsentRequiredError value) is CONSENT_REQUIRED with its field; the rest reads', async () => {
    const { result } = await run('{ recipient { name iin } }');
    expect(result.data).toEqual({ recipient: { name: 'Aigerim', iin: null } });
    expect(result.errors).toEqual([
      {
        message: "Reading Recipient.iin needs the recipient's active written consent",
        locations: [{ line: 1, column: 20 }],
        path: ['recipient', 'iin'],
        extensions: { code: 'CONSENT_REQUIRED', field: 'Recipient.iin' },
      },
    ]);
    expect(logged).toEqual([]);
  });

  it('Errors: an error of the rules thrown before execution keeps its code and the HTTP status its plugin set', async () => {
    const { http, result } = await run('{ gateway }');
    expect(http.status).toBe(403);
    expect(result.errors).toEqual([
      { message: 'the gateway only', extensions: { code: 'FORBIDDEN' } },
    ]);
    expect(logged).toEqual([]);
  });

  it('Errors: any other error is INTERNAL_SERVER_ERROR without its message, and logged', async () => {
    const { result } = await run('{ broken }');
    expect(result.errors).toEqual([
      {
        message: 'Internal server error',
        locations: [{ line: 1, column: 3 }],
        path: ['broken'],
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      },
    ]);
    expect(logged).toHaveLength(1);
    expect(JSON.parse(logged[0] as string)).toMatchObject({
      level: 'error',
      msg: 'unexpected error',
      requestId: 'r1',
      path: ['broken'],
      error: { type: 'Error', message: 'select secret from users' },
    });
  });
});
