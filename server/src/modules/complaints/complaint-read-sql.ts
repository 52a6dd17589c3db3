import type { LocalDate } from '@complaints/calendar';
import { isOpen, type ComplaintStatus, type Role } from '@complaints/domain';
import type { UserActor } from '../access/access.js';
import type { ProviderView } from '../providers/provider.entity.js';
import { isUuid } from '../providers/provider.service.js';
import type { UserView } from '../users/user.entity.js';
import { searchQueryOf } from './complaint-search.js';
import type { ComplaintFilter } from './complaint-query.service.js';

/** What a queue request asks for beyond the complaints themselves. */
export interface QueuePageShape {
  totalCount: boolean;
  provider: boolean;
  assignee: boolean;
  workingDaysLeft: boolean;
}

export const FULL_PAGE: QueuePageShape = {
  totalCount: true,
  provider: true,
  assignee: true,
  workingDaysLeft: true,
};

/** A row of the page statement: the complaint's columns, then the joined ones, prefixed. */
export type QueueRow = Record<string, string | number | boolean | Date | string[] | null> & {
  id: string | null;
  total?: number;
  working_days_left?: number | null;
  p__id?: string;
  u__id?: string | null;
};

/** Every column a ComplaintView is read from; dates as text, so no time zone can shift them. */
const COMPLAINT_COLUMNS = [
  'c.id',
  'c.level',
  'c.status',
  'c.version',
  'c.channel',
  'c.subject',
  'c.description',
  'c.signature',
  'c.official',
  'c.public_service_code',
  'c.recipient_kind',
  'c.recipient_surname',
  'c.recipient_given_name',
  'c.recipient_patronymic',
  'c.recipient_iin',
  'c.recipient_organization_name',
  'c.recipient_bin',
  'c.recipient_outgoing_number',
  'c.recipient_outgoing_date::text as recipient_outgoing_date',
  'c.recipient_postal_address',
  'c.recipient_email',
  'c.recipient_phone',
  'c.recipient_accessibility_needs',
  'c.incoming_number',
  'c.registered_at',
  'c.registered_on::text as registered_on',
  'c.accepted_by',
  'c.response_deadline::text as response_deadline',
  'c.response_place',
  'c.office_code',
  'c.outcome',
  'c.reasoning',
  'c.remedial_measures',
  'c.decided_at',
  'c.decided_on::text as decided_on',
  'c.decided_by',
  'c.court_referral_court',
  'c.court_referral_filed_on::text as court_referral_filed_on',
  'c.court_referral_case_number',
  'c.provider_id',
  'c.authority_id',
  'c.parent_id',
  'c.assignee_id',
].join(', ');

const PROVIDER_COLUMNS = `p.id as p__id, p.bin as p__bin, p.name_kk as p__name_kk,
  p.name_ru as p__name_ru, p.region as p__region, p.postal_address as p__postal_address,
  p.office_code as p__office_code`;

const USER_COLUMNS = `u.id as u__id, u.email as u__email, u.display_name as u__display_name,
  u.role as u__role, u.active as u__active, u.provider_id as u__provider_id,
  u.authority_id as u__authority_id`;

/** Open statuses as SQL text: lets the planner use the partial indexes of the open queue. */
const OPEN_STATUS_SQL = "('REGISTERED', 'IN_REVIEW')";

/** Numbered parameters, each value sent once however often the SQL refers to it. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

/**
 * Who sees which complaint, and the filters, as one SQL condition (the read scope in SQL on
 * every path: the same rule as `applyReadScope`).
 */
