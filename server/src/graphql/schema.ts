import { buildSubgraphSchema, printSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { ApiContext } from './loaders.js';
import { DateTimeScalar } from './scalars.js';

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** Resolver instances by class: type-graphql asks this for each resolver it calls. */
export interface ResolverContainer {
  get(someClass: unknown): unknown;
}

/**
 * type-graphql builds the schema from the decorated classes; it is then printed with its
 * directives and rebuilt as an Apollo Federation 2 subgraph, keeping type-graphql's resolvers.
 */
export async function buildComplaintsSchema(
  resolvers: NonEmptyArray<Function>,
  container: ResolverContainer,
  referenceResolvers: GraphQLResolverMap<ApiContext> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    container: { get: (someClass) => container.get(someClass) },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
  });
  const typeResolvers = createResolversMap(schema) as GraphQLResolverMap<ApiContext>;
  for (const [typeName, resolver] of Object.entries(referenceResolvers)) {
    typeResolvers[typeName] = { ...(typeResolvers[typeName] as object), ...(resolver as object) };
  }
  return buildSubgraphSchema([
    {
      typeDefs: gql`
        ${FEDERATION_LINK}
        ${describeRootTypes(printSchemaWithDirectives(schema))}
      `,
      resolvers: typeResolvers,
    },
  ]);
}

/** The SDL partners compose: what `_service { sdl }` answers, with a header naming its source. */
export function printServedSchema(schema: GraphQLSchema): string {
  return `# Printed from the server's code by \`pnpm schema:print\`: do not edit by hand.\n${printSubgraphSchema(schema)}\n`;
}

// type-graphql gives the root types no description; every type of ours carries one.
function describeRootTypes(sdl: string): string {
  return sdl
    .replace(/^type Query \{/m, '"The complaints subgraph: what partners and the admin may read."\ntype Query {')
    .replace(/^type Mutation \{/m, '"The complaints subgraph: every change, each one audited."\ntype Mutation {');
}
