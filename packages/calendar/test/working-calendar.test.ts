import { describe, it, expect } from 'vitest';
import type { CalendarDay, HolidayId, LocalDate } from '../src/index.js';
import {
  HOLIDAY_NAMES,
  KURBAN_AIT_DATES,
  WorkingCalendar,
  addWorkingDays,
  defaultCalendar,
  exceptions,
  isWorkingDay,
  workingDaysBetween,
} from '../src/index.js';

/** Sakamoto's weekday formula (0 = Sunday): checks the expected lists without the code under test. */
function weekday(d: LocalDate): number {
  const offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const year = m < 3 ? y - 1 : y;
  const offset = offsets[m - 1] ?? 0;
  return (
    (year + Math.floor(year / 4) - Math.floor(year / 100) + Math.floor(year / 400) + offset + day) %
    7
  );
}

const SUN = 0;
const MON = 1;
const SAT = 6;

function holiday(date: LocalDate, id: HolidayId): CalendarDay {
  return {
    date,
    working: false,
    reason: HOLIDAY_NAMES[id].en,
    source: 'RULE',
    holiday: id,
    transferredFrom: null,
  };
}

function movedDayOff(date: LocalDate, from: LocalDate, id: HolidayId): CalendarDay {
  return {
    date,
    working: false,
    reason: `Day off moved from ${from} (${HOLIDAY_NAMES[id].en})`,
    source: 'RULE',
    holiday: id,
    transferredFrom: from,
  };
}

