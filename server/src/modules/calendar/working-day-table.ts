import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays, type LocalDate, type WorkingCalendar } from '@complaints/calendar';

/** The days the `working_day` table holds: the calendar's supported years. */
export const WORKING_DAY_TABLE_FIRST: LocalDate = '2000-01-01';
export const WORKING_DAY_TABLE_LAST: LocalDate = '2100-12-31';

/** The table's rows as PostgreSQL array literals (only dates, booleans and numbers: no text). */
export interface WorkingDayArrays {
  days: string;
  working: string;
  indexes: string;
  /** md5 of the working flags in date order, as the database computes it for the stored rows. */
  fingerprint: string;
}

export function workingDayArrays(calendar: WorkingCalendar): WorkingDayArrays {
  const days: LocalDate[] = [];
  const working: string[] = [];
  const indexes: number[] = [];
  let count = 0;
  for (let day = WORKING_DAY_TABLE_FIRST; day <= WORKING_DAY_TABLE_LAST; day = addDays(day, 1)) {
    const isWorking = calendar.isWorkingDay(day);
    if (isWorking) count += 1;
    days.push(day);
    working.push(isWorking ? '1' : '0');
    indexes.push(count);
  }
  return {
    days: `{${days.join(',')}}`,
    working: `{${working.map((flag) => (flag === '1' ? 't' : 'f')).join(',')}}`,
    indexes: `{${indexes.join(',')}}`,
    fingerprint: createHash('md5').update(working.join('')).digest('hex'),
  };
}

/** Writes only the rows that differ; used by the migration (inlined) and at run time. */
export function syncWorkingDaysSql(arrays: WorkingDayArrays | null): string {
  const source = arrays
    ? `'${arrays.days}'::date[], '${arrays.working}'::boolean[], '${arrays.indexes}'::int[]`
    : '?::date[], ?::boolean[], ?::int[]';
  return `insert into working_day (day, working, working_index)
    select * from unnest(${source})
    on conflict (day) do update
      set working = excluded.working, working_index = excluded.working_index
      where (working_day.working, working_day.working_index)
        is distinct from (excluded.working, excluded.working_index)`;
}

/**
 * Makes the table say what `calendar` says. Cheap when nothing changed (one aggregate compared
 * with the expected fingerprint), so it runs at every start: a release with new holiday rules
 * rewrites the table without a migration.
 */
export async function syncWorkingDays(em: EntityManager, calendar: WorkingCalendar): Promise<void> {
  const arrays = workingDayArrays(calendar);
  const [stored] = await em.execute<{ fingerprint: string | null }[]>(
    `select md5(string_agg(case when working then '1' else '0' end, '' order by day)) as fingerprint
     from working_day`,
  );
  if (stored?.fingerprint === arrays.fingerprint) return;
  await em.execute(syncWorkingDaysSql(null), [arrays.days, arrays.working, arrays.indexes]);
}
