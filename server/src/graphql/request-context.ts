import type { IncomingHttpHeaders } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parseLanguage } from '@complaints/domain';
import type { RequestCtx } from '../context.js';

/** A fresh unit of work and a fresh clock reading for every request; nothing is shared. */
export function createRequestCtx(orm: MikroORM, headers: IncomingHttpHeaders): RequestCtx {
  const acceptLanguage = headers['accept-language'];
  return {
    em: orm.em.fork(),
    actor: null,
    now: new Date(),
    language: parseLanguage(typeof acceptLanguage === 'string' ? acceptLanguage : undefined),
  };
}
