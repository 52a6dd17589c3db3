import type { EntityManager } from '@mikro-orm/postgresql';
import { type Sql, runStatement, sql } from '../../db/statement.js';

/**
 * C4: incoming numbers, e.g. `ALM-ZHER-2026-00042`: the office, the year of registration, and
 * the office's count in that year. The count comes from the office's counter row, taken inside
 * the transaction that registers the complaint: concurrent registrations at one office queue on
 * its row lock, and one that rolls back gives its number back, so numbers have no gaps.
 */

/** What precedes the count: `ALM-ZHER-2026-`. */
export function incomingNumberPrefix(officeCode: string, year: number): string {
  return `${officeCode}-${year}-`;
}

/** The count as it is written: at least five digits. */
export function incomingNumberDigits(value: number): string {
  return String(value).padStart(5, '0');
}

export function formatIncomingNumber(officeCode: string, year: number, value: number): string {
  return `${incomingNumberPrefix(officeCode, year)}${incomingNumberDigits(value)}`;
}

/**
 * The next count of the office for the year, as a common table expression `counter_value`
 * (`last_value`, and `digits` as `incomingNumberDigits` writes them). The counter row stays
 * locked until the transaction ends: put it in the statement that writes the complaint.
 */
export function nextIncomingNumberSql(officeCode: string, year: number): Sql {
  return sql`counter_value as (
      insert into incoming_number_counter as counter (office_code, year, last_value)
      values (${officeCode}::text, ${year}::int, 1)
      on conflict (office_code, year) do update set last_value = counter.last_value + 1
      returning last_value,
        lpad(last_value::text, greatest(5, length(last_value::text)), '0') as digits
    )`;
}

/** Takes the next number on its own, in the caller's transaction. */
export async function allocateIncomingNumber(
  em: EntityManager,
  officeCode: string,
  year: number,
): Promise<string> {
  const [row] = await runStatement<{ last_value: number }>(
    em,
    sql`with ${nextIncomingNumberSql(officeCode, year)} select last_value from counter_value`,
  );
  if (!row) throw new Error('incoming number counter returned no row');
  return formatIncomingNumber(officeCode, year, row.last_value);
}
