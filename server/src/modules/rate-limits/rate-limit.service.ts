import type { EntityManager } from '@mikro-orm/postgresql';

/** A named limit: at most `limit` hits per key in a fixed window of `windowMs`. */
export interface RateLimitRule {
  bucket: string;
  limit: number;
  windowMs: number;
}

/** Expired rows are swept at most this often per bucket and process. */
const PRUNE_EVERY_MS = 60_000;

/**
 * Fixed-window counters kept in the `rate_limit` table, so that every replica counts the same
 * hits. Each hit is one atomic upsert on the pool (never inside a caller's transaction: a
 * rollback must not give tries back, and the row lock must not be held for a whole request).
 */
export class RateLimitService {
  private readonly prunedAt = new Map<string, number>();

  /** Counts a hit of `key`; returns the seconds to wait when it is over the limit, else 0. */
  async hit(em: EntityManager, rule: RateLimitRule, key: string, now: Date): Promise<number> {
    const expiredBefore = new Date(now.getTime() - rule.windowMs);
    // A window that has run out starts again at this hit; hits stop counting past limit + 1.
    const row = await em.getConnection('write').execute<{ hits: number; started: Date | string }>(
      `insert into rate_limit (bucket, key, window_started_at, hits) values (?, ?, ?, 1)
       on conflict (bucket, key) do update set
         hits = case when rate_limit.window_started_at <= ? then 1
                     else least(rate_limit.hits + 1, ?) end,
         window_started_at = case when rate_limit.window_started_at <= ?
                                  then excluded.window_started_at
                                  else rate_limit.window_started_at end
       returning hits, window_started_at as started`,
      [rule.bucket, key, now, expiredBefore, rule.limit + 1, expiredBefore],
      'get',
    );
    await this.pruneNowAndThen(em, rule, now, expiredBefore);
    if (row.hits <= rule.limit) return 0;
    const endsAt = new Date(row.started).getTime() + rule.windowMs;
    return Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000));
  }

  private async pruneNowAndThen(
    em: EntityManager,
    rule: RateLimitRule,
    now: Date,
    expiredBefore: Date,
  ): Promise<void> {
    const last = this.prunedAt.get(rule.bucket);
    if (last !== undefined && now.getTime() - last < PRUNE_EVERY_MS) return;
    this.prunedAt.set(rule.bucket, now.getTime());
    await em
      .getConnection('write')
      .execute('delete from rate_limit where bucket = ? and window_started_at < ?', [
        rule.bucket,
        expiredBefore,
      ]);
  }
}
