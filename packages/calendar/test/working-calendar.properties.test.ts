import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { CalendarOverride, LocalDate } from '../src/index.js';
import { WorkingCalendar, addDays, compareLocalDate, defaultCalendar } from '../src/index.js';

const FIRST = '2020-01-01';
/** Days from 2020-01-01 to 2035-12-31. */
const SPAN = 5843;
const RUNS = { numRuns: 300 };

const localDate = fc.integer({ min: 0, max: SPAN }).map((offset) => addDays(FIRST, offset));
const count = fc.integer({ min: 0, max: 40 });
const positiveCount = fc.integer({ min: 1, max: 40 });

// Overrides reach a little beyond the drawn dates so that deadlines near the edges meet them too.
const overrides: fc.Arbitrary<CalendarOverride[]> = fc.uniqueArray(
  fc.record({
    date: fc.integer({ min: -10, max: SPAN + 80 }).map((offset) => addDays(FIRST, offset)),
    working: fc.boolean(),
    reason: fc.constantFrom('decree', 'supervisor'),
  }),
  { selector: (override) => override.date, maxLength: 60 },
);

/** The definition itself, one day at a time: the model the fast implementation must match. */
function slowAddWorkingDays(calendar: WorkingCalendar, from: LocalDate, n: number): LocalDate {
  let d = from;
  for (let found = 0; found < n; ) {
    d = addDays(d, 1);
    if (calendar.isWorkingDay(d)) {
      found += 1;
    }
  }
  return d;
}

function checkDeadlineProperties(calendar: WorkingCalendar, d: LocalDate, n: number): void {
  const deadline = calendar.addWorkingDays(d, n);
  expect(deadline).toBe(slowAddWorkingDays(calendar, d, n));
  expect(calendar.workingDaysBetween(d, deadline)).toBe(n);
  expect(calendar.workingDaysBetween(deadline, d)).toBe(0 - n);
  if (n >= 1) {
    expect(calendar.isWorkingDay(deadline)).toBe(true);
    expect(compareLocalDate(deadline, calendar.addWorkingDays(d, n - 1))).toBe(1);
  }
}

describe(`${WorkingCalendar.name} properties`, () => {
  describe('default calendar', () => {
    it('addWorkingDays(d, n) is a working day for n ≥ 1', () => {
      fc.assert(
        fc.property(localDate, positiveCount, (d, n) => {
          expect(defaultCalendar.isWorkingDay(defaultCalendar.addWorkingDays(d, n))).toBe(true);
        }),
        RUNS,
      );
    });

    it('workingDaysBetween(d, addWorkingDays(d, n)) === n', () => {
      fc.assert(
        fc.property(localDate, count, (d, n) => {
          expect(defaultCalendar.workingDaysBetween(d, defaultCalendar.addWorkingDays(d, n))).toBe(
            n,
          );
        }),
        RUNS,
      );
    });

    it('addWorkingDays is strictly increasing in n', () => {
      fc.assert(
        fc.property(localDate, count, count, (d, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const order = compareLocalDate(
            defaultCalendar.addWorkingDays(d, low),
            defaultCalendar.addWorkingDays(d, high),
          );
          expect(order).toBe(low === high ? 0 : -1);
        }),
        RUNS,
      );
    });

    it('addWorkingDays matches counting one day at a time', () => {
      fc.assert(
        fc.property(localDate, count, (d, n) => {
          checkDeadlineProperties(defaultCalendar, d, n);
        }),
        RUNS,
      );
    });

    it('workingDaysBetween is antisymmetric and additive', () => {
      fc.assert(
        fc.property(localDate, localDate, localDate, (a, b, c) => {
          const between = (x: LocalDate, y: LocalDate): number =>
            defaultCalendar.workingDaysBetween(x, y);
          expect(between(a, b) + between(b, a)).toBe(0);
          expect(between(a, c)).toBe(between(a, b) + between(b, c));
        }),
        RUNS,
      );
    });

    it('isWorkingDay, day() and exceptions() agree', () => {
      fc.assert(
        fc.property(localDate, (d) => {
          const day = defaultCalendar.day(d);
          expect(day.working).toBe(defaultCalendar.isWorkingDay(d));
          const listed = defaultCalendar
            .exceptions(Number(d.slice(0, 4)))
            .find((exception) => exception.date === d);
          expect(listed ?? null).toEqual(day.reason === null ? null : day);
        }),
        RUNS,
      );
    });
  });

  describe('with random overrides', () => {
    it('deadlines are working days, inverse of workingDaysBetween, and match the slow count', () => {
      fc.assert(
        fc.property(overrides, localDate, count, (list, d, n) => {
          checkDeadlineProperties(new WorkingCalendar({ overrides: list }), d, n);
        }),
        RUNS,
      );
    });

    it('addWorkingDays is strictly increasing in n', () => {
      fc.assert(
        fc.property(overrides, localDate, count, count, (list, d, a, b) => {
          const calendar = defaultCalendar.withOverrides(list);
          const [low, high] = a <= b ? [a, b] : [b, a];
          const order = compareLocalDate(
            calendar.addWorkingDays(d, low),
            calendar.addWorkingDays(d, high),
          );
          expect(order).toBe(low === high ? 0 : -1);
        }),
        RUNS,
      );
    });

    it('every override decides its date and is listed in exceptions()', () => {
      fc.assert(
        fc.property(overrides, (list) => {
          const calendar = new WorkingCalendar({ overrides: list });
          for (const override of list) {
            expect(calendar.isWorkingDay(override.date)).toBe(override.working);
            const year = Number(override.date.slice(0, 4));
            expect(calendar.exceptions(year)).toContainEqual(
              expect.objectContaining({ ...override, source: 'OVERRIDE' }),
            );
          }
        }),
        RUNS,
      );
    });
  });
});
