import type { Logger } from './logger.js';
import { codeForStatus, type RequestEnd, type RequestRecord } from './request-record.js';

const MAX_LOGGED_NAME = 64;

/**
 * The request's one log line: its id, route, operation names, the actor's role, status,
 * duration and result codes. Nothing else about it: no user id or email, no header, no query
 * text, no variables, no path beyond the fixed route.
 */
export function logRequest(logger: Logger, record: RequestRecord, end: RequestEnd): void {
  const fallback = end.aborted ? 'ABORTED' : codeForStatus(end.status);
  const codes =
    record.route === '/graphql' && record.operations.length > 0 && !end.aborted
      ? [...new Set(record.operations.flatMap((operation) => operation.codes))]
      : [fallback];
  const line = {
    requestId: record.requestId,
    method: end.method,
    route: record.route,
    ...(record.route === '/graphql'
      ? {
          operations: record.operations.map((operation) =>
            operation.name === null ? 'anonymous' : operation.name.slice(0, MAX_LOGGED_NAME),
          ),
        }
      : {}),
    role: record.role,
    status: end.status,
    durationMs: Math.round(end.seconds * 10_000) / 10,
    codes,
    ...(end.aborted ? { aborted: true } : {}),
  };
  if (end.status >= 500) logger.warn(line, 'request');
  else logger.info(line, 'request');
}