function conditions(
  actor: UserActor,
  filter: ComplaintFilter,
  today: LocalDate,
  params: Parameters,
): string[] {
  const where: string[] = [];
  switch (actor.role) {
    case 'SUPERVISOR':
    case 'INSPECTOR':
      break;
    case 'PROVIDER_OFFICER':
      where.push(`c.provider_id = ${params.add(actor.providerId, 'uuid')}`);
      break;
    case 'PARTNER': {
      const me = params.add(actor.userId, 'uuid');
      where.push(`(c.filed_by_id = ${me}
        or exists (select 1 from complaint pc where pc.id = c.parent_id and pc.filed_by_id = ${me})
        or exists (select 1 from complaint ec where ec.parent_id = c.id and ec.filed_by_id = ${me}))`);
      break;
    }
    case 'ANALYST':
      where.push('false');
      break;
  }
  const statuses: readonly ComplaintStatus[] = filter.status ?? [];
  if (statuses.length > 0) {
    where.push(`c.status = any(${params.add([...new Set(statuses)], 'text[]')})`);
    if (statuses.every(isOpen)) where.push(`c.status in ${OPEN_STATUS_SQL}`);
  }
  if (filter.level) where.push(`c.level = ${params.add(filter.level, 'text')}`);
  if (filter.providerId) {
    where.push(
      isUuid(filter.providerId)
        ? `c.provider_id = ${params.add(filter.providerId, 'uuid')}`
        : 'false',
    );
  }
  if (filter.authorityId) {
    where.push(
      isUuid(filter.authorityId)
        ? `c.authority_id = ${params.add(filter.authorityId, 'uuid')}`
        : 'false',
    );
  }
  if (filter.overdue === true) {
    where.push(
      `c.status in ${OPEN_STATUS_SQL} and c.response_deadline < ${params.add(today, 'date')}`,
    );
  } else if (filter.overdue === false) {
    where.push(
      `not (c.status in ${OPEN_STATUS_SQL} and c.response_deadline < ${params.add(today, 'date')})`,
    );
  }
  if (filter.dueBefore) where.push(`c.response_deadline < ${params.add(filter.dueBefore, 'date')}`);
  if (filter.registeredFrom) {
    where.push(`c.registered_on >= ${params.add(filter.registeredFrom, 'date')}`);
  }
  if (filter.registeredTo) {
    where.push(`c.registered_on <= ${params.add(filter.registeredTo, 'date')}`);
  }
  if (filter.assignedToMe) where.push(`c.assignee_id = ${params.add(actor.userId, 'uuid')}`);
  // Word prefixes through the GIN index on search_text: never a scan of every description.
  const search = searchQueryOf(filter.search ?? '');
  if (search !== null) {
    where.push(`to_tsvector('simple', c.search_text) @@ ${params.add(search, 'tsquery')}`);
  }
  return where;
}

export function queueWhere(
  actor: UserActor,
  filter: ComplaintFilter,
  today: LocalDate,
): { sql: string; values: unknown[] } {
  const params = new Parameters();
  const where = conditions(actor, filter, today, params);
  return { sql: where.length ? where.join(' and ') : 'true', values: params.values };
}

/**
 * One statement for a page: `first + 1` rows in deadline order after the cursor (the extra row
 * says whether another page follows) and, when asked, the total as one uncorrelated count that
 * the page joins (so an empty page still carries it).
 */
export function queuePageSql(
  actor: UserActor,
  filter: ComplaintFilter,
  today: LocalDate,
  first: number,
  start: { deadline: LocalDate; id: string } | null,
  shape: QueuePageShape,
): { text: string; values: unknown[] } {
  const params = new Parameters();
  const where = conditions(actor, filter, today, params);
  const filtered = where.length ? where.join(' and ') : 'true';
  const keyset = start
    ? ` and (c.response_deadline, c.id) > (${params.add(start.deadline, 'date')}, ${params.add(start.id, 'uuid')})`
    : '';
  const columns = [COMPLAINT_COLUMNS];
  const joins: string[] = [];
  if (shape.provider) {
    columns.push(PROVIDER_COLUMNS);
    joins.push('join provider p on p.id = c.provider_id');
  }
  if (shape.assignee) {
    columns.push(USER_COLUMNS);
    joins.push('left join app_user u on u.id = c.assignee_id');
  }
  if (shape.workingDaysLeft) {
    const todayIndex = `(select w.working_index from working_day w where w.day = ${params.add(today, 'date')})`;
    columns.push(`d.working_index - ${todayIndex} as working_days_left`);
    joins.push('left join working_day d on d.day = c.response_deadline');
  }
  const page = `select ${columns.join(', ')}
    from complaint c ${joins.join(' ')}
    where ${filtered}${keyset}
    order by c.response_deadline, c.id
    limit ${params.add(first + 1, 'int')}`;
  if (!shape.totalCount) return { text: page, values: params.values };
  return {
    text: `select t.total, page.*
      from (select count(*)::int as total from complaint c where ${filtered}) t
      left join lateral (${page}) page on true`,
    values: params.values,
  };
}

export function providerViewFromRow(row: QueueRow): ProviderView {
  return {
    id: String(row.p__id),
    bin: String(row.p__bin),
    nameKk: String(row.p__name_kk),
    nameRu: String(row.p__name_ru),
    region: String(row.p__region),
    postalAddress: String(row.p__postal_address),
    officeCode: String(row.p__office_code),
  };
}

export function userViewFromRow(row: QueueRow): UserView {
  const reference = (value: unknown) => (typeof value === 'string' ? { id: value } : null);
  return {
    id: String(row.u__id),
    email: String(row.u__email),
    displayName: String(row.u__display_name),
    role: row.u__role as Role,
    active: row.u__active === true,
    provider: reference(row.u__provider_id),
    authority: reference(row.u__authority_id),
  };
}
