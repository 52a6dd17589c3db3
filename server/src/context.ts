import type { EntityManager } from '@mikro-orm/postgresql';
import type { Language, Role } from '@complaints/domain';

/** Why a token that was sent is refused. */
export type AuthProblem = 'expired' | 'invalid' | 'deactivated' | 'revoked';

/** Who acts: a logged-in user, or the system itself (seeding, calendar sweeps). */
export type Actor =
  | {
      kind: 'user';
      userId: string;
      displayName: string;
      role: Role;
      providerId: string | null;
      authorityId: string | null;
    }
  | { kind: 'system'; displayName: string };

/** What every service method takes first: the request's unit of work, who acts, and when. */
export interface RequestCtx {
  em: EntityManager;
  actor: Actor | null;
  /** The instant of the request; services never call `new Date()` themselves. */
  now: Date;
  language: Language;
  /** Set when a token was sent but refused, so UNAUTHENTICATED can say why. */
  authProblem?: AuthProblem | null;
}

export function actorId(actor: Actor | null): string | null {
  return actor?.kind === 'user' ? actor.userId : null;
}

export function actorName(actor: Actor | null): string {
  return actor?.displayName ?? 'anonymous';
}
