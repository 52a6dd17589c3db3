import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What the UI needs of a failed operation: the code (its text is ours, by code) and the fields. */
export interface ApiError {
  code: string;
  /** BAD_USER_INPUT: field path → message, already in the request language. */
  fields: Record<string, string>;
  extensions: Record<string, unknown>;
}

/** One GraphQL error, by its `extensions`: the only place that reads `code` and `fields`. */
export function apiErrorOf(extensions: Readonly<Record<string, unknown>> = {}): ApiError {
  return {
    code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
    fields: (extensions.fields as Record<string, string> | undefined) ?? {},
    extensions: { ...extensions },
  };
}

/** A failed operation: its first GraphQL error, or NETWORK when the server was not reached. */
export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) return apiErrorOf(error.errors[0]?.extensions);
  return { code: 'NETWORK', fields: {}, extensions: {} };
}
