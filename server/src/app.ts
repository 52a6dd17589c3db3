import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config.js';
import { openDatabase } from './db/database.js';
import type { OrmOptions } from './db/orm-config.js';
import { seedDemoData } from './db/seed/demo-seed.js';
import { compiledExecutionGateway } from './graphql/compiled-execution.js';
import { createFormatError, unexpectedErrorLogPlugin } from './graphql/format-error.js';
import { inputGuardPlugin } from './graphql/input-guard.js';
import { gatewayGuardPlugin } from './graphql/gateway-guard.js';
import type { ApiContext } from './graphql/request-context.js';
import { queryLimitsPlugin, queryParseOptions } from './graphql/query-limits.js';
import { createApiContext } from './graphql/request-context.js';
import { createResolvers } from './graphql/resolvers.js';
import { buildComplaintsSchema } from './graphql/schema.js';
import { createHttpServer } from './http.js';
import { drainable, IDLE_GRACE_MS } from './lifecycle/drain.js';
import { registerComplaintGauges, registerJobGauges } from './observability/complaint-gauges.js';
import {
  createLogger,
  loggedError,
  type DestinationStream,
  type Logger,
} from './observability/logger.js';
import { createMetrics, type Metrics } from './observability/metrics.js';
import { requestObservationPlugin } from './observability/request-record.js';
import { createServices, type Services } from './services.js';
import { startJobWorkers, type JobWorkers } from './jobs/job-queue.js';
import { CRONTAB, jobTasks } from './jobs/tasks.js';

/** Work to finish before the database closes (job workers, say): awaited one after another. */
export type ShutdownStep = () => Promise<void> | void;

export interface App {
  url: string;
  port: number;
  orm: MikroORM;
  services: Services;
  /** Whether demo data was seeded at this start (the database was empty). */
  seeded: boolean;
  /** The JSON log: one line per request, unexpected errors, start and stop. */
  logger: Logger;
  /** `GET /metrics`; `registerGauge` adds a value computed at scrape time. */
  metrics: Pick<Metrics, 'registerGauge'>;
  /**
   * Adds a step to both ways of stopping, run in the order added, after the HTTP server has
   * drained and before Apollo and the database close.
   */
  onShutdown(step: ShutdownStep): void;
  /**
   * SIGTERM's way: `/readyz` answers 503, no new connections, requests in flight finish (at most
   * SHUTDOWN_TIMEOUT_MS), idle connections close; then the shutdown steps, Apollo, the database.
   * Rejects, after closing everything, when a step failed.
   */
  shutdown(): Promise<void>;
  /** The same without waiting for idle connections (tests); in-flight requests still finish. */
  stop(): Promise<void>;
}

/** What a test may add: the ORM's query hook, and where the JSON log goes (default stdout). */
export interface AppOptions extends OrmOptions {
  logDestination?: DestinationStream;
}

/** Opens the database (migrating it), seeds demo data if asked and empty, and listens. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<App> {
  const { logDestination, ...ormOptions } = options;
  const logger = createLogger(config.logLevel, logDestination);
  const database = await openDatabase(config, ormOptions);
  try {
    const services = createServices(config);
    await services.calendars.syncWorkingDayTable(database.orm.em.fork());
    const seeded = config.seedDemo
      ? await seedDemoData(database.orm, services, { demoPassword: config.demoPassword })
      : false;
    const resolvers = createResolvers(services);
    const schema = await buildComplaintsSchema(
      resolvers.classes,
      resolvers.container,
      resolvers.referenceResolvers,
    );
    const production = config.nodeEnv === 'production';
    const apollo = new ApolloServer<ApiContext>({
      gateway: compiledExecutionGateway(schema),
      // main.ts drains and stops on SIGTERM/SIGINT; Apollo's own handler would stop it mid-drain.
      stopOnTerminationSignals: false,
      // Bounds the document before graphql's own validation, whose cost grows faster than it.
      parseOptions: queryParseOptions,
      allowBatchedHttpRequests: true,
      introspection: !production,
      csrfPrevention: true,
      // What a user starts behaves like the product: no stack traces, SQL or driver messages;
      // details only for `pnpm dev` or EXPOSE_ERROR_DETAILS=1 (and always in the server's log).
      formatError: createFormatError(config.exposeErrorDetails),
      includeStacktraceInErrorResponses: config.exposeErrorDetails,
      // No "Did you mean …?" field suggestions that map the schema for a stranger.
      hideSchemaDetailsFromClientErrors: production,
      // Compact JSON: pretty-printing costs a few percent of every response.
      stringifyResult: (value) => JSON.stringify(value),
      plugins: [
        ApolloServerPluginInlineTraceDisabled(),
        // Control characters and oversized texts in any input: refused before anything executes.
        inputGuardPlugin(),
        requestObservationPlugin(),
        unexpectedErrorLogPlugin(logger),
        // Depth, cost and document limits, with the variables: refused before anything executes.
        queryLimitsPlugin(),
        // No HTTP caching of a case queue: the per-field cache-control bookkeeping is pure cost.
        ApolloServerPluginCacheControlDisabled(),
        ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
        gatewayGuardPlugin({ production, secret: config.gatewaySecret }),
      ],
    });
    await apollo.start();
    const metrics = createMetrics(logger);
    registerComplaintGauges(metrics, database.orm);
    registerJobGauges(metrics, database.orm);
    // Any number of replicas may run workers; WORKERS=0 keeps this one to requests.
    const workers: JobWorkers | null =
      config.workers > 0
        ? await startJobWorkers({
            connectionString: database.url,
            concurrency: config.workers,
            tasks: jobTasks(database.orm, services),
            crontab: CRONTAB,
            sharedSession: database.embedded,
            log: {
              error: (message, meta) => logger.error({ job: meta }, `job queue: ${message}`),
              warn: (message, meta) => logger.warn({ job: meta }, `job queue: ${message}`),
            },
          })
        : null;
    const server = createHttpServer({
      apollo,
      adminDir: config.adminDir,
      production,
      trustProxy: config.trustProxy,
      hstsMaxAgeSeconds: config.hstsMaxAgeSeconds,
      createContext: (req, edge) => createApiContext(database.orm, services, req, edge),
      ready: async () => (await database.orm.checkConnection()).ok,
      logger,
      metrics,
      metricsToken: config.metricsToken,
      draining: () => drain.draining,
    });
    const drain = drainable(server);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    // Jobs in hand finish (or are handed back) before the database closes.
    const steps: ShutdownStep[] = [
      async () => {
        await workers?.stop();
        services.noticeDelivery.close();
      },
    ];
    let stopped: Promise<void> | null = null;
    const stop = async (idleGraceMs: number) => {
      const { cut } = await drain.drain(config.shutdownTimeoutMs, idleGraceMs);
      if (cut > 0) logger.warn({ cut }, 'requests cut off at SHUTDOWN_TIMEOUT_MS');
      const failures: unknown[] = [];
      for (const step of steps) {
        try {
          await step();
        } catch (error) {
          failures.push(error);
          logger.error({ step: step.name, error: loggedError(error) }, 'shutdown step failed');
        }
      }
      await apollo.stop();
      await database.stop();
      if (failures.length > 0) throw new AggregateError(failures, 'a shutdown step failed');
    };
    return {
      url: `http://localhost:${port}`,
      port,
      orm: database.orm,
      services,
      seeded,
      logger,
      metrics,
      onShutdown(step) {
        steps.push(step);
      },
      shutdown: () => (stopped ??= stop(IDLE_GRACE_MS)),
      stop: () => (stopped ??= stop(0)),
    };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
