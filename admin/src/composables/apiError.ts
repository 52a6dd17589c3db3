import { CombinedGraphQLErrors } from '@apollo/client/errors';

/** What the UI needs of a failed operation: the code (its text is ours, by code) and the fields. */
export interface ApiError {
  code: string;
  /** BAD_USER_INPUT: field path → message, already in the request language. */
  fields: Record<string, string>;
  extensions: Record<string, unknown>;
}

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const extensions = (first?.extensions ?? {}) as Record<string, unknown>;
    return {
      code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
      fields: (extensions.fields as Record<string, string> | undefined) ?? {},
      extensions,
    };
  }
  return { code: 'NETWORK', fields: {}, extensions: {} };
}
