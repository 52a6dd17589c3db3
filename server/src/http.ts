import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { ApiContext } from './graphql/request-context.js';
import {
  cameOverTls,
  clientAddressOf,
  trustedProxies,
  type RequestEdge,
} from './graphql/request-context.js';
import { loggedError, type Logger } from './observability/logger.js';
import { scrapeAccess, type Metrics } from './observability/metrics.js';
import { logRequest } from './observability/request-log.js';
import {
  newRequestRecord,
  observeContext,
  type RequestRecord,
} from './observability/request-record.js';

export const MAX_BODY_BYTES = 1_000_000;
/** Operations in one batched request, at most. */
export const MAX_BATCH_SIZE = 10;

export interface HttpHandlers {
  apollo: ApolloServer<ApiContext>;
  createContext(req: IncomingMessage, edge: RequestEdge): Promise<ApiContext>;
  ready(): Promise<boolean>;
  adminDir: string;
  production: boolean;
  /** Reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed. */
  trustProxy: readonly string[];
  /** `Strict-Transport-Security` max-age for requests that came over TLS; 0 sends none. */
  hstsMaxAgeSeconds: number;
  /** One line per request, and whatever went wrong unexpectedly. */
  logger: Logger;
  metrics: Metrics;
  /** `METRICS_TOKEN`; null lets only the machine itself read `/metrics`. */
  metricsToken: string | null;
  /** True while a graceful shutdown drains: `/readyz` answers 503. */
  draining(): boolean;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The API answers data, never a page: nothing may load from it or frame it. */
const API_CSP = "default-src 'none'; frame-ancestors 'none'";
/**
 * The admin SPA: its own scripts and styles only (Vue and ECharts set styles through the CSSOM,
 * which `style-src` does not govern), data: images (ECharts' SVG export), the API on this origin.
 */
const SPA_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
/** Apollo's sandbox page (development only) loads its scripts and frame from Apollo's CDN. */
const LANDING_PAGE_CSP = "frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * `/graphql`, `/healthz`, `/readyz`, `/metrics`, and the admin SPA at `/`: plain Node HTTP, no
 * framework. Every request is logged in one line and counted when its answer is done.
 */
export function createHttpServer(handlers: HttpHandlers): Server {
  const trusted = trustedProxies(handlers.trustProxy);
  return createServer((req, res) => {
    const started = performance.now();
    const offered = req.headers['x-request-id'];
    const edge: RequestEdge = {
      requestId: typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID(),
      clientAddress: clientAddressOf(req, trusted),
    };
    const record = newRequestRecord(edge.requestId);
    res.once('close', () => {
      const end = {
        method: req.method ?? 'GET',
        status: res.statusCode,
        seconds: (performance.now() - started) / 1000,
        aborted: !res.writableFinished,
      };
      logRequest(handlers.logger, record, end);
      handlers.metrics.countRequest(record, end);
    });
    res.setHeader('x-request-id', edge.requestId);
    res.setHeader('content-security-policy', API_CSP);
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('x-frame-options', 'DENY');
    res.setHeader('x-content-type-options', 'nosniff');
    if (handlers.hstsMaxAgeSeconds > 0 && cameOverTls(req, trusted)) {
      res.setHeader(
        'strict-transport-security',
        `max-age=${handlers.hstsMaxAgeSeconds}; includeSubDomains`,
      );
    }
    handle(handlers, req, res, edge, record).catch((error: unknown) => {
      // Only the log learns what went wrong; the client gets the request id to quote.
      handlers.logger.error(
        { requestId: edge.requestId, error: loggedError(error) },
        'request failed',
      );
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal server error');
      else res.destroy();
    });
  });
}

async function handle(
  handlers: HttpHandlers,
  req: IncomingMessage,
  res: ServerResponse,
  edge: RequestEdge,
  record: RequestRecord,
): Promise<void> {
  const url = parseUrl(req.url);
  if (url === null) return badRequest(res);
  if (url.pathname === '/healthz') {
    record.route = '/healthz';
    return send(res, 200, 'application/json', '{"status":"ok"}');
  }
  if (url.pathname === '/readyz') {
    record.route = '/readyz';
    // Draining: the load balancer should send new work elsewhere; the database is not asked.
    const status = handlers.draining()
      ? 'draining'
      : (await handlers.ready().catch(() => false))
        ? 'ready'
        : 'database unavailable';
    return send(
      res,
      status === 'ready' ? 200 : 503,
      'application/json',
      JSON.stringify({ status }),
    );
  }
  if (url.pathname === '/metrics') {
    record.route = '/metrics';
    return metrics(handlers, req, res, edge);
  }
  if (url.pathname === '/graphql') {
    record.route = '/graphql';
    return graphql(handlers, req, res, url, edge, record);
  }
  return serveAdmin(handlers.adminDir, url.pathname, res);
}

/** Prometheus' scrape: for the bearer of METRICS_TOKEN, or without one for this machine only. */
async function metrics(
  handlers: HttpHandlers,
  req: IncomingMessage,
  res: ServerResponse,
  edge: RequestEdge,
): Promise<void> {
  const access = scrapeAccess(req, edge.clientAddress, handlers.metricsToken);
  if (access === 'hidden') return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
  if (access === 'unauthorized') {
    res.setHeader('www-authenticate', 'Bearer realm="metrics"');
    return send(res, 401, 'text/plain; charset=utf-8', 'Unauthorized');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
  }
  const { contentType, body } = await handlers.metrics.scrape();
  res.setHeader('cache-control', 'no-store');
  return send(res, 200, contentType, body);
}

/** The request target as a URL, or null when it is not one. */
function parseUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://localhost');
  } catch {
    return null;
  }
}

