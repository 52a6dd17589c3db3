import { addDays, type LocalDate } from '@complaints/calendar';
import { METRICS_READER_ROLES, type MetricsGroupBy, type ReviewLevel } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { badInput, isUuid } from '../../validation.js';
import { requireRole } from '../access/index.js';
import { almatyDate } from '../calendar/index.js';

export interface MetricsFilter {
  from: LocalDate;
  to: LocalDate;
  level?: ReviewLevel | null;
  providerId?: string | null;
  authorityId?: string | null;
  region?: string | null;
  publicServiceCode?: string | null;
}

export interface ComplianceRow {
  key: string;
  label: string;
  total: number;
  decided: number;
  decidedOnTime: number;
  openOverdue: number;
  onTimeRate: number | null;
  escalated: number;
  upheld: number;
  courtReferred: number;
  medianWorkingDaysToDecision: number | null;
}

/** Five years: keeps one request's work small. */
export const MAX_METRICS_SPAN_DAYS = 1830;
// The years of the `working_day` table: the system holds data for these only.
const EARLIEST_DATE = '2000-01-01';
const LATEST_DATE = '2100-12-31';

interface Grouping {
  key: string;
  label: string;
  joins: string;
  orderBy: string;
}

/**
 * Key, label and the joins they need, over `f`: a rollup row or a complaint, with its provider
 * `p`. Only fixed SQL text, never request values.
 */
function grouping(groupBy: MetricsGroupBy, name: 'name_kk' | 'name_ru'): Grouping {
  switch (groupBy) {
    case 'PROVIDER':
      return { key: 'p.id::text', label: `p.${name}`, joins: '', orderBy: 'label, key' };
    case 'AUTHORITY':
      // The reviewing department: the escalation's own; a provider-level complaint's is the
      // department of the provider's region. Inner join: complaints with neither are left out.
      return {
        key: 'a.id::text',
        label: `a.${name}`,
        joins: `left join authority pa on pa.region = p.region
                join authority a
                  on a.id = case when f.level = 'AUTHORITY' then f.authority_id else pa.id end`,
        orderBy: 'label, key',
      };
    case 'REGION':
      return { key: 'p.region', label: 'p.region', joins: '', orderBy: 'label, key' };
    case 'SERVICE':
      return {
        key: `coalesce(f.public_service_code, '')`,
        label: `case when coalesce(f.public_service_code, '') = '' then '—'
                     else coalesce(s.${name}, f.public_service_code) end`,
        joins: 'left join public_service s on s.code = f.public_service_code',
        orderBy: 'label, key',
      };
    case 'MONTH':
      return {
        key: `to_char(f.month, 'YYYY-MM')`,
        label: `to_char(f.month, 'YYYY-MM')`,
        joins: '',
        orderBy: 'key',
      };
  }
}

/** A period of registration dates, both ends included. */
interface Days {
  from: LocalDate;
  to: LocalDate;
}

/**
 * The whole months inside [from, to] (read from the rollups: `start` inclusive, `end` exclusive)
 * and the days left at either edge (read from the complaints).
 */
export function splitPeriod(
  from: LocalDate,
  to: LocalDate,
): { months: { start: LocalDate; end: LocalDate } | null; edges: Days[] } {
  const start = from.endsWith('-01') ? from : nextMonth(from);
  const end = nextMonth(to) === addDays(to, 1) ? addDays(to, 1) : `${to.slice(0, 8)}01`;
  if (start >= end) return { months: null, edges: [{ from, to }] };
  const edges: Days[] = [];
  if (from < start) edges.push({ from, to: addDays(start, -1) });
  if (end <= to) edges.push({ from: end, to });
  return { months: { start, end }, edges };
}

/** The first day of the month after the one of `day`. */
function nextMonth(day: LocalDate): LocalDate {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 12
    ? `${String(year + 1).padStart(4, '0')}-01-01`
    : `${day.slice(0, 4)}-${String(month + 1).padStart(2, '0')}-01`;
}

/** The filter's conditions on the columns of `f` (a rollup row or a complaint) and their values. */
function conditions(
  filter: MetricsFilter,
  byService: boolean,
): { sql: string[]; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  if (filter.level) {
    sql.push('f.level = ?');
    params.push(filter.level);
  }
  if (filter.providerId) {
    // An id that is not a UUID names no provider: nothing matches (and no cast error).
    if (isUuid(filter.providerId)) {
      sql.push('f.provider_id = ?::uuid');
      params.push(filter.providerId);
    } else sql.push('false');
  }
  if (filter.authorityId) {
    if (isUuid(filter.authorityId)) {
      sql.push('f.authority_id = ?::uuid');
      params.push(filter.authorityId);
    } else sql.push('false');
  }
  if (filter.publicServiceCode && byService) {
    sql.push('f.public_service_code = ?');
    params.push(filter.publicServiceCode);
  }
  return { sql, params };
}

/** The region is the provider's (`p`), joined after the rows are read. */
function regionCondition(filter: MetricsFilter): { sql: string[]; params: string[] } {
  return filter.region
    ? { sql: ['p.region = ?'], params: [filter.region] }
    : { sql: [], params: [] };
}

