import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import {
  ApolloGateway,
  RemoteGraphQLDataSource,
  type GraphQLDataSource,
  type GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { gql } from 'graphql-tag';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/**
 * Scale-out for real: the built server (`server/dist/main.js`) as separate processes on one
 * database, `@apollo/gateway` spreading requests over them, and a real SMTP server that can hold
 * a replica's messages unanswered. Every process started here is killed by `stopAll()`.
 */

export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A port nobody listens on now (listened on with port 0, closed, handed out). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Polls `read` until `done` holds; throws with `what` (and the last value) after `timeoutMs`. */
export async function until<T>(
  what: string,
  read: () => Promise<T> | T,
  done: (value: T) => boolean,
  timeoutMs: number,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(value)}`,
      );
    }
    await sleep(everyMs);
  }
}

function describe(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

// ---------------------------------------------------------------------------------------------
// Replicas: `node server/dist/main.js`

export interface Replica {
  name: string;
  url: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 200 of `/readyz`. */
  readyInMs: number;
  /** What the process wrote to stdout and stderr (the last 64 KB). */
  output(): string;
  alive(): boolean;
  /** Sends `signal` and resolves with how the process ended. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const OUTPUT_LIMIT = 64 * 1024;

export class ReplicaSet {
  private readonly started: Replica[] = [];
  private readonly killAtExit = () => {
    for (const replica of this.started) if (replica.alive()) replica.child.kill('SIGKILL');
  };

  constructor(private readonly common: Record<string, string>) {
    // Whatever happens to the test process, no replica outlives it.
    process.once('exit', this.killAtExit);
  }

  get all(): readonly Replica[] {
    return this.started;
  }

  /** Starts one replica and resolves once `GET /readyz` answers 200. */
  async start(name: string, env: Record<string, string>, timeoutMs = 120_000): Promise<Replica> {
    if (!existsSync(`${repositoryRoot}/server/dist/main.js`)) {
      throw new Error('server/dist/main.js is missing: run `npx pnpm build` first');
    }
    // The free port may be taken between its discovery and the server's listen: try another.
    for (let attempt = 1; ; attempt += 1) {
      const spawned = Date.now();
      const replica = this.spawn(name, env, await freePort());
      try {
        await this.ready(replica, timeoutMs);
        replica.readyInMs = Date.now() - spawned;
        return replica;
      } catch (error) {
        if (attempt < 3 && /port is already in use/.test(replica.output())) continue;
        throw error;
      }
    }
  }

  private spawn(name: string, env: Record<string, string>, port: number): Replica {
    const child = spawn(process.execPath, ['server/dist/main.js'], {
      cwd: repositoryRoot,
      // Only what the replica is given: not the test runner's NODE_ENV or VITEST variables.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        ...this.common,
        ...env,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.length > OUTPUT_LIMIT) output = output.slice(-OUTPUT_LIMIT);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const replica: Replica = {
      name,
      url: `http://127.0.0.1:${port}`,
      child,
      readyInMs: 0,
      output: () => output,
      alive: () => child.exitCode === null && child.signalCode === null,
      kill(signal) {
        if (replica.alive()) child.kill(signal);
        return exited;
      },
    };
    this.started.push(replica);
    return replica;
  }

  private async ready(replica: Replica, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!replica.alive()) {
        throw new Error(
          `replica ${replica.name} stopped before it was ready:\n${replica.output()}`,
        );
      }
      const ok = await fetch(`${replica.url}/readyz`, { signal: AbortSignal.timeout(5_000) })
        .then((response) => response.ok)
        .catch(() => false);
      if (ok) return;
      if (Date.now() > deadline) {
        await replica.kill('SIGKILL');
        throw new Error(
          `replica ${replica.name} not ready in ${timeoutMs} ms:\n${replica.output()}`,
        );
      }
      await sleep(200);
    }
  }

  /** Stops every replica still running: SIGTERM, then SIGKILL after `graceMs`. */
  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all(
      this.started.map(async (replica) => {
        if (!replica.alive()) return;
        const ended = replica.kill('SIGTERM');
        const timer = setTimeout(() => replica.child.kill('SIGKILL'), graceMs);
        await ended;
        clearTimeout(timer);
      }),
    );
    process.removeListener('exit', this.killAtExit);
  }
}

// ---------------------------------------------------------------------------------------------
// The gateway: one subgraph, served by several replicas in turn

type GatewayContext = { authorization?: string };

/** One replica as the gateway sees it. */
export interface Route {
  url: string;
  /** Refused a connection: no longer tried. */
  down: boolean;
  /** Operations it answered. */
  served: number;
  /** Operations sent to it and not answered yet. */
  inFlight: number;
}

export interface Gateway {
  url: string;
  routes: Route[];
  /** Operations sent again to the next replica after a connection failure, by error code. */
  retries: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * Connection errors that mean "this replica is gone". ECONNREFUSED: nothing reached it, so sending
 * the operation elsewhere is safe. ECONNRESET/EPIPE: the replica died with the operation in flight;
 * it may have committed before dying, so a retry can file a second complaint (counted by the test).
 */
const CONNECTION_FAILURES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE']);

function connectionFailure(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && CONNECTION_FAILURES.has(code) ? code : null;
}

/**
 * The subgraph's data source: each operation goes to the next live replica (round robin); one
 * whose replica fails to answer at the connection level goes to the next, and a replica that
 * refuses connections is taken out of the rotation.
 */
class ReplicatedDataSource implements GraphQLDataSource<GatewayContext> {
  private next = 0;
  private readonly sources: Map<Route, RemoteGraphQLDataSource<GatewayContext>>;