async function graphql(
  handlers: HttpHandlers,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  edge: RequestEdge,
  record: RequestRecord,
): Promise<void> {
  const body = await readBody(req);
  if (body === null) {
    // The rest of the body is not read: close the connection rather than reuse it.
    res.setHeader('connection', 'close');
    return send(
      res,
      413,
      'application/json',
      JSON.stringify({
        errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }],
      }),
    );
  }
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let parsed: unknown = body;
  if (headers.get('content-type')?.startsWith('application/json') && body.length > 0) {
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(
        res,
        400,
        'application/json',
        JSON.stringify({
          errors: [{ message: 'Malformed JSON body', extensions: { code: 'BAD_REQUEST' } }],
        }),
      );
    }
  }
  if (Array.isArray(parsed) && parsed.length > MAX_BATCH_SIZE) {
    return send(
      res,
      400,
      'application/json',
      JSON.stringify({
        errors: [
          {
            message: `At most ${MAX_BATCH_SIZE} operations in one batch`,
            extensions: { code: 'BAD_REQUEST' },
          },
        ],
      }),
    );
  }
  const response = await handlers.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body: parsed },
    context: async () => observeContext(await handlers.createContext(req, edge), record),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  if (!handlers.production && response.headers.get('content-type')?.startsWith('text/html')) {
    res.setHeader('content-security-policy', LANDING_PAGE_CSP);
  }
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The body as text, or null when it is larger than MAX_BODY_BYTES. */
async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * A file of the built SPA, or its index.html for the SPA's own routes. The decoded path must
 * stay inside `adminDir`, also after symlinks are followed; anything else is refused.
 */
async function serveAdmin(adminDir: string, pathname: string, res: ServerResponse) {
  const root = resolve(adminDir);
  const decoded = decodePath(pathname);
  if (decoded === null) return badRequest(res);
  const requested = resolve(root, `.${decoded}`);
  if (!isInside(root, requested)) return badRequest(res);
  let file = join(root, 'index.html');
  if ((await stat(requested).catch(() => null))?.isFile()) {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(requested)]);
    if (!isInside(realRoot, realFile))
      return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    file = requested;
  }
  if (!(await stat(file).catch(() => null))?.isFile()) {
    return send(res, 404, 'text/plain; charset=utf-8', 'The admin app is not built (pnpm build).');
  }
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': isInside(join(root, 'assets'), file)
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'content-security-policy': SPA_CSP,
  });
  await pipeline(createReadStream(file), res);
}

/** The percent-decoded path, or null when it is malformed or holds a NUL byte. */
function decodePath(pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

function isInside(root: string, file: string): boolean {
  const path = relative(root, file);
  return path !== '..' && !path.startsWith(`..${sep}`) && !isAbsolute(path);
}

function badRequest(res: ServerResponse): void {
  send(res, 400, 'text/plain; charset=utf-8', 'Bad request');
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}
