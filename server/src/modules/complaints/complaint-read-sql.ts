import type { LocalDate } from '@complaints/calendar';
import {
  COMPLAINT_STATUS_VALUES,
  RECIPIENT_FIELDS,
  isOpen,
  recipientColumn,
  type ComplaintStatus,
  type Role,
} from '@complaints/domain';
import type { UserActor } from '../access/index.js';
import { type ProviderView } from '../providers/index.js';
import { isUuid } from '../../validation.js';
import type { UserView } from '../users/index.js';
import type { AuthorityView } from '../authorities/index.js';
import type { ConsentView } from '../consent/index.js';
import type { NoticeView } from '../notifications/index.js';
import type { ComplaintEventView } from './complaint-event.entity.js';
import { complaintViewFromRow, type ComplaintView } from './complaint-view.js';
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
  a__id?: string | null;
};

/** Every column a ComplaintView is read from; dates as text, so no time zone can shift them. */
const COMPLAINT_COLUMN_LIST = [
  'id',
  'level',
  'status',
  'version',
  'channel',
  'subject',
  'description',
  'signature',
  'official',
  'public_service_code',
  ...RECIPIENT_FIELDS.map((field) => {
    const column = recipientColumn(field);
    return field === 'outgoingDate' ? `${column}::text as ${column}` : column;
  }),
  'incoming_number',
  'registered_at',
  'registered_on::text as registered_on',
  'accepted_by',
  'response_deadline::text as response_deadline',
  'response_place',
  'office_code',
  'outcome',
  'reasoning',
  'remedial_measures',
  'decided_at',
  'decided_on::text as decided_on',
  'decided_by',
  'court_referral_court',
  'court_referral_filed_on::text as court_referral_filed_on',
  'court_referral_case_number',
  'provider_id',
  'authority_id',
  'parent_id',
  'assignee_id',
  'filed_by_id',
];

function complaintColumns(alias: string): string {
  return COMPLAINT_COLUMN_LIST.map((column) => `${alias}.${column}`).join(', ');
}

const COMPLAINT_COLUMNS = complaintColumns('c');

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
 * Who sees which complaint (`alias` names the complaint row), or null when the actor sees all:
 * the same rule as `applyReadScope`.
 */
