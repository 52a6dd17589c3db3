import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

const names = new Map<string, string>();

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
  const result = await pool.query({ name: statementName(text), text, values: [...values] });
  return result.rows as Row[];
}
