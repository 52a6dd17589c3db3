import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { loggedError, type Logger } from './logger.js';
import { codeForStatus, type RequestEnd, type RequestRecord } from './request-record.js';

/** A gauge whose value is computed when Prometheus scrapes (one query, say), not kept up. */
export interface ScrapeGauge {
  /** A Prometheus metric name: `[a-zA-Z_:][a-zA-Z0-9_:]*`, unique in the registry. */
  name: string;
  help: string;
  collect: () => Promise<number>;
}

export interface Metrics {
  /** Adds a gauge computed at each scrape; a failing `collect` reports NaN and is logged. */
  registerGauge(gauge: ScrapeGauge): void;
  /** Counts an answered HTTP request: each of its GraphQL operations, or its route. */
  countRequest(record: RequestRecord, end: RequestEnd): void;
  /** The Prometheus text exposition of every metric. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/** Distinct operation names kept as labels; later new names are counted as `other`. */
export const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/**
 * The service's metrics on a registry of its own (not prom-client's global one, so that several
 * apps in one process, as in the tests, never share a count): requests by operation and code,
 * GraphQL latency by operation, the process's own metrics, and the gauges others register.
 */
export function createMetrics(logger: Logger): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered: one per GraphQL operation (by its name and its first error code, OK without errors), one per other request (by route).',
    labelNames: ['operation', 'code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a /graphql request to its answer, by operation name.',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  const operations = operationLabels();

  return {
    registerGauge({ name, help, collect }) {
      new Gauge({
        name,
        help,
        registers: [registry],
        async collect() {
          try {
            this.set(await collect());
          } catch (error) {
            this.set(Number.NaN);
            logger.warn({ gauge: name, error: loggedError(error) }, 'metric not collected');
          }
        },
      });
    },

    countRequest(record, end) {
      const fallback = end.aborted ? 'ABORTED' : codeForStatus(end.status);
      if (record.route !== '/graphql') {
        requests.inc({ operation: record.route, code: fallback });
        return;
      }
      const outcomes =
        record.operations.length > 0 ? record.operations : [{ name: null, codes: [fallback] }];
      for (const outcome of outcomes) {
        const operation = operations(outcome.name);
        requests.inc({ operation, code: end.aborted ? fallback : outcome.codes[0]! });
        duration.observe({ operation }, end.seconds);
      }
    },

    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/**
 * Operation names as labels, bounded: a client chooses them, so an unnamed operation is
 * `anonymous`, and once MAX_OPERATION_LABELS names are known (or for an overlong one) `other`.
 */
function operationLabels(): (name: string | null) => string {
  const known = new Set<string>();
  return (name) => {
    if (name === null) return 'anonymous';
    if (known.has(name)) return name;
    if (!OPERATION_NAME.test(name) || known.size >= MAX_OPERATION_LABELS) return 'other';
    known.add(name);
    return name;
  };
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

/**
 * Who may read `/metrics`: with a token, whoever sends it as a bearer token (compared in
 * constant time); without one, only the machine itself, never a request a proxy forwarded.
 * `unauthorized` answers 401, `hidden` 404 (as if there were no such page).
 */
export function scrapeAccess(
  req: IncomingMessage,
  clientAddress: string,
  token: string | null,
): 'allowed' | 'unauthorized' | 'hidden' {
  if (token !== null) {
    const offered = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    return sameSecret(offered, token) ? 'allowed' : 'unauthorized';
  }
  const forwarded = ['forwarded', 'x-forwarded-for', 'x-real-ip'].some(
    (header) => req.headers[header] !== undefined,
  );
  const kind = isIP(clientAddress);
  const local = kind !== 0 && LOOPBACK.check(clientAddress, kind === 4 ? 'ipv4' : 'ipv6');
  return local && !forwarded ? 'allowed' : 'hidden';
}

/** Both sides hashed first, so that the comparison takes as long whatever their lengths. */
function sameSecret(offered: string, expected: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(offered), digest(expected));
}
