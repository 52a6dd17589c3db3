import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMPLAINT_ACTIONS,
  COMPLAINT_STATUS_VALUES,
  REVIEW_LEVEL_VALUES,
  REVIEW_TERM_WORKING_DAYS,
  nextStatus,
  type ComplaintAction,
  type ComplaintStatus,
  type ReviewLevel,
} from '@complaints/domain';
import type { Actor } from '../../../src/context.js';
import { ComplaintService } from '../../../src/modules/complaints/complaint.service.js';
import type { Complaint } from '../../../src/modules/complaints/complaint.entity.js';
import { allocateIncomingNumber } from '../../../src/modules/complaints/incoming-number.js';
import { REGISTRATION_COLUMNS } from '../../../src/modules/complaints/registration.js';
import { joinSql, runStatement, sql } from '../../../src/db/statement.js';
import type { Services } from '../../../src/services.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import {
  at,
  ctxFor,
  individualComplaint,
  legalEntityComplaint,
  newAuthority,
  newProvider,
  newPublicService,
  newUser,
  testServices,
  writeCounts,
} from '../../support/factories.js';

let db: TestDatabase;
let services: Services;
let providerId: string;
let providerOfficeCode: string;
let authorityOfficeCode: string;
let officer: Actor;
let inspector: Actor;
let partner: Actor;
const MONDAY_MORNING = at('2026-11-23 10:00');

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices();
  const em = db.orm.em.fork();
  const provider = await newProvider(em, 'Астана');
  const authority = await newAuthority(em, 'Астана');
  providerId = provider.id;
  providerOfficeCode = provider.officeCode;
  authorityOfficeCode = authority.officeCode;
  officer = (await newUser(em, 'PROVIDER_OFFICER', { providerId })).actor;
  inspector = (await newUser(em, 'INSPECTOR', { authorityId: authority.id })).actor;
  partner = (await newUser(em, 'PARTNER')).actor;
});

afterAll(async () => {
  await db?.drop();
});

const ctx = (actor: Actor, now: Date) => ctxFor(db.orm, actor, now);
const counts = () => writeCounts((text) => db.sql(text));

/** The tracking code of each receipt handed out: the portal presents it to act for the recipient. */
const receipts = new Map<string, string>();

async function file(now = MONDAY_MORNING, input = individualComplaint(providerId)) {
  const receipt = await services.complaints.fileComplaint(ctx(officer, now), input);
  receipts.set(receipt.complaint.id, receipt.trackingCode);
  return receipt;
}

/** Asserts the error code and returns what the error carries beside it (fields, reason…). */
async function expectError(
  promise: Promise<unknown>,
  code: string,
): Promise<{ fields?: Record<string, string>; [key: string]: unknown }> {
  await expect(promise).rejects.toMatchObject({ code });
  const error = (await promise.catch((thrown: unknown) => thrown)) as {
    details: { fields?: Record<string, string> };
  };
  return error.details;
}

/** A complaint brought to `status` at `level` through the real procedure. */
async function complaintIn(level: ReviewLevel, status: ComplaintStatus): Promise<Complaint> {
  const receipt = await file();
  let complaint = receipt.complaint;
  const late = at('2026-12-10 11:00');
  if (level === 'PROVIDER') {
    if (status === 'REGISTERED') return complaint;
    if (status === 'WITHDRAWN') {
      return services.complaints.withdraw(ctx(officer, late), complaint.id, 1, 'Кері қайтарылды');
    }
    if (status === 'ESCALATED') {
      await services.complaints.escalate(
        ctx(partner, late),
        complaint.id,
        escalation(complaint.id),
      );
      return (await services.complaints.findById(db.orm.em.fork(), complaint.id))!;
    }
    complaint = await services.complaints.startReview(ctx(officer, late), complaint.id, 1);
    if (status === 'IN_REVIEW') return complaint;
    complaint = await services.complaints.decide(ctx(officer, late), complaint.id, 2, rejected());
    if (status === 'DECIDED') return complaint;
    throw new Error(`no PROVIDER complaint can be ${status}`);
  }
  await services.complaints.decide(ctx(officer, late), complaint.id, 1, rejected());
  let child = (
    await services.complaints.escalate(ctx(partner, late), complaint.id, escalation(complaint.id))
  ).complaint;
  if (status === 'REGISTERED') return child;
  if (status === 'WITHDRAWN') {
    return services.complaints.withdraw(ctx(inspector, late), child.id, 1, 'Кері қайтарылды');
  }
  child = await services.complaints.startReview(ctx(inspector, late), child.id, 1);
  if (status === 'IN_REVIEW') return child;
  child = await services.complaints.decide(ctx(inspector, late), child.id, 2, rejected());
  if (status === 'DECIDED') return child;
  if (status === 'COURT_REFERRED') {
    return services.complaints.referToCourt(ctx(partner, late), child.id, court());
  }
  throw new Error(`no AUTHORITY complaint can be ${status}`);
}

