import { accessSync, constants, mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  port: number;
  host: string;
  nodeEnv: NodeEnv;
  /** A PostgreSQL server; null means the embedded PGlite in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  databasePoolSize: number;
  /**
   * `JWT_SECRET`, checked; null outside production without one: a random key is then made on the
   * first start and kept in `dataDir` (see modules/users/signing-key.ts).
   */
  jwtSecret: string | null;
  demoPassword: string;
  seedDemo: boolean;
  /** Art. 64 APC: a complaint received after this local time is registered the next working day. */
  officeClosesAt: { hour: number; minute: number };
  /** O5: notices go out from this local time on working days until the office closes. */
  officeOpensAt: { hour: number; minute: number };
  /** Background jobs this process runs at once (notices, sweeps); 0: none on this replica. */
  workers: number;
  /** O5: the SMTP server notices are sent through (`smtp://user:pass@host:port`); null: no email. */
  smtpUrl: string | null;
  smtpFrom: string;
  /** O5: the SMS gateway (an HTTP endpoint taking JSON) and its key; null: no SMS. */
  smsGateway: { url: string; key: string } | null;
  /** Where the built admin SPA lives; served at `/` when present. */
  adminDir: string;
  /**
   * Stack traces and internal messages in error answers: only for `pnpm dev` or an explicit
   * `EXPOSE_ERROR_DETAILS=1`, never in production; the server's log always has them.
   */
  exposeErrorDetails: boolean;
  /**
   * Addresses of reverse proxies whose `X-Forwarded-For` / `X-Forwarded-Proto` are believed
   * (`TRUST_PROXY`, comma-separated); any other peer is the client itself.
   */
  trustProxy: string[];
  /**
   * The secret the gateway sends in `x-gateway-secret`; `_service` and `_entities` answer only
   * requests carrying it (in production, never without one configured).
   */
  gatewaySecret: string | null;
  /** `Strict-Transport-Security` max-age for requests that came over TLS; 0 sends none. */
  hstsMaxAgeSeconds: number;
  /** What the JSON log (pino, stdout) keeps: `info` by default, `silent` under NODE_ENV=test. */
  logLevel: LogLevel;
  /**
   * `METRICS_TOKEN`: `GET /metrics` then asks for `Authorization: Bearer <token>`; without one it
   * answers the machine itself (loopback) only.
   */
  metricsToken: string | null;
  /** How long a graceful shutdown (SIGTERM) lets in-flight requests finish, in ms. */
  shutdownTimeoutMs: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A bad environment value: start-up stops with one line that names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Keys that were published (in this repository's history, in tutorials): anyone can sign with them. */
const PUBLISHED_JWT_SECRETS = new Set([
  'development-only-secret-change-me-in-production',
  'api-test-secret-api-test-secret-0123456789',
  'test-secret-test-secret-test-secret',
  'your-256-bit-secret',
  'your-secret-key',
  'secret',
  'secretkey',
  'supersecret',
  'changeme',
  'change-me',
  'password',
  'jwt-secret',
  'jwt_secret',
]);
/** Words that mark a placeholder someone meant to replace; a random key holds none of them. */
const PLACEHOLDER_WORDS = ['secret', 'changeme', 'change-me', 'change_me', 'password', 'example'];
export const MIN_JWT_SECRET_LENGTH = 32;

/**
 * Why `secret` is no key to sign production tokens with, or null. A random key of 32+ characters
 * (base64 or hex) passes; a short one, a published default, a placeholder, one of few distinct
 * characters, one that repeats itself or one that counts along ('abcd…') does not.
 */
export function jwtSecretWeakness(secret: string): string | null {
  const lower = secret.toLowerCase();
  if (PUBLISHED_JWT_SECRETS.has(lower)) return 'is a published default';
  if (secret.length < MIN_JWT_SECRET_LENGTH) {
    return `must be at least ${MIN_JWT_SECRET_LENGTH} characters`;
  }
  if (PLACEHOLDER_WORDS.some((word) => lower.includes(word))) return 'looks like a placeholder';
  const chars = [...secret];
  const counts = new Map<string, number>();
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bitsPerChar = 0;
  for (const count of counts.values()) {
    const p = count / chars.length;
    bitsPerChar -= p * Math.log2(p);
  }
  // Random hex has about 3.5 to 4 bits per character, random base64 about 5; 'abcabc…' has 1.6.
  if (counts.size < 8 || bitsPerChar < 2.5) {
    return 'has too little entropy (too few distinct characters)';
  }
  const quadgrams = new Set<string>();
  for (let i = 0; i + 4 <= chars.length; i += 1) quadgrams.add(chars.slice(i, i + 4).join(''));
  if (quadgrams.size < 0.75 * (chars.length - 3)) return 'repeats itself';
  let steps = 0;
  for (let i = 1; i < chars.length; i += 1) {
    if (Math.abs(chars[i]!.codePointAt(0)! - chars[i - 1]!.codePointAt(0)!) <= 1) steps += 1;
  }
  if (steps > 0.75 * (chars.length - 1)) return 'runs in sequence';
  return null;
}

/**
 * A published default is refused everywhere; production also refuses a missing or weak key, so
 * that nobody can forge a token for any user.
 */
function parseJwtSecret(value: string | undefined, nodeEnv: NodeEnv): string | null {
  const advice = 'use a random key, e.g. `openssl rand -base64 32`';
  if (value === undefined || value === '') {
    if (nodeEnv !== 'production') return null;
    throw new ConfigError('JWT_SECRET', `is required in production: ${advice}`);
  }
  const weakness = PUBLISHED_JWT_SECRETS.has(value.toLowerCase())
    ? 'is a published default'
    : nodeEnv === 'production'
      ? jwtSecretWeakness(value)
      : null;
  if (weakness !== null) throw new ConfigError('JWT_SECRET', `${weakness}: ${advice}`);
  return value;
}

function parsePort(value: string | undefined, variable: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(variable, `must be a port number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

function parseClock(
  value: string | undefined,
  variable = 'OFFICE_CLOSES_AT',
  fallback = '18:30',
): { hour: number; minute: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value ?? fallback);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new ConfigError(variable, `must be HH:MM, got "${value}"`);
  }
  return { hour, minute };
}

function parseNodeEnv(value: string | undefined): NodeEnv {
  if (value === undefined || value === '') return 'development';
  if (value === 'development' || value === 'production' || value === 'test') return value;
  throw new ConfigError('NODE_ENV', `must be development, production or test, got "${value}"`);
}

function parseDatabaseUrl(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL', `must be a postgres:// URL, got "${url.protocol}"`);
  }
  return value;
}

function parseSwitch(value: string | undefined, variable: string): boolean {
  if (value === undefined || value === '' || value === '0') return false;
  if (value === '1') return true;
  throw new ConfigError(variable, `must be 0 or 1, got "${value}"`);
}

function parseNonNegative(
  value: string | undefined,
  variable: string,
  fallback: number,
  unit = 'seconds',
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,10}$/.test(value)) {
    throw new ConfigError(variable, `must be a whole number of ${unit}, got "${value}"`);
  }
  return Number(value);
}

