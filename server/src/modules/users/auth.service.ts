import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@complaints/domain';
import type { Actor, AuthProblem, RequestCtx } from '../../context.js';
import { TooManyRequestsError, UnauthenticatedError } from '../../errors.js';
import type { SigningKey } from './signing-key.js';
import type { User } from './user.entity.js';
import type { UserService } from './user.service.js';

export interface AuthPayload {
  token: string;
  role: Role;
  displayName: string;
}

/** A login attempt: the request, and the address it came from (a trusted proxy's word for it). */
export type LoginCtx = RequestCtx & { clientAddress: string };

/** A token is valid this long; then the admin asks to log in again. */
export const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;
/** Who issues the tokens and who accepts them: a token minted for anything else is refused. */
export const TOKEN_ISSUER = 'complaints-server';
export const TOKEN_AUDIENCE = 'complaints-api';
/** Replicas' clocks may differ this much; an `iat` further in the future is refused. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** Verified tokens remembered per process: one entry per active session, bounded. */
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * A budget of login attempts per key: `free` attempts, then each further one waits twice as long
 * as the last (at most `MAX_DELAY_SECONDS`) after the one before it.
 */
interface AttemptBudget {
  free: number;
}
/** One source guessing one email's password: the owner elsewhere is not slowed by it. */
const PER_EMAIL_AND_ADDRESS: AttemptBudget = { free: 3 };
/** One source guessing across emails; generous, as an office behind one NAT shares it. */
const PER_ADDRESS: AttemptBudget = { free: 20 };
const MAX_DELAY_SECONDS = 300;
/** A key with no counted attempt for this long starts again from nothing. */
const FORGET_AFTER_MS = 15 * 60 * 1000;
/** Forgotten counters are swept at most this often per process. */
const PRUNE_EVERY_MS = 60 * 1000;

export class AuthService {
  private readonly key: Uint8Array;
  /** Where the signing key came from (`JWT_SECRET` or its file), for the start-up log. */
  readonly keySource: string;
  /** Verified when the email is unknown, so both failures cost one argon2 verification. */
  private dummyHash: Promise<string> | null = null;
  private prunedAt = 0;
  /** Tokens whose signature was checked, with when they stop being valid (bounded). */
  private readonly verifiedTokens = new Map<
    string,
    { payload: JWTPayload; validUntilSeconds: number }
  >();

  constructor(
    private readonly users: UserService,
    signingKey: SigningKey,
  ) {
    this.key = signingKey.secret;
    this.keySource = signingKey.source;
  }

  /**
   * A wrong password and an unknown email get the same answer after the same work; a deactivated
   * user cannot log in. Each attempt takes a slot from its (email, address) and its address
   * budgets before the password is checked, atomically, so parallel guesses get no more checks
   * than sequential ones, and a guesser elsewhere never locks the owner out.
   */
  async login(ctx: LoginCtx, email: string, password: string): Promise<AuthPayload> {
    const normalized = email.trim().toLowerCase();
    const em = ctx.em.fork();
    const address = ctx.clientAddress;
    const pairKey = `pair|${address}|${normalized}`;
    const addressKey = `address|${address}`;
    await this.pruneNowAndThen(em, ctx.now);
    await this.takeAttempt(em, pairKey, PER_EMAIL_AND_ADDRESS, ctx.now);
    await this.takeAttempt(em, addressKey, PER_ADDRESS, ctx.now);
    const user = await this.users.findByEmail(em, normalized);
    const hash = user?.passwordHash ?? (await this.dummy());
    const matches = await this.users.verifyPassword(hash, password).catch(() => false);
    if (!user || !matches || !user.active) {
      throw new UnauthenticatedError('Invalid email or password');
    }
    // The owner got in: their own guesses are forgiven, and their attempt leaves the address's budget.
    await em.execute('delete from login_throttle where email = ?', [pairKey]);
    await em.execute(
      'update login_throttle set failures = greatest(failures - 1, 0) where email = ?',
      [addressKey],
    );
    return {
      token: await this.issueToken(user, ctx.now),
      role: user.role,
      displayName: user.displayName,
    };
  }

  async issueToken(user: Pick<User, 'id' | 'tokenVersion'>, now: Date): Promise<string> {
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({ ver: user.tokenVersion })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(user.id)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
      .sign(this.key);
  }

