// complianceMetrics for the data's last year, by provider and by month: five sequential requests
// each (median and max), and the answer compared field by field with a plain recomputation from
// the complaint table (the project's rule: metrics equal a recomputation from the complaints).
import { WorkingCalendar, addDays } from '../../../packages/calendar/dist/index.js';
import { withClient } from './database.js';
import { apolloDocument } from './queue.js';
import { almatyToday, dataOf, graphql, median } from './util.js';

const QUERY = apolloDocument('compliance-metrics.query.graphql');
const FIELDS = [
  'total',
  'decided',
  'decidedOnTime',
  'openOverdue',
  'escalated',
  'upheld',
  'courtReferred',
  'onTimeRate',
  'medianWorkingDaysToDecision',
];

/** The same figures straight from `complaint`, with the working days from the project's calendar. */
async function recompute(databaseUrl, { from, to, groupBy }) {
  return withClient(databaseUrl, async (client) => {
    const { rows: overrides } = await client.query(
      `select to_char(date, 'YYYY-MM-DD') as date, working, reason from calendar_override`,
    );
    const calendar = new WorkingCalendar({ overrides });
    const days = [];
    const indexes = [];
    let count = 0;
    for (let day = addDays(from, -31); day <= addDays(to, 731); day = addDays(day, 1)) {
      if (calendar.isWorkingDay(day)) count += 1;
      days.push(day);
      indexes.push(count);
    }
    const key =
      groupBy === 'PROVIDER' ? 'c.provider_id::text' : `to_char(c.registered_on, 'YYYY-MM')`;
    const { rows } = await client.query(
      `with cal (day, idx) as (select * from unnest($3::date[], $4::int[])),
       scoped as (
         select ${key} as key, c.*, dc.idx - rc.idx as working_days,
                c.level = 'PROVIDER' and exists (select 1 from complaint e
                                                  where e.parent_id = c.id and e.level = 'AUTHORITY')
                  as was_escalated
         from complaint c
         left join cal rc on rc.day = c.registered_on
         left join cal dc on dc.day = c.decided_on
         where c.registered_on between $1::date and $2::date)
       select key,
              count(*)::int as "total",
              count(*) filter (where decided_on is not null)::int as "decided",
              count(*) filter (where decided_on <= response_deadline)::int as "decidedOnTime",
              count(*) filter (where status in ('REGISTERED', 'IN_REVIEW')
                                 and response_deadline < $5::date)::int as "openOverdue",
              count(*) filter (where was_escalated)::int as "escalated",
              count(*) filter (where outcome in ('UPHELD', 'PARTIALLY_UPHELD'))::int as "upheld",
              count(*) filter (where status = 'COURT_REFERRED')::int as "courtReferred",
              (count(*) filter (where decided_on <= response_deadline))::float8
                / nullif(count(*) filter (where decided_on is not null), 0) as "onTimeRate",
              (percentile_cont(0.5) within group (order by greatest(working_days, 0))
                 filter (where working_days is not null))::float8
                as "medianWorkingDaysToDecision"
       from scoped group by key`,
      [from, to, days, indexes, almatyToday()],
    );
    return rows;
  });
}

function same(a, b) {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a ?? null) === (b ?? null);
  }
  return Math.abs(Number(a) - Number(b)) <= 1e-9 * Math.max(1, Math.abs(Number(b)));
}

/** Differences between the API's rows and the recomputation; a group missing on one side is zero. */
function compare(answer, expected) {
  const zero = Object.fromEntries(FIELDS.map((f) => [f, 0]));
  Object.assign(zero, { onTimeRate: null, medianWorkingDaysToDecision: null });
  const byKey = new Map(expected.map((row) => [row.key, row]));
  const keys = new Set([...answer.map((r) => r.key), ...byKey.keys()]);
  const answered = new Map(answer.map((row) => [row.key, row]));
  const differences = [];
  for (const key of keys) {
    const got = answered.get(key) ?? { key, ...zero };
    const want = byKey.get(key) ?? { key, ...zero };
    for (const field of FIELDS) {
      if (!same(got[field], want[field])) {
        differences.push(`${key} ${field}: API ${got[field]}, recomputed ${want[field]}`);
      }
    }
  }
  return differences;
}

/** Times and checks complianceMetrics on a running service. */
export async function measureMetrics({ url, token, databaseUrl, year, repeats = 5 }) {
  const results = [];
  for (const groupBy of ['PROVIDER', 'MONTH']) {
    const variables = { filter: { from: `${year}-01-01`, to: `${year}-12-31` }, groupBy };
    const times = [];
    let answer;
    for (let i = 0; i < repeats; i += 1) {
      const started = performance.now();
      answer = await graphql(url, {
        query: QUERY,
        variables,
        token,
        headers: { 'accept-language': 'ru' },
      });
      times.push(performance.now() - started);
      dataOf(answer, `complianceMetrics ${groupBy}`);
    }
    const rows = answer.data.complianceMetrics;
    const expected = await recompute(databaseUrl, { ...variables.filter, groupBy });
    const differences = compare(rows, expected);
    results.push({
      groupBy,
      groups: rows.length,
      complaints: rows.reduce((sum, r) => sum + r.total, 0),
      medianMs: median(times),
      maxMs: Math.max(...times),
      times,
      differences,
    });
  }
  return results;
}
