import { MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, assertWritableDirectory, type AppConfig } from '../config.js';
import { jobConnections, migrateJobQueue } from '../jobs/job-queue.js';
import { startEmbeddedDatabase } from './embedded.js';
import { unnamedStatementsOn } from './prepared.js';
import { ormConfig, type OrmOptions } from './orm-config.js';

export interface Database {
  orm: MikroORM;
  /** The URL the database answers on (the embedded one's loopback socket included). */
  url: string;
  /** true when running on the embedded PGlite in DATA_DIR. */
  embedded: boolean;
  stop(): Promise<void>;
}

type DatabaseSettings = Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'databasePoolSize'> &
  Partial<Pick<AppConfig, 'workers'>>;

/** Opens the configured database and applies pending migrations; never changes schema otherwise. */
export async function openDatabase(
  config: DatabaseSettings,
  options: OrmOptions = {},
): Promise<Database> {
  let stopEmbedded: (() => Promise<void>) | null = null;
  let url = config.databaseUrl;
  let variable = 'DATABASE_URL';
  if (url === null) {
    variable = 'DATA_DIR';
    assertWritableDirectory(config.dataDir, 'DATA_DIR');
    try {
      // Every socket the process opens: the ORM's pool, the job workers', and a migration's.
      const sockets = config.databasePoolSize + jobConnections(config.workers ?? 0) + 2;
      const embedded = await startEmbeddedDatabase(config.dataDir, sockets);
      url = embedded.url;
      stopEmbedded = () => embedded.stop();
    } catch (error) {
      throw new ConfigError(
        'DATA_DIR',
        `cannot open the embedded database in "${config.dataDir}": ${describe(error)}`,
      );
    }
  }
  const orm = new MikroORM(ormConfig(url, config.databasePoolSize, options));
  const stop = async () => {
    await orm.close(true);
    await stopEmbedded?.();
  };
  try {
    await orm.connect();
  } catch (error) {
    await stop();
    throw new ConfigError(variable, `cannot connect to the database: ${describe(error)}`);
  }
  if (stopEmbedded !== null) unnamedStatementsOn(await orm.em.getConnection().getNativeClient());
  const check = await orm.checkConnection();
  if (!check.ok) {
    await stop();
    throw new ConfigError(variable, `cannot connect to the database: ${check.reason}`);
  }
  try {
    await orm.migrator.up();
    await migrateJobQueue(url, consoleJobLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return { orm, url, embedded: stopEmbedded !== null, stop };
}

const consoleJobLog = {
  error: (message: string) => console.error(`job queue: ${message}`),
  warn: (message: string) => console.warn(`job queue: ${message}`),
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