function where(clauses: string[]): string {
  return clauses.length === 0 ? 'true' : clauses.join(' and ');
}

/** O1 / R2: compliance with the review deadlines, per provider, department, region, service or month. */
export class ComplianceMetricsService {
  async compute(
    ctx: RequestCtx,
    filter: MetricsFilter,
    groupBy: MetricsGroupBy,
  ): Promise<ComplianceRow[]> {
    requireRole(ctx, ...METRICS_READER_ROLES);
    const { from, to } = filter;
    // LocalDate strings (YYYY-MM-DD) compare in date order.
    if (from > to || to > LATEST_DATE) {
      throw badInput(ctx.language, 'to', 'outOfRange', {
        min: within(from),
        max: offset(from, MAX_METRICS_SPAN_DAYS),
      });
    }
    if (from < EARLIEST_DATE || addDays(from, MAX_METRICS_SPAN_DAYS) < to) {
      throw badInput(ctx.language, 'from', 'outOfRange', {
        min: offset(to, -MAX_METRICS_SPAN_DAYS),
        max: to,
      });
    }

    const group = grouping(groupBy, ctx.language === 'kk' ? 'name_kk' : 'name_ru');
    const today = almatyDate(ctx.now);
    const rows = await ctx.em.execute<ComplianceRow[]>(...countsSql(filter, group, groupBy));
    const overdue = await ctx.em.execute<{ key: string; openOverdue: number }[]>(
      ...openOverdueSql(filter, group, today),
    );
    const overdueByKey = new Map(overdue.map((row) => [row.key, row.openOverdue]));
    for (const row of rows) row.openOverdue = overdueByKey.get(row.key) ?? 0;
    return rows;
  }
}

type Rollup = 'compliance_rollup' | 'compliance_service_rollup' | 'compliance_service_total_rollup';

/** The key columns of each rollup, as the facts' columns (a missing one is null). */
const rollupColumns: Record<Rollup, string> = {
  compliance_rollup: 'f.provider_id, f.level, f.authority_id, null::varchar',
  compliance_service_rollup: 'f.provider_id, f.level, f.authority_id, f.public_service_code',
  compliance_service_total_rollup: 'null::uuid, f.level, null::uuid, f.public_service_code',
};

/**
 * The smallest rollup that answers the query: by provider unless the service is asked for; by
 * service across providers when nothing needs the provider.
 */
function rollupFor(filter: MetricsFilter, groupBy: MetricsGroupBy): Rollup {
  if (groupBy !== 'SERVICE' && !filter.publicServiceCode) return 'compliance_rollup';
  const needsProvider =
    groupBy === 'PROVIDER' ||
    groupBy === 'AUTHORITY' ||
    groupBy === 'REGION' ||
    Boolean(filter.providerId || filter.authorityId || filter.region);
  return needsProvider ? 'compliance_service_rollup' : 'compliance_service_total_rollup';
}

/**
 * The histogram's first buckets are summed as plain columns (no row per bucket); decisions later
 * than that, rare, are unnested.
 */
const HISTOGRAM_HEAD = 32;
const HISTOGRAM_HEAD_SUMS = Array.from(
  { length: HISTOGRAM_HEAD },
  (_, i) => `coalesce(sum(working_days[${i + 1}]), 0)`,
).join(', ');

/**
 * Every measure but `openOverdue`, in one statement: the whole months from a rollup, the days
 * at the edges from the complaints (by registration date), and the median read from the
 * working-days histogram (percentile_cont: the mean of the two middle values of an even count).
 */
