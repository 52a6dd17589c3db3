import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, type LocalDate, type WorkingCalendar } from '@complaints/calendar';
import type { MetricsGroupBy, Outcome } from '@complaints/domain';
import type { Actor, RequestCtx } from '../../../src/context.js';
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

/** "Today" of every metrics request: all the random complaints were filed before it. */
const NOW = at('2027-04-15 12:00');
const TODAY = '2027-04-15';

/** A small seeded PRNG (mulberry32): the same complaints on every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261202);
const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

interface World {
  providers: { id: string; region: string }[];
  authorities: { id: string; region: string }[];
  services: string[];
  officers: Map<string, Actor>;
  inspectors: Map<string, Actor>;
  supervisor: Actor;
  analyst: Actor;
  partner: Actor;
}
let world: World;

const ctx = (actor: Actor | null, now: Date): RequestCtx => ({
  ...ctxFor(db.orm, actor, now),
  language: 'ru',
});

/** A wall-clock time `days` after `day`, at `time`. */
const wallClock = (day: LocalDate, days: number, time: string) => `${addDays(day, days)} ${time}`;

const OUTCOMES: Outcome[] = ['UPHELD', 'PARTIALLY_UPHELD', 'REJECTED', 'REJECTED'];
function decision(outcome: Outcome) {
  return outcome === 'REJECTED'
    ? { outcome, reasoning: 'Стандарт бұзылмаған.' }
    : { outcome, reasoning: 'Негізді.', remedialMeasures: 'Құжаттар қайта қабылданды.' };
}

/**
 * One complaint's life through the services, at random: left open (perhaps under review),
 * withdrawn, or decided (perhaps the evening of receipt, before its registration date); a decided
 * one perhaps escalated, its escalation decided and referred to court.
 */
async function randomComplaint(): Promise<void> {
  const provider = pick(world.providers);
  const officer = world.officers.get(provider.id)!;
  const filedOn = addDays('2026-09-01', int(0, 200));
  const filedAt = `${filedOn} ${String(int(9, 19)).padStart(2, '0')}:${pick(['05', '40'])}`;
  const { complaint, trackingCode } = await services.complaints.fileComplaint(
    ctx(officer, at(filedAt)),
    individualComplaint(provider.id, {
      publicServiceCode: random() < 0.2 ? null : pick(world.services),
    }),
  );
  const fate = random();
  if (fate < 0.12) {
    if (random() < 0.5) {
      await services.complaints.startReview(
        ctx(officer, at(wallClock(filedOn, 1, '10:00'))),
        complaint.id,
        1,
      );
    }
    return;
  }
  if (fate < 0.18) {
    await services.complaints.withdraw(
      ctx(officer, at(wallClock(filedOn, 1, '10:00'))),
      complaint.id,
      1,
      'Кері қайтарылды',
    );
    return;
  }
  // Some decided long after their deadline: more than 32 working days (the histogram's tail).
  const decisionDays = pick([0, 0, 1, 2, 3, 5, 6, 7, 8, 10, 14, 21, 60, 75]);
  const decidedAt =
    decisionDays === 0 ? `${filedOn} 20:30` : wallClock(filedOn, decisionDays, '11:00');
  const decided = await services.complaints.decide(
    ctx(officer, at(decidedAt)),
    complaint.id,
    1,
    decision(pick(OUTCOMES)),
  );
  const department = world.authorities.some((a) => a.region === provider.region);
  if (random() < 0.7 || !department) return;
  const escalatedOn = addDays(decided.decision!.decidedOn, int(1, 5));
  const { complaint: escalation } = await services.complaints.escalate(
    ctx(world.partner, at(`${escalatedOn} 10:00`)),
    complaint.id,
    { reason: 'Шешіммен келіспеймін.', channel: 'ELECTRONIC', signature: 'DIGITAL', trackingCode },
  );
  if (random() < 0.2) return;
  const inspector = world.inspectors.get(escalation.authority!.id)!;
  await services.complaints.startReview(
    ctx(inspector, at(`${escalatedOn} 11:00`)),
    escalation.id,
    1,
  );
  const reviewed = await services.complaints.decide(
    ctx(inspector, at(wallClock(escalatedOn, int(0, 25), '12:00'))),
    escalation.id,
    2,
    decision(pick(OUTCOMES)),
  );
  if (random() < 0.7) return;
  const referredOn = addDays(reviewed.decision!.decidedOn, int(1, 10));
  await services.complaints.referToCourt(ctx(inspector, at(`${referredOn} 15:00`)), escalation.id, {
    court: 'Әкімшілік сот',
    filedOn: referredOn,
  });
}

