import { describe, expect, it } from 'vitest';
import { almatyDate, almatyDayStart } from '../../../src/modules/calendar/almaty-time.js';

describe('almatyDayStart', () => {
  it('Audit: a date starts at midnight Almaty time, UTC+5 since 1 March 2024', () => {
    expect(almatyDayStart('2026-11-24').toISOString()).toBe('2026-11-23T19:00:00.000Z');
    expect(almatyDayStart('2024-03-02').toISOString()).toBe('2024-03-01T19:00:00.000Z');
  });

  it('Audit: a date before 1 March 2024 starts at midnight UTC+6, the offset of that day', () => {
    expect(almatyDayStart('2024-02-29').toISOString()).toBe('2024-02-28T18:00:00.000Z');
    expect(almatyDayStart('2023-07-15').toISOString()).toBe('2023-07-14T18:00:00.000Z');
  });

  it('Audit: 1 March 2024 starts after the hour that 29 February lived twice', () => {
    const start = almatyDayStart('2024-03-01');
    expect(start.toISOString()).toBe('2024-02-29T19:00:00.000Z');
    expect(almatyDate(new Date(start.getTime() - 1))).toBe('2024-02-29');
    expect(almatyDate(start)).toBe('2024-03-01');
  });
});
