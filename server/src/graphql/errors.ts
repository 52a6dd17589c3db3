import { GraphQLError } from 'graphql';

export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CONSENT_REQUIRED'
  | 'TOO_MANY_REQUESTS';

/**
 * Every error a client may see carries a fixed `extensions.code`; the admin picks its text by
 * code, so `message` is for developers (English).
 */
export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;

  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions });
  }
}

/** Thrown by services when input breaks a rule; `fields` maps field path → localized message. */
export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly fields: Record<string, string>) {
    super(`Invalid input: ${Object.keys(fields).join(', ')}`, {
      code: 'BAD_USER_INPUT',
      fields,
    });
  }
}

/** Thrown by the request context when a token is missing, expired or belongs to a deactivated user. */
export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Authentication required') {
    super(message, { code: 'UNAUTHENTICATED' });
  }
}

/** Thrown by the access rules when the actor's role or scope does not allow the operation. */
export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Not allowed') {
    super(message, { code: 'FORBIDDEN' });
  }
}

/** Thrown by services when an entity does not exist (or is outside the actor's scope to know of). */
export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(entity: string, id: string) {
    super(`${entity} ${id} not found`, { code: 'NOT_FOUND', entity, id });
  }
}

/** Thrown by services on a stale `expectedVersion` or a transition the status machine refuses. */
export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, { code: 'CONFLICT', ...details });
  }
}

/** Thrown by the consent rules (O8) when protected data is read without an active consent. */
export class ConsentRequiredError extends AppError {
  readonly code = 'CONSENT_REQUIRED';
  constructor(field: string) {
    super(`Reading ${field} needs the recipient's active written consent`, {
      code: 'CONSENT_REQUIRED',
      field,
    });
  }
}

/** Thrown by rate limits (login attempts, the public stage lookup). */
export class TooManyRequestsError extends AppError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(retryAfterSeconds: number) {
    super('Too many requests', { code: 'TOO_MANY_REQUESTS', retryAfterSeconds });
  }
}
