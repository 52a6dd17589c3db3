import { SignJWT, jwtVerify } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@complaints/domain';
import type { Actor, AuthProblem, RequestCtx } from '../../context.js';
import { TooManyRequestsError, UnauthenticatedError } from '../../graphql/errors.js';
import { LoginThrottle } from './login-throttle.entity.js';
import type { User } from './user.entity.js';
import type { UserService } from './user.service.js';

export interface AuthPayload {
  token: string;
  role: Role;
  displayName: string;
}

/** A token is valid this long; then the admin asks to log in again. */
export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
// After this many failures for one email, each further attempt waits twice as long as the last.
const FREE_FAILURES = 3;
const MAX_DELAY_SECONDS = 300;

export class AuthService {
  private readonly key: Uint8Array;
  /** Verified when the email is unknown, so both failures cost one argon2 verification. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly users: UserService,
    jwtSecret: string,
  ) {
    this.key = new TextEncoder().encode(jwtSecret);
  }

  /**
   * A wrong password and an unknown email get the same answer after the same work; repeated
   * failures for one email must wait longer and longer; a deactivated user cannot log in.
   */
  async login(ctx: RequestCtx, email: string, password: string): Promise<AuthPayload> {
    const normalized = email.trim().toLowerCase();
    const em = ctx.em.fork();
    await this.assertNotThrottled(em, normalized, ctx.now);
    const user = await this.users.findByEmail(em, normalized);
    const hash = user?.passwordHash ?? (await this.dummy());
    const matches = await this.users.verifyPassword(hash, password).catch(() => false);
    if (!user || !matches || !user.active) {
      await this.recordFailure(em, normalized, ctx.now);
      throw new UnauthenticatedError('Invalid email or password');
    }
    await em.nativeDelete(LoginThrottle, { email: normalized });
    return {
      token: await this.issueToken(user, ctx.now),
      role: user.role,
      displayName: user.displayName,
    };
  }

  async issueToken(user: Pick<User, 'id' | 'role'>, now: Date): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .sign(this.key);
  }

  /** The actor behind a bearer token; a deactivated user's token stops working at once. */
  async actorFromToken(
    em: EntityManager,
    token: string,
  ): Promise<{ actor: Actor } | { problem: AuthProblem }> {
    let subject: string | undefined;
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: ['HS256'] });
      subject = payload.sub;
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { problem: code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
    }
    const user = subject ? await this.users.findActorRow(em, subject) : null;
    if (!user) return { problem: 'invalid' };
    if (!user.active) return { problem: 'deactivated' };
    return {
      actor: {
        kind: 'user',
        userId: user.id,
        displayName: user.display_name,
        role: user.role,
        providerId: user.provider_id,
        authorityId: user.authority_id,
      },
    };
  }

  private async assertNotThrottled(em: EntityManager, email: string, now: Date): Promise<void> {
    const throttle = await em.findOne(LoginThrottle, { email });
    if (!throttle || throttle.failures < FREE_FAILURES) return;
    const delay = Math.min(2 ** (throttle.failures - FREE_FAILURES + 1), MAX_DELAY_SECONDS);
    const waitUntil = throttle.lastFailureAt.getTime() + delay * 1000;
    if (now.getTime() < waitUntil) {
      throw new TooManyRequestsError(Math.ceil((waitUntil - now.getTime()) / 1000));
    }
  }

  private async recordFailure(em: EntityManager, email: string, now: Date): Promise<void> {
    await em.execute(
      `insert into login_throttle (email, failures, last_failure_at) values (?, 1, ?)
       on conflict (email) do update set failures = login_throttle.failures + 1, last_failure_at = excluded.last_failure_at`,
      [email, now],
    );
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.users.hashPassword('not-a-password-of-anyone');
    return this.dummyHash;
  }
}
