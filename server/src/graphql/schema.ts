import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import type { RequestCtx } from '../context.js';
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
  referenceResolvers: GraphQLResolverMap<RequestCtx> = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers,
    container: { get: (someClass) => container.get(someClass) },
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
  });
  const typeResolvers = createResolversMap(schema) as GraphQLResolverMap<RequestCtx>;
  for (const [typeName, resolver] of Object.entries(referenceResolvers)) {
    typeResolvers[typeName] = { ...(typeResolvers[typeName] as object), ...(resolver as object) };
  }
  return buildSubgraphSchema([
    {
      typeDefs: gql`
        ${FEDERATION_LINK}
        ${printSchemaWithDirectives(schema)}
      `,
      resolvers: typeResolvers,
    },
  ]);
}
