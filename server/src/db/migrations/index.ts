// Written by `pnpm migration:create`: the migrations in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261125153036_initial as M0 } from './Migration20261125153036_initial.js';

export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261125153036_initial', class: M0 },
];
