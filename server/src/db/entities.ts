import { entitiesOf } from '../app-module.js';
import { appModules } from '../composition.js';

/** Every module's entities (composition.ts lists the modules). */
export const entities = entitiesOf(appModules);
