import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar, addDays } from '@complaints/calendar';
import type { Actor } from '../../../src/context.js';
import { syncWorkingDays } from '../../../src/modules/calendar/working-day-table.js';
import type { Services } from '../../../src/services.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import { at, ctxFor, newAuthority, newUser, testServices } from '../../support/factories.js';

let db: TestDatabase;
let services: Services;
let supervisor: Actor;

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices();
  const em = db.orm.em.fork();
  const authority = await newAuthority(em);
  supervisor = (await newUser(em, 'SUPERVISOR', { authorityId: authority.id })).actor;
});

afterAll(async () => {
  await db?.drop();
});

/** working days in (from, to] as the table answers it. */
async function tableBetween(from: string, to: string): Promise<number> {
  const [row] = await db.orm.em.fork().execute<{ days: number }[]>(
    `select (t.working_index - f.working_index)::int as days
       from working_day f, working_day t where f.day = ?::date and t.day = ?::date`,
    [from, to],
  );
  if (!row) throw new Error(`no working_day rows for ${from} or ${to}`);
  return row.days;
}

describe('working_day table', () => {
  it('Deadlines: the migrated table answers working days between two dates as the calendar does, over the years it holds', async () => {
    const calendar = new WorkingCalendar();
    const [{ count, first, last } = { count: 0, first: '', last: '' }] = await db.orm.em
      .fork()
      .execute<
        { count: number; first: string; last: string }[]
      >(`select count(*)::int as count, min(day)::text as first, max(day)::text as last from working_day`);
    expect({ count, first, last }).toEqual({
      count: 36_890,
      first: '2000-01-01',
      last: '2100-12-31',
    });
    // Spans around holidays (Nauryz, 16 December, New Year), a weekend and backwards.
    const spans: [string, string][] = [
      ['2026-03-19', '2026-03-27'],
      ['2026-12-14', '2026-12-22'],
      ['2026-12-30', '2027-01-12'],
      ['2026-11-27', '2026-11-30'],
      ['2026-12-09', '2026-11-25'],
      ['2000-01-01', '2100-12-31'],
    ];
    for (const [from, to] of spans) {
      expect(await tableBetween(from, to), `${from} → ${to}`).toBe(
        calendar.workingDaysBetween(from, to),
      );
    }
  });

  it('Deadlines: a day made off by decree changes the table in the same transaction as the override', async () => {
    const before = await tableBetween('2027-03-01', '2027-03-31');
    await services.deadlines.setDay(ctxFor(db.orm, supervisor, at('2027-02-01 10:00')), {
      date: '2027-03-03',
      working: false,
      reason: 'Decree for the test',
    });
    expect(await tableBetween('2027-03-01', '2027-03-31')).toBe(before - 1);
    expect(await tableBetween('2027-03-02', '2027-03-03')).toBe(0);
    // Every later day counts one fewer working day from the start of the table.
    expect(await tableBetween('2000-01-01', '2100-12-31')).toBe(
      new WorkingCalendar({
        overrides: [{ date: '2027-03-03', working: false, reason: 'x' }],
      }).workingDaysBetween('2000-01-01', '2100-12-31'),
    );
  });

  it('Deadlines: at start the table is brought in step with the calendar of the release (rules changed since)', async () => {
    const em = db.orm.em.fork();
    // As if an older release had laid out a calendar where 2028-01-03 had another day off.
    await em.execute(`update working_day set working = not working where day = '2028-01-04'::date`);
    await services.calendars.syncWorkingDayTable(em);
    const expected = new WorkingCalendar({
      overrides: [{ date: '2027-03-03', working: false, reason: 'x' }],
    });
    expect(await tableBetween('2028-01-03', '2028-01-05')).toBe(
      expected.workingDaysBetween('2028-01-03', '2028-01-05'),
    );
    expect(await tableBetween('2028-01-01', addDays('2028-01-01', 400))).toBe(
      expected.workingDaysBetween('2028-01-01', addDays('2028-01-01', 400)),
    );
    // Nothing differs: nothing is written (a written row would carry this transaction's id).
    const writes = await em.transactional(async (tx) => {
      await syncWorkingDays(tx, expected);
      const [row] = await tx.execute<{ n: number }[]>(
        `select count(*)::int as n from working_day
         where xmin::text = (pg_current_xact_id()::text::bigint % 4294967296)::text`,
      );
      return row?.n;
    });
    expect(writes).toBe(0);
  });
});
