import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, defaultCalendar } from '@complaints/calendar';
import type { Language, MetricsGroupBy } from '@complaints/domain';
import type { Actor, RequestCtx } from '../../../src/context.js';
import type { Complaint } from '../../../src/modules/complaints/complaint.entity.js';
import type { DecisionData } from '../../../src/modules/complaints/complaint.types-input.js';
import {
  ComplianceMetricsService,
  type ComplianceRow,
  type MetricsFilter,
} from '../../../src/modules/metrics/compliance-metrics.service.js';
import type { Services } from '../../../src/services.js';
import { createTestDatabase, type TestDatabase } from '../../support/database.js';
import {
  at,
  ctxFor,
  individualComplaint,
  newAuthority,
  newProvider,
  newPublicService,
  newUser,
  testServices,
} from '../../support/factories.js';

let db: TestDatabase;
let services: Services;
let metrics: ComplianceMetricsService;

// The world: two regions, three providers, one department per region, two public services.
let alpha: string; // Астана, «Альфа» / «Жұлдыз»
let beta: string; // Астана, «Бета» / «Алтын»
let gamma: string; // Алматы, «Гамма» / «Ерке»
let astanaDept: string;
let almatyDept: string;
let certificate: string; // «Выдача справки»
let registration: string; // «Регистрация бизнеса»
const officers = new Map<string, Actor>();
let inspector: Actor;
let supervisor: Actor;
let analyst: Actor;
let partner: Actor;

/** "Today" for every metrics request of the main world: Monday 21 December 2026. */
const NOW = at('2026-12-21 12:00');
const PERIOD = { from: '2026-11-01', to: '2026-12-31' };

const ctx = (actor: Actor | null, now = NOW, language: Language = 'ru'): RequestCtx => ({
  ...ctxFor(db.orm, actor, now),
  language,
});

const rejected = { outcome: 'REJECTED' as const, reasoning: 'Стандарт бұзылмаған.' };
const upheld = {
  outcome: 'UPHELD' as const,
  reasoning: 'Бас тарту негізсіз.',
  remedialMeasures: 'Құжаттар қайта қабылданды.',
};
const partiallyUpheld = { ...upheld, outcome: 'PARTIALLY_UPHELD' as const };

/** The officer of a provider: each registers and decides its own provider's complaints. */
function officerOf(providerId: string): Actor {
  const officer = officers.get(providerId);
  if (!officer) throw new Error(`no officer for provider ${providerId}`);
  return officer;
}

/** Tracking codes of the receipts, by complaint: the portal escalates with the recipient's. */
const trackingCodes = new Map<string, string>();

async function file(providerId: string, wallClock: string, publicServiceCode: string | null) {
  const officer = officerOf(providerId);
  const { complaint, trackingCode } = await services.complaints.fileComplaint(
    ctx(officer, at(wallClock)),
    individualComplaint(providerId, { publicServiceCode }),
  );
  trackingCodes.set(complaint.id, trackingCode);
  return complaint;
}

async function decide(complaint: Complaint, wallClock: string, decision: DecisionData = rejected) {
  const officer = officerOf(complaint.provider.id);
  return services.complaints.decide(ctx(officer, at(wallClock)), complaint.id, 1, decision);
}

function compute(filter: Partial<MetricsFilter>, groupBy: MetricsGroupBy, actor = analyst) {
  return metrics.compute(ctx(actor), { ...PERIOD, ...filter }, groupBy);
}

/** A row with every count 0 unless given: the expected rows below list only what differs. */
function row(key: string, label: string, values: Partial<ComplianceRow>): ComplianceRow {
  return {
    key,
    label,
    total: 0,
    decided: 0,
    decidedOnTime: 0,
    openOverdue: 0,
    onTimeRate: null,
    escalated: 0,
    upheld: 0,
    courtReferred: 0,
    medianWorkingDaysToDecision: null,
    ...values,
  };
}

