import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar, type LocalDate } from '@complaints/calendar';
import { almatyDate } from '../../../src/modules/calendar/index.js';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../../support/api.js';

// C4 (art. 64 APC): a paper complaint is registered with the day it reached the office, even when
// the officer enters it later: a working day before 18:30 is that day, otherwise the next working
// day; the deadline counts from the registration date.

let world: ApiWorld;
const calendar = new WorkingCalendar();

beforeAll(async () => {
  world = await startApiWorld();
});

afterAll(async () => {
  await world?.stop();
});

interface Filed {
  fileComplaint: {
    complaint: {
      id: string;
      registration: { registeredOn: string; responseDeadline: string; incomingNumber: string };
    };
  };
}

/** The instant `hh:mm` in Almaty (UTC+5) on `day`. */
function almatyAt(day: LocalDate, time: string): Date {
  return new Date(`${day}T${time}:00+05:00`);
}

/** The latest working day strictly before today whose next working day is before today too. */
function recentWorkingDay(): LocalDate {
  let day = almatyDate(new Date());
  for (;;) {
    day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    if (calendar.isWorkingDay(day) && calendar.addWorkingDays(day, 1) < almatyDate(new Date())) {
      return day;
    }
  }
}

async function file(receivedAt: Date | string, channel = 'PAPER') {
  const officer = await world.as('officer');
  return officer.request<Filed>(FILE_COMPLAINT, {
    input: complaintInput(world.providers.astana.id, { receivedAt, channel }),
  });
}

describe('registration with the day the complaint was received', () => {
  it('C4: received on a working day before closing: registered that day, deadline 5 working days after it', async () => {
    const day = recentWorkingDay();
    const answer = await file(almatyAt(day, '10:15').toISOString());
    expect(answer.errors).toBeUndefined();
    const { registration, id } = answer.data!.fileComplaint.complaint;
    expect(registration.registeredOn).toBe(day);
    expect(registration.responseDeadline).toBe(calendar.addWorkingDays(day, 5));
    const [row] = await world.sql<{ registered_at: Date }>(
      `select registered_at from complaint where id = $1`,
      [id],
    );
    expect(row!.registered_at.toISOString()).toBe(almatyAt(day, '10:15').toISOString());
    const [audit] = await world.sql<{ change: Record<string, unknown> }>(
      `select change from audit_record where entity_id = $1 and action = 'complaint.file'`,
      [id],
    );
    expect(audit!.change.receivedAt).toBe(almatyAt(day, '10:15').toISOString());
  });

  it('C4: received after closing time: registered on the next working day', async () => {
    const day = recentWorkingDay();
    const answer = await file(almatyAt(day, '18:45').toISOString());
    expect(answer.errors).toBeUndefined();
    const next = calendar.addWorkingDays(day, 1);
    expect(answer.data!.fileComplaint.complaint.registration.registeredOn).toBe(next);
    expect(answer.data!.fileComplaint.complaint.registration.responseDeadline).toBe(
      calendar.addWorkingDays(next, 5),
    );
  });

  it('C4: a future, a long-past or an electronic receipt is refused on receivedAt and nothing is written', async () => {
    const [{ n: before }] = (await world.sql<{ n: number }>(
      `select count(*)::int as n from complaint`,
    )) as [{ n: number }];
    const cases: [Date, string, string][] = [
      [new Date(Date.now() + 3_600_000), 'PAPER', 'futureDate'],
      [new Date(Date.now() - 31 * 86_400_000), 'PAPER', 'receivedTooLongAgo'],
      [new Date(Date.now() - 3_600_000), 'ELECTRONIC', 'notForElectronic'],
    ];
    for (const [at, channel] of cases) {
      const answer = await file(at.toISOString(), channel);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(answer.errors?.[0]?.extensions)).toContain('receivedAt');
    }
    const [{ n: after }] = (await world.sql<{ n: number }>(
      `select count(*)::int as n from complaint`,
    )) as [{ n: number }];
    expect(after).toBe(before);
  });
});
