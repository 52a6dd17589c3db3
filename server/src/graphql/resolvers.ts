import { resolversOf } from '../app-module.js';
import { appModules } from '../composition.js';
import type { Services } from '../services.js';

/** Every module's resolvers, built once with its services (type-graphql asks the container). */
export function createResolvers(services: Services) {
  return resolversOf(appModules, services);
}