function countsSql(
  filter: MetricsFilter,
  group: Grouping,
  groupBy: MetricsGroupBy,
): [string, string[]] {
  const rollup = rollupFor(filter, groupBy);
  const { months, edges } = splitPeriod(filter.from, filter.to);
  const onRollup = conditions(filter, rollup !== 'compliance_rollup');
  const onComplaints = conditions(filter, true);
  const region = regionCondition(filter);
  const params: string[] = [];
  const parts: string[] = [];
  if (months) {
    // The rollup as the last folding left it, and the changes appended since (this statement's
    // snapshot sees neither the folding it starts below nor its own deletions).
    parts.push(`
        select f.month, ${rollupColumns[rollup]},
               f.total, f.decided, f.decided_on_time, f.escalated, f.upheld, f.court_referred,
               f.working_days
        from ${rollup} f
        where f.month >= ?::date and f.month < ?::date and ${where(onRollup.sql)}
        union all
        select f.month, ${rollupColumns[rollup]},
               f.total, f.decided, f.decided_on_time, f.escalated, f.upheld, f.court_referred,
               compliance_histogram_add(
                 compliance_histogram_add('{}', f.removed_working_days, -f.moved),
                 f.added_working_days, f.moved)
        from compliance_rollup_change f
        where f.month >= ?::date and f.month < ?::date and ${where(onRollup.sql)}`);
    params.push(months.start, months.end, ...onRollup.params);
    params.push(months.start, months.end, ...onRollup.params);
  }
  if (edges.length > 0) {
    parts.push(`
        select compliance_month(f.registered_on), f.provider_id, f.level, f.authority_id,
               f.public_service_code, 1, (f.decided_on is not null)::int,
               coalesce(f.decided_on <= f.response_deadline, false)::int,
               (f.level = 'PROVIDER' and exists (
                 select 1 from complaint e where e.parent_id = f.id and e.level = 'AUTHORITY'
               ))::int,
               coalesce(f.outcome in ('UPHELD', 'PARTIALLY_UPHELD'), false)::int,
               (f.status = 'COURT_REFERRED')::int,
               -- greatest() skips nulls: an undecided complaint counts 0 times, not at 0 days.
               compliance_histogram_add('{}', greatest(dd.working_index - rd.working_index, 0),
                                        (dd.working_index - rd.working_index is not null)::int)
        from complaint f
        left join working_day rd on rd.day = f.registered_on
        left join working_day dd on dd.day = f.decided_on
        where (${edges.map(() => 'f.registered_on between ?::date and ?::date').join(' or ')})
          and ${where(onComplaints.sql)}`);
    for (const edge of edges) params.push(edge.from, edge.to);
    params.push(...onComplaints.params);
  }
  params.push(...region.params);
  const sql = `
      with folding as materialized (
        -- Folds the changes appended since the last query into the rollups, in passing.
        select compact_compliance_rollups() as folded
      ),
      facts (month, provider_id, level, authority_id, public_service_code, total, decided,
                  decided_on_time, escalated, upheld, court_referred, working_days) as (
        ${parts.join('\n        union all')}
      ),
      scoped as (
        select ${group.key} as key, ${group.label} as label, f.*
        from facts f
        ${rollup === 'compliance_service_total_rollup' ? '' : 'join provider p on p.id = f.provider_id'}
        ${group.joins}
        where ${where(region.sql)}
      ),
      totals as (
        select key, label,
               sum(total)::int as "total",
               sum(decided)::int as "decided",
               sum(decided_on_time)::int as "decidedOnTime",
               sum(escalated)::int as "escalated",
               sum(upheld)::int as "upheld",
               sum(court_referred)::int as "courtReferred",
               array[${HISTOGRAM_HEAD_SUMS}] as histogram_head
        from scoped
        group by key, label
      ),
      histogram as (
        select t.key, h.bucket - 1 as working_days, h.count
        from totals t
        cross join lateral unnest(t.histogram_head) with ordinality as h (count, bucket)
        where h.count <> 0
        union all
        select s.key, h.bucket + ${HISTOGRAM_HEAD - 1} as working_days, sum(h.count) as count
        from scoped s
        cross join lateral unnest(s.working_days[${HISTOGRAM_HEAD + 1}:])
          with ordinality as h (count, bucket)
        group by 1, 2
        having sum(h.count) <> 0
      ),
      running as (
        select key, working_days,
               sum(count) over (partition by key order by working_days) as up_to,
               sum(count) over (partition by key) as count
        from histogram
      ),
      medians as (
        select key,
               (min(working_days) filter (where up_to > (count - 1) / 2)
                 + min(working_days) filter (where up_to > count / 2)) / 2.0 as median
        from running
        group by key
      )
      select t.key, t.label, t."total", t."decided", t."decidedOnTime", 0 as "openOverdue",
             t."decidedOnTime"::float8 / nullif(t."decided", 0) as "onTimeRate",
             t."escalated", t."upheld", t."courtReferred",
             m.median::float8 as "medianWorkingDaysToDecision"
      from totals t
      left join medians m on m.key = t.key
      where t."total" <> 0 and (select folded from folding) is not null
      order by ${group.orderBy
        .split(', ')
        .map((column) => `t.${column}`)
        .join(', ')}`;
  return [sql, params];
}

/** Open complaints past their deadline today: always live, from the open complaints only. */
function openOverdueSql(
  filter: MetricsFilter,
  group: Grouping,
  today: LocalDate,
): [string, string[]] {
  const onComplaints = conditions(filter, true);
  const region = regionCondition(filter);
  const sql = `
      select ${group.key} as key, count(*)::int as "openOverdue"
      from (
        select c.*, compliance_month(c.registered_on) as month
        from complaint c
        where c.status in ('REGISTERED', 'IN_REVIEW') and c.response_deadline < ?::date
          and c.registered_on between ?::date and ?::date
      ) f
      join provider p on p.id = f.provider_id
      ${group.joins}
      where ${where([...onComplaints.sql, ...region.sql])}
      group by 1`;
  return [sql, [today, filter.from, filter.to, ...onComplaints.params, ...region.params]];
}

function clampDate(value: LocalDate, min: LocalDate, max: LocalDate): LocalDate {
  return value < min ? min : value > max ? max : value;
}

/** The date moved into the years the metrics accept. */
function within(date: LocalDate): LocalDate {
  return clampDate(date, EARLIEST_DATE, LATEST_DATE);
}

/** `days` after (or before) the date, kept within the accepted years: for error messages. */
function offset(date: LocalDate, days: number): LocalDate {
  return within(addDays(within(date), days));
}