  /**
   * The actor behind a bearer token. The user's row is read on every request, so a deactivation
   * takes effect at once, and a token older than the user's last password reset, role change or
   * deactivation (a lower token version) is refused.
   */
  async actorFromToken(
    em: EntityManager,
    token: string,
  ): Promise<{ actor: Actor } | { problem: AuthProblem }> {
    const verified = await this.verifiedPayload(token);
    if ('problem' in verified) return verified;
    const { payload } = verified;
    const version = payload.ver;
    if (typeof payload.sub !== 'string' || !Number.isSafeInteger(version)) {
      return { problem: 'invalid' };
    }
    const user = await this.users.findActorRow(em, payload.sub);
    if (!user) return { problem: 'invalid' };
    if (!user.active) return { problem: 'deactivated' };
    if (user.token_version !== version) return { problem: 'revoked' };
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

  /**
   * The token's claims once its signature, issuer, audience and times are checked. A token seen
   * before skips the signature (it cannot have changed) but not its times: every request still
   * meets its expiry, and the user row is still read, so a deactivation or a revocation is seen
   * at once.
   */
  private async verifiedPayload(
    token: string,
  ): Promise<{ payload: JWTPayload } | { problem: AuthProblem }> {
    const nowSeconds = Date.now() / 1000;
    const known = this.verifiedTokens.get(token);
    if (known) {
      if (nowSeconds <= known.validUntilSeconds) return { payload: known.payload };
      this.verifiedTokens.delete(token);
      return { problem: 'expired' };
    }
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        requiredClaims: ['exp', 'iat', 'sub', 'ver'],
        // Also refuses an `iat` in the future, and any token older than a session may be.
        maxTokenAge: TOKEN_LIFETIME_SECONDS,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      const code = (error as { code?: string }).code;
      return { problem: code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid' };
    }
    // Required above, so both are numbers: the earlier of expiry and the session's end.
    const validUntilSeconds =
      Math.min(payload.exp!, payload.iat! + TOKEN_LIFETIME_SECONDS) + CLOCK_TOLERANCE_SECONDS;
    if (this.verifiedTokens.size >= MAX_VERIFIED_TOKENS) {
      // The oldest entry goes first (a Map keeps insertion order).
      this.verifiedTokens.delete(this.verifiedTokens.keys().next().value!);
    }
    this.verifiedTokens.set(token, { payload, validUntilSeconds });
    return { payload };
  }

  /**
   * Counts an attempt against `key`, or refuses it: one upsert, so that of any number of parallel
   * attempts only as many pass as the budget has slots (the row lock orders them, and each sees
   * the count the one before left). Refused attempts are not counted: they cost nothing to check.
   */
  private async takeAttempt(
    em: EntityManager,
    key: string,
    budget: AttemptBudget,
    now: Date,
  ): Promise<void> {
    const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
    const taken = await em.execute<{ failures: number }[]>(
      `insert into login_throttle (email, failures, last_failure_at) values (?, 1, ?)
       on conflict (email) do update set
         failures = case when login_throttle.last_failure_at <= ? then 1
                         else login_throttle.failures + 1 end,
         last_failure_at = excluded.last_failure_at
       where login_throttle.last_failure_at <= ?
          or login_throttle.failures < ?
          or login_throttle.last_failure_at
             + make_interval(secs => least(power(2, least(login_throttle.failures - ? + 1, 20)), ?))
             <= excluded.last_failure_at
       returning failures`,
      [key, now, forgetBefore, forgetBefore, budget.free, budget.free, MAX_DELAY_SECONDS],
    );
    if (taken.length > 0) return;
    const [row] = await em.execute<{ failures: number; last_failure_at: Date | string }[]>(
      'select failures, last_failure_at from login_throttle where email = ?',
      [key],
    );
    const waitUntil = row
      ? new Date(row.last_failure_at).getTime() + delaySeconds(row.failures, budget) * 1000
      : now.getTime();
    throw new TooManyRequestsError(Math.max(1, Math.ceil((waitUntil - now.getTime()) / 1000)));
  }

  private async pruneNowAndThen(em: EntityManager, now: Date): Promise<void> {
    if (now.getTime() - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now.getTime();
    await em.execute('delete from login_throttle where last_failure_at < ?', [
      new Date(now.getTime() - FORGET_AFTER_MS),
    ]);
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= this.users.hashPassword('not-a-password-of-anyone');
    return this.dummyHash;
  }
}

/** The wait after `attempts` counted attempts: none within the free ones, then 2 s, 4 s, 8 s… */
function delaySeconds(attempts: number, budget: AttemptBudget): number {
  if (attempts < budget.free) return 0;
  return Math.min(2 ** Math.min(attempts - budget.free + 1, 20), MAX_DELAY_SECONDS);
}
