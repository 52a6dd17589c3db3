import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST, type GraphQLFormattedError } from 'graphql';
import type { Actor } from '../context.js';
import type { ApiContext } from '../graphql/request-context.js';

/** One GraphQL operation of a request, as its log line and the metrics see it. */
export interface OperationOutcome {
  /** Its name in the parsed document; null when it has none or the document did not parse. */
  name: string | null;
  /** The distinct `extensions.code`s of its errors, in order; `['OK']` when it had none. */
  codes: string[];
}

/**
 * What one HTTP request leaves behind for its log line and its metrics. Only what is safe to
 * keep: the role, never the user; operation names, never the query text or its variables.
 */
export interface RequestRecord {
  requestId: string;
  /** Which endpoint answered: a fixed set of labels, never the path the client sent. */
  route: Route;
  /** The actor's role, `SYSTEM`, or `anonymous`. */
  role: string;
  operations: OperationOutcome[];
}

export type Route = '/graphql' | '/healthz' | '/readyz' | '/metrics' | '/';

/** How a request ended, beside what its record says. */
export interface RequestEnd {
  method: string;
  status: number;
  seconds: number;
  /** The client went away before the whole answer was written. */
  aborted: boolean;
}

export function newRequestRecord(requestId: string): RequestRecord {
  return { requestId, route: '/', role: 'anonymous', operations: [] };
}

const RECORD = Symbol('request record');
type Observed = { [RECORD]?: RequestRecord };

/**
 * Ties a request's GraphQL context to its record. Apollo hands each operation of a batch a
 * shallow copy of the context: an enumerable symbol property travels with the copies.
 */
export function observeContext(context: ApiContext, record: RequestRecord): ApiContext {
  record.role = roleOf(context.actor);
  (context as ApiContext & Observed)[RECORD] = record;
  return context;
}

export function roleOf(actor: Actor | null): string {
  if (actor === null) return 'anonymous';
  return actor.kind === 'user' ? actor.role : 'SYSTEM';
}

/** Server-made codes look like this; anything else is counted as `UNKNOWN`. */
const CODE = /^[A-Z][A-Z0-9_]{0,49}$/;

/**
 * Notes each operation's name (from the parsed document only, so a client cannot name it
 * otherwise) and its answer's error codes, as formatted for the client.
 */
export function requestObservationPlugin(): ApolloServerPlugin<ApiContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ contextValue, document, operationName, request, response }) {
          const record = (contextValue as ApiContext & Observed)[RECORD];
          if (record === undefined) return Promise.resolve();
          const name =
            operationName ??
            (document
              ? (getOperationAST(document, request.operationName)?.name?.value ?? null)
              : null);
          const errors =
            response.body.kind === 'single'
              ? response.body.singleResult.errors
              : response.body.initialResult.errors;
          record.operations.push({ name, codes: codesOf(errors) });
          return Promise.resolve();
        },
      });
    },
  };
}

function codesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  if (errors === undefined || errors.length === 0) return ['OK'];
  const codes = errors.map((error) => {
    const code = error.extensions?.code;
    return typeof code === 'string' && CODE.test(code) ? code : 'UNKNOWN';
  });
  return [...new Set(codes)];
}

/** The code of an answer no GraphQL operation spoke for (a refused body, a probe, a file). */
export function codeForStatus(status: number): string {
  if (status < 400) return 'OK';
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'TOO_MANY_REQUESTS';
  if (status === 503) return 'UNAVAILABLE';
  return status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
}