async function expectError(promise: Promise<unknown>, code: string) {
  const error = (await promise.then(
    () => expect.fail(`expected ${code}`),
    (thrown: unknown) => thrown,
  )) as { code: string; details: { fields?: Record<string, string> } };
  expect(error.code).toBe(code);
  return error.details;
}

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices();
  metrics = new ComplianceMetricsService();
  const em = db.orm.em.fork();
  const named = async (region: string, nameRu: string, nameKk: string) => {
    const provider = await newProvider(em, region);
    provider.nameRu = nameRu;
    provider.nameKk = nameKk;
    await em.flush();
    const { actor } = await newUser(em, 'PROVIDER_OFFICER', { providerId: provider.id });
    officers.set(provider.id, actor);
    return provider.id;
  };
  alpha = await named('Астана', 'Альфа', 'Жұлдыз');
  beta = await named('Астана', 'Бета', 'Алтын');
  gamma = await named('Алматы', 'Гамма', 'Ерке');
  const astana = await newAuthority(em, 'Астана');
  astana.nameRu = 'Департамент Астаны';
  astana.nameKk = 'Астана департаменті';
  const almaty = await newAuthority(em, 'Алматы');
  almaty.nameRu = 'Департамент Алматы';
  almaty.nameKk = 'Алматы департаменті';
  astanaDept = astana.id;
  almatyDept = almaty.id;
  const services1 = await newPublicService(em);
  services1.nameRu = 'Выдача справки';
  services1.nameKk = 'Анықтама беру';
  const services2 = await newPublicService(em);
  services2.nameRu = 'Регистрация бизнеса';
  services2.nameKk = 'Бизнесті тіркеу';
  await em.flush();
  certificate = services1.code;
  registration = services2.code;
  inspector = (await newUser(em, 'INSPECTOR', { authorityId: astanaDept })).actor;
  supervisor = (await newUser(em, 'SUPERVISOR', { authorityId: astanaDept })).actor;
  analyst = (await newUser(em, 'ANALYST')).actor;
  partner = (await newUser(em, 'PARTNER')).actor;

  // Working days to decision are counted in (registered, decided]; deadline = 5 working days.
  // Before the period: left out by `from`.
  await decide(await file(alpha, '2026-10-30 10:00', certificate), '2026-11-05 10:00');
  // c1 Альфа: Tue 24 Nov → Mon 30 Nov = 4 (the weekend skipped), deadline 1 Dec: on time, upheld.
  await decide(await file(alpha, '2026-11-24 10:00', certificate), '2026-11-30 11:00', upheld);
  // c2 Альфа: Mon 14 Dec → Fri 18 Dec = 3 (16 December is a holiday), deadline 22 Dec: on time.
  await decide(await file(alpha, '2026-12-14 12:00', certificate), '2026-12-18 11:00');
  // c3 Альфа: Mon 23 Nov → Thu 3 Dec = 8, deadline 30 Nov: late; then escalated (c3e).
  const c3 = await decide(await file(alpha, '2026-11-23 10:00', certificate), '2026-12-03 11:00');
  // c3e, AUTHORITY level at the Astana department: Fri 4 Dec → Tue 8 Dec = 2, deadline 28 Dec:
  // on time, partially upheld, then referred to court.
  const { complaint: c3e } = await services.complaints.escalate(
    ctx(partner, at('2026-12-04 10:00')),
    c3.id,
    {
      reason: 'Шешіммен келіспеймін.',
      channel: 'ELECTRONIC',
      signature: 'DIGITAL',
      trackingCode: trackingCodes.get(c3.id),
    },
  );
  expect(c3e.registration).toMatchObject({
    registeredOn: '2026-12-04',
    responseDeadline: '2026-12-28',
  });
  await services.complaints.startReview(ctx(inspector, at('2026-12-07 10:00')), c3e.id, 1);
  await services.complaints.decide(
    ctx(inspector, at('2026-12-08 10:00')),
    c3e.id,
    2,
    partiallyUpheld,
  );
  await services.complaints.referToCourt(ctx(inspector, at('2026-12-11 10:00')), c3e.id, {
    court: 'Астана қаласының әкімшілік соты',
    filedOn: '2026-12-10',
  });
  // c4 Альфа, no service: Tue 1 Dec, deadline 8 Dec, open: overdue on 21 Dec.
  await file(alpha, '2026-12-01 10:00', null);
  // c5 Бета: Wed 25 Nov → Wed 9 Dec = 10, deadline 2 Dec: late.
  await decide(await file(beta, '2026-11-25 10:00', registration), '2026-12-09 11:00');
  // c6 Бета: Thu 17 Dec, deadline 24 Dec, in review: open but not overdue on 21 Dec.
  const c6 = await file(beta, '2026-12-17 10:00', registration);
  await services.complaints.startReview(ctx(officerOf(beta), at('2026-12-18 10:00')), c6.id, 1);
  // c7 Гамма: Mon 2 Nov, decided the same day = 0, deadline 9 Nov: on time, upheld.
  await decide(await file(gamma, '2026-11-02 10:00', certificate), '2026-11-02 15:00', upheld);
  // c8 Гамма: Tue 3 Nov, deadline 10 Nov, open: overdue.
  await file(gamma, '2026-11-03 10:00', certificate);
  // c9 Гамма, no service: received Fri 27 Nov after hours, registered Mon 30 Nov; withdrawn.
  const c9 = await file(gamma, '2026-11-27 19:00', null);
  expect(c9.registration.registeredOn).toBe('2026-11-30');
  await services.complaints.withdraw(
    ctx(officerOf(gamma), at('2026-12-01 10:00')),
    c9.id,
    1,
    'Кері қайтарылды',
  );
});