interface Row {
  id: string;
  level: 'PROVIDER' | 'AUTHORITY';
  status: string;
  provider_id: string;
  provider_name: string;
  region: string;
  authority_id: string | null;
  public_service_code: string | null;
  registered_on: LocalDate;
  decided_on: LocalDate | null;
  response_deadline: LocalDate;
  outcome: string | null;
  parent_id: string | null;
}

interface Data {
  complaints: Row[];
  authorities: { id: string; region: string; name_ru: string }[];
  serviceNames: Map<string, string>;
  calendar: WorkingCalendar;
}

/** Every complaint, authority and service name, and the calendar as it stands. */
async function readAll(): Promise<Data> {
  const complaints = await db.sql<Row>(
    `select c.id, c.level, c.status, c.provider_id, p.name_ru as provider_name, p.region,
            c.authority_id, c.public_service_code, c.outcome, c.parent_id,
            to_char(c.registered_on, 'YYYY-MM-DD') as registered_on,
            to_char(c.decided_on, 'YYYY-MM-DD') as decided_on,
            to_char(c.response_deadline, 'YYYY-MM-DD') as response_deadline
     from complaint c join provider p on p.id = c.provider_id`,
  );
  const authorities = await db.sql<{ id: string; region: string; name_ru: string }>(
    'select id, region, name_ru from authority',
  );
  const serviceNames = new Map(
    (
      await db.sql<{ code: string; name_ru: string }>('select code, name_ru from public_service')
    ).map((s) => [s.code, s.name_ru]),
  );
  const calendar = await services.calendars.calendar(db.orm.em.fork());
  return { complaints, authorities, serviceNames, calendar };
}

