import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import {
  GraphQLObjectType,
  GraphQLSchema,
  graphql,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
} from 'graphql';
import { gql } from 'graphql-tag';
import {
  buildSchema,
  createResolversMap,
  getMetadataStorage,
  type NonEmptyArray,
} from 'type-graphql';
import type { ApiContext } from './request-context.js';
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
  const ordered = inStableOrder(schema, resolvers);
  const typeResolvers = createResolversMap(ordered) as GraphQLResolverMap<ApiContext>;
  for (const [typeName, resolver] of Object.entries(referenceResolvers)) {
    typeResolvers[typeName] = { ...(typeResolvers[typeName] as object), ...(resolver as object) };
  }
  return buildSubgraphSchema([
    {
      typeDefs: gql`
        ${FEDERATION_LINK}
        ${describeRootTypes(printSchemaWithDirectives(ordered))}
      `,
      resolvers: typeResolvers,
    },
  ]);
}

/**
 * The schema in an order that does not depend on which module happens to load first: the root
 * types, then the others by name; root fields by resolver class, in the order the app registers them, then as declared.
 * The printed SDL partners compose (and diff) stays put when imports move.
 */
function inStableOrder(schema: GraphQLSchema, resolvers: readonly Function[]): GraphQLSchema {
  const storage = getMetadataStorage();
  const rank = (declared: readonly { target: Function; schemaName: string }[]) => {
    const order = new Map<string, number>();
    declared.forEach((field, index) => {
      const byClass = resolvers.indexOf(field.target);
      order.set(field.schemaName, (byClass < 0 ? resolvers.length : byClass) * 10_000 + index);
    });
    return order;
  };
  const reorder = (type: GraphQLObjectType | null | undefined, order: Map<string, number>) => {
    if (!type) return undefined;
    const config = type.toConfig();
    const names = Object.keys(config.fields).sort(
      (a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity),
    );
    const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
    for (const name of names) fields[name] = config.fields[name]!;
    return new GraphQLObjectType({ ...config, fields });
  };
  const config = schema.toConfig();
  const query = reorder(config.query, rank(storage.queries));
  const mutation = reorder(config.mutation, rank(storage.mutations));
  const roots = new Set([config.query?.name, config.mutation?.name]);
  const types: GraphQLNamedType[] = [
    ...[query, mutation].filter((type) => type !== undefined),
    ...config.types
      .filter((type) => !roots.has(type.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
  ];
  return new GraphQLSchema({ ...config, query, mutation, types });
}

/** The SDL partners compose: exactly what `_service { sdl }` answers, under a header line. */
export async function printServedSchema(schema: GraphQLSchema): Promise<string> {
  const result = await graphql({ schema, source: '{ _service { sdl } }' });
  const sdl = (result.data?._service as { sdl?: string } | undefined)?.sdl;
  if (!sdl) throw new Error(`cannot print the subgraph SDL: ${JSON.stringify(result.errors)}`);
  return `${SCHEMA_FILE_HEADER}\n${sdl}\n`;
}

export const SCHEMA_FILE_HEADER =
  "# Printed from the server's code by `pnpm schema:print`: do not edit by hand.";

// type-graphql gives the root types no description; every type of ours carries one.
function describeRootTypes(sdl: string): string {
  return sdl
    .replace(
      /^type Query \{/m,
      '"The complaints subgraph: what partners and the admin may read."\ntype Query {',
    )
    .replace(
      /^type Mutation \{/m,
      '"The complaints subgraph: every change, each one audited."\ntype Mutation {',
    );
}
