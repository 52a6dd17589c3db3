import { describe, expect, it } from 'vitest';

import {
  isLocalDate,
  validateCalendarDay,
  validateComplaint,
  validateConsent,
  validateCourtReferral,
  validateDecision,
  validateEscalation,
  validateRecipient,
  validateWithdrawal,
  type FileComplaintInput,
  type RecipientInput,
  type Violation,
} from '../src/index.js';

const today = '2026-11-25';
// Noon in Almaty on `today`.
const now = new Date(`${today}T12:00:00+05:00`);
const context = { today, now };

// Hand-checked in identification-number.test.ts.
const VALID_IIN = '900101300017';
const VALID_BIN = '050140001238';

const individual = (overrides: Partial<RecipientInput> = {}): RecipientInput => ({
  kind: 'INDIVIDUAL',
  surname: 'Сейітқали',
  givenName: 'Әйгерім',
  patronymic: 'Нұрланқызы',
  iin: VALID_IIN,
  postalAddress: 'Алматы қ., Абай даңғылы, 10, 5-пәтер',
  email: 'aigerim@example.kz',
  phone: '+7 (701) 123-45-67',
  accessibilityNeeds: ['LARGE_PRINT'],
  ...overrides,
});

const legalEntity = (overrides: Partial<RecipientInput> = {}): RecipientInput => ({
  kind: 'LEGAL_ENTITY',
  organizationName: '«Дала Агро» ЖШС',
  bin: VALID_BIN,
  outgoingNumber: '17-04/312',
  outgoingDate: '2026-11-20',
  postalAddress: 'Астана қ., Мәңгілік Ел даңғылы, 8',
  accessibilityNeeds: [],
  ...overrides,
});

const complaint = (overrides: Partial<FileComplaintInput> = {}): FileComplaintInput => ({
  providerId: 'provider-1',
  publicServiceCode: '00501001',
  official: 'Бекова Д.',
  subject: 'INACTION',
  description: 'Анықтама 10 жұмыс күні бойы берілмеді.',
  channel: 'PAPER',
  signature: 'HANDWRITTEN',
  recipient: individual(),
  ...overrides,
});

/** field → keys, for compact assertions. */
function keysByField(violations: readonly Violation[]): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const { field, key } of violations) {
    (result[field] ??= []).push(key);
  }
  return result;
}

const BLANKS = [undefined, null, '', '   \t '] as const;