function parseWorkers(value: string | undefined): number {
  if (value === undefined || value === '') return 2;
  if (!/^\d{1,2}$/.test(value) || Number(value) > 32) {
    throw new ConfigError('WORKERS', `must be a whole number from 0 to 32, got "${value}"`);
  }
  return Number(value);
}

function parseServiceUrl(
  value: string | undefined,
  variable: string,
  protocols: readonly string[],
): string | null {
  if (value === undefined || value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, 'is not a valid URL');
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(variable, `must be a ${protocols.join(' or ')}// URL`);
  }
  return value;
}

function parseLogLevel(value: string | undefined, nodeEnv: NodeEnv): LogLevel {
  if (value === undefined || value === '') return nodeEnv === 'test' ? 'silent' : 'info';
  const level = LOG_LEVELS.find((known) => known === value);
  if (level === undefined) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${value}"`);
  }
  return level;
}

function parseMetricsToken(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < 16 || !/^[\x21-\x7e]+$/.test(value)) {
    throw new ConfigError(
      'METRICS_TOKEN',
      'must be at least 16 printable characters without spaces (e.g. `openssl rand -hex 32`)',
    );
  }
  return value;
}

function parseSmsGateway(
  url: string | undefined,
  key: string | undefined,
): { url: string; key: string } | null {
  const gateway = parseServiceUrl(url, 'SMS_GATEWAY_URL', ['http:', 'https:']);
  if (gateway === null) return null;
  if (!key) throw new ConfigError('SMS_GATEWAY_KEY', 'is required with SMS_GATEWAY_URL');
  return { url: gateway, key };
}

