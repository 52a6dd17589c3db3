// This service, as production runs it: createApp from the build, NODE_ENV=production.
import { createWriteStream } from 'node:fs';
import { createApp } from '../../../../server/dist/app.js';
import { loadConfig } from '../../../../server/dist/config.js';

export async function start({ databaseUrl, poolSize, jwtSecret }) {
  const app = await createApp(
    loadConfig({
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(poolSize),
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SEED_DEMO: '0',
      JWT_SECRET: jwtSecret,
      // A replica that serves requests only: the job workers' polling is not part of a page.
      WORKERS: '0',
    }),
    // The request log is written, as in production, but not onto the benchmark's own output.
    { logDestination: createWriteStream('/dev/null') },
  );
  return { url: `http://127.0.0.1:${app.port}/graphql`, stop: () => app.stop() };
}
