import type { IncomingMessage } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parseLanguage } from '@complaints/domain';
import type { RequestCtx } from '../context.js';
import type { Services } from '../services.js';
import { createLoaders, type ApiContext } from './loaders.js';

/**
 * A fresh unit of work, clock reading and set of loaders for every request; the actor comes from
 * the bearer token (a refused token leaves no actor, and says why when one is needed).
 */
export async function createApiContext(
  orm: MikroORM,
  services: Services,
  req: IncomingMessage,
): Promise<ApiContext> {
  const acceptLanguage = req.headers['accept-language'];
  const ctx: RequestCtx = {
    em: orm.em.fork(),
    actor: null,
    now: new Date(),
    language: parseLanguage(typeof acceptLanguage === 'string' ? acceptLanguage : undefined),
    authProblem: null,
  };
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (token) {
    const result = await services.auth.actorFromToken(ctx.em, token);
    if ('actor' in result) ctx.actor = result.actor;
    else ctx.authProblem = result.problem;
  }
  return {
    ...ctx,
    loaders: createLoaders(ctx, services),
    clientAddress: req.socket.remoteAddress ?? 'unknown',
  };
}
