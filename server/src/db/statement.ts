import type { EntityManager } from '@mikro-orm/postgresql';
import { queryPrepared } from './prepared.js';

/**
 * SQL text with a `?` placeholder for each of its values, in order. Fragments nest, so a
 * statement is composed from named pieces and still sent as one. The text never holds a `?` of
 * its own (no `?` operators, no `?` in literals): every `?` is a value.
 */
export class Sql {
  constructor(
    readonly text: string,
    readonly values: readonly unknown[],
  ) {}
}

/** `${value}` becomes a placeholder; `${fragment}` (an `Sql`) is spliced in with its values. */
export function sql(strings: TemplateStringsArray, ...parts: unknown[]): Sql {
  let text = strings[0]!;
  const values: unknown[] = [];
  parts.forEach((part, i) => {
    if (part instanceof Sql) {
      text += part.text;
      values.push(...part.values);
    } else {
      text += '?';
      values.push(part);
    }
    text += strings[i + 1]!;
  });
  return new Sql(text, values);
}

/** Text written by the code itself (identifiers, column lists): never a value from a request. */
export function trustedSql(text: string): Sql {
  return new Sql(text, []);
}

export function joinSql(parts: readonly Sql[], separator: string): Sql {
  return new Sql(
    parts.map((part) => part.text).join(separator),
    parts.flatMap((part) => part.values),
  );
}

/**
 * Runs one statement: inside `em`'s transaction when it has one, otherwise as a named prepared
 * statement that is a transaction of its own (all of it, or nothing, is written).
 */
export async function runStatement<Row>(em: EntityManager, statement: Sql): Promise<Row[]> {
  if (em.isInTransaction()) return em.execute<Row[]>(statement.text, [...statement.values]);
  let n = 0;
  const text = statement.text.replace(/\?/g, () => `$${(n += 1)}`);
  return queryPrepared<Row>(em, text, statement.values);
}