const rejected = () => ({ outcome: 'REJECTED' as const, reasoning: 'Стандарт бұзылмаған.' });
const escalation = (complaintId: string) => ({
  reason: 'Шешіммен келіспеймін.',
  channel: 'ELECTRONIC' as const,
  signature: 'DIGITAL' as const,
  trackingCode: receipts.get(complaintId) ?? null,
});
const court = () => ({ court: 'Астана қаласының әкімшілік соты', filedOn: '2026-11-20' });

function perform(action: ComplaintAction, complaint: Complaint, actor: Actor, now: Date) {
  const c = ctx(actor, now);
  switch (action) {
    case 'startReview':
      return services.complaints.startReview(c, complaint.id, complaint.version);
    case 'decide':
      return services.complaints.decide(c, complaint.id, complaint.version, rejected());
    case 'escalate':
      return services.complaints.escalate(c, complaint.id, escalation(complaint.id));
    case 'referToCourt':
      return services.complaints.referToCourt(c, complaint.id, court());
    case 'withdraw':
      return services.complaints.withdraw(c, complaint.id, complaint.version, 'Кері қайтарылды');
  }
}

describe(ComplaintService.name, () => {
  describe('fileComplaint', () => {
    it('C4: registration stamps an incoming number of the office and year, who accepted it, the date and place', async () => {
      const { complaint, trackingCode } = await file();
      const stamp = complaint.registration;
      expect(stamp.incomingNumber).toMatch(new RegExp(`^${providerOfficeCode}-2026-\\d{5}$`));
      expect(stamp.acceptedBy).toBe(officer.displayName);
      expect(stamp.registeredAt.toISOString()).toBe(MONDAY_MORNING.toISOString());
      expect(stamp.registeredOn).toBe('2026-11-23');
      expect(stamp.responsePlace).toContain('Поставщик');
      expect(complaint.status).toBe('REGISTERED');
      expect(complaint.level).toBe('PROVIDER');
      expect(trackingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      const [row] = await db.sql<{ tracking_code_hash: string }>(
        'select tracking_code_hash from complaint where id = $1',
        [complaint.id],
      );
      expect(row!.tracking_code_hash).not.toContain(trackingCode.replaceAll('-', ''));
      expect(row!.tracking_code_hash).toMatch(/^[0-9a-f]{64}$/);
    });

    it('C5: provider deadline is 5 working days after registration (2026-11-24 → 2026-12-01)', async () => {
      const { complaint } = await file(at('2026-11-24 09:15'));
      expect(complaint.registration.registeredOn).toBe('2026-11-24');
      expect(complaint.registration.responseDeadline).toBe('2026-12-01');
    });

    it('C5: the count skips 16 December (2026-12-14 → 2026-12-22)', async () => {
      const { complaint } = await file(at('2026-12-14 12:00'));
      expect(complaint.registration.responseDeadline).toBe('2026-12-22');
    });

    it('C4: a complaint received after 18:30 is registered on the next working day', async () => {
      const { complaint } = await file(at('2026-11-27 18:45'));
      expect(complaint.registration.registeredOn).toBe('2026-11-30');
      expect(complaint.registration.responseDeadline).toBe('2026-12-07');
    });

    it('C4: a complaint received on a day off is registered on the next working day', async () => {
      const { complaint } = await file(at('2026-03-21 11:00'));
      expect(complaint.registration.registeredOn).toBe('2026-03-26');
      expect(complaint.registration.responseDeadline).toBe('2026-04-02');
    });

    it('C2: a legal entity complaint with name, address, outgoing number and date is registered', async () => {
      const { complaint } = await file(MONDAY_MORNING, legalEntityComplaint(providerId));
      expect(complaint.recipient.kind).toBe('LEGAL_ENTITY');
      expect(complaint.recipient.outgoingNumber).toBe('112/4');
      expect(complaint.channel).toBe('ELECTRONIC');
      // C4: an electronic complaint is answered in the recipient's portal account, said in kk and ru.
      expect(complaint.registration.responsePlace).toContain(
        '«Электрондық үкімет» порталындағы жеке кабинет',
      );
      expect(complaint.registration.responsePlace).toContain('электронного правительства');
    });

    it('C1: an individual complaint without surname and postal address is refused and nothing is written', async () => {
      const before = await counts();
      const input = individualComplaint(providerId);
      const fields = await expectError(
        file(MONDAY_MORNING, {
          ...input,
          recipient: { ...input.recipient, surname: ' ', postalAddress: '' },
        }),
        'BAD_USER_INPUT',
      );
      expect(Object.keys(fields.fields as object).sort()).toEqual([
        'recipient.postalAddress',
        'recipient.surname',
      ]);
      expect(await counts()).toEqual(before);
    });

    it('C2: a legal entity complaint without outgoing number and with a bad BIN is refused', async () => {
      const before = await counts();
      const input = legalEntityComplaint(providerId);
      const fields = await expectError(
        file(MONDAY_MORNING, {
          ...input,
          recipient: { ...input.recipient, outgoingNumber: null, bin: '123456789012' },
        }),
        'BAD_USER_INPUT',
      );
      expect(fields.fields).toHaveProperty(['recipient.outgoingNumber']);
      expect(fields.fields).toHaveProperty(['recipient.bin']);
      expect(await counts()).toEqual(before);
    });

    it('C3: an unsigned complaint is not accepted and nothing is written', async () => {
      const before = await counts();
      const input = {
        ...individualComplaint(providerId),
        signature: null,
      } as unknown as Parameters<typeof file>[1];
      const fields = await expectError(file(MONDAY_MORNING, input), 'BAD_USER_INPUT');
      expect(fields.fields).toHaveProperty('signature');
      expect(await counts()).toEqual(before);
    });

    it('R3: a complaint against an unknown provider or service is refused on that field', async () => {
      const before = await counts();
      const unknownProvider = await expectError(
        services.complaints.fileComplaint(
          ctx(partner, MONDAY_MORNING),
          individualComplaint('00000000-0000-4000-8000-000000000000', {
            channel: 'ELECTRONIC',
            signature: 'DIGITAL',
          }),
        ),
        'BAD_USER_INPUT',
      );
      expect(unknownProvider.fields).toHaveProperty('providerId');
      const unknownService = await expectError(
        file(MONDAY_MORNING, individualComplaint(providerId, { publicServiceCode: 'NOPE' })),
        'BAD_USER_INPUT',
      );
      expect(unknownService.fields).toHaveProperty('publicServiceCode');
      expect(await counts()).toEqual(before);
    });

    it('R2: a complaint names the public service it is about', async () => {
      const service = await newPublicService(db.orm.em.fork());
      const { complaint } = await file(
        MONDAY_MORNING,
        individualComplaint(providerId, { publicServiceCode: service.code }),
      );
      expect(complaint.publicServiceCode).toBe(service.code);
    });

    it('C4: error messages follow the request language', async () => {
      const input = individualComplaint(providerId);
      const c = { ...ctx(officer, MONDAY_MORNING), language: 'kk' as const };
      const error = await expectError(
        services.complaints.fileComplaint(c, { ...input, description: '' }),
        'BAD_USER_INPUT',
      );
      expect((error.fields as Record<string, string>).description).toBe('Толтыру міндетті');
    });

    it('O8, O5: consents given at filing are written, each with its notice, and the stamp is notified, all carrying the incoming number', async () => {
      const consent = {
        scope: ['PERSONAL_DATA' as const],
        signedBy: 'Ахметова Айгүл',
        method: 'HANDWRITTEN' as const,
        signedOn: '2026-11-20',
        evidence: 'Form 17/2026',
      };
      const { complaint } = await file(
        MONDAY_MORNING,
        individualComplaint(providerId, {
          consents: [consent, { ...consent, scope: ['BANK_SECRET'], method: 'DIGITAL' }],
        }),
      );
      const number = complaint.registration.incomingNumber;
      expect(number).toMatch(new RegExp(`^${providerOfficeCode}-2026-\\d{5}$`));
      const consents = await db.sql<{ scope: string[]; evidence: string }>(
        'select scope, evidence from consent where complaint_id = $1 order by scope',
        [complaint.id],
      );
      expect(consents).toEqual([
        { scope: ['BANK_SECRET'], evidence: 'Form 17/2026' },
        { scope: ['PERSONAL_DATA'], evidence: 'Form 17/2026' },
      ]);
      const notices = await db.sql<{ kind: string; number: string; needs: string[] }>(
        `select kind, content->>'incomingNumber' as number, accessibility_needs as needs
           from notice where complaint_id = $1 order by kind`,
        [complaint.id],
      );
      expect(notices).toEqual([
        { kind: 'CONSENT_RECORDED', number, needs: ['LARGE_PRINT', 'SIGN_LANGUAGE'] },
        { kind: 'CONSENT_RECORDED', number, needs: ['LARGE_PRINT', 'SIGN_LANGUAGE'] },
        { kind: 'REGISTERED', number, needs: ['LARGE_PRINT', 'SIGN_LANGUAGE'] },
      ]);
      const [row] = await db.sql<{ incoming_number: string; search_text: string }>(
        'select incoming_number, search_text from complaint where id = $1',
        [complaint.id],
      );
      expect(row!.incoming_number).toBe(number);
      expect(row!.search_text).toBe(complaint.searchText);
      expect(row!.search_text.startsWith(`${number.toLowerCase()} ахметова`)).toBe(true);
      const [audit] = await db.sql<{ number: string; consents: string }>(
        `select change->>'incomingNumber' as number, change->>'consents' as consents
           from audit_record where entity_id = $1`,
        [complaint.id],
      );
      expect(audit).toEqual({ number, consents: '2' });
    });

    it('C4: the filing writes its history event and audit record', async () => {
      const { complaint } = await file();
      const events = await db.sql(
        'select action, from_status, to_status from complaint_event where complaint_id = $1',
        [complaint.id],
      );
      expect(events).toEqual([{ action: 'file', from_status: null, to_status: 'REGISTERED' }]);
      const audit = await db.sql(
        'select action, entity_id from audit_record where entity_id = $1',
        [complaint.id],
      );
      expect(audit).toEqual([{ action: 'complaint.file', entity_id: complaint.id }]);
    });
  });

  describe('incoming numbers', () => {
    it('C4: 60 parallel filings at one office and 60 spread over four get the numbers 1..N of each office and year, as stored; the audit chain holds', async () => {
      const year = 2031;
      const when = at(`${year}-02-03 10:00`);
      const em = db.orm.em.fork();
      const offices: string[] = [];
      for (let i = 0; i < 4; i += 1) offices.push((await newProvider(em)).id);
      const spread = (i: number) =>
        services.complaints.fileComplaint(
          ctx(partner, when),
          individualComplaint(offices[i % offices.length]!, {
            channel: 'ELECTRONIC',
            signature: 'DIGITAL',
          }),
        );
      // Interleaved, so that filings at the one office and at the others wait on each other.
      const results = await Promise.all(
        Array.from({ length: 120 }, (_, i) => (i % 2 === 0 ? file(when) : spread(i >> 1))),
      );
      const byOffice = new Map<string, number[]>();
      for (const { complaint } of results) {
        const { incomingNumber, officeCode } = complaint.registration;
        expect(incomingNumber.startsWith(`${officeCode}-${year}-`)).toBe(true);
        const sequence = byOffice.get(officeCode) ?? [];
        sequence.push(Number(incomingNumber.slice(`${officeCode}-${year}-`.length)));
        byOffice.set(officeCode, sequence);
      }
      expect([...byOffice.values()].map((sequence) => sequence.length).sort()).toEqual([
        15, 15, 15, 15, 60,
      ]);
      for (const sequence of byOffice.values()) {
        expect(sequence.sort((a, b) => a - b)).toEqual(
          Array.from({ length: sequence.length }, (_, i) => i + 1),
        );
      }
      // What each receipt says is what was stored, with its history and audit record.
      const stored = await db.sql<{ id: string; incoming_number: string; audited: string }>(
        `select c.id, c.incoming_number, a.change->>'incomingNumber' as audited
           from complaint c join audit_record a on a.entity_id = c.id::text
          where c.registered_on between '${year}-01-01' and '${year}-12-31'`,
      );
      expect(new Map(stored.map((row) => [row.id, row.incoming_number]))).toEqual(
        new Map(results.map((r) => [r.complaint.id, r.complaint.registration.incomingNumber])),
      );
      expect(stored.every((row) => row.audited === row.incoming_number)).toBe(true);
      const [events] = await db.sql<{ n: number }>(
        `select count(*)::int as n from complaint_event e join complaint c on c.id = e.complaint_id
          where c.registered_on between '${year}-01-01' and '${year}-12-31'`,
      );
      expect(events!.n).toBe(120);
      expect((await services.audit.verify(db.orm.em.fork())).valid).toBe(true);
    });

    it('C4: a filing that fails after taking its number gives it back, and writes nothing', async () => {
      const em = db.orm.em.fork();
      const provider = await newProvider(em);
      const clerk = (await newUser(em, 'PROVIDER_OFFICER', { providerId: provider.id })).actor;
      const fileThere = () =>
        services.complaints.fileComplaint(
          ctx(clerk, at('2033-02-03 10:00')),
          individualComplaint(provider.id),
        );
      // The audit record is the filing's last row: refusing it undoes the number and the rest.
      await db.sql(`create function refuse_audit() returns trigger language plpgsql as $$
        begin raise exception 'audit refused'; end $$`);
      await db.sql(`create trigger refuse_audit before insert on audit_record for each row
        when (new.change->>'providerId' = '${provider.id}') execute function refuse_audit()`);
      const before = await counts();
      try {
        await expect(fileThere()).rejects.toThrow('audit refused');
        await expect(fileThere()).rejects.toThrow('audit refused');
        expect(await counts()).toEqual(before);
      } finally {
        await db.sql('drop trigger refuse_audit on audit_record');
        await db.sql('drop function refuse_audit()');
      }
      const { complaint } = await fileThere();
      expect(complaint.registration.incomingNumber).toBe(`${provider.officeCode}-2033-00001`);
    });

    it('C4: a registration writes every column of its rows that is not set later', async () => {
      const columns = await db.sql<{ table_name: string; column_name: string }>(
        `select table_name, column_name from information_schema.columns
          where table_schema = 'public' and table_name = any($1)`,
        [Object.keys(REGISTRATION_COLUMNS)],
      );
      const unwritten = columns
        .filter((c) => !REGISTRATION_COLUMNS[c.table_name]!.includes(c.column_name))
        .map((c) => `${c.table_name}.${c.column_name}`)
        .sort();
      expect(unwritten).toEqual(
        [
          // Set by the later steps of the procedure.
          'complaint.outcome',
          'complaint.reasoning',
          'complaint.remedial_measures',
          'complaint.decided_at',
          'complaint.decided_on',
          'complaint.decided_by',
          'complaint.court_referral_court',
          'complaint.court_referral_filed_on',
          'complaint.court_referral_case_number',
          'complaint.assignee_id',
          'complaint.withdrawal_reason',
          'consent.revoked_at',
          'consent.revoked_by_id',
          // Set by delivery: tries, their last failure, and a paper notice's handover.
          'notice.attempts',
          'notice.last_error',
          'notice.delivered_on',
          'notice.delivered_by_id',
          // Its sequence.
          'complaint_event.id',
        ].sort(),
      );
    });

    it('C4, C5, C7: the stamp the database reads from working_day is the calendar’s, in and after office hours, every day of a year, after a calendar change', async () => {
      const supervisor = (await newUser(db.orm.em.fork(), 'SUPERVISOR')).actor;
      // A working Saturday and a weekday off, as a decree would move them.
      for (const day of [
        { date: '2035-01-06', working: true },
        { date: '2035-05-08', working: false },
      ]) {
        await services.deadlines.setDay(ctx(supervisor, MONDAY_MORNING), {
          ...day,
          reason: 'Үкімет қаулысы',
        });
      }
      const calendar = await services.calendars.calendar(db.orm.em.fork());
      const instants: Date[] = [];
      for (let day = 0; day < 365; day += 1) {
        const date = new Date(Date.UTC(2035, 0, 1 + day)).toISOString().slice(0, 10);
        instants.push(at(`${date} 09:00`), at(`${date} 18:30`));
      }
      for (const level of REVIEW_LEVEL_VALUES) {
        const term = REVIEW_TERM_WORKING_DAYS[level];
        const expected = instants.map((instant) => {
          const registeredOn = services.calendars.registrationDate(calendar, instant);
          return { registeredOn, responseDeadline: calendar.addWorkingDays(registeredOn, term) };
        });
        const actual: { registeredOn: string; responseDeadline: string }[] = [];
        for (let i = 0; i < instants.length; i += 100) {
          const statement = joinSql(
            instants.slice(i, i + 100).map(
              (instant, j) =>
                sql`select ${i + j}::int as i, registered_on as "registeredOn",
                      response_deadline as "responseDeadline"
                    from ${services.calendars.registrationStampSql(instant, term)} stamp`,
            ),
            ' union all ',
          );
          const rows = await runStatement<{
            i: number;
            registeredOn: string;
            responseDeadline: string;
          }>(db.orm.em.fork(), statement);
          actual.push(...rows.sort((a, b) => a.i - b.i).map(({ i: _, ...stamp }) => stamp));
        }
        expect(actual).toEqual(expected);
      }
    });

    it('C4: a number taken in a transaction that rolls back is given out again', async () => {
      const em = db.orm.em.fork();
      await expect(
        em.transactional(async (tx) => {
          await allocateIncomingNumber(tx, 'ROLLBACK', 2026);
          throw new Error('the filing failed after its number was taken');
        }),
      ).rejects.toThrow('the filing failed');
      expect(await em.transactional((tx) => allocateIncomingNumber(tx, 'ROLLBACK', 2026))).toBe(
        'ROLLBACK-2026-00001',
      );
      expect(await em.transactional((tx) => allocateIncomingNumber(tx, 'ROLLBACK', 2026))).toBe(
        'ROLLBACK-2026-00002',
      );
    });

    it('C4: a refused filing gives no number away', async () => {
      const first = await file(at('2032-02-03 10:00'));
      await expect(
        file(at('2032-02-03 10:00'), { ...individualComplaint(providerId), description: '' }),
      ).rejects.toThrow();
      const second = await file(at('2032-02-03 10:00'));
      const seq = (n: string) => Number(n.split('-').at(-1));
      expect(seq(second.complaint.registration.incomingNumber)).toBe(
        seq(first.complaint.registration.incomingNumber) + 1,
      );
    });
  });

  describe('decide', () => {
    it('O5: a decision writes a notice to the recipient carrying the accessibility needs (O2)', async () => {
      const withEmail = individualComplaint(providerId);
      const { complaint } = await file(MONDAY_MORNING, {
        ...withEmail,
        recipient: { ...withEmail.recipient, email: 'aigul@example.kz' },
      });
      const decided = await services.complaints.decide(
        ctx(officer, at('2026-11-25 15:00')),
        complaint.id,
        1,
        {
          outcome: 'UPHELD',
          reasoning: 'Бас тарту негізсіз.',
          remedialMeasures: 'Құжаттар қайта қабылданды.',
        },
      );
      expect(decided.status).toBe('DECIDED');
      expect(decided.version).toBe(2);
      expect(decided.decision).toMatchObject({
        outcome: 'UPHELD',
        decidedOn: '2026-11-25',
        decidedBy: officer.displayName,
        remedialMeasures: 'Құжаттар қайта қабылданды.',
      });
      const notices = await db.sql<{
        kind: string;
        accessibility_needs: string[];
        channel: string;
      }>(
        `select kind, accessibility_needs, channel, destination from notice
          where complaint_id = $1 and kind = 'DECISION'`,
        [complaint.id],
      );
      // O8: the email is protected data: without a chosen channel the notice goes by post to
      // the postal address (a paper filing's own channel).
      expect(notices).toEqual([
        {
          kind: 'DECISION',
          accessibility_needs: ['LARGE_PRINT', 'SIGN_LANGUAGE'],
          channel: 'POST',
          destination: 'Астана қ., Абай даңғылы, 10, 5-пәтер',
        },
      ]);
    });

    it('O7: remedial measures are required when upheld, and nothing is written', async () => {
      const { complaint } = await file();
      const before = await counts();
      for (const outcome of ['UPHELD', 'PARTIALLY_UPHELD'] as const) {
        const error = await expectError(
          services.complaints.decide(ctx(officer, MONDAY_MORNING), complaint.id, 1, {
            outcome,
            reasoning: 'Негізді.',
            remedialMeasures: '  ',
          }),
          'BAD_USER_INPUT',
        );
        expect(error.fields).toHaveProperty('remedialMeasures');
      }
      expect(await counts()).toEqual(before);
    });

    it('Statuses: a stale expectedVersion is refused with CONFLICT and nothing is written', async () => {
      const { complaint } = await file();
      await services.complaints.startReview(ctx(officer, MONDAY_MORNING), complaint.id, 1);
      const before = await counts();
      const error = await expectError(
        services.complaints.decide(ctx(officer, MONDAY_MORNING), complaint.id, 1, rejected()),
        'CONFLICT',
      );
      expect(error).toMatchObject({ reason: 'STALE_VERSION', currentVersion: 2 });
      expect(await counts()).toEqual(before);
    });

    it('Statuses: 10 parallel decisions at one version: exactly 1 wins, 9 get CONFLICT', async () => {
      const { complaint } = await file();
      const results = await Promise.allSettled(
        Array.from({ length: 10 }, () =>
          services.complaints.decide(ctx(officer, MONDAY_MORNING), complaint.id, 1, rejected()),
        ),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(
        Array(9).fill('CONFLICT'),
      );
      const [row] = await db.sql<{ n: number }>(
        "select count(*)::int as n from complaint_event where complaint_id = $1 and action = 'decide'",
        [complaint.id],
      );
      expect(row!.n).toBe(1);
    });

    it('Statuses: an unknown complaint is NOT_FOUND', async () => {
      await expectError(
        services.complaints.startReview(
          ctx(officer, MONDAY_MORNING),
          '00000000-0000-4000-8000-000000000000',
          1,
        ),
        'NOT_FOUND',
      );
      await expectError(
        services.complaints.startReview(ctx(officer, MONDAY_MORNING), 'not-a-uuid', 1),
        'NOT_FOUND',
      );
    });
  });

  describe('escalate', () => {
    it('C6, C7: escalation registers a linked AUTHORITY complaint with its own number and 15 working days', async () => {
      const { complaint } = await file(at('2026-11-24 10:00'));
      await services.complaints.decide(
        ctx(officer, at('2026-11-26 10:00')),
        complaint.id,
        1,
        rejected(),
      );
      const receipt = await services.complaints.escalate(
        ctx(partner, at('2026-11-27 10:00')),
        complaint.id,
        escalation(complaint.id),
      );
      const child = receipt.complaint;
      expect(child.level).toBe('AUTHORITY');
      expect(child.status).toBe('REGISTERED');
      expect(child.parent?.id).toBe(complaint.id);
      expect(child.authority).not.toBeNull();
      expect(child.registration.incomingNumber).toMatch(
        new RegExp(`^${authorityOfficeCode}-2026-\\d{5}$`),
      );
      expect(child.registration.registeredOn).toBe('2026-11-27');
      // 15 working days after 27 Nov 2026: 16 Dec (Independence Day) is skipped.
      expect(child.registration.responseDeadline).toBe('2026-12-21');
      expect(child.recipient.surname).toBe('Ахметова');
      expect(receipt.trackingCode).toMatch(/^[A-Z2-9-]{14}$/);
      const parent = await services.complaints.findById(db.orm.em.fork(), complaint.id);
      expect(parent!.status).toBe('ESCALATED');
      expect(parent!.version).toBe(3);
      // Both histories and the audit record name the numbers, the new one as it was given.
      const events = await db.sql<{ complaint_id: string; action: string; note: string }>(
        `select complaint_id, action, note from complaint_event
          where complaint_id in ($1, $2) and action in ('escalate', 'file') order by id`,
        [complaint.id, child.id],
      );
      expect(events).toEqual([
        { complaint_id: complaint.id, action: 'file', note: null },
        { complaint_id: complaint.id, action: 'escalate', note: child.registration.incomingNumber },
        { complaint_id: child.id, action: 'file', note: complaint.registration.incomingNumber },
      ]);
      const [audit] = await db.sql<{ number: string; escalation: string }>(
        `select change->>'incomingNumber' as number, change->>'escalationId' as escalation
           from audit_record where action = 'complaint.escalate' and entity_id = $1`,
        [complaint.id],
      );
      expect(audit).toEqual({ number: child.registration.incomingNumber, escalation: child.id });
    });

    it('C6: a complaint is never escalated twice', async () => {
      const parent = await complaintIn('PROVIDER', 'DECIDED');
      await services.complaints.escalate(
        ctx(partner, at('2026-12-10 12:00')),
        parent.id,
        escalation(parent.id),
      );
      const before = await counts();
      await expectError(
        services.complaints.escalate(
          ctx(partner, at('2026-12-10 12:00')),
          parent.id,
          escalation(parent.id),
        ),
        'CONFLICT',
      );
      expect(await counts()).toEqual(before);
    });

    it('C6: an undecided complaint is escalated only once its deadline has passed (inaction)', async () => {
      const { complaint } = await file(at('2026-11-24 10:00'));
      await expectError(
        services.complaints.escalate(
          ctx(partner, at('2026-12-01 17:00')),
          complaint.id,
          escalation(complaint.id),
        ),
        'CONFLICT',
      );
      const receipt = await services.complaints.escalate(
        ctx(partner, at('2026-12-02 09:00')),
        complaint.id,
        escalation(complaint.id),
      );
      expect(receipt.complaint.subject).toBe('INACTION');
      expect(receipt.complaint.level).toBe('AUTHORITY');
    });

    it('C4, C6: texts with quotes, backslashes, question marks and $1 are stored as written, filed and escalated', async () => {
      const tricky = `Жауап жоқ? 'бірінші' "екінші" \\ $1 ?? ${'\u2028'} — 100% (n)`;
      const { complaint } = await file(
        at('2026-11-24 10:00'),
        individualComplaint(providerId, { description: tricky }),
      );
      await services.complaints.decide(
        ctx(officer, at('2026-11-26 10:00')),
        complaint.id,
        1,
        rejected(),
      );
      const { complaint: child } = await services.complaints.escalate(
        ctx(partner, at('2026-11-27 10:00')),
        complaint.id,
        { ...escalation(complaint.id), reason: tricky },
      );
      const rows = await db.sql<{ id: string; description: string }>(
        'select id, description from complaint where id in ($1, $2)',
        [complaint.id, child.id],
      );
      expect(rows.map((row) => row.description)).toEqual([tricky, tricky]);
      expect((await services.audit.verify(db.orm.em.fork())).valid).toBe(true);
    });

    it('C6: a refused escalation (unsigned, no reason) writes nothing', async () => {
      const parent = await complaintIn('PROVIDER', 'DECIDED');
      const before = await counts();
      const error = await expectError(
        services.complaints.escalate(ctx(partner, MONDAY_MORNING), parent.id, {
          reason: '',
          channel: 'PAPER',
          signature: null as unknown as 'HANDWRITTEN',
        }),
        'BAD_USER_INPUT',
      );
      expect(Object.keys(error.fields as object).sort()).toEqual(['reason', 'signature']);
      expect(await counts()).toEqual(before);
    });
  });

  describe('referToCourt', () => {
    it('C8: an authority decision the recipient disputes goes to court', async () => {
      const decided = await complaintIn('AUTHORITY', 'DECIDED');
      const referred = await services.complaints.referToCourt(
        ctx(partner, at('2026-12-11 10:00')),
        decided.id,
        {
          court: 'Астана қаласының мамандандырылған ауданаралық әкімшілік соты',
          filedOn: '2026-12-11',
          caseNumber: '7194-26-00-4/1',
        },
      );
      expect(referred.status).toBe('COURT_REFERRED');
      expect(referred.courtReferral).toMatchObject({
        filedOn: '2026-12-11',
        caseNumber: '7194-26-00-4/1',
      });
    });

    it('C8: a court filing dated in the future is refused', async () => {
      const decided = await complaintIn('AUTHORITY', 'DECIDED');
      const error = await expectError(
        services.complaints.referToCourt(ctx(partner, at('2026-12-11 10:00')), decided.id, {
          court: 'Сот',
          filedOn: '2026-12-12',
        }),
        'BAD_USER_INPUT',
      );
      expect(error.fields).toHaveProperty('filedOn');
    });
  });

  describe('stage', () => {
    it('O6: the stage is told for a matching incoming number and tracking code', async () => {
      const { complaint, trackingCode } = await file();
      const stage = await services.complaints.stage(
        db.orm.em.fork(),
        complaint.registration.incomingNumber,
        trackingCode.toLowerCase(),
      );
      expect(stage).toEqual({
        incomingNumber: complaint.registration.incomingNumber,
        level: 'PROVIDER',
        status: 'REGISTERED',
        responseDeadline: complaint.registration.responseDeadline,
        outcome: null,
        decidedOn: null,
      });
    });

    it('O6: a wrong code or an unknown number reveals nothing', async () => {
      const { complaint } = await file();
      const em = db.orm.em.fork();
      expect(
        await services.complaints.stage(
          em,
          complaint.registration.incomingNumber,
          'AAAA-BBBB-CCCC',
        ),
      ).toBeNull();
      expect(await services.complaints.stage(em, 'NOPE-2026-00001', 'AAAA-BBBB-CCCC')).toBeNull();
    });
  });

  describe('status machine', () => {
    const cases = REVIEW_LEVEL_VALUES.flatMap((level) =>
      COMPLAINT_STATUS_VALUES.filter(
        (status) => !(level === 'PROVIDER' && status === 'COURT_REFERRED'),
      )
        .filter((status) => !(level === 'AUTHORITY' && status === 'ESCALATED'))
        .flatMap((status) => COMPLAINT_ACTIONS.map((action) => ({ level, status, action }))),
    );

    it.each(cases)(
      'Statuses: $level $status --$action--> as the machine says, with history and audit',
      async ({ level, status, action }) => {
        const complaint = await complaintIn(level, status);
        // Before the provider's deadline: escalation of an undecided complaint is still refused.
        const now = at('2026-11-23 16:00');
        const expected = nextStatus(action, { level, status, deadlinePassed: false });
        const before = await counts();
        // Actors allowed to try, so that the machine alone decides.
        const actor =
          action === 'escalate'
            ? partner
            : action === 'referToCourt' || level === 'AUTHORITY'
              ? inspector
              : officer;
        const attempt = perform(action, complaint, actor, now);
        if (expected === null) {
          await expectError(attempt, 'CONFLICT');
          expect(await counts()).toEqual(before);
          return;
        }
        await attempt;
        const after = await services.complaints.findById(db.orm.em.fork(), complaint.id);
        expect(after!.status).toBe(expected);
        expect(after!.version).toBe(complaint.version + 1);
        const [event] = await db.sql<{ action: string; from_status: string; to_status: string }>(
          'select action, from_status, to_status from complaint_event where complaint_id = $1 order by id desc limit 1',
          [complaint.id],
        );
        expect(event).toEqual({ action, from_status: status, to_status: expected });
        const [audit] = await db.sql<{ action: string }>(
          'select action from audit_record where entity_id = $1 order by id desc limit 1',
          [complaint.id],
        );
        expect(audit!.action).toBe(`complaint.${action}`);
      },
    );
  });
});
