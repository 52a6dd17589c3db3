import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { ReflectMetadataProvider } from '@mikro-orm/decorators/legacy';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.js';
import { join } from 'node:path';
import { repositoryRoot } from '../config.js';
import { migrationsList } from './migrations/index.js';

/** Generated migrations and their snapshot are committed here (never written at run time). */
export const migrationsSourceDir = join(repositoryRoot, 'server/src/db/migrations');

/** One configuration for every PostgreSQL: the embedded one only differs by its URL. */
export interface OrmOptions {
  /** Sees every SQL statement the ORM sends, with its values (tests count and explain them). */
  onQuery?: (sql: string, params: readonly unknown[]) => void;
}

export function ormConfig(clientUrl: string, poolSize: number, options: OrmOptions = {}): Options {
  const { onQuery } = options;
  return defineConfig({
    ...(onQuery
      ? {
          onQuery: (sql: string, params: readonly unknown[]) => {
            onQuery(sql, params);
            return sql;
          },
        }
      : {}),
    clientUrl,
    entities,
    metadataProvider: ReflectMetadataProvider,
    extensions: [Migrator],
    pool: { min: 0, max: poolSize },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: migrationsSourceDir,
      pathTs: migrationsSourceDir,
      migrationsList,
      snapshot: true,
      snapshotOnMigrate: false,
      emit: 'ts',
      silent: true,
    },
    // Dates of the calendar stay 'YYYY-MM-DD' strings: no timezone can shift them.
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
  });
}