afterAll(async () => {
  await db?.drop();
});

// Per provider: Альфа = c1, c2, c3, c3e, c4; Бета = c5, c6; Гамма = c7, c8, c9.
const ALPHA = {
  total: 5,
  decided: 4,
  decidedOnTime: 3,
  openOverdue: 1,
  onTimeRate: 0.75,
  escalated: 1,
  upheld: 2,
  courtReferred: 1,
  // 2, 3, 4, 8; were 16 December counted, c2 would take 4 and the median 4.
  medianWorkingDaysToDecision: 3.5,
};
const BETA = {
  total: 2,
  decided: 1,
  decidedOnTime: 0,
  onTimeRate: 0,
  medianWorkingDaysToDecision: 10,
};
const GAMMA = {
  total: 3,
  decided: 1,
  decidedOnTime: 1,
  openOverdue: 1,
  onTimeRate: 1,
  upheld: 1,
  medianWorkingDaysToDecision: 0,
};
// Альфа and Бета together: 2, 3, 4, 8, 10.
const ASTANA = {
  total: 7,
  decided: 5,
  decidedOnTime: 3,
  openOverdue: 1,
  onTimeRate: 0.6,
  escalated: 1,
  upheld: 2,
  courtReferred: 1,
  medianWorkingDaysToDecision: 4,
};

