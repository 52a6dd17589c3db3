import { buildServices, type ConfigOf, type ServicesOf } from './app-module.js';
import { appModules } from './composition.js';

/** The stateless services, wired once per process; each request brings its own unit of work. */
export function createServices(config: ConfigOf<typeof appModules>): Services {
  return buildServices(appModules, config);
}

export type Services = ServicesOf<typeof appModules>;
