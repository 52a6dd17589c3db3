import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

const names = new Map<string, string>();

/**
 * Pools whose connections share one database session: the embedded PGlite serves every socket
 * from its single backend, so a name prepared on one connection already exists for the next, and
 * preparing it again fails (42P05). Their statements go unnamed (parsed at every execution).
 */
const sharedSessionPools = new WeakSet<object>();

export function unnamedStatementsOn(pool: object): void {
  sharedSessionPools.add(pool);
}

/** A stable statement name per SQL text: each pooled connection prepares it once. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `q_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs one read as a named prepared statement on the ORM's pool: planned once per connection,
 * values never inlined. Outside any transaction of `em` (a read of committed data); the ORM's
 * query hook still sees it, so statement counts stay honest.
 */
export async function queryPrepared<Row>(
  em: EntityManager,
  text: string,
  values: readonly unknown[],
): Promise<Row[]> {
  em.config.get('onQuery')(text, values);
  const pool = await em.getConnection().getNativeClient();
  const result = sharedSessionPools.has(pool)
    ? await pool.query({ text, values: [...values] })
    : await pool.query({ name: statementName(text), text, values: [...values] });
  return result.rows as Row[];
}