describe(WorkingCalendar.name, () => {
  describe('addWorkingDays', () => {
    it('C5: 2026-11-24 + 5 working days = 2026-12-01', () => {
      expect(addWorkingDays('2026-11-24', 5)).toBe('2026-12-01');
    });

    it('C5: 2026-12-14 + 5 working days = 2026-12-22 (16 Dec, Independence Day, is off)', () => {
      expect(weekday('2026-12-16')).toBe(3);
      expect(addWorkingDays('2026-12-14', 5)).toBe('2026-12-22');
    });

    it('C5: 2026-03-20 + 5 working days = 2026-04-01 (Nauryz on Sat/Sun/Mon moves 24 and 25 Mar)', () => {
      expect(addWorkingDays('2026-03-20', 5)).toBe('2026-04-01');
    });

    it('C7: 2026-03-02 + 15 working days = 2026-03-27 (8 Mar moved to 9 Mar, Nauryz 21–25 Mar)', () => {
      expect(addWorkingDays('2026-03-02', 15)).toBe('2026-03-27');
    });

    it('C7: a deadline crossing New Year: 2026-12-14 + 15 working days = 2027-01-08', () => {
      // 2 Jan 2027 is a Saturday, so 4 Jan is off; 7 Jan (Thursday) is Orthodox Christmas.
      expect(addWorkingDays('2026-12-14', 15)).toBe('2027-01-08');
    });

    it('the count starts the day after `from`, even when `from` is a day off', () => {
      expect(addWorkingDays('2026-11-28', 1)).toBe('2026-11-30');
      expect(addWorkingDays('2026-12-16', 1)).toBe('2026-12-17');
      expect(addWorkingDays('2026-11-24', 1)).toBe('2026-11-25');
    });

    it('n = 0 returns `from` itself, working day or not', () => {
      expect(addWorkingDays('2026-11-24', 0)).toBe('2026-11-24');
      expect(addWorkingDays('2026-03-21', 0)).toBe('2026-03-21');
    });

    it('year boundary: 1–2 Jan 2028 on Sat/Sun move to 3 and 4 Jan', () => {
      expect(addWorkingDays('2027-12-31', 1)).toBe('2028-01-05');
      expect(addWorkingDays('2027-12-30', 2)).toBe('2028-01-05');
    });

    it('counts across many years without drifting', () => {
      const far = addWorkingDays('2026-01-01', 2500);
      expect(workingDaysBetween('2026-01-01', far)).toBe(2500);
      expect(isWorkingDay(far)).toBe(true);
    });
  });

  describe('days off by rule', () => {
    it('holiday: 2026-05-27, first day of Kurban Ait (Wednesday), is off', () => {
      expect(weekday('2026-05-27')).toBe(3);
      expect(isWorkingDay('2026-05-27')).toBe(false);
      expect(defaultCalendar.day('2026-05-27')).toEqual(holiday('2026-05-27', 'KURBAN_AIT'));
      expect(KURBAN_AIT_DATES[2026]).toBe('2026-05-27');
    });

    it('religious holidays do not move: 7 Jan 2023 (Saturday) leaves Monday 9 Jan working', () => {
      expect(weekday('2023-01-07')).toBe(SAT);
      expect(isWorkingDay('2023-01-09')).toBe(true);
      expect(exceptions(2023).filter((d) => d.transferredFrom === '2023-01-07')).toEqual([]);
    });

    it('religious holidays do not move: Kurban Ait on a Sunday moves nothing', () => {
      const calendar = new WorkingCalendar({ kurbanAitDates: { 2027: '2027-05-16' } });
      expect(weekday('2027-05-16')).toBe(SUN);
      expect(calendar.day('2027-05-16')).toEqual(holiday('2027-05-16', 'KURBAN_AIT'));
      expect(calendar.isWorkingDay('2027-05-17')).toBe(true);
    });

    it('weekend transfer: 1 Jan 2023 (Sunday) moves past 2 Jan (a holiday) to Tuesday 3 Jan', () => {
      expect(weekday('2023-01-01')).toBe(SUN);
      expect(defaultCalendar.day('2023-01-03')).toEqual(
        movedDayOff('2023-01-03', '2023-01-01', 'NEW_YEAR'),
      );
    });

    it('weekend transfer: 1–2 Jan 2028 (Sat/Sun) make 3 and 4 Jan days off', () => {
      expect(weekday('2028-01-01')).toBe(SAT);
      expect(weekday('2028-01-02')).toBe(SUN);
      expect(exceptions(2028).slice(0, 5)).toEqual([
        holiday('2028-01-01', 'NEW_YEAR'),
        holiday('2028-01-02', 'NEW_YEAR'),
        movedDayOff('2028-01-03', '2028-01-01', 'NEW_YEAR'),
        movedDayOff('2028-01-04', '2028-01-02', 'NEW_YEAR'),
        holiday('2028-01-07', 'ORTHODOX_CHRISTMAS'),
      ]);
    });

    it('weekend transfer: the moved day skips holidays and days already taken (May 2033)', () => {
      // 1 May (Sunday) takes Monday 2 May; 7 May (Saturday) skips 9 May (Victory Day) to 10 May.
      expect(weekday('2033-05-01')).toBe(SUN);
      expect(weekday('2033-05-07')).toBe(SAT);
      expect(weekday('2033-05-09')).toBe(MON);
      const may = exceptions(2033).filter((d) => d.date.startsWith('2033-05'));
      expect(may).toEqual([
        holiday('2033-05-01', 'UNITY_DAY'),
        movedDayOff('2033-05-02', '2033-05-01', 'UNITY_DAY'),
        holiday('2033-05-07', 'DEFENDER_DAY'),
        holiday('2033-05-09', 'VICTORY_DAY'),
        movedDayOff('2033-05-10', '2033-05-07', 'DEFENDER_DAY'),
      ]);
    });

    it('years without a known Kurban Ait date have no Kurban Ait day until an option adds it', () => {
      expect(exceptions(2027).some((d) => d.holiday === 'KURBAN_AIT')).toBe(false);
      const calendar = new WorkingCalendar({
        kurbanAitDates: { ...KURBAN_AIT_DATES, 2027: '2027-05-17' },
      });
      expect(calendar.isWorkingDay('2027-05-17')).toBe(false);
      expect(calendar.isWorkingDay('2026-05-27')).toBe(false);
    });
  });

  describe('exceptions', () => {
    it('exceptions(2026) lists every holiday and every moved day off, in date order', () => {
      // The weekend holidays of 2026, checked with Sakamoto's formula rather than the code under test.
      for (const d of ['2026-03-08', '2026-03-22', '2026-08-30', '2026-10-25']) {
        expect(weekday(d), d).toBe(SUN);
      }
      for (const d of ['2026-03-21', '2026-05-09']) {
        expect(weekday(d), d).toBe(SAT);
      }
      for (const d of ['2026-01-01', '2026-01-02', '2026-01-07', '2026-03-23', '2026-05-01']) {
        expect([1, 2, 3, 4, 5], d).toContain(weekday(d));
      }
      for (const d of ['2026-05-07', '2026-05-27', '2026-07-06', '2026-12-16']) {
        expect([1, 2, 3, 4, 5], d).toContain(weekday(d));
      }
      expect(exceptions(2026)).toEqual([
        holiday('2026-01-01', 'NEW_YEAR'),
        holiday('2026-01-02', 'NEW_YEAR'),
        holiday('2026-01-07', 'ORTHODOX_CHRISTMAS'),
        holiday('2026-03-08', 'WOMENS_DAY'),
        movedDayOff('2026-03-09', '2026-03-08', 'WOMENS_DAY'),
        holiday('2026-03-21', 'NAURYZ'),
        holiday('2026-03-22', 'NAURYZ'),
        holiday('2026-03-23', 'NAURYZ'),
        movedDayOff('2026-03-24', '2026-03-21', 'NAURYZ'),
        movedDayOff('2026-03-25', '2026-03-22', 'NAURYZ'),
        holiday('2026-05-01', 'UNITY_DAY'),
        holiday('2026-05-07', 'DEFENDER_DAY'),
        holiday('2026-05-09', 'VICTORY_DAY'),
        movedDayOff('2026-05-11', '2026-05-09', 'VICTORY_DAY'),
        holiday('2026-05-27', 'KURBAN_AIT'),
        holiday('2026-07-06', 'CAPITAL_DAY'),
        holiday('2026-08-30', 'CONSTITUTION_DAY'),
        movedDayOff('2026-08-31', '2026-08-30', 'CONSTITUTION_DAY'),
        holiday('2026-10-25', 'REPUBLIC_DAY'),
        movedDayOff('2026-10-26', '2026-10-25', 'REPUBLIC_DAY'),
        holiday('2026-12-16', 'INDEPENDENCE_DAY'),
      ]);
    });

    it('the reason of a moved day off names its holiday and date', () => {
      expect(defaultCalendar.day('2026-03-24').reason).toBe(
        'Day off moved from 2026-03-21 (Nauryz)',
      );
    });

    it('an ordinary day is not an exception', () => {
      expect(defaultCalendar.day('2026-11-24')).toEqual({
        date: '2026-11-24',
        working: true,
        reason: null,
        source: 'RULE',
        holiday: null,
        transferredFrom: null,
      });
      expect(defaultCalendar.day('2026-11-28')).toMatchObject({ working: false, reason: null });
    });

    it('callers cannot change the calendar through the days it returns', () => {
      const first = exceptions(2026);
      const firstDay = first[0];
      expect(firstDay).toBeDefined();
      if (firstDay !== undefined) {
        firstDay.working = true;
      }
      first.length = 0;
      expect(isWorkingDay('2026-01-01')).toBe(false);
      expect(exceptions(2026)).toHaveLength(21);
    });
  });

  describe('overrides', () => {
    const decree = 'Government decree No. 1 (test)';

    it('override: a working override on a holiday makes it a working day', () => {
      const calendar = new WorkingCalendar({
        overrides: [{ date: '2026-12-16', working: true, reason: decree }],
      });
      expect(calendar.isWorkingDay('2026-12-16')).toBe(true);
      expect(calendar.addWorkingDays('2026-12-14', 5)).toBe('2026-12-21');
      expect(calendar.day('2026-12-16')).toEqual({
        date: '2026-12-16',
        working: true,
        reason: decree,
        source: 'OVERRIDE',
        holiday: 'INDEPENDENCE_DAY',
        transferredFrom: null,
      });
    });

    it('override: a day off on Tuesday 2026-12-01 moves the C5 deadline to 2026-12-02', () => {
      const calendar = new WorkingCalendar({
        overrides: [{ date: '2026-12-01', working: false, reason: decree }],
      });
      expect(weekday('2026-12-01')).toBe(2);
      expect(calendar.isWorkingDay('2026-12-01')).toBe(false);
      expect(calendar.addWorkingDays('2026-11-24', 5)).toBe('2026-12-02');
      expect(calendar.workingDaysBetween('2026-11-24', '2026-12-02')).toBe(5);
    });

    it('override: a working Saturday counts as a working day', () => {
      const calendar = new WorkingCalendar({
        overrides: [{ date: '2026-11-28', working: true, reason: decree }],
      });
      expect(weekday('2026-11-28')).toBe(SAT);
      expect(calendar.addWorkingDays('2026-11-24', 5)).toBe('2026-11-30');
      expect(calendar.exceptions(2026)).toContainEqual({
        date: '2026-11-28',
        working: true,
        reason: decree,
        source: 'OVERRIDE',
        holiday: null,
        transferredFrom: null,
      });
    });

    it('override: replaces the rule for a moved day off and keeps what the rule said', () => {
      const calendar = defaultCalendar.withOverrides([
        { date: '2026-03-24', working: true, reason: decree },
      ]);
      expect(calendar.exceptions(2026)).toHaveLength(21);
      expect(calendar.day('2026-03-24')).toEqual({
        date: '2026-03-24',
        working: true,
        reason: decree,
        source: 'OVERRIDE',
        holiday: 'NAURYZ',
        transferredFrom: '2026-03-21',
      });
      // The rule does not move the day off further: a decree says where it goes.
      expect(calendar.isWorkingDay('2026-03-26')).toBe(true);
    });

    it('override: an override that agrees with the rules is still listed as an override', () => {
      const calendar = new WorkingCalendar({
        overrides: [{ date: '2026-11-24', working: true, reason: decree }],
      });
      expect(calendar.exceptions(2026)).toHaveLength(22);
      expect(calendar.day('2026-11-24').source).toBe('OVERRIDE');
    });

    it('override: the later of two overrides for one date wins', () => {
      const calendar = new WorkingCalendar({
        overrides: [
          { date: '2026-11-25', working: false, reason: 'first' },
          { date: '2026-11-25', working: true, reason: 'second' },
        ],
      });
      expect(calendar.day('2026-11-25')).toMatchObject({ working: true, reason: 'second' });
    });

    it('withOverrides returns a new calendar and leaves the original unchanged', () => {
      const base = new WorkingCalendar();
      expect(base.isWorkingDay('2026-11-25')).toBe(true);
      const changed = base.withOverrides([{ date: '2026-11-25', working: false, reason: decree }]);
      expect(changed.isWorkingDay('2026-11-25')).toBe(false);
      expect(base.isWorkingDay('2026-11-25')).toBe(true);
      expect(changed.withOverrides([]).isWorkingDay('2026-11-25')).toBe(true);
    });

    it('withOverrides keeps the Kurban Ait dates of its calendar', () => {
      const calendar = new WorkingCalendar({ kurbanAitDates: { 2027: '2027-05-17' } });
      expect(calendar.withOverrides([]).isWorkingDay('2027-05-17')).toBe(false);
      expect(calendar.withOverrides([]).isWorkingDay('2026-05-27')).toBe(true);
    });

    it('override: later changes to the caller’s array do not change the calendar', () => {
      const overrides = [{ date: '2026-11-25', working: false, reason: decree }];
      const calendar = new WorkingCalendar({ overrides });
      overrides[0] = { date: '2026-11-26', working: false, reason: decree };
      expect(calendar.isWorkingDay('2026-11-25')).toBe(false);
      expect(calendar.isWorkingDay('2026-11-26')).toBe(true);
    });

    it('override: the convenience functions take a calendar', () => {
      const calendar = new WorkingCalendar({
        overrides: [{ date: '2026-12-01', working: false, reason: decree }],
      });
      expect(isWorkingDay('2026-12-01', calendar)).toBe(false);
      expect(addWorkingDays('2026-11-24', 5, calendar)).toBe('2026-12-02');
      expect(workingDaysBetween('2026-11-24', '2026-12-02', calendar)).toBe(5);
      expect(exceptions(2026, calendar)).toHaveLength(22);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days in (from, to]', () => {
      expect(workingDaysBetween('2026-11-24', '2026-12-01')).toBe(5);
      expect(workingDaysBetween('2026-03-20', '2026-04-01')).toBe(5);
      expect(workingDaysBetween('2026-11-27', '2026-11-29')).toBe(0);
      expect(workingDaysBetween('2026-11-27', '2026-11-30')).toBe(1);
    });

    it('is 0 when from equals to', () => {
      expect(workingDaysBetween('2026-11-24', '2026-11-24')).toBe(0);
      expect(workingDaysBetween('2026-03-21', '2026-03-21')).toBe(0);
    });

    it('is negative, counting (to, from], when to is before from', () => {
      expect(workingDaysBetween('2026-12-01', '2026-11-24')).toBe(-5);
      expect(workingDaysBetween('2027-01-08', '2026-12-14')).toBe(-15);
      // +0, not -0: a weekend before a weekend day holds no working day.
      expect(workingDaysBetween('2026-11-29', '2026-11-28')).toBe(0);
    });

    it('is the inverse of addWorkingDays, across New Year too', () => {
      expect(workingDaysBetween('2026-12-14', '2027-01-08')).toBe(15);
      expect(workingDaysBetween('2027-12-31', '2028-01-05')).toBe(1);
      expect(workingDaysBetween('2026-01-01', '2026-12-31')).toBe(
        365 - 104 - exceptions(2026).filter((d) => weekday(d.date) % 6 !== 0).length,
      );
    });
  });

  describe('invalid input', () => {
    it('an invalid LocalDate is a RangeError everywhere', () => {
      for (const bad of ['2026-02-30', '2026-2-3', '', '2026-13-01', '20260101']) {
        expect(() => isWorkingDay(bad), bad).toThrow(RangeError);
        expect(() => addWorkingDays(bad, 1), bad).toThrow(RangeError);
        expect(() => workingDaysBetween(bad, '2026-01-01'), bad).toThrow(RangeError);
        expect(() => workingDaysBetween('2026-01-01', bad), bad).toThrow(RangeError);
        expect(() => defaultCalendar.day(bad), bad).toThrow(RangeError);
      }
      expect(() => isWorkingDay('2026-02-30')).toThrow(/2026-02-30/);
    });

    it('a negative or fractional working day count is a RangeError', () => {
      for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(() => addWorkingDays('2026-11-24', n), String(n)).toThrow(RangeError);
      }
    });

    it('a year that is not an integer 0–9999 is a RangeError', () => {
      for (const year of [2026.5, -1, 10_000, Number.NaN]) {
        expect(() => exceptions(year), String(year)).toThrow(RangeError);
      }
    });

    it('an invalid override or Kurban Ait date is a RangeError at construction', () => {
      expect(
        () =>
          new WorkingCalendar({ overrides: [{ date: '2026-02-30', working: true, reason: 'x' }] }),
      ).toThrow(RangeError);
      expect(() => new WorkingCalendar({ kurbanAitDates: { 2027: '2027-02-30' } })).toThrow(
        RangeError,
      );
      expect(() => new WorkingCalendar({ kurbanAitDates: { 2027: '2026-05-27' } })).toThrow(
        RangeError,
      );
      expect(() =>
        defaultCalendar.withOverrides([{ date: 'soon', working: false, reason: 'x' }]),
      ).toThrow(RangeError);
    });

    it('a deadline past 9999-12-31 is a RangeError', () => {
      expect(() => addWorkingDays('9999-12-30', 5)).toThrow(RangeError);
    });
  });
});