  constructor(
    private readonly routes: Route[],
    private readonly retries: Record<string, number>,
    gatewaySecret: string,
  ) {
    this.sources = new Map(
      routes.map((route) => [
        route,
        new RemoteGraphQLDataSource<GatewayContext>({
          url: `${route.url}/graphql`,
          willSendRequest(options) {
            options.request.http?.headers.set('x-gateway-secret', gatewaySecret);
            // The caller's token goes to the subgraph, which applies its own access rules.
            if (!('incomingRequestContext' in options)) return;
            const { authorization } = options.context;
            if (authorization) options.request.http?.headers.set('authorization', authorization);
          },
        }),
      ]),
    );
  }

  private pick(tried: Set<Route>): Route | null {
    for (let i = 0; i < this.routes.length; i += 1) {
      const route = this.routes[(this.next + i) % this.routes.length]!;
      if (!route.down && !tried.has(route)) {
        this.next = (this.next + i + 1) % this.routes.length;
        return route;
      }
    }
    return null;
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const tried = new Set<Route>();
    let lastError: unknown = new Error('no replica is up');
    for (;;) {
      const route = this.pick(tried);
      if (!route) throw lastError;
      tried.add(route);
      route.inFlight += 1;
      try {
        const response = await this.sources.get(route)!.process(options);
        route.served += 1;
        return response;
      } catch (error) {
        const code = connectionFailure(error);
        if (!code) throw error;
        if (code === 'ECONNREFUSED') route.down = true;
        this.retries[code] = (this.retries[code] ?? 0) + 1;
        lastError = error;
      } finally {
        route.inFlight -= 1;
      }
    }
  }
}

/** `@apollo/gateway` composing `schema/complaints.graphql`, served by `replicaUrls` in turn. */
export async function startGateway(
  sdl: string,
  replicaUrls: string[],
  gatewaySecret: string,
): Promise<Gateway> {
  const composed = composeServices([
    { name: 'complaints', url: `${replicaUrls[0]}/graphql`, typeDefs: gql(sdl) },
  ]);
  if (composed.errors) {
    throw new Error(`composition failed:\n${composed.errors.map((e) => e.message).join('\n')}`);
  }
  const routes: Route[] = replicaUrls.map((url) => ({ url, down: false, served: 0, inFlight: 0 }));
  const retries: Record<string, number> = {};
  const dataSource = new ReplicatedDataSource(routes, retries, gatewaySecret);
  const server = new ApolloServer<GatewayContext>({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: () => dataSource,
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: ({ req }) => Promise.resolve({ authorization: req.headers.authorization }),
  });
  return { url: url.replace(/\/$/, ''), routes, retries, stop: () => server.stop() };
}

// ---------------------------------------------------------------------------------------------
// The SMTP server

export interface SmtpMessage {
  /** The Message-ID header: `<notice-<id>@complaints>` for a notice. */
  messageId: string;
  /** The envelope sender: each replica has its own SMTP_FROM. */
  from: string;
  at: number;
}

/**
 * A real SMTP server on 127.0.0.1. A message counts as accepted only once its DATA was answered
 * 250. `hold(from)` keeps the DATA of matching messages unanswered for as long as the client stays
 * connected (a client that dies leaves it unaccepted); `closeGate()` keeps every answer waiting
 * until `openGate()`.
 */
export class SmtpSink {
  /** Every message whose DATA arrived, answered or not. */
  readonly received: SmtpMessage[] = [];
  /** Messages answered 250. */
  readonly accepted: SmtpMessage[] = [];
  /** Held messages whose client went away before an answer. */
  readonly dropped: SmtpMessage[] = [];
  /** Held now, by SMTP session. */
  readonly held = new Map<string, SmtpMessage>();
  hold: (from: string) => boolean = () => false;
  private gate: Promise<void> | null = null;
  private openGateNow: () => void = () => undefined;
  readonly errors: Error[] = [];
  private readonly server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onData: (stream, session, callback) => {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          const headers = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
          const message: SmtpMessage = {
            messageId: /^Message-ID:\s*(\S+)/im.exec(headers)?.[1] ?? '(none)',
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            at: Date.now(),
          };
          this.received.push(message);
          if (this.hold(message.from)) {
            // Never answered: the client waits until it dies (see onClose).
            this.held.set(session.id, message);
            return;
          }
          void (this.gate ?? Promise.resolve()).then(() => {
            this.accepted.push({ ...message, at: Date.now() });
            callback();
          });
        });
      },
      onClose: (session: SMTPServerSession) => {
        const message = this.held.get(session.id);
        if (message) {
          this.held.delete(session.id);
          this.dropped.push(message);
        }
      },
    });
    // A client killed mid-session resets its connection: that is expected here, not a crash.
    this.server.on('error', (error: Error) => this.errors.push(error));
  }

  async listen(): Promise<void> {
    this.server.listen(0, '127.0.0.1');
    await once(this.server.server, 'listening');
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  closeGate(): void {
    this.gate = new Promise<void>((resolve) => (this.openGateNow = resolve));
  }

  openGate(): void {
    this.openGateNow();
    this.gate = null;
  }

  /** Messages by Message-ID: how many times each arrived and was accepted, and from whom. */
  count(list: readonly SmtpMessage[], messageId: string): number {
    return list.filter((m) => m.messageId === messageId).length;
  }

  close(): Promise<void> {
    this.openGate();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The Message-ID the server gives the email of a notice. */
export const noticeMessageId = (noticeId: string) => `<notice-${noticeId}@complaints>`;
