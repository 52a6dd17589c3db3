import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * C4: the next incoming number of an office for a year, e.g. `ALM-ZHER-2026-00042`.
 * The counter row is upserted inside the filing's transaction: concurrent filings queue on its
 * row lock, and a rolled-back filing gives its number back, so numbers have no gaps.
 */
export async function allocateIncomingNumber(
  em: EntityManager,
  officeCode: string,
  year: number,
): Promise<string> {
  const [row] = await em.execute<{ last_value: number }[]>(
    `insert into incoming_number_counter (office_code, year, last_value) values (?, ?, 1)
     on conflict (office_code, year)
     do update set last_value = incoming_number_counter.last_value + 1
     returning last_value`,
    [officeCode, year],
  );
  if (!row) throw new Error('incoming number counter returned no row');
  return `${officeCode}-${year}-${String(row.last_value).padStart(5, '0')}`;
}
