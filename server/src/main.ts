import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_USERS } from './db/seed/demo-seed.js';
import { loggedError } from './observability/logger.js';

try {
  const config = loadConfig();
  const started = Date.now();
  const app = await createApp(config);
  const database = config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `embedded PGlite in ${config.dataDir}`;
  console.log(`Complaints service ready in ${Date.now() - started} ms on ${database}`);
  console.log(`  Admin:   ${app.url}/`);
  console.log(`  GraphQL: ${app.url}/graphql`);
  // Which key signs the sessions: JWT_SECRET, or the file kept with the data.
  console.log(`  Token signing key: ${app.services.auth.keySource}`);
  if (app.seeded) console.log('  Demo data seeded.');
  if (config.seedDemo) {
    console.log(`  Demo logins (password "${config.demoPassword}"):`);
    for (const user of DEMO_USERS) console.log(`    ${user.email.padEnd(22)} ${user.role}`);
  }
  // Graceful: drain the requests in flight (at most SHUTDOWN_TIMEOUT_MS), run the shutdown
  // steps, close Apollo and the database, exit 0. A second signal ends the process at once.
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) {
      app.logger.warn({ signal }, 'second signal: exiting without finishing');
      process.exit(1);
    }
    stopping = true;
    app.logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    app.shutdown().then(
      () => {
        app.logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        app.logger.error({ error: loggedError(error) }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Cannot start: ${error.message}`);
  } else if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE') {
    console.error(`Cannot start: PORT: the port is already in use`);
  } else {
    console.error('Cannot start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
