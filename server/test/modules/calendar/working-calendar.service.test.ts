import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '@complaints/calendar';
import type { Actor } from '../../../src/context.js';
import { WorkingCalendarService } from '../../../src/modules/calendar/working-calendar.service.js';
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

const ctx = (actor: Actor, now: Date) => ctxFor(db.orm, actor, now);

describe(WorkingCalendarService.name, () => {
  it('Deadlines: Kurban Ait 2026 ships as data and calendarExceptions shows overrides with their reason', async () => {
    const c = ctx(supervisor, at('2026-01-05 10:00'));
    await c.em.transactional((em) =>
      services.calendars.writeDay(em, c, {
        date: '2027-02-04',
        working: false,
        reason: 'Government decree No. 1',
      }),
    );
    const days2026 = await services.calendars.exceptions(c, 2026);
    expect(days2026).toContainEqual(
      expect.objectContaining({ date: '2026-05-27', working: false, source: 'RULE' }),
    );
    const days2027 = await services.calendars.exceptions(c, 2027);
    expect(days2027).toContainEqual(
      expect.objectContaining({
        date: '2027-02-04',
        working: false,
        source: 'OVERRIDE',
        reason: 'Government decree No. 1',
      }),
    );
  });

  it('Deadlines: addWorkingDays and workingDaysBetween refuse absurd ranges with BAD_USER_INPUT', async () => {
    const c = ctx(supervisor, at('2026-01-05 10:00'));
    await expect(services.calendars.addWorkingDays(c, '2026-01-05', -1)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { days: expect.any(String) },
    });
    await expect(services.calendars.exceptions(c, 1800)).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { year: expect.any(String) },
    });
    expect(await services.calendars.workingDaysBetween(c, '2026-03-20', '2026-04-01')).toBe(5);
  });

  it('C4: registration date follows art. 64: received by closing time the same day, later the next working day', () => {
    const calendar = new WorkingCalendar();
    expect(services.calendars.registrationDate(calendar, at('2026-11-27 18:29'))).toBe(
      '2026-11-27',
    );
    expect(services.calendars.registrationDate(calendar, at('2026-11-27 18:30'))).toBe(
      '2026-11-30',
    );
    expect(services.calendars.registrationDate(calendar, at('2026-11-28 10:00'))).toBe(
      '2026-11-30',
    );
    // 23:30 UTC on a Monday is already Tuesday in Almaty.
    expect(services.calendars.registrationDate(calendar, new Date('2026-11-23T23:30:00Z'))).toBe(
      '2026-11-24',
    );
    const closesAtFive = new WorkingCalendarService({ hour: 17, minute: 0 });
    expect(closesAtFive.registrationDate(calendar, at('2026-11-27 17:05'))).toBe('2026-11-30');
  });

  it('O5: notices go out in working hours only: inside them now, otherwise at the next opening', () => {
    const calendar = new WorkingCalendar();
    const hours = services.calendars;
    // Wednesday 2 December 2026, 10:00: inside.
    expect(hours.nextWorkingHours(calendar, at('2026-12-02 10:00'))).toBeNull();
    // Before opening: the same morning at 09:00.
    expect(hours.nextWorkingHours(calendar, at('2026-12-02 07:15'))).toEqual(
      at('2026-12-02 09:00'),
    );
    // At closing and in the night: the next working morning.
    expect(hours.nextWorkingHours(calendar, at('2026-12-02 18:30'))).toEqual(
      at('2026-12-03 09:00'),
    );
    expect(hours.nextWorkingHours(calendar, at('2026-12-02 23:50'))).toEqual(
      at('2026-12-03 09:00'),
    );
    // Saturday: Monday morning; the evening before Independence Day (Wednesday 16 December): Thursday.
    expect(hours.nextWorkingHours(calendar, at('2026-12-05 12:00'))).toEqual(
      at('2026-12-07 09:00'),
    );
    expect(hours.nextWorkingHours(calendar, at('2026-12-15 19:00'))).toEqual(
      at('2026-12-17 09:00'),
    );
  });
});
