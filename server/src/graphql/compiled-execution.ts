import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  GraphQLError,
  getVariableValues,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Executes each parsed document through a function compiled for it once (graphql-jit), instead of
 * graphql-js walking the document for every request: the queue page's 50 rows × 20 fields are the
 * service's main cost after the SQL. Apollo Server 5 takes a custom executor only through its
 * gateway interface, which here serves this subgraph's own schema, unchanged.
 *
 * Apollo still parses, validates, runs every plugin (limits, input guard, error log) and formats
 * errors; only execution moves. Variables are coerced by graphql-js first, so a bad variable is
 * still Apollo's BAD_USER_INPUT with HTTP 400.
 */
export function compiledExecutionGateway(
  schema: GraphQLSchema,
  options: { onCompile?: (operationName: string | null) => void } = {},
): GatewayInterface {
  // Apollo keeps one DocumentNode per query text in its bounded document store: compiled
  // functions live exactly as long as their documents.
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();

  const compiledFor = (document: DocumentNode, operationName: string | null) => {
    let byOperation = compiled.get(document);
    if (!byOperation) {
      byOperation = new Map();
      compiled.set(document, byOperation);
    }
    const key = operationName ?? '';
    let query = byOperation.get(key);
    if (!query) {
      options.onCompile?.(operationName);
      query = compileQuery(schema, document, operationName ?? undefined, {
        disablingCapturingStackErrors: true,
      });
      byOperation.set(key, query);
    }
    return query;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, operation, operationName, request, context } = requestContext;
    const coerced = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      request.variables ?? {},
    );
    if (coerced.errors) return { errors: coerced.errors };
    const query = compiledFor(document, operationName);
    if (!isCompiledQuery(query)) return query;
    const result = await query.query(undefined, context, request.variables ?? {});
    return result.errors ? { ...result, errors: result.errors.map(withExtensions) } : result;
  };

  return {
    load: () => Promise.resolve({ executor }),
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: () => Promise.resolve(),
  };
}

/**
 * graphql-jit's error copies `extensions` from the error a resolver threw and leaves it undefined
 * when there are none (an error of the rules, any unexpected error), yet Apollo reads
 * `extensions.code` of every error before formatError sees it. Such an error becomes graphql-js's
 * own, as graphql-js execution gives it: same message, path and original error, at the locations
 * graphql-jit computed (it keeps no AST nodes to compute them from again).
 */
function withExtensions(error: GraphQLError): GraphQLError {
  if (error.extensions !== undefined) return error;
  const copy = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError,
  });
  return Object.assign(copy, { locations: error.locations });
}
