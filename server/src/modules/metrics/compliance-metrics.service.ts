import { addDays, type LocalDate, type WorkingCalendar } from '@complaints/calendar';
import type { MetricsGroupBy, ReviewLevel } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { badInput } from '../../validation.js';
import { requireRole } from '../access/access.js';
import { almatyDate } from '../calendar/almaty-time.js';
import type { WorkingCalendarService } from '../calendar/working-calendar.service.js';
import { isUuid } from '../providers/provider.service.js';

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

/** Five years: keeps one request's statement and calendar small. */
export const MAX_METRICS_SPAN_DAYS = 1830;
// Years the system can hold data for; also keeps the calendar arithmetic below in range.
const EARLIEST_DATE = '2000-01-01';
const LATEST_DATE = '2100-12-31';
// A registration date falls after receipt (next working day), so a decision made the evening of
// receipt can precede it: the calendar starts a month early to cover that.
const CALENDAR_MARGIN_BEFORE_DAYS = 31;
// Decisions come days after registration; the calendar reaches today, but at least two and at
// most ten years past `to`, so that an old period never needs a calendar up to an unbounded date
// (a decision even later than that is left out of the median).
const CALENDAR_MIN_DAYS_AFTER = 731;
const CALENDAR_MAX_DAYS_AFTER = 3660;

interface Grouping {
  key: string;
  label: string;
  joins: string;
  orderBy: string;
}

/** Key, label and the joins they need; only fixed SQL text, never request values. */
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
        joins: `join authority a on case when c.level = 'AUTHORITY' then a.id = c.authority_id
                                         else a.region = p.region end`,
        orderBy: 'label, key',
      };
    case 'REGION':
      return { key: 'p.region', label: 'p.region', joins: '', orderBy: 'label, key' };
    case 'SERVICE':
      return {
        key: `coalesce(c.public_service_code, '')`,
        label: `case when c.public_service_code is null then '—'
                     else coalesce(s.${name}, c.public_service_code) end`,
        joins: 'left join public_service s on s.code = c.public_service_code',
        orderBy: 'label, key',
      };
    case 'MONTH':
      return {
        key: `to_char(c.registered_on, 'YYYY-MM')`,
        label: `to_char(c.registered_on, 'YYYY-MM')`,
        joins: '',
        orderBy: 'key',
      };
  }
}

/**
 * Every date of [start, end] and its running count of working days, as PostgreSQL array
 * literals: MikroORM inlines an array parameter as a comma list, which `?::date[]` cannot read.
 */
function workingIndex(
  calendar: WorkingCalendar,
  start: LocalDate,
  end: LocalDate,
): { days: string; indexes: string } {
  const days: LocalDate[] = [];
  const indexes: number[] = [];
  let count = 0;
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) count += 1;
    days.push(day);
    indexes.push(count);
  }
  return { days: `{${days.join(',')}}`, indexes: `{${indexes.join(',')}}` };
}

function clampDate(value: LocalDate, min: LocalDate, max: LocalDate): LocalDate {
  return value < min ? min : value > max ? max : value;
}

/** O1 / R2: compliance with the review deadlines, per provider, department, region, service or month. */
export class ComplianceMetricsService {
  constructor(private readonly calendars: WorkingCalendarService) {}

  async compute(
    ctx: RequestCtx,
    filter: MetricsFilter,
    groupBy: MetricsGroupBy,
  ): Promise<ComplianceRow[]> {
    requireRole(ctx, 'ANALYST', 'SUPERVISOR', 'INSPECTOR');
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

    const today = almatyDate(ctx.now);
    const calendar = await this.calendars.calendar(ctx.em);
    const cal = workingIndex(
      calendar,
      addDays(from, -CALENDAR_MARGIN_BEFORE_DAYS),
      clampDate(today, addDays(to, CALENDAR_MIN_DAYS_AFTER), addDays(to, CALENDAR_MAX_DAYS_AFTER)),
    );

    const group = grouping(groupBy, ctx.language === 'kk' ? 'name_kk' : 'name_ru');
    const conditions = ['c.registered_on between ?::date and ?::date'];
    const params: string[] = [cal.days, cal.indexes, today, from, to];
    if (filter.level) {
      conditions.push('c.level = ?');
      params.push(filter.level);
    }
    if (filter.providerId) {
      // An id that is not a UUID names no provider: nothing matches (and no cast error).
      if (isUuid(filter.providerId)) {
        conditions.push('c.provider_id = ?::uuid');
        params.push(filter.providerId);
      } else conditions.push('false');
    }
    if (filter.authorityId) {
      if (isUuid(filter.authorityId)) {
        conditions.push('c.authority_id = ?::uuid');
        params.push(filter.authorityId);
      } else conditions.push('false');
    }
    if (filter.region) {
      conditions.push('p.region = ?');
      params.push(filter.region);
    }
    if (filter.publicServiceCode) {
      conditions.push('c.public_service_code = ?');
      params.push(filter.publicServiceCode);
    }

    // One statement: the working-day index `cal` turns "working days between registration and
    // decision" into a difference of two joined numbers, so no complaint is loaded into memory.
    const sql = `
      with cal (day, working_index) as (
        select * from unnest(?::date[], ?::int[])
      ),
      scoped as (
        select ${group.key} as key,
               ${group.label} as label,
               c.decided_on is not null as decided,
               c.decided_on <= c.response_deadline as on_time,
               c.status in ('REGISTERED', 'IN_REVIEW') and c.response_deadline < ?::date
                 as open_overdue,
               c.level = 'PROVIDER' and exists (
                 select 1 from complaint e where e.parent_id = c.id and e.level = 'AUTHORITY'
               ) as escalated,
               c.outcome in ('UPHELD', 'PARTIALLY_UPHELD') as upheld,
               c.status = 'COURT_REFERRED' as court_referred,
               dc.working_index - rc.working_index as working_days
        from complaint c
        join provider p on p.id = c.provider_id
        ${group.joins}
        left join cal rc on rc.day = c.registered_on
        left join cal dc on dc.day = c.decided_on
        where ${conditions.join(' and ')}
      )
      select key,
             label,
             count(*)::int as "total",
             count(*) filter (where decided)::int as "decided",
             count(*) filter (where on_time)::int as "decidedOnTime",
             count(*) filter (where open_overdue)::int as "openOverdue",
             (count(*) filter (where on_time))::float8
               / nullif(count(*) filter (where decided), 0) as "onTimeRate",
             count(*) filter (where escalated)::int as "escalated",
             count(*) filter (where upheld)::int as "upheld",
             count(*) filter (where court_referred)::int as "courtReferred",
             -- Decided the evening of receipt, before the registration date: 0 days, not negative.
             (percentile_cont(0.5) within group (order by greatest(working_days, 0))
               filter (where working_days is not null))::float8 as "medianWorkingDaysToDecision"
      from scoped
      group by key, label
      order by ${group.orderBy}`;

    return ctx.em.execute<ComplianceRow[]>(sql, params);
  }
}

/** The date moved into the years the metrics accept. */
function within(date: LocalDate): LocalDate {
  return clampDate(date, EARLIEST_DATE, LATEST_DATE);
}

/** `days` after (or before) the date, kept within the accepted years: for error messages. */
function offset(date: LocalDate, days: number): LocalDate {
  return within(addDays(within(date), days));
}