describe(ComplianceMetricsService.name, () => {
  it('O1: on-time rate and median working days to decision by provider', async () => {
    expect(await compute({}, 'PROVIDER')).toEqual([
      row(alpha, 'Альфа', ALPHA),
      row(beta, 'Бета', BETA),
      row(gamma, 'Гамма', GAMMA),
    ]);
  });

  it('O1: by authority: the escalation’s own department, a provider-level complaint’s by region', async () => {
    expect(await compute({}, 'AUTHORITY')).toEqual([
      row(almatyDept, 'Департамент Алматы', GAMMA),
      row(astanaDept, 'Департамент Астаны', ASTANA),
    ]);
  });

  it('O1: by region of the provider', async () => {
    expect(await compute({}, 'REGION')).toEqual([
      row('Алматы', 'Алматы', GAMMA),
      row('Астана', 'Астана', ASTANA),
    ]);
  });

  it('R2: by public service, complaints without one under "—"', async () => {
    const rows = await compute({}, 'SERVICE');
    // Where "—" sorts among names depends on the database's collation: compared apart.
    expect(rows.filter((r) => r.key !== '')).toEqual([
      // c1, c2, c3, c3e, c7, c8: 0, 2, 3, 4, 8.
      row(certificate, 'Выдача справки', {
        total: 6,
        decided: 5,
        decidedOnTime: 4,
        openOverdue: 1,
        onTimeRate: 0.8,
        escalated: 1,
        upheld: 3,
        courtReferred: 1,
        medianWorkingDaysToDecision: 3,
      }),
      row(registration, 'Регистрация бизнеса', BETA),
    ]);
    // c4 (overdue) and c9 (withdrawn): nothing decided, so no rate and no median.
    expect(rows.filter((r) => r.key === '')).toEqual([row('', '—', { total: 2, openOverdue: 1 })]);
    expect(rows).toHaveLength(3);
  });

  it('O1: by month of registration, ordered by month', async () => {
    expect(await compute({}, 'MONTH')).toEqual([
      // c1, c3, c5, c7, c8, c9: 0, 4, 8, 10.
      row('2026-11', '2026-11', {
        total: 6,
        decided: 4,
        decidedOnTime: 2,
        openOverdue: 1,
        onTimeRate: 0.5,
        escalated: 1,
        upheld: 2,
        medianWorkingDaysToDecision: 6,
      }),
      // c2, c3e, c4, c6: 3 (16 December skipped) and 2.
      row('2026-12', '2026-12', {
        total: 4,
        decided: 2,
        decidedOnTime: 2,
        openOverdue: 1,
        onTimeRate: 1,
        upheld: 1,
        courtReferred: 1,
        medianWorkingDaysToDecision: 2.5,
      }),
    ]);
  });

  it('O1: labels follow the request language (kk names), ordered by them', async () => {
    const rows = await metrics.compute(ctx(analyst, NOW, 'kk'), PERIOD, 'PROVIDER');
    expect(rows.map((r) => [r.key, r.label])).toEqual([
      [beta, 'Алтын'],
      [gamma, 'Ерке'],
      [alpha, 'Жұлдыз'],
    ]);
    const departments = await metrics.compute(ctx(analyst, NOW, 'kk'), PERIOD, 'AUTHORITY');
    expect(departments.map((r) => r.label)).toEqual(['Алматы департаменті', 'Астана департаменті']);
  });

  it('O1: open overdue counts against today in Asia/Almaty', async () => {
    // c4's deadline is 8 December: not yet overdue late that evening in Almaty.
    const onDeadline = await metrics.compute(
      ctx(analyst, at('2026-12-08 23:30')),
      { ...PERIOD, providerId: alpha },
      'PROVIDER',
    );
    expect(onDeadline[0]!.openOverdue).toBe(0);
    // 00:30 on 9 December in Almaty is still 8 December in UTC: Almaty's date counts.
    const dayAfter = await metrics.compute(
      ctx(analyst, at('2026-12-09 00:30')),
      { ...PERIOD, providerId: alpha },
      'PROVIDER',
    );
    expect(dayAfter[0]!.openOverdue).toBe(1);
  });

  it('O1: each filter narrows the rows', async () => {
    const keysAndTotals = (rows: ComplianceRow[]) => rows.map((r) => [r.key, r.total]);
    expect(keysAndTotals(await compute({ providerId: beta }, 'PROVIDER'))).toEqual([[beta, 2]]);
    expect(keysAndTotals(await compute({ region: 'Алматы' }, 'PROVIDER'))).toEqual([[gamma, 3]]);
    expect(keysAndTotals(await compute({ publicServiceCode: registration }, 'PROVIDER'))).toEqual([
      [beta, 2],
    ]);
    expect(await compute({ level: 'AUTHORITY' }, 'PROVIDER')).toEqual([
      row(alpha, 'Альфа', {
        total: 1,
        decided: 1,
        decidedOnTime: 1,
        onTimeRate: 1,
        upheld: 1,
        courtReferred: 1,
        medianWorkingDaysToDecision: 2,
      }),
    ]);
    // authorityId is the complaint's own reviewing authority: only the escalation has one.
    expect(keysAndTotals(await compute({ authorityId: astanaDept }, 'PROVIDER'))).toEqual([
      [alpha, 1],
    ]);
    expect(await compute({ authorityId: almatyDept }, 'PROVIDER')).toEqual([]);
    expect(keysAndTotals(await compute({ level: 'PROVIDER' }, 'REGION'))).toEqual([
      ['Алматы', 3],
      ['Астана', 6],
    ]);
    // from/to: only c2, registered on 14 December: 3 working days (16 December skipped).
    expect(await compute({ from: '2026-12-14', to: '2026-12-14' }, 'PROVIDER')).toEqual([
      row(alpha, 'Альфа', {
        total: 1,
        decided: 1,
        decidedOnTime: 1,
        onTimeRate: 1,
        medianWorkingDaysToDecision: 3,
      }),
    ]);
    // Filters combine; an id that is not a UUID names nothing.
    expect(
      await compute({ providerId: gamma, publicServiceCode: registration }, 'SERVICE'),
    ).toEqual([]);
    expect(await compute({ providerId: 'not-a-uuid' }, 'PROVIDER')).toEqual([]);
  });

  it('O1: everything in one SQL statement besides the calendar overrides', async () => {
    const c = ctx(analyst);
    const execute = vi.spyOn(c.em.getConnection(), 'execute');
    try {
      await metrics.compute(c, PERIOD, 'AUTHORITY');
      expect(execute).toHaveBeenCalledTimes(2);
    } finally {
      execute.mockRestore();
    }
  });

  it('O1: a stored calendar override counts in the median working days', async () => {
    // Made a day off before the complaint was filed: Mon 1 Feb → Mon 8 Feb 2027 is 5 working
    // days by the rules, 4 with Thursday 4 February off.
    await services.deadlines.setDay(ctx(supervisor, at('2027-01-15 10:00')), {
      date: '2027-02-04',
      working: false,
      reason: 'Government decree No. 7',
    });
    const complaint = await file(gamma, '2027-02-01 10:00', certificate);
    expect(complaint.registration.responseDeadline).toBe('2027-02-09');
    await decide(complaint, '2027-02-08 10:00');
    expect(defaultCalendar.workingDaysBetween('2027-02-01', '2027-02-08')).toBe(5);
    const rows = await metrics.compute(
      ctx(analyst, at('2027-02-15 10:00')),
      { from: '2027-02-01', to: '2027-02-28' },
      'PROVIDER',
    );
    expect(rows).toEqual([
      row(gamma, 'Гамма', {
        total: 1,
        decided: 1,
        decidedOnTime: 1,
        onTimeRate: 1,
        medianWorkingDaysToDecision: 4,
      }),
    ]);
  });

  it('O1: by authority, a complaint whose region has no department is left out', async () => {
    const em = db.orm.em.fork();
    const shymkent = (await newProvider(em, 'Шымкент')).id;
    const { actor } = await newUser(em, 'PROVIDER_OFFICER', { providerId: shymkent });
    officers.set(shymkent, actor);
    await file(shymkent, '2027-03-02 10:00', null);
    const period = { from: '2027-03-01', to: '2027-03-31' };
    const c = () => ctx(analyst, at('2027-03-03 10:00'));
    expect(await metrics.compute(c(), period, 'AUTHORITY')).toEqual([]);
    expect((await metrics.compute(c(), period, 'REGION')).map((r) => [r.key, r.total])).toEqual([
      ['Шымкент', 1],
    ]);
  });

  it('O1: `from` after `to`, or a span over five years, is BAD_USER_INPUT on that field', async () => {
    const reversed = await expectError(
      compute({ from: '2026-12-31', to: '2026-11-01' }, 'PROVIDER'),
      'BAD_USER_INPUT',
    );
    expect(Object.keys(reversed.fields!)).toEqual(['to']);
    const from = '2022-01-01';
    const tooLong = await expectError(
      compute({ from, to: addDays(from, 1831) }, 'MONTH'),
      'BAD_USER_INPUT',
    );
    expect(Object.keys(tooLong.fields!)).toEqual(['from']);
    // Exactly 1830 days is allowed: up to 5 January 2027, so October to December 2026.
    expect(await compute({ from, to: addDays(from, 1830) }, 'MONTH')).toHaveLength(3);
  });

  it('O1: ANALYST, SUPERVISOR and INSPECTOR may read metrics; others are refused', async () => {
    for (const actor of [analyst, supervisor, inspector]) {
      expect(await compute({}, 'REGION', actor)).toHaveLength(2);
    }
    await expectError(compute({}, 'REGION', officerOf(alpha)), 'FORBIDDEN');
    await expectError(compute({}, 'REGION', partner), 'FORBIDDEN');
    await expectError(metrics.compute(ctx(null), PERIOD, 'REGION'), 'UNAUTHENTICATED');
    // Access is checked before the input: an anonymous caller learns nothing about it.
    await expectError(
      metrics.compute(ctx(null), { from: '2026-12-31', to: '2026-01-01' }, 'REGION'),
      'UNAUTHENTICATED',
    );
  });
});
