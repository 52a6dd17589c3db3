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
  jwtSecret: string;
  demoPassword: string;
  seedDemo: boolean;
  /** Art. 64 APC: a complaint received after this local time is registered the next working day. */
  officeClosesAt: { hour: number; minute: number };
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
}

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

const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-in-production';

function parsePort(value: string | undefined, variable: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) > 65535) {
    throw new ConfigError(variable, `must be a port number from 0 to 65535, got "${value}"`);
  }
  return Number(value);
}

function parseClock(value: string | undefined): { hour: number; minute: number } {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value ?? '18:30');
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new ConfigError('OFFICE_CLOSES_AT', `must be HH:MM, got "${value}"`);
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

function parseNonNegative(value: string | undefined, variable: string, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,10}$/.test(value)) {
    throw new ConfigError(variable, `must be a whole number of seconds, got "${value}"`);
  }
  return Number(value);
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
  const jwtSecret = env.JWT_SECRET ?? '';
  if (nodeEnv === 'production' && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'is required in production (at least 32 characters)');
  }
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
    jwtSecret: jwtSecret || DEVELOPMENT_JWT_SECRET,
    demoPassword: env.DEMO_PASSWORD || 'demo',
    seedDemo: env.SEED_DEMO === '1' || (env.SEED_DEMO !== '0' && nodeEnv !== 'production'),
    officeClosesAt: parseClock(env.OFFICE_CLOSES_AT),
    adminDir: resolve(repositoryRoot, 'admin/dist'),
    exposeErrorDetails:
      parseSwitch(env.EXPOSE_ERROR_DETAILS, 'EXPOSE_ERROR_DETAILS') && nodeEnv !== 'production',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    gatewaySecret: parseGatewaySecret(env.GATEWAY_SECRET),
    hstsMaxAgeSeconds: parseNonNegative(env.HSTS_MAX_AGE, 'HSTS_MAX_AGE', 31_536_000),
  };
}
