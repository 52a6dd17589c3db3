import type { IncomingMessage } from 'node:http';
import { BlockList, isIP, isIPv4 } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parseLanguage } from '@complaints/domain';
import type { RequestCtx } from '../context.js';
import type { Services } from '../services.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What every resolver gets: the request context, its loaders, and who asked, by which request. */
export type ApiContext = RequestCtx & {
  loaders: Loaders;
  /** The client's address: the socket peer, or what a trusted proxy (`TRUST_PROXY`) forwarded. */
  clientAddress: string;
  /** The `x-request-id` of the request (echoed in the response): ties a log line to an answer. */
  requestId: string;
};

/** What the HTTP edge learnt about a request before GraphQL sees it. */
export interface RequestEdge {
  requestId: string;
  clientAddress: string;
}

/**
 * A fresh unit of work, clock reading and set of loaders for every request; the actor comes from
 * the bearer token (a refused token leaves no actor, and says why when one is needed).
 */
export async function createApiContext(
  orm: MikroORM,
  services: Services,
  req: IncomingMessage,
  edge: RequestEdge,
): Promise<ApiContext> {
  const acceptLanguage = req.headers['accept-language'];
  const ctx: RequestCtx = {
    em: orm.em.fork(),
    actor: null,
    now: new Date(),
    language: parseLanguage(typeof acceptLanguage === 'string' ? acceptLanguage : undefined),
    authProblem: null,
  };
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (token) {
    const result = await services.auth.actorFromToken(ctx.em, token);
    if ('actor' in result) ctx.actor = result.actor;
    else ctx.authProblem = result.problem;
  }
  return {
    ...ctx,
    loaders: createLoaders(ctx, services),
    clientAddress: edge.clientAddress,
    requestId: edge.requestId,
  };
}

/** The configured reverse proxies (`TRUST_PROXY`); IPv4-mapped IPv6 peers match their IPv4. */
export function trustedProxies(addresses: readonly string[]): BlockList {
  const list = new BlockList();
  for (const address of addresses) {
    const plain = normaliseAddress(address);
    list.addAddress(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
  }
  return list;
}

/**
 * The caller's address: the socket peer, unless that peer is a trusted proxy; then the right-most
 * `X-Forwarded-For` entry that is not itself a trusted proxy (the entries to its left are
 * whatever the client chose to send).
 */
export function clientAddressOf(req: IncomingMessage, trusted: BlockList): string {
  let address = peerAddress(req);
  if (!isTrusted(address, trusted)) return address;
  const forwarded = headerValues(req.headers['x-forwarded-for']);
  for (let i = forwarded.length - 1; i >= 0; i -= 1) {
    const hop = forwardedAddress(forwarded[i]!);
    // A hop that is no address: the chain cannot be believed past the last proxy we trust.
    if (hop === null) return address;
    address = hop;
    if (!isTrusted(hop, trusted)) return hop;
  }
  return address;
}

/** Whether the request reached us over TLS: our own socket, or a trusted proxy's word. */
export function cameOverTls(req: IncomingMessage, trusted: BlockList): boolean {
  if ((req.socket as Partial<TLSSocket>).encrypted === true) return true;
  if (!isTrusted(peerAddress(req), trusted)) return false;
  const proto = headerValues(req.headers['x-forwarded-proto']).at(-1);
  return proto?.toLowerCase() === 'https';
}

function peerAddress(req: IncomingMessage): string {
  const remote = req.socket.remoteAddress;
  return remote ? normaliseAddress(remote) : 'unknown';
}

function isTrusted(address: string, trusted: BlockList): boolean {
  const kind = isIP(address);
  if (kind === 0) return false;
  return trusted.check(address, kind === 4 ? 'ipv4' : 'ipv6');
}

function headerValues(header: string | string[] | undefined): string[] {
  const joined = Array.isArray(header) ? header.join(',') : (header ?? '');
  return joined
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** One `X-Forwarded-For` entry as a plain address (some proxies add a port), or null. */
function forwardedAddress(entry: string): string | null {
  const candidate =
    /^\[([^\]]+)\](?::\d+)?$/.exec(entry)?.[1] ??
    /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry)?.[1] ??
    entry;
  return isIP(candidate) === 0 ? null : normaliseAddress(candidate);
}

/** '::ffff:10.0.0.1' → '10.0.0.1'; IPv6 in its canonical (compressed, lower-case) spelling. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)?.[1];
  if (mapped !== undefined) return mapped;
  // A zone id (fe80::1%eth0) is no URL host: such a link-local peer keeps its spelling.
  if (isIP(address) !== 6 || address.includes('%')) return address.toLowerCase();
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!hexMapped) return canonical;
  const high = Number.parseInt(hexMapped[1]!, 16);
  const low = Number.parseInt(hexMapped[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}