/** The metrics computed the plain way: every complaint read, the calendar package counting. */
function recompute(
  { complaints, authorities, serviceNames, calendar }: Data,
  filter: MetricsFilter,
  groupBy: MetricsGroupBy,
): ComplianceRow[] {
  const escalatedIds = new Set(
    complaints.filter((c) => c.level === 'AUTHORITY' && c.parent_id).map((c) => c.parent_id),
  );
  const groups = new Map<string, { label: string; rows: Row[] }>();
  for (const c of complaints) {
    if (c.registered_on < filter.from || c.registered_on > filter.to) continue;
    if (filter.level && c.level !== filter.level) continue;
    if (filter.providerId && c.provider_id !== filter.providerId) continue;
    if (filter.authorityId && c.authority_id !== filter.authorityId) continue;
    if (filter.region && c.region !== filter.region) continue;
    if (filter.publicServiceCode && c.public_service_code !== filter.publicServiceCode) continue;
    let key: string;
    let label: string;
    switch (groupBy) {
      case 'PROVIDER':
        [key, label] = [c.provider_id, c.provider_name];
        break;
      case 'AUTHORITY': {
        const authority =
          c.level === 'AUTHORITY'
            ? authorities.find((a) => a.id === c.authority_id)
            : authorities.find((a) => a.region === c.region);
        if (!authority) continue;
        [key, label] = [authority.id, authority.name_ru];
        break;
      }
      case 'REGION':
        [key, label] = [c.region, c.region];
        break;
      case 'SERVICE':
        key = c.public_service_code ?? '';
        label = c.public_service_code ? (serviceNames.get(key) ?? key) : '—';
        break;
      case 'MONTH':
        [key, label] = [c.registered_on.slice(0, 7), c.registered_on.slice(0, 7)];
        break;
    }
    const group = groups.get(key) ?? { label, rows: [] };
    group.rows.push(c);
    groups.set(key, group);
  }
  return [...groups.entries()].map(([key, { label, rows }]) => {
    const decided = rows.filter((c) => c.decided_on !== null);
    const decidedOnTime = decided.filter((c) => c.decided_on! <= c.response_deadline).length;
    const days = decided
      .map((c) => Math.max(calendar.workingDaysBetween(c.registered_on, c.decided_on!), 0))
      .sort((a, b) => a - b);
    const middle = (days.length - 1) / 2;
    return {
      key,
      label,
      total: rows.length,
      decided: decided.length,
      decidedOnTime,
      openOverdue: rows.filter(
        (c) => ['REGISTERED', 'IN_REVIEW'].includes(c.status) && c.response_deadline < TODAY,
      ).length,
      onTimeRate: decided.length === 0 ? null : decidedOnTime / decided.length,
      escalated: rows.filter((c) => c.level === 'PROVIDER' && escalatedIds.has(c.id)).length,
      upheld: rows.filter((c) => c.outcome === 'UPHELD' || c.outcome === 'PARTIALLY_UPHELD').length,
      courtReferred: rows.filter((c) => c.status === 'COURT_REFERRED').length,
      medianWorkingDaysToDecision:
        days.length === 0 ? null : (days[Math.floor(middle)]! + days[Math.ceil(middle)]!) / 2,
    };
  });
}

const byKey = (rows: ComplianceRow[]) => [...rows].sort((a, b) => a.key.localeCompare(b.key));

/** The three rollups as the triggers left them, histograms without trailing zeros. */
function rollups() {
  const trimmed = `coalesce(array(select count from unnest(working_days) with ordinality h(count, i)
      where i <= (select max(j) from unnest(working_days) with ordinality g(n, j) where n <> 0)
      order by i), '{}') as working_days`;
  const counts = 'total, decided, decided_on_time, escalated, upheld, court_referred';
  return Promise.all([
    db.sql(`select month::text, provider_id, level, authority_id, ${counts}, ${trimmed}
            from compliance_rollup where total <> 0 order by 1, 2, 3, 4`),
    db.sql(`select month::text, provider_id, level, authority_id, public_service_code, ${counts},
              ${trimmed}
            from compliance_service_rollup where total <> 0 order by 1, 2, 3, 4, 5`),
    db.sql(`select month::text, public_service_code, level, ${counts}, ${trimmed}
            from compliance_service_total_rollup where total <> 0 order by 1, 2, 3`),
  ]);
}

beforeAll(async () => {
  db = await createTestDatabase();
  services = testServices();
  metrics = new ComplianceMetricsService();
  const em = db.orm.em.fork();
  const regions = ['Астана', 'Алматы', 'Шымкент'];
  const providers: World['providers'] = [];
  const officers = new Map<string, Actor>();
  for (let i = 0; i < 6; i += 1) {
    const region = regions[i % 3]!;
    const provider = await newProvider(em, region);
    providers.push({ id: provider.id, region });
    officers.set(
      provider.id,
      (await newUser(em, 'PROVIDER_OFFICER', { providerId: provider.id })).actor,
    );
  }
  // Шымкент has no department: its complaints are never escalated, and left out by authority.
  const authorities: World['authorities'] = [];
  const inspectors = new Map<string, Actor>();
  for (const region of regions.slice(0, 2)) {
    const authority = await newAuthority(em, region);
    authorities.push({ id: authority.id, region });
    inspectors.set(
      authority.id,
      (await newUser(em, 'INSPECTOR', { authorityId: authority.id })).actor,
    );
  }
  const codes: string[] = [];
  for (let i = 0; i < 3; i += 1) codes.push((await newPublicService(em)).code);
  world = {
    providers,
    authorities,
    services: codes,
    officers,
    inspectors,
    supervisor: (await newUser(em, 'SUPERVISOR', { authorityId: authorities[0]!.id })).actor,
    analyst: (await newUser(em, 'ANALYST')).actor,
    partner: (await newUser(em, 'PARTNER')).actor,
  };
});

