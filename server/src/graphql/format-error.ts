import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { OptimisticLockError, NotFoundError as OrmNotFoundError } from '@mikro-orm/core';
import { AppError } from '../errors.js';
import { loggedError, type Logger } from '../observability/logger.js';
import type { ApiContext } from './request-context.js';

// Codes Apollo itself gives to request errors (parse, validation, bad variables): safe to show.
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Logs, with the request id, every error that reaches a client as INTERNAL_SERVER_ERROR: the
 * client gets no detail, so the log is where an operator finds what happened.
 */
export function unexpectedErrorLogPlugin(logger: Logger): ApolloServerPlugin<ApiContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = originalOf(error);
            if (isExpected(original, error)) continue;
            logger.error(
              {
                requestId: contextValue.requestId,
                operationName: operationName ?? null,
                path: error.path ?? null,
                error: loggedError(original),
              },
              'unexpected error',
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}

function isExpected(original: unknown, error: GraphQLError): boolean {
  if (original instanceof AppError) return true;
  if (original instanceof OrmNotFoundError || original instanceof OptimisticLockError) return true;
  const code = error.extensions?.code;
  return (
    isRefusedScalar(error) ||
    typeof error.extensions?.refusedAs === 'string' ||
    (typeof code === 'string' && (APOLLO_CODES.has(code) || code.startsWith('QUERY_')))
  );
}

/**
 * The one place the rules' errors become GraphQL errors: an AppError's code and details are its
 * `extensions`. Apollo's request errors pass with their code; ORM not-found and lock failures
 * map to NOT_FOUND/CONFLICT; anything else becomes a generic INTERNAL_SERVER_ERROR, so no
 * stack trace, SQL or internal message leaves the server outside development.
 */
export function createFormatError(exposeDetails: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = originalOf(error);
    const base = { locations: formatted.locations, path: formatted.path };
    if (original instanceof AppError) {
      return {
        ...base,
        message: original.message,
        extensions: { code: original.code, ...original.details },
      };
    }
    if (original instanceof OrmNotFoundError) {
      return { ...base, message: 'Not found', extensions: { code: 'NOT_FOUND' } };
    }
    if (original instanceof OptimisticLockError) {
      return { ...base, message: 'Changed by someone else', extensions: { code: 'CONFLICT' } };
    }
    // A literal our scalars refuse (e.g. "2026-02-30" as LocalDate) surfaces as a validation
    // error; it is bad input like any other.
    if (isRefusedScalar(error)) {
      return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
    }
    // Apollo files our query limits under GRAPHQL_VALIDATION_FAILED; give them their own code.
    const refusedAs = formatted.extensions?.refusedAs;
    if (typeof refusedAs === 'string') {
      const {
        refusedAs: _refusedAs,
        stacktrace: _stack,
        ...extensions
      } = formatted.extensions ?? {};
      return {
        ...base,
        message: formatted.message,
        extensions: { ...extensions, code: refusedAs },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && APOLLO_CODES.has(code)) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: exposeDetails ? formatted.extensions : extensions };
    }
    if (exposeDetails) return formatted;
    return {
      ...base,
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/**
 * What was thrown, under the GraphQLErrors that carry it: a resolver's error comes wrapped with
 * its path (by graphql-jit or graphql-js), a plugin hook's wrapped by Apollo without one.
 */
function originalOf(error: unknown): unknown {
  let original = unwrapResolverError(error);
  while (original instanceof GraphQLError && original.originalError) {
    original = original.originalError;
  }
  return original;
}

function isRefusedScalar(error: unknown): boolean {
  const original = (error as { originalError?: { extensions?: { code?: unknown } } } | null)
    ?.originalError;
  return original?.extensions?.code === 'BAD_USER_INPUT';
}
