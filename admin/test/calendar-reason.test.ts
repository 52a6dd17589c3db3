import { describe, expect, it } from 'vitest';
import { dayReason } from '../src/composables/useWorkingCalendar';

const movedFrom = ({ date, holiday }: { date: string; holiday: string }) =>
  `moved from ${date} (${holiday})`;

describe('dayReason', () => {
  it('Calendar: a holiday is named in the reader’s language', () => {
    const day = {
      source: 'RULE' as const,
      holiday: 'NAURYZ',
      transferredFrom: null,
      reason: 'Nauryz',
    };
    expect(dayReason(day, 'kk', movedFrom)).toBe('Наурыз мейрамы');
    expect(dayReason({ ...day, holiday: 'INDEPENDENCE_DAY' }, 'ru', movedFrom)).toBe(
      'День Независимости',
    );
  });

  it('Calendar: a moved day off names the holiday and its date as dd.MM.yyyy', () => {
    const day = {
      source: 'RULE' as const,
      holiday: 'NAURYZ',
      transferredFrom: '2026-03-21',
      reason: 'x',
    };
    expect(dayReason(day, 'ru', movedFrom)).toBe('moved from 21.03.2026 (Наурыз мейрамы)');
  });

  it('Calendar: an override keeps the decree’s own words', () => {
    const day = {
      source: 'OVERRIDE' as const,
      holiday: 'NAURYZ',
      transferredFrom: null,
      reason: 'Decree No. 5',
    };
    expect(dayReason(day, 'kk', movedFrom)).toBe('Decree No. 5');
  });
});