afterAll(async () => {
  await db?.drop();
});

describe('compliance rollups', () => {
  it('O1: metrics equal a plain recomputation from the complaints', async () => {
    for (let i = 0; i < 70; i += 1) await randomComplaint();
    // Calendar changes in the middle, over days that decided complaints span: a working
    // Wednesday made a day off, a Saturday made working.
    await services.deadlines.setDay(ctx(world.supervisor, at('2027-01-20 10:00')), {
      date: '2026-11-11',
      working: false,
      reason: 'Government decree No. 11',
    });
    await services.deadlines.setDay(ctx(world.supervisor, at('2027-01-20 10:05')), {
      date: '2026-12-05',
      working: true,
      reason: 'Government decree No. 12',
    });
    for (let i = 0; i < 70; i += 1) await randomComplaint();
    // And one changed back: the decided complaints over it return to their first count.
    await services.deadlines.setDay(ctx(world.supervisor, at('2027-03-25 10:00')), {
      date: '2026-11-11',
      working: true,
      reason: 'Decree No. 11 revoked',
    });
    for (let i = 0; i < 20; i += 1) await randomComplaint();

    const data = await readAll();
    const [provider, other] = world.providers;
    const periods = [
      { from: '2026-09-01', to: '2027-04-30' }, // whole months
      { from: '2026-10-15', to: '2027-02-10' }, // parts of months at both edges
      { from: '2026-11-03', to: '2026-11-20' }, // inside one month
      { from: '2026-12-01', to: '2026-12-31' }, // one whole month
      { from: '2026-09-01', to: '2027-01-14' }, // whole at the start, part at the end
    ];
    const filters: Partial<MetricsFilter>[] = [
      {},
      { level: 'PROVIDER' },
      { level: 'AUTHORITY' },
      { providerId: provider!.id },
      { region: other!.region },
      { publicServiceCode: world.services[0] },
      { authorityId: world.authorities[0]!.id },
      { providerId: provider!.id, publicServiceCode: world.services[1] },
      { region: 'Алматы', level: 'AUTHORITY' },
      { level: 'PROVIDER', publicServiceCode: world.services[2] },
    ];
    const groupings: MetricsGroupBy[] = ['PROVIDER', 'AUTHORITY', 'REGION', 'SERVICE', 'MONTH'];
    let compared = 0;
    for (const period of periods) {
      for (const extra of filters) {
        for (const groupBy of groupings) {
          const filter = { ...period, ...extra };
          const actual = await metrics.compute(ctx(world.analyst, NOW), filter, groupBy);
          const expected = recompute(data, filter, groupBy);
          expect(byKey(actual), `${groupBy} ${JSON.stringify(filter)}`).toEqual(byKey(expected));
          compared += actual.length;
        }
      }
    }
    // The data reached every measure.
    const all = recompute(data, periods[0]!, 'MONTH');
    for (const measure of [
      'decided',
      'openOverdue',
      'escalated',
      'upheld',
      'courtReferred',
    ] as const) {
      expect(
        all.reduce((sum, row) => sum + row[measure], 0),
        measure,
      ).toBeGreaterThan(0);
    }
    expect(compared).toBeGreaterThan(500);
    // Some 500 service calls and 250 queries: minutes on a loaded machine, not a timed test.
  }, 300_000);

  it('O1: the rollups the triggers keep equal rebuild_compliance_rollups()', async () => {
    // A few changes appended after the last query, folded in.
    for (let i = 0; i < 5; i += 1) await randomComplaint();
    expect(await db.sql('select * from compliance_rollup_change')).not.toHaveLength(0);
    await db.sql('select compact_compliance_rollups()');
    expect(await db.sql('select * from compliance_rollup_change')).toHaveLength(0);
    const kept = await rollups();
    expect(kept[0].length).toBeGreaterThan(10);
    await db.sql('select rebuild_compliance_rollups()');
    expect(await rollups()).toEqual(kept);
  });

  it('O1: a year of whole months reads the rollup, not the complaints', async () => {
    // A busier year, loaded in SQL: every complaint decided but a few open ones.
    const [provider] = world.providers;
    await db.sql(
      `insert into complaint (id, level, status, channel, subject, description, signature,
         recipient_kind, recipient_postal_address, recipient_accessibility_needs, provider_id,
         incoming_number, registered_at, registered_on, accepted_by, response_deadline,
         response_place, office_code, outcome, decided_on, tracking_code_hash, created_at,
         updated_at)
       select gen_random_uuid(), 'PROVIDER', case when i % 500 = 0 then 'REGISTERED' else 'DECIDED' end,
         'PAPER', 'ACTION', 'x', 'HANDWRITTEN', 'INDIVIDUAL', 'x', '{}', $1, 'BULK-' || i,
         now(), day, 'x', day + 7, 'x', 'x',
         case when i % 500 <> 0 then 'REJECTED' end, case when i % 500 <> 0 then day + i % 9 end,
         'x', now(), now()
       from generate_series(1, 5000) i, lateral (select date '2025-01-01' + i % 365 as day) d`,
      [provider!.id],
    );
    await db.sql('analyze complaint');
    const c = ctx(world.analyst, NOW);
    const execute = vi.spyOn(c.em.getConnection(), 'execute');
    try {
      const rows = await metrics.compute(c, { from: '2025-01-01', to: '2025-12-31' }, 'PROVIDER');
      expect(rows.map((row) => [row.key, row.total, row.openOverdue])).toEqual([
        [provider!.id, 5000, 10],
      ]);
      const statements = execute.mock.calls.map(([sql, params]) => {
        let n = 0;
        return [(sql as string).replace(/\?/g, () => `$${(n += 1)}`), params as unknown[]] as const;
      });
      expect(statements).toHaveLength(2);
      const [counts, overdue] = await Promise.all(
        statements.map(async ([sql, params]) => {
          const [plan] = await db.sql<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
            `explain (analyze, format json) ${sql}`,
            params,
          );
          return complaintReads(plan!['QUERY PLAN'][0].Plan);
        }),
      );
      // The counts: only rollup rows; openOverdue: the open complaints, through their index.
      expect(counts).toEqual({ scans: [], rows: 0 });
      expect(overdue!.scans.every((scan) => scan !== 'Seq Scan')).toBe(true);
      const open = await db.sql<{ n: number }>(
        `select count(*)::int as n from complaint where status in ('REGISTERED', 'IN_REVIEW')`,
      );
      expect(overdue!.rows).toBeLessThanOrEqual(open[0]!.n);
    } finally {
      execute.mockRestore();
    }
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Index Recheck'?: number;
  Plans?: PlanNode[];
}

/** The plan's scans of `complaint` and the rows they read (kept or filtered out). */
function complaintReads(plan: PlanNode): { scans: string[]; rows: number } {
  const result = { scans: [] as string[], rows: 0 };
  const walk = (node: PlanNode) => {
    if (node['Relation Name'] === 'complaint') {
      result.scans.push(node['Node Type']);
      result.rows +=
        (node['Actual Rows'] +
          (node['Rows Removed by Filter'] ?? 0) +
          (node['Rows Removed by Index Recheck'] ?? 0)) *
        node['Actual Loops'];
    }
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan);
  return result;
}
