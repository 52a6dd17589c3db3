import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import {
  clientAddressOf,
  normaliseAddress,
  trustedProxies,
} from '../../src/graphql/request-context.js';
import { JWT_SECRET } from '../support/api.js';
import { createEmptyDatabase } from '../support/database.js';

/**
 * The HTTP edge: malformed targets are 400 (never 500, never a stack), static files stay inside
 * the SPA's folder, every answer carries a request id and the security headers, and HSTS is sent
 * only for requests that came over TLS.
 */

let database: Awaited<ReturnType<typeof createEmptyDatabase>>;
let root: string;
let adminDir: string;
/** Serves a built SPA from `adminDir` and sits behind a reverse proxy at 127.0.0.1. */
let behindProxy: App;
/** Faces clients directly: no proxy is trusted. */
let direct: App;
/** Outside production, where /graphql shows Apollo's sandbox page to a browser. */
let development: App;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'http-edge-'));
  adminDir = join(root, 'dist');
  mkdirSync(join(adminDir, 'assets'), { recursive: true });
  writeFileSync(join(adminDir, 'index.html'), '<!doctype html><title>SPA</title>');
  writeFileSync(join(adminDir, 'assets', 'app-1a2b.js'), 'console.log(1);');
  // A sibling whose name starts with the SPA folder's: a prefix check would serve it.
  mkdirSync(join(root, 'dist-evil'));
  writeFileSync(join(root, 'dist-evil', 'secret.txt'), 'SIBLING SECRET');
  writeFileSync(join(root, 'outside.txt'), 'OUTSIDE SECRET');
  symlinkSync(join(root, 'outside.txt'), join(adminDir, 'leak.txt'));
  database = await createEmptyDatabase();
  const env = {
    DATABASE_URL: database.url,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: '0',
    NODE_ENV: 'production',
    JWT_SECRET,
    LOG_LEVEL: 'silent',
  };
  behindProxy = await createApp({ ...loadConfig({ ...env, TRUST_PROXY: '127.0.0.1' }), adminDir });
  direct = await createApp({ ...loadConfig(env), adminDir });
  development = await createApp({ ...loadConfig({ ...env, NODE_ENV: 'test' }), adminDir });
});

