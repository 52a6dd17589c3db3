import { isIPv6 } from 'node:net';
import type { RateLimitRule, RateLimitService } from '../modules/rate-limits/index.js';
import { TooManyRequestsError } from '../errors.js';
import type { ApiContext } from './request-context.js';

/**
 * One rule applied to the caller's address, counted in the database (shared by every replica):
 * over the limit is TOO_MANY_REQUESTS with the seconds to wait.
 */
export class RateLimiter {
  constructor(
    private readonly limits: RateLimitService,
    private readonly rule: RateLimitRule,
  ) {}

  async check(ctx: ApiContext): Promise<void> {
    const wait = await this.limits.hit(ctx.em, this.rule, addressKey(ctx.clientAddress), ctx.now);
    if (wait > 0) throw new TooManyRequestsError(wait);
  }
}

/**
 * The bucket of an address: an IPv4 address itself, an IPv6 address by its /64 (one host or
 * subscriber usually holds a whole /64, and could otherwise take a fresh address per request).
 */
export function addressKey(address: string): string {
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
