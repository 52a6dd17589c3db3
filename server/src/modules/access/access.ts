import type { Role } from '@complaints/domain';
import type { Actor, RequestCtx } from '../../context.js';
import { ForbiddenError, UnauthenticatedError } from '../../errors.js';

export type UserActor = Extract<Actor, { kind: 'user' }>;

/** UNAUTHENTICATED without a valid token; the message says why (expired, deactivated…). */
export function requireUser(ctx: RequestCtx): UserActor {
  if (ctx.actor?.kind === 'user') return ctx.actor;
  const problem = ctx.authProblem ?? null;
  throw new UnauthenticatedError(
    problem === 'expired'
      ? 'The session has expired: log in again'
      : problem === 'deactivated'
        ? 'This user is deactivated'
        : problem === 'revoked'
          ? 'The session was ended by a password, role or status change: log in again'
          : problem === 'invalid'
            ? 'The token is not valid'
            : 'Log in first',
  );
}

/** FORBIDDEN unless the actor has one of `roles`. */
export function requireRole(ctx: RequestCtx, ...roles: Role[]): UserActor {
  const actor = requireUser(ctx);
  if (!roles.includes(actor.role)) {
    throw new ForbiddenError(`${actor.role} may not do this`);
  }
  return actor;
}
