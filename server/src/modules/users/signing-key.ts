import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { ConfigError, jwtSecretWeakness } from '../../config.js';

/** The file in `DATA_DIR` that keeps the generated key when no `JWT_SECRET` is given. */
export const SIGNING_KEY_FILE = 'jwt-signing-key';

/** Either the configured `JWT_SECRET`, or none and the directory to keep a generated key in. */
export type SigningKeyConfig = { jwtSecret: string } | { jwtSecret: null; dataDir: string };

export interface SigningKey {
  /** The HMAC key of the login tokens. */
  secret: Uint8Array;
  /** Where the key came from, for the start-up log: `JWT_SECRET` or the key file's path. */
  source: string;
}

/**
 * The key that signs login tokens. Without `JWT_SECRET` (never in production: `loadConfig`
 * refuses that), a random key is made on the first start and kept, readable by the owner only,
 * with the data, so that a restart keeps everyone's session.
 */
export function resolveSigningKey(config: SigningKeyConfig): SigningKey {
  if (config.jwtSecret !== null) {
    return { secret: new TextEncoder().encode(config.jwtSecret), source: 'JWT_SECRET' };
  }
  const path = join(config.dataDir, SIGNING_KEY_FILE);
  return { secret: new TextEncoder().encode(keptKey(config.dataDir, path)), source: path };
}

function keptKey(dataDir: string, path: string): string {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const found = readKeyFile(path);
    if (found.kind === 'key') return found.key;
    if (found.kind === 'missing') {
      const created = createKeyFile(path);
      if (created !== null) return created;
      // Another process made it first: use theirs.
      const theirs = readKeyFile(path);
      if (theirs.kind === 'key') return theirs.key;
      throw new Error(
        `${path} appeared but ${theirs.kind === 'unsafe' ? theirs.reason : 'vanished'}`,
      );
    }
    // A key others could read may be in their hands: a new one costs only the open sessions.
    console.warn(`Signing key ${path} ${found.reason}: replaced with a new key (sessions end)`);
    return replaceKeyFile(path);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new ConfigError('DATA_DIR', `cannot keep the token signing key in "${path}" (${reason})`);
  }
}

type KeyFile =
  | { kind: 'key'; key: string }
  | { kind: 'missing' }
  | { kind: 'unsafe'; reason: string };

function readKeyFile(path: string): KeyFile {
  let fd: number;
  try {
    // No symlinks: the key is read from the file we made, not from wherever a link points.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ELOOP') return { kind: 'unsafe', reason: 'is a symbolic link' };
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'unsafe', reason: 'is not a regular file' };
    if (process.platform !== 'win32') {
      if ((stat.mode & 0o077) !== 0) return { kind: 'unsafe', reason: 'was readable by others' };
      if (stat.uid !== process.getuid?.()) {
        return { kind: 'unsafe', reason: 'belongs to another user' };
      }
    }
    const key = readFileSync(fd, 'utf8').trim();
    if (jwtSecretWeakness(key) !== null) return { kind: 'unsafe', reason: 'held no strong key' };
    return { kind: 'key', key };
  } finally {
    closeSync(fd);
  }
}

/** Writes a fresh key to a private temporary file next to `path`; returns both. */
function writeTemporaryKey(path: string): { key: string; temporary: string } {
  const key = randomBytes(32).toString('base64url');
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    // The umask may have taken bits away; it must not matter what it left.
    fchmodSync(fd, 0o600);
    writeSync(fd, `${key}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { key, temporary };
}

/** The new key, or null when another process created the file first (a link never overwrites). */
function createKeyFile(path: string): string | null {
  const { key, temporary } = writeTemporaryKey(path);
  try {
    linkSync(temporary, path);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  } finally {
    unlinkSync(temporary);
  }
}

function replaceKeyFile(path: string): string {
  const { key, temporary } = writeTemporaryKey(path);
  try {
    renameSync(temporary, path);
  } catch (error) {
    unlinkSync(temporary);
    throw error;
  }
  return key;
}