describe('isLocalDate', () => {
  it('Dates: only strict YYYY-MM-DD strings naming a real day are dates', () => {
    for (const s of ['2026-11-25', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31']) {
      expect(isLocalDate(s)).toBe(true);
    }
    for (const s of [
      '',
      '2026-11-5',
      '26-11-25',
      '2026/11/25',
      '2026-11-25T00:00:00Z',
      ' 2026-11-25',
      '2026-13-01',
      '2026-00-10',
      '2026-11-31',
      '2026-11-00',
      '2025-02-29',
      '1900-02-29',
      '0000-01-01',
      '２０２６-11-25',
    ]) {
      expect(isLocalDate(s)).toBe(false);
    }
  });

  it('Dates: a malformed today is a caller bug and throws', () => {
    expect(() => validateRecipient(individual(), { today: '25.11.2026' })).toThrow(RangeError);
    expect(() => validateComplaint(complaint(), { today: '', now })).toThrow(RangeError);
  });
});

describe('validateRecipient', () => {
  it('C1: a complete individual recipient has no violations', () => {
    expect(validateRecipient(individual(), context)).toEqual([]);
    expect(
      validateRecipient(
        individual({
          patronymic: null,
          iin: undefined,
          email: '',
          phone: null,
          accessibilityNeeds: null,
        }),
        context,
      ),
    ).toEqual([]);
  });

  it('C1: an individual complaint needs surname, given name and postal address', () => {
    for (const blank of BLANKS) {
      const violations = validateRecipient(
        individual({ surname: blank, givenName: blank, postalAddress: blank }),
        context,
      );
      expect(violations).toEqual([
        { field: 'surname', key: 'required' },
        { field: 'givenName', key: 'required' },
        { field: 'postalAddress', key: 'required' },
      ]);
    }
  });

  it('C1: the patronymic is optional', () => {
    for (const blank of BLANKS) {
      expect(validateRecipient(individual({ patronymic: blank }), context)).toEqual([]);
    }
  });

  it('C1: an IIN is optional but must pass the checksum when given', () => {
    expect(validateRecipient(individual({ iin: null }), context)).toEqual([]);
    expect(validateRecipient(individual({ iin: ` ${VALID_IIN} ` }), context)).toEqual([]);
    for (const iin of ['900101300018', '90010130001', 'abc', VALID_BIN]) {
      expect(validateRecipient(individual({ iin }), context)).toEqual([
        { field: 'iin', key: 'invalidIin' },
      ]);
    }
  });

  it('C1: an individual states no organization name, BIN, outgoing number or date', () => {
    const violations = validateRecipient(
      individual({
        organizationName: 'ЖШС',
        bin: VALID_BIN,
        outgoingNumber: '1',
        outgoingDate: '2026-11-20',
      }),
      context,
    );
    expect(keysByField(violations)).toEqual({
      organizationName: ['notForIndividual'],
      bin: ['notForIndividual'],
      outgoingNumber: ['notForIndividual'],
      outgoingDate: ['notForIndividual'],
    });
    // Blank fields left over from a form count as absent.
    expect(
      validateRecipient(
        individual({ organizationName: ' ', bin: '', outgoingDate: null }),
        context,
      ),
    ).toEqual([]);
  });

  it('C1: names are at most 100 characters, counted as characters, not bytes', () => {
    expect(validateRecipient(individual({ surname: 'Ә'.repeat(100) }), context)).toEqual([]);
    expect(
      validateRecipient(
        individual({
          surname: 'Ә'.repeat(101),
          givenName: 'a'.repeat(101),
          patronymic: 'ұ'.repeat(101),
        }),
        context,
      ),
    ).toEqual([
      { field: 'surname', key: 'tooLong', params: { max: 100 } },
      { field: 'givenName', key: 'tooLong', params: { max: 100 } },
      { field: 'patronymic', key: 'tooLong', params: { max: 100 } },
    ]);
  });

  it('C2: a complete legal-entity recipient has no violations', () => {
    expect(validateRecipient(legalEntity(), context)).toEqual([]);
    expect(validateRecipient(legalEntity({ outgoingDate: today }), context)).toEqual([]);
  });

  it("C2: a legal entity's complaint needs its name, BIN, postal address, outgoing number and date", () => {
    for (const blank of BLANKS) {
      const violations = validateRecipient(
        legalEntity({
          organizationName: blank,
          bin: blank,
          outgoingNumber: blank,
          outgoingDate: blank,
          postalAddress: blank,
        }),
        context,
      );
      expect(keysByField(violations)).toEqual({
        organizationName: ['required'],
        bin: ['required'],
        outgoingNumber: ['required'],
        outgoingDate: ['required'],
        postalAddress: ['required'],
      });
    }
  });

  it('C2: the BIN must pass the checksum and name a legal entity', () => {
    // 900101300017 is a checksum-valid IIN whose 5th digit is 0, so not a BIN.
    for (const bin of ['050140001230', '05014000123', VALID_IIN]) {
      expect(validateRecipient(legalEntity({ bin }), context)).toEqual([
        { field: 'bin', key: 'invalidBin' },
      ]);
    }
  });

  it('C2: the outgoing date is a real date, not after today', () => {
    expect(validateRecipient(legalEntity({ outgoingDate: '2026-11-26' }), context)).toEqual([
      { field: 'outgoingDate', key: 'futureDate' },
    ]);
    for (const outgoingDate of ['2026-02-30', '20.11.2026', '2026-11-20T10:00:00+05:00']) {
      expect(validateRecipient(legalEntity({ outgoingDate }), context)).toEqual([
        { field: 'outgoingDate', key: 'invalidDate' },
      ]);
    }
  });

  it('C2: a legal entity states no surname, given name, patronymic or IIN', () => {
    const violations = validateRecipient(
      legalEntity({
        surname: 'Ахметов',
        givenName: 'Ерлан',
        patronymic: 'Серікұлы',
        iin: VALID_IIN,
      }),
      context,
    );
    expect(keysByField(violations)).toEqual({
      surname: ['notForLegalEntity'],
      givenName: ['notForLegalEntity'],
      patronymic: ['notForLegalEntity'],
      iin: ['notForLegalEntity'],
    });
  });

  it('C2: organization name, postal address and outgoing number have maximum lengths', () => {
    expect(
      validateRecipient(
        legalEntity({
          organizationName: 'x'.repeat(301),
          postalAddress: 'x'.repeat(501),
          outgoingNumber: 'x'.repeat(51),
        }),
        context,
      ),
    ).toEqual([
      { field: 'organizationName', key: 'tooLong', params: { max: 300 } },
      { field: 'outgoingNumber', key: 'tooLong', params: { max: 50 } },
      { field: 'postalAddress', key: 'tooLong', params: { max: 500 } },
    ]);
    expect(
      validateRecipient(
        legalEntity({
          organizationName: 'x'.repeat(300),
          postalAddress: 'x'.repeat(500),
          outgoingNumber: 'x'.repeat(50),
        }),
        context,
      ),
    ).toEqual([]);
  });

  it('C1, C2: the recipient kind is required and must be known', () => {
    expect(validateRecipient(individual({ kind: null }), context)).toEqual([
      { field: 'kind', key: 'required' },
    ]);
    expect(validateRecipient(individual({ kind: 'STATE_BODY' }), context)).toEqual([
      { field: 'kind', key: 'unknownValue', params: { value: 'STATE_BODY' } },
    ]);
  });

  it('C1, C2: an email, when given, is an address', () => {
    for (const email of ['a@b.kz', 'first.last+tag@mail.example.com', 'әсел@пошта.қаз']) {
      expect(validateRecipient(individual({ email }), context)).toEqual([]);
    }
    for (const email of ['a', 'a@b', 'a@@b.kz', 'a b@c.kz', '@b.kz', 'a@.kz', 'a@b..kz']) {
      expect(validateRecipient(individual({ email }), context)).toEqual([
        { field: 'email', key: 'invalidEmail' },
      ]);
    }
  });

  it('C1, C2: a phone, when given, is +7 or 8 and 10 digits', () => {
    for (const phone of [
      '+77011234567',
      '87011234567',
      '+7 701 123 45 67',
      '8 (7272) 50-50-50',
      '8-701-123-45-67',
    ]) {
      expect(validateRecipient(individual({ phone }), context)).toEqual([]);
    }
    for (const phone of [
      '7011234567',
      '+77011234',
      '+770112345678',
      '+8 701 123 45 67',
      '+7 701 abc 45 67',
      '77011234567',
    ]) {
      expect(validateRecipient(individual({ phone }), context)).toEqual([
        { field: 'phone', key: 'invalidPhone' },
      ]);
    }
  });

  it('O2: accessibility needs are known values, each once', () => {
    expect(
      validateRecipient(
        individual({
          accessibilityNeeds: ['SIGN_LANGUAGE', 'HOME_VISIT', 'SIGN_LANGUAGE', 'BRAILLE'],
        }),
        context,
      ),
    ).toEqual([
      { field: 'accessibilityNeeds', key: 'duplicateValue', params: { value: 'SIGN_LANGUAGE' } },
      { field: 'accessibilityNeeds', key: 'unknownValue', params: { value: 'BRAILLE' } },
    ]);
  });
});

describe('validateComplaint', () => {
  it('C1, C3: a complete, signed complaint has no violations', () => {
    expect(validateComplaint(complaint(), context)).toEqual([]);
    expect(
      validateComplaint(
        complaint({ recipient: legalEntity(), channel: 'ELECTRONIC', signature: 'DIGITAL' }),
        context,
      ),
    ).toEqual([]);
  });

  it('C3: an unsigned complaint is refused', () => {
    for (const signature of BLANKS) {
      expect(validateComplaint(complaint({ signature }), context)).toEqual([
        { field: 'signature', key: 'unsigned' },
      ]);
    }
  });

  it('C3: a signature of an unknown kind is refused', () => {
    expect(validateComplaint(complaint({ signature: 'STAMP' }), context)).toEqual([
      { field: 'signature', key: 'unknownValue', params: { value: 'STAMP' } },
    ]);
  });

  it('R3: a complaint names the provider, what it is against and describes it', () => {
    expect(
      keysByField(
        validateComplaint(complaint({ providerId: ' ', subject: null, description: '' }), context),
      ),
    ).toEqual({ providerId: ['required'], subject: ['required'], description: ['required'] });
    expect(validateComplaint(complaint({ subject: 'DELAY' }), context)).toEqual([
      { field: 'subject', key: 'unknownValue', params: { value: 'DELAY' } },
    ]);
    expect(validateComplaint(complaint({ description: 'x'.repeat(10001) }), context)).toEqual([
      { field: 'description', key: 'tooLong', params: { max: 10000 } },
    ]);
  });

  it('R4: a complaint comes on paper or electronically', () => {
    expect(validateComplaint(complaint({ channel: undefined }), context)).toEqual([
      { field: 'channel', key: 'required' },
    ]);
    expect(validateComplaint(complaint({ channel: 'FAX' }), context)).toEqual([
      { field: 'channel', key: 'unknownValue', params: { value: 'FAX' } },
    ]);
  });

  it('R2: the public service code and the official are optional, with maximum lengths', () => {
    expect(
      validateComplaint(complaint({ publicServiceCode: null, official: '' }), context),
    ).toEqual([]);
    expect(
      validateComplaint(
        complaint({ publicServiceCode: 'x'.repeat(51), official: 'x'.repeat(201) }),
        context,
      ),
    ).toEqual([
      { field: 'publicServiceCode', key: 'tooLong', params: { max: 50 } },
      { field: 'official', key: 'tooLong', params: { max: 200 } },
    ]);
  });

  it("C1, C2: the recipient's violations are reported under 'recipient.'", () => {
    const violations = validateComplaint(
      complaint({ recipient: legalEntity({ bin: '050140001230', surname: 'Ахметов' }) }),
      context,
    );
    expect(violations).toEqual([
      { field: 'recipient.bin', key: 'invalidBin' },
      { field: 'recipient.surname', key: 'notForLegalEntity' },
    ]);
  });

  it('C1, C2: a complaint without a recipient is refused', () => {
    expect(validateComplaint(complaint({ recipient: null }), context)).toEqual([
      { field: 'recipient', key: 'required' },
    ]);
  });

  it('C4: a paper complaint may be registered with the earlier instant it reached the office, not a later or a long-past one', () => {
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    expect(validateComplaint(complaint({ receivedAt: hoursAgo(26) }), context)).toEqual([]);
    expect(validateComplaint(complaint({ receivedAt: hoursAgo(30 * 24) }), context)).toEqual([]);
    expect(validateComplaint(complaint({ receivedAt: hoursAgo(30 * 24 + 1) }), context)).toEqual([
      { field: 'receivedAt', key: 'receivedTooLongAgo', params: { days: 30 } },
    ]);
    expect(validateComplaint(complaint({ receivedAt: hoursAgo(-1) }), context)).toEqual([
      { field: 'receivedAt', key: 'futureDate' },
    ]);
    expect(validateComplaint(complaint({ receivedAt: new Date(Number.NaN) }), context)).toEqual([
      { field: 'receivedAt', key: 'invalidDate' },
    ]);
    expect(
      validateComplaint(complaint({ channel: 'ELECTRONIC', receivedAt: hoursAgo(2) }), context),
    ).toEqual([{ field: 'receivedAt', key: 'notForElectronic' }]);
  });
});

describe('validateDecision', () => {
  it('O7: remedial measures are required when upheld', () => {
    for (const outcome of ['UPHELD', 'PARTIALLY_UPHELD']) {
      for (const remedialMeasures of BLANKS) {
        expect(
          validateDecision({ outcome, reasoning: 'Мерзім бұзылды.', remedialMeasures }),
        ).toEqual([{ field: 'remedialMeasures', key: 'remedialMeasuresRequired' }]);
      }
      expect(
        validateDecision({
          outcome,
          reasoning: 'Мерзім бұзылды.',
          remedialMeasures: 'Анықтама берілді.',
        }),
      ).toEqual([]);
    }
  });

  it('O7: remedial measures are optional when the complaint is rejected', () => {
    expect(validateDecision({ outcome: 'REJECTED', reasoning: 'Негізсіз.' })).toEqual([]);
  });

  it('O5: a decision has a known outcome and its reasoning', () => {
    expect(keysByField(validateDecision({ outcome: null, reasoning: ' ' }))).toEqual({
      outcome: ['required'],
      reasoning: ['required'],
    });
    expect(validateDecision({ outcome: 'MAYBE', reasoning: 'x' })).toEqual([
      { field: 'outcome', key: 'unknownValue', params: { value: 'MAYBE' } },
    ]);
    expect(
      validateDecision({
        outcome: 'UPHELD',
        reasoning: 'x'.repeat(10001),
        remedialMeasures: 'x'.repeat(10001),
      }),
    ).toEqual([
      { field: 'reasoning', key: 'tooLong', params: { max: 10000 } },
      { field: 'remedialMeasures', key: 'tooLong', params: { max: 10000 } },
    ]);
  });
});

describe('validateEscalation', () => {
  it('C6: an escalation gives a reason and comes on paper or electronically', () => {
    expect(
      validateEscalation({ reason: 'Келіспеймін.', channel: 'ELECTRONIC', signature: 'DIGITAL' }),
    ).toEqual([]);
    expect(
      keysByField(validateEscalation({ reason: '', channel: 'EMAIL', signature: 'DIGITAL' })),
    ).toEqual({
      reason: ['required'],
      channel: ['unknownValue'],
    });
  });

  it('C3: an unsigned escalation is refused', () => {
    expect(validateEscalation({ reason: 'Жауап жоқ.', channel: 'PAPER', signature: null })).toEqual(
      [{ field: 'signature', key: 'unsigned' }],
    );
  });
});

describe('validateCourtReferral', () => {
  it('C8: a court referral names the court and a filing date not after today', () => {
    expect(
      validateCourtReferral(
        { court: 'Алматы қаласының мамандандырылған ауданаралық әкімшілік соты', filedOn: today },
        context,
      ),
    ).toEqual([]);
    expect(keysByField(validateCourtReferral({ court: ' ', filedOn: null }, context))).toEqual({
      court: ['required'],
      filedOn: ['required'],
    });
    expect(
      validateCourtReferral({ court: 'x'.repeat(301), filedOn: '2026-11-26' }, context),
    ).toEqual([
      { field: 'court', key: 'tooLong', params: { max: 300 } },
      { field: 'filedOn', key: 'futureDate' },
    ]);
    expect(validateCourtReferral({ court: 'Сот', filedOn: '2026-02-29' }, context)).toEqual([
      { field: 'filedOn', key: 'invalidDate' },
    ]);
  });

  it('C8: the case number is optional, at most 100 characters', () => {
    expect(
      validateCourtReferral({ court: 'Сот', filedOn: today, caseNumber: null }, context),
    ).toEqual([]);
    expect(
      validateCourtReferral({ court: 'Сот', filedOn: today, caseNumber: 'x'.repeat(101) }, context),
    ).toEqual([{ field: 'caseNumber', key: 'tooLong', params: { max: 100 } }]);
  });
});

describe('validateWithdrawal', () => {
  it('Statuses: a withdrawal states its reason', () => {
    expect(validateWithdrawal({ reason: 'Мәселе шешілді.' })).toEqual([]);
    expect(validateWithdrawal({ reason: '  ' })).toEqual([{ field: 'reason', key: 'required' }]);
  });
});

describe('validateCalendarDay', () => {
  it('Calendar: a change names a real date and its reason (the decree or the holiday)', () => {
    expect(validateCalendarDay({ date: '2026-05-27', reason: 'Құрбан айт' })).toEqual([]);
    expect(keysByField(validateCalendarDay({ date: null, reason: '' }))).toEqual({
      date: ['required'],
      reason: ['required'],
    });
    expect(validateCalendarDay({ date: '2026-02-30', reason: 'x'.repeat(501) })).toEqual([
      { field: 'date', key: 'invalidDate' },
      { field: 'reason', key: 'tooLong', params: { max: 500 } },
    ]);
  });
});

describe('validateConsent', () => {
  const consent = {
    scope: ['PERSONAL_DATA', 'TAX_SECRET'],
    signedBy: 'Сейітқали Әйгерім',
    method: 'DIGITAL',
    signedOn: today,
    evidence: 'ЭЦП-2026-000417',
  };

  it('O8: written consent covers at least one known scope, each once', () => {
    expect(validateConsent(consent, context)).toEqual([]);
    for (const scope of [[], null, undefined]) {
      expect(validateConsent({ ...consent, scope }, context)).toEqual([
        { field: 'scope', key: 'atLeastOne' },
      ]);
    }
    expect(
      validateConsent(
        { ...consent, scope: ['BANK_SECRET', 'BANK_SECRET', 'STATE_SECRET'] },
        context,
      ),
    ).toEqual([
      { field: 'scope', key: 'duplicateValue', params: { value: 'BANK_SECRET' } },
      { field: 'scope', key: 'unknownValue', params: { value: 'STATE_SECRET' } },
    ]);
  });

  it('O8: written consent says who signed it, how, and on a date not after today', () => {
    expect(
      keysByField(
        validateConsent({ ...consent, signedBy: '', method: null, signedOn: undefined }, context),
      ),
    ).toEqual({ signedBy: ['required'], method: ['required'], signedOn: ['required'] });
    expect(
      validateConsent({ ...consent, method: 'ORAL', signedOn: '2026-12-01' }, context),
    ).toEqual([
      { field: 'method', key: 'unknownValue', params: { value: 'ORAL' } },
      { field: 'signedOn', key: 'futureDate' },
    ]);
  });

  it('O8: a consent carries its evidence: the paper form number or the digital signature reference', () => {
    for (const evidence of ['', '   ', null, undefined]) {
      expect(validateConsent({ ...consent, evidence }, context)).toEqual([
        { field: 'evidence', key: 'required' },
      ]);
    }
    expect(validateConsent({ ...consent, evidence: 'x'.repeat(201) }, context)).toEqual([
      { field: 'evidence', key: 'tooLong', params: { max: 200 } },
    ]);
  });
});
