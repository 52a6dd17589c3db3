import { ApolloServer } from '@apollo/server';
import { GraphQLError, buildSchema, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledExecutionGateway } from '../../src/graphql/compiled-execution.js';

const schema: GraphQLSchema = buildSchema(`
  type Case { id: ID! number: Int! }
  type Query { cases(first: Int!): [Case!]! refused: Case }
`);
const root = schema.getQueryType()!.getFields();
root.cases!.resolve = (_source, args: { first: number }) =>
  Array.from({ length: args.first }, (_, i) => ({ id: `c${i}`, number: i + 1 }));
root.refused!.resolve = () => {
  throw new GraphQLError('refused', {
    extensions: { code: 'CONFLICT', fields: { version: 'changed' } },
  });
};

const compiled: (string | null)[] = [];
let server: ApolloServer;

beforeAll(async () => {
  server = new ApolloServer({
    gateway: compiledExecutionGateway(schema, { onCompile: (name) => compiled.push(name) }),
  });
  await server.start();
});

afterAll(async () => {
  await server.stop();
});

async function run(query: string, variables: Record<string, unknown> = {}) {
  const response = await server.executeOperation({ query, variables });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { http: response.http, result: response.body.singleResult };
}

describe('compiled execution', () => {
  it('Performance: a document is compiled once and its function serves every later request', async () => {
    const query = 'query Page($first: Int!) { cases(first: $first) { id number } }';
    const first = await run(query, { first: 3 });
    const second = await run(query, { first: 2 });
    expect(first.result.data).toEqual({
      cases: [
        { id: 'c0', number: 1 },
        { id: 'c1', number: 2 },
        { id: 'c2', number: 3 },
      ],
    });
    expect(second.result.data).toEqual({
      cases: [
        { id: 'c0', number: 1 },
        { id: 'c1', number: 2 },
      ],
    });
    expect(compiled).toEqual(['Page']);
  });

  it('Errors: a bad variable is still BAD_USER_INPUT with HTTP 400, before anything runs', async () => {
    const { http, result } = await run('query Bad($first: Int!) { cases(first: $first) { id } }', {
      first: 'many',
    });
    expect(http.status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(compiled).not.toContain('Bad');
  });

  it("Errors: a resolver's refusal keeps its code, fields and path", async () => {
    const { result } = await run('{ refused { id } }');
    expect(result.data).toEqual({ refused: null });
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]).toMatchObject({
      message: 'refused',
      path: ['refused'],
      extensions: { code: 'CONFLICT', fields: { version: 'changed' } },
    });
  });
});