function readScopeSql(actor: UserActor, alias: string, params: Parameters): string | null {
  switch (actor.role) {
    case 'SUPERVISOR':
    case 'INSPECTOR':
      return null;
    case 'PROVIDER_OFFICER':
      return `${alias}.provider_id = ${params.add(actor.providerId, 'uuid')}`;
    case 'PARTNER': {
      const me = params.add(actor.userId, 'uuid');
      return `(${alias}.filed_by_id = ${me}
        or exists (select 1 from complaint sp where sp.id = ${alias}.parent_id and sp.filed_by_id = ${me})
        or exists (select 1 from complaint se where se.parent_id = ${alias}.id and se.filed_by_id = ${me}))`;
    }
    case 'ANALYST':
      return 'false';
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
  const scope = readScopeSql(actor, 'c', params);
  if (scope !== null) where.push(scope);
  const statuses: readonly ComplaintStatus[] = filter.status ?? [];
  if (statuses.length > 0) {
    // A closed set of values, so part of the statement's shape rather than a parameter: the
    // planner estimates the real list (one predicate, not two multiplied) and sees when it falls
    // within the partial indexes of the open queue.
    const known = COMPLAINT_STATUS_VALUES.filter((status) => statuses.includes(status));
    where.push(known.length ? `c.status in (${known.map((v) => `'${v}'`).join(', ')})` : 'false');
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

/** The complaint's columns and, as `shape` asks, those joined to it: one place for both reads. */
function joinedParts(
  shape: Pick<CaseShape, 'provider' | 'assignee' | 'workingDaysLeft'> & { authority?: boolean },
  today: LocalDate,
  params: Parameters,
): { columns: string[]; joins: string[] } {
  const columns = [COMPLAINT_COLUMNS];
  const joins: string[] = [];
  if (shape.provider) {
    columns.push(PROVIDER_COLUMNS);
    joins.push('join provider p on p.id = c.provider_id');
  }
  if (shape.authority) {
    columns.push(AUTHORITY_COLUMNS);
    joins.push('left join authority a on a.id = c.authority_id');
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
  return { columns, joins };
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
  const { columns, joins } = joinedParts(shape, today, params);
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

/** A complaint row of either read, with the working days left it carries when they were asked. */
export function complaintViewOfRead(row: QueueRow, withWorkingDaysLeft: boolean): ComplaintView {
  const view = complaintViewFromRow(row);
  if (withWorkingDaysLeft) {
    view.workingDaysLeft = isOpen(view.status) ? (row.working_days_left ?? null) : null;
  }
  return view;
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

/** What a read of one case asks for beyond the complaint itself. */
export interface CaseShape {
  provider: boolean;
  authority: boolean;
  assignee: boolean;
  workingDaysLeft: boolean;
  history: boolean;
  notices: boolean;
  consents: boolean;
  parent: boolean;
  escalation: boolean;
}

const AUTHORITY_COLUMNS = `a.id as a__id, a.name_kk as a__name_kk, a.name_ru as a__name_ru,
  a.region as a__region, a.postal_address as a__postal_address, a.office_code as a__office_code`;

const HISTORY_JSON = `(select coalesce(json_agg(json_build_object(
    'id', e.id::text, 'at', e.at, 'actorId', e.actor_id, 'actor', e.actor, 'action', e.action,
    'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note) order by e.at, e.id), '[]')
  from complaint_event e where e.complaint_id = c.id) as history_json`;

const NOTICES_JSON = `(select coalesce(json_agg(json_build_object(
    'id', n.id, 'kind', n.kind, 'channel', n.channel, 'addressee', n.addressee,
    'destination', n.destination, 'accessibilityNeeds', n.accessibility_needs,
    'content', n.content, 'createdAt', n.created_at, 'deliveredAt', n.delivered_at,
    'language', n.language, 'easyRead', n.easy_read, 'status', n.status, 'attempts', n.attempts, 'lastError', n.last_error,
    'deliveredHow', n.delivered_how, 'deliveredOn', n.delivered_on)
    order by n.created_at, n.id), '[]')
  from notice n where n.complaint_id = c.id) as notices_json`;

const CONSENTS_JSON = `(select coalesce(json_agg(json_build_object(
    'id', k.id, 'scope', k.scope, 'signedBy', k.signed_by, 'method', k.method,
    'signedOn', k.signed_on::text, 'evidence', k.evidence, 'recordedAt', k.recorded_at,
    'recordedById', k.recorded_by_id, 'revokedAt', k.revoked_at, 'revokedById', k.revoked_by_id)
    order by k.recorded_at, k.id), '[]')
  from consent k where k.complaint_id = c.id) as consents_json`;

/**
 * One statement for a case page: the complaint if the actor may read it, with what the query
 * asks for: its provider, department, assignee, working days left, history, notices, consents,
 * and the complaints at both ends of its escalation link (each only if readable too).
 */
export function caseSql(
  actor: UserActor,
  id: string,
  today: LocalDate,
  shape: CaseShape,
): { text: string; values: unknown[] } {
  const params = new Parameters();
  const where = [`c.id = ${params.add(id, 'uuid')}`];
  const scope = readScopeSql(actor, 'c', params);
  if (scope !== null) where.push(scope);
  const linked = (condition: string) => {
    const linkScope = readScopeSql(actor, 'r', params);
    return `(select row_to_json(x) from (select ${complaintColumns('r')} from complaint r
      where ${condition}${linkScope === null ? '' : ` and ${linkScope}`}) x)`;
  };
  const { columns, joins } = joinedParts(shape, today, params);
  if (shape.history) columns.push(HISTORY_JSON);
  if (shape.notices) columns.push(NOTICES_JSON);
  if (shape.consents) columns.push(CONSENTS_JSON);
  if (shape.parent) columns.push(`${linked('r.id = c.parent_id')} as parent_json`);
  if (shape.escalation) columns.push(`${linked('r.parent_id = c.id')} as escalation_json`);
  return {
    text: `select ${columns.join(', ')} from complaint c ${joins.join(' ')} where ${where.join(' and ')}`,
    values: params.values,
  };
}

/** A case as read by `caseSql`: the views the nested fields will ask for, already at hand. */
export interface CaseRead {
  complaint: ComplaintView;
  provider: ProviderView | null;
  authority: AuthorityView | null;
  assignee: UserView | null;
  history: ComplaintEventView[] | null;
  notices: NoticeView[] | null;
  consents: ConsentView[] | null;
  /** undefined: not asked; null: none the actor may read. */
  parent: ComplaintView | null | undefined;
  escalation: ComplaintView | null | undefined;
}

type JsonObject = Record<string, unknown>;
const instantOf = (value: unknown): Date => new Date(String(value));
const instantOrNull = (value: unknown): Date | null =>
  value === null || value === undefined ? null : instantOf(value);

export function caseReadFromRow(row: QueueRow, shape: CaseShape): CaseRead {
  const complaint = complaintViewOfRead(row, shape.workingDaysLeft);
  const json = (key: string) => (row as unknown as Record<string, JsonObject[] | null>)[key];
  const linked = (key: string) => {
    const value = (row as unknown as Record<string, QueueRow | null>)[key];
    return value ? complaintViewFromRow(value) : null;
  };
  return {
    complaint,
    provider: shape.provider ? providerViewFromRow(row) : null,
    authority: shape.authority && row.a__id ? authorityViewFromRow(row) : null,
    assignee: shape.assignee && row.u__id ? userViewFromRow(row) : null,
    history: shape.history
      ? (json('history_json') ?? []).map((e) => ({
          ...(e as unknown as ComplaintEventView),
          at: instantOf(e.at),
        }))
      : null,
    notices: shape.notices
      ? (json('notices_json') ?? []).map((n) => ({
          ...(n as unknown as NoticeView),
          createdAt: instantOf(n.createdAt),
          deliveredAt: instantOrNull(n.deliveredAt),
        }))
      : null,
    consents: shape.consents
      ? (json('consents_json') ?? []).map((k) => ({
          ...(k as unknown as ConsentView),
          recordedAt: instantOf(k.recordedAt),
          revokedAt: instantOrNull(k.revokedAt),
          active: k.revokedAt === null,
        }))
      : null,
    parent: shape.parent ? linked('parent_json') : undefined,
    escalation: shape.escalation ? linked('escalation_json') : undefined,
  };
}

function authorityViewFromRow(row: QueueRow): AuthorityView {
  return {
    id: String(row.a__id),
    nameKk: String(row.a__name_kk),
    nameRu: String(row.a__name_ru),
    region: String(row.a__region),
    postalAddress: String(row.a__postal_address),
    officeCode: String(row.a__office_code),
  };
}