function parseTrustProxy(value: string | undefined): string[] {
  if (value === undefined || value.trim() === '') return [];
  const addresses = value.split(',').map((part) => part.trim());
  for (const address of addresses) {
    if (isIP(address) === 0) {
      throw new ConfigError(
        'TRUST_PROXY',
        `must be IP addresses separated by commas, got "${address}"`,
      );
    }
  }
  return addresses;
}

function parseGatewaySecret(value: string | undefined): string | null {
  if (value === undefined || value === '') return null;
  if (value.length < 32) {
    throw new ConfigError('GATEWAY_SECRET', 'must be at least 32 characters');
  }
  return value;
}

/** Checks that the embedded database's directory can be created and written. */
export function assertWritableDirectory(dir: string, variable: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : 'not writable';
    throw new ConfigError(variable, `cannot write to "${dir}" (${reason})`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const nodeEnv = parseNodeEnv(env.NODE_ENV);
  const jwtSecret = parseJwtSecret(env.JWT_SECRET, nodeEnv);
  const poolSize = env.DATABASE_POOL_SIZE ?? '10';
  if (!/^\d+$/.test(poolSize) || Number(poolSize) < 1) {
    throw new ConfigError('DATABASE_POOL_SIZE', `must be a positive integer, got "${poolSize}"`);
  }
  return {
    port: parsePort(env.PORT, 'PORT', 4000),
    host: env.HOST || '0.0.0.0',
    nodeEnv,
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    dataDir: env.DATA_DIR ? resolve(env.DATA_DIR) : resolve(repositoryRoot, '.data'),
    databasePoolSize: Number(poolSize),
    jwtSecret,
    demoPassword: env.DEMO_PASSWORD || 'demo',
    seedDemo: env.SEED_DEMO === '1' || (env.SEED_DEMO !== '0' && nodeEnv !== 'production'),
    officeClosesAt: parseClock(env.OFFICE_CLOSES_AT),
    officeOpensAt: parseClock(env.OFFICE_OPENS_AT, 'OFFICE_OPENS_AT', '09:00'),
    workers: parseWorkers(env.WORKERS),
    smtpUrl: parseServiceUrl(env.SMTP_URL, 'SMTP_URL', ['smtp:', 'smtps:']),
    smtpFrom: env.SMTP_FROM || 'noreply@complaints.local',
    smsGateway: parseSmsGateway(env.SMS_GATEWAY_URL, env.SMS_GATEWAY_KEY),
    adminDir: resolve(repositoryRoot, 'admin/dist'),
    exposeErrorDetails:
      parseSwitch(env.EXPOSE_ERROR_DETAILS, 'EXPOSE_ERROR_DETAILS') && nodeEnv !== 'production',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    gatewaySecret: parseGatewaySecret(env.GATEWAY_SECRET),
    hstsMaxAgeSeconds: parseNonNegative(env.HSTS_MAX_AGE, 'HSTS_MAX_AGE', 31_536_000),
    logLevel: parseLogLevel(env.LOG_LEVEL, nodeEnv),
    metricsToken: parseMetricsToken(env.METRICS_TOKEN),
    shutdownTimeoutMs: parseNonNegative(
      env.SHUTDOWN_TIMEOUT_MS,
      'SHUTDOWN_TIMEOUT_MS',
      25_000,
      'milliseconds',
    ),
  };
}
