import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  compareLocalDate,
  dayOfWeek,
  formatLocalDate,
  isLocalDate,
  parseLocalDate,
} from '../src/index.js';

const MS_PER_DAY = 86_400_000;

describe('LocalDate', () => {
  describe('isLocalDate', () => {
    it('accepts real dates written YYYY-MM-DD', () => {
      for (const s of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '0000-01-01']) {
        expect(isLocalDate(s)).toBe(true);
      }
    });

    it('rejects impossible dates and other formats', () => {
      for (const s of [
        '2026-02-30',
        '2026-02-29',
        '1900-02-29',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-01-00',
        '2026-1-05',
        '26-01-05',
        '2026/01/05',
        '2026-01-05T00:00',
        ' 2026-01-05',
        '2026-01-0x',
        '+202-01-05',
        '',
      ]) {
        expect(isLocalDate(s), s).toBe(false);
      }
    });
  });

  describe('parseLocalDate and formatLocalDate', () => {
    it('parse gives midnight UTC of that date', () => {
      expect(parseLocalDate('2026-03-21').toISOString()).toBe('2026-03-21T00:00:00.000Z');
      expect(parseLocalDate('0001-01-01').toISOString()).toBe('0001-01-01T00:00:00.000Z');
    });

    it('format reads the UTC calendar date, whatever the time of day', () => {
      expect(formatLocalDate(new Date('2026-12-31T23:59:59.999Z'))).toBe('2026-12-31');
      expect(formatLocalDate(new Date(Date.UTC(2028, 1, 29)))).toBe('2028-02-29');
    });

    it('invalid input is a RangeError', () => {
      expect(() => parseLocalDate('2026-02-30')).toThrow(RangeError);
      expect(() => formatLocalDate(new Date(Number.NaN))).toThrow(RangeError);
      expect(() => formatLocalDate(new Date('+010000-01-01T00:00:00Z'))).toThrow(RangeError);
    });

    it('format(parse(d)) === d for every date, and agrees with Date.UTC', () => {
      fc.assert(
        fc.property(fc.integer({ min: -25_567, max: 2_932_896 }), (epochDay) => {
          const date = new Date(epochDay * MS_PER_DAY);
          const d = formatLocalDate(date);
          expect(d).toBe(date.toISOString().slice(0, 10));
          expect(parseLocalDate(d).getTime()).toBe(date.getTime());
          expect(isLocalDate(d)).toBe(true);
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('addDays, dayOfWeek, compareLocalDate', () => {
    it('addDays crosses month, leap-day and year ends', () => {
      expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
      expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
      expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
      expect(addDays('2026-01-01', 0)).toBe('2026-01-01');
      expect(addDays('2026-01-01', 365)).toBe('2027-01-01');
    });

    it('dayOfWeek is 0 = Sunday … 6 = Saturday', () => {
      expect(dayOfWeek('2026-03-21')).toBe(6);
      expect(dayOfWeek('2026-03-22')).toBe(0);
      expect(dayOfWeek('2026-11-24')).toBe(2);
      expect(dayOfWeek('1970-01-01')).toBe(4);
    });

    it('compareLocalDate orders chronologically', () => {
      expect(compareLocalDate('2026-01-01', '2026-01-02')).toBe(-1);
      expect(compareLocalDate('2026-01-02', '2026-01-02')).toBe(0);
      expect(compareLocalDate('2027-01-01', '2026-12-31')).toBe(1);
    });

    it('invalid dates or day counts are a RangeError', () => {
      expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
      expect(() => addDays('2026-02-01', 1.5)).toThrow(RangeError);
      expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
      expect(() => dayOfWeek('2026-1-1')).toThrow(RangeError);
      expect(() => compareLocalDate('2026-01-01', 'tomorrow')).toThrow(RangeError);
    });

    it('addDays and dayOfWeek agree with UTC Date arithmetic', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 50_000 }),
          fc.integer({ min: -20_000, max: 20_000 }),
          (epochDay, n) => {
            const d = new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
            const expected = new Date((epochDay + n) * MS_PER_DAY);
            expect(addDays(d, n)).toBe(expected.toISOString().slice(0, 10));
            expect(dayOfWeek(d)).toBe(new Date(epochDay * MS_PER_DAY).getUTCDay());
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
