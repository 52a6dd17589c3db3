export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'CONSENT_REQUIRED'
  | 'TOO_MANY_REQUESTS';

/**
 * A refusal by the rules, as a plain value: services, jobs, CLIs and tests throw and catch it
 * without GraphQL. It carries a fixed `code` (the admin picks its text by code, so `message` is
 * for developers, in English) and `details`, what a client is shown beside the code; the GraphQL
 * layer turns both into `extensions` in one place (graphql/format-error.ts).
 */
export abstract class AppError extends Error {
  abstract readonly code: ErrorCode;

  constructor(
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Thrown by services when input breaks a rule; `fields` maps field path → localized message. */
export class BadUserInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(readonly fields: Record<string, string>) {
    super(`Invalid input: ${Object.keys(fields).join(', ')}`, { fields });
  }
}

/** Thrown by the access rules without a valid token (missing, expired, revoked, deactivated user) and by a failed login. */
export class UnauthenticatedError extends AppError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Authentication required') {
    super(message);
  }
}

/** Thrown by the access rules when the actor's role or scope does not allow the operation. */
export class ForbiddenError extends AppError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'Not allowed') {
    super(message);
  }
}

/** Thrown by services when an entity does not exist (or is outside the actor's scope to know of). */
export class NotFoundError extends AppError {
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`, { entity, id });
  }
}

/** Thrown by services on a stale `expectedVersion` or a transition the status machine refuses. */
export class ConflictError extends AppError {
  readonly code = 'CONFLICT';
  constructor(message: string, details: Readonly<Record<string, unknown>> = {}) {
    super(message, details);
  }
}

/**
 * The consent rules' refusal (O8) of a protected read without an active consent: returned, one
 * per refused field, by `ConsentService.readProtected`, and thrown by the field it refuses.
 */
export class ConsentRequiredError extends AppError {
  readonly code = 'CONSENT_REQUIRED';
  constructor(readonly field: string) {
    super(`Reading ${field} needs the recipient's active written consent`, { field });
  }
}

/** Thrown by rate limits (login attempts, the public stage lookup). */
export class TooManyRequestsError extends AppError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests', { retryAfterSeconds });
  }
}
