import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { ApiContext } from './graphql/loaders.js';

export const MAX_BODY_BYTES = 1_000_000;
/** Operations in one batched request, at most. */
export const MAX_BATCH_SIZE = 10;

export interface HttpHandlers {
  apollo: ApolloServer<ApiContext>;
  createContext(req: IncomingMessage): Promise<ApiContext>;
  ready(): Promise<boolean>;
  adminDir: string;
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

/** `/graphql`, `/healthz`, `/readyz`, and the admin SPA at `/`: plain Node HTTP, no framework. */
export function createHttpServer(handlers: HttpHandlers): Server {
  return createServer((req, res) => {
    handle(handlers, req, res).catch((error: unknown) => {
      console.error('request failed', error);
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal server error');
      else res.destroy();
    });
  });
}

async function handle(handlers: HttpHandlers, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/healthz') return send(res, 200, 'application/json', '{"status":"ok"}');
  if (url.pathname === '/readyz') {
    const ready = await handlers.ready().catch(() => false);
    return send(
      res,
      ready ? 200 : 503,
      'application/json',
      JSON.stringify({ status: ready ? 'ready' : 'database unavailable' }),
    );
  }
  if (url.pathname === '/graphql') return graphql(handlers, req, res, url);
  return serveAdmin(handlers.adminDir, url.pathname, res);
}

async function graphql(
  handlers: HttpHandlers,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
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
    context: () => handlers.createContext(req),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
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

function serveAdmin(adminDir: string, pathname: string, res: ServerResponse): void {
  const requested = normalize(join(adminDir, decodeURIComponent(pathname)));
  const inside = requested.startsWith(adminDir);
  const file =
    inside && existsSync(requested) && statSync(requested).isFile()
      ? requested
      : join(adminDir, 'index.html');
  if (!existsSync(file)) {
    return send(res, 404, 'text/plain; charset=utf-8', 'The admin app is not built (pnpm build).');
  }
  const immutable = file.includes(`${join(adminDir, 'assets')}`);
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  createReadStream(file).pipe(res);
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}
