import { loadersOf, type LoadersOf } from '../app-module.js';
import type { RequestCtx } from '../context.js';
import { appModules } from '../composition.js';
import type { Services } from '../services.js';

/** One set per request: batches the N+1 of every nested field into one query each. */
export function createLoaders(ctx: RequestCtx, services: Services): Loaders {
  return loadersOf(appModules, ctx, services);
}

export type Loaders = LoadersOf<typeof appModules>;