afterAll(async () => {
  await Promise.all([behindProxy?.stop(), direct?.stop(), development?.stop()]);
  await database?.drop();
  if (root) rmSync(root, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request whose target goes on the wire exactly as written (fetch would normalise it). */
function raw(
  app: App,
  target: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: app.port,
        path: target,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const GRAPHQL = {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ providers { id } }' }),
};

describe('malformed requests', () => {
  it('Security: GET /%E0%A4%A (a malformed escape) is 400, not 500, with no stack or detail', async () => {
    const answer = await raw(direct, '/%E0%A4%A');
    expect(answer.status).toBe(400);
    expect(answer.body).toBe('Bad request');
    expect(answer.headers['x-request-id']).toBeTruthy();
  });

  it('Security: a NUL byte in the path is 400', async () => {
    expect((await raw(direct, '/assets/app-1a2b.js%00.html')).status).toBe(400);
  });

  it('Security: a request target that is no URL is 400', async () => {
    expect((await raw(direct, 'http://[not-a-host/')).status).toBe(400);
  });
});

describe('static files of the SPA', () => {
  it('Security: a sibling folder whose name starts with the SPA folder’s is not served', async () => {
    for (const target of ['/..%2Fdist-evil%2Fsecret.txt', '/%2E%2E%2Fdist-evil/secret.txt']) {
      const answer = await raw(direct, target);
      expect(answer.status).toBe(400);
      expect(answer.body).not.toContain('SIBLING SECRET');
    }
  });

  it('Security: a path climbing out of the SPA folder is refused', async () => {
    const answer = await raw(direct, '/..%2F..%2F..%2F..%2Fetc%2Fpasswd');
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain('root:');
  });

  it('Security: a symlink inside the SPA folder that points out of it is not followed', async () => {
    const answer = await raw(direct, '/leak.txt');
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain('OUTSIDE SECRET');
  });

  it('serves its own files, and index.html for its routes', async () => {
    const asset = await raw(direct, '/assets/app-1a2b.js');
    expect(asset.status).toBe(200);
    expect(asset.body).toBe('console.log(1);');
    expect(asset.headers['cache-control']).toContain('immutable');
    const route = await raw(direct, '/complaints/42');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>SPA</title>');
    expect(route.headers['cache-control']).toBe('no-cache');
  });
});

describe('security headers', () => {
  const common = {
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
  };

  it('Security: the SPA is served under a Content-Security-Policy that allows only its own origin', async () => {
    const page = await raw(direct, '/');
    expect(page.headers).toMatchObject(common);
    const csp = page.headers['content-security-policy'] ?? '';
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('Security: the API, the probes and refusals carry the strict API policy', async () => {
    for (const answer of [
      await raw(direct, '/graphql', GRAPHQL),
      await raw(direct, '/healthz'),
      await raw(direct, '/%E0%A4%A'),
    ]) {
      expect(answer.headers).toMatchObject({
        ...common,
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
    }
  });

  it('the sandbox page outside production keeps its CDN scripts, framed by nobody; production has none', async () => {
    const html = { headers: { accept: 'text/html' } };
    const sandbox = await raw(development, '/graphql', html);
    expect(sandbox.headers['content-type']).toContain('text/html');
    expect(sandbox.headers['content-security-policy']).toBe(
      "frame-ancestors 'none'; base-uri 'self'; object-src 'none'",
    );
    const production = await raw(direct, '/graphql', html);
    expect(production.headers['content-type'] ?? '').not.toContain('text/html');
    expect(production.headers['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
  });

  it('Security: HSTS only for a request that came over TLS, as a trusted proxy says', async () => {
    const overTls = await raw(behindProxy, '/healthz', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(overTls.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
    expect((await raw(behindProxy, '/healthz')).headers['strict-transport-security']).toBe(
      undefined,
    );
    const forged = await raw(direct, '/healthz', { headers: { 'x-forwarded-proto': 'https' } });
    expect(forged.headers['strict-transport-security']).toBe(undefined);
  });
});

describe('request ids', () => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('every answer carries x-request-id: the caller’s when it is a sane token, else a fresh one', async () => {
    const echoed = await raw(direct, '/graphql', {
      ...GRAPHQL,
      headers: { ...GRAPHQL.headers, 'x-request-id': 'proxy-7f3a.21_b' },
    });
    expect(echoed.status).toBe(200);
    expect(echoed.headers['x-request-id']).toBe('proxy-7f3a.21_b');
    for (const offered of ['a'.repeat(65), 'id with spaces', '<script>']) {
      const answer = await raw(direct, '/healthz', { headers: { 'x-request-id': offered } });
      expect(answer.headers['x-request-id']).toMatch(UUID);
    }
    const [first, second] = [await raw(direct, '/'), await raw(direct, '/graphql', GRAPHQL)];
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
  });
});

describe('the client address', () => {
  function fakeRequest(peer: string, forwardedFor?: string): IncomingMessage {
    return {
      socket: { remoteAddress: peer } as Socket,
      headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    } as IncomingMessage;
  }

  it('Security: X-Forwarded-For counts only from a trusted proxy, right-most untrusted entry first', () => {
    const trusted = trustedProxies(['127.0.0.1', '10.0.0.2']);
    // An IPv4-mapped peer is the same proxy.
    expect(clientAddressOf(fakeRequest('::ffff:127.0.0.1', '203.0.113.7'), trusted)).toBe(
      '203.0.113.7',
    );
    expect(
      clientAddressOf(fakeRequest('127.0.0.1', '6.6.6.6, 203.0.113.7, 10.0.0.2'), trusted),
    ).toBe('203.0.113.7');
    expect(clientAddressOf(fakeRequest('127.0.0.1', '203.0.113.7:5123'), trusted)).toBe(
      '203.0.113.7',
    );
    expect(clientAddressOf(fakeRequest('127.0.0.1', '[2001:DB8::7]:443'), trusted)).toBe(
      '2001:db8::7',
    );
    // Junk in the chain: nothing left of it is believed; the last trusted hop is the client.
    expect(clientAddressOf(fakeRequest('127.0.0.1', '203.0.113.7, junk, 10.0.0.2'), trusted)).toBe(
      '10.0.0.2',
    );
    expect(clientAddressOf(fakeRequest('198.51.100.9', '203.0.113.7'), trusted)).toBe(
      '198.51.100.9',
    );
    expect(clientAddressOf(fakeRequest('::ffff:198.51.100.9'), trusted)).toBe('198.51.100.9');
  });

  it('normalises the spellings of one address', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('::FFFF:7f00:1')).toBe('127.0.0.1');
    expect(normaliseAddress('2001:0DB8:0:0::1')).toBe('2001:db8::1');
    expect(normaliseAddress('fe80::1%eth0')).toBe('fe80::1%eth0');
  });
});
