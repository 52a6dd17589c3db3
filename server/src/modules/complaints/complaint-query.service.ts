import type { QueryBuilder } from '@mikro-orm/postgresql';
import { isLocalDate, type LocalDate } from '@complaints/calendar';
import { COMPLAINT_READER_ROLES, type ComplaintStatus, type ReviewLevel } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { queryPrepared } from '../../db/prepared.js';
import { badInput, isUuid } from '../../validation.js';
import { requireRole, type UserActor } from '../access/index.js';
import { almatyDate } from '../calendar/index.js';
import { type ProviderView } from '../providers/index.js';
import { Complaint } from './complaint.entity.js';
import type { UserView } from '../users/index.js';
import { MAX_SEARCH_LENGTH } from './complaint-search.js';
import type { ComplaintView } from './complaint-view.js';
import {
  caseReadFromRow,
  caseSql,
  complaintViewOfRead,
  FULL_PAGE,
  type CaseRead,
  type CaseShape,
  providerViewFromRow,
  queuePageSql,
  queueWhere,
  userViewFromRow,
  type QueuePageShape,
  type QueueRow,
} from './complaint-read-sql.js';

export type { CaseRead, CaseShape, QueuePageShape } from './complaint-read-sql.js';

export interface ComplaintFilter {
  status?: ComplaintStatus[] | null;
  level?: ReviewLevel | null;
  providerId?: string | null;
  authorityId?: string | null;
  overdue?: boolean | null;
  dueBefore?: LocalDate | null;
  registeredFrom?: LocalDate | null;
  registeredTo?: LocalDate | null;
  search?: string | null;
  assignedToMe?: boolean | null;
}

export interface ComplaintPage {
  complaints: ComplaintView[];
  cursors: string[];
  hasNextPage: boolean;
  /** The providers of the page's complaints, when the shape asked for them. */
  providers: ProviderView[];
  /** The assignees of the page's complaints, when the shape asked for them. */
  assignees: UserView[];
  countTotal(): Promise<number>;
}

export const MAX_PAGE_SIZE = 100;

type ComplaintQuery = QueryBuilder<Complaint, 'c'>;

/**
 * Who sees which complaint, applied in SQL on every read path (lists, single reads, references,
 * nested links): the authority's staff see all; an officer sees its provider's; a partner sees
 * what it filed or escalated and both ends of their escalation links.
 */
export function applyReadScope(qb: ComplaintQuery, actor: UserActor): ComplaintQuery {
  switch (actor.role) {
    case 'SUPERVISOR':
    case 'INSPECTOR':
      return qb;
    case 'PROVIDER_OFFICER':
      return qb.andWhere('c.provider_id = ?', [actor.providerId]);
    case 'PARTNER':
      return qb.andWhere(
        `(c.filed_by_id = ?
          or exists (select 1 from complaint p where p.id = c.parent_id and p.filed_by_id = ?)
          or exists (select 1 from complaint e where e.parent_id = c.id and e.filed_by_id = ?))`,
        [actor.userId, actor.userId, actor.userId],
      );
    case 'ANALYST':
      return qb.andWhere('false');
  }
}

export class ComplaintQueryService {
  /** The roles allowed to read complaints at all; UNAUTHENTICATED/FORBIDDEN otherwise. */
  reader(ctx: RequestCtx): UserActor {
    return requireRole(ctx, ...COMPLAINT_READER_ROLES);
  }

  /**
   * The queue page in one prepared statement, shaped by what the query asks for: the page, and
   * only if asked its total, providers, assignees and working days left (from `working_day`).
   * Read scope and filters are the same SQL for the page and its total.
   */
  async list(
    ctx: RequestCtx,
    filter: ComplaintFilter | null | undefined,
    first: number,
    after: string | null | undefined,
    shape: QueuePageShape = FULL_PAGE,
  ): Promise<ComplaintPage> {
    const actor = this.reader(ctx);
    if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
      throw badInput(ctx.language, 'first', 'outOfRange', { min: 0, max: MAX_PAGE_SIZE });
    }
    if ((filter?.search?.length ?? 0) > MAX_SEARCH_LENGTH) {
      throw badInput(ctx.language, 'filter.search', 'tooLong', { max: MAX_SEARCH_LENGTH });
    }
    const start = after ? decodeCursor(after) : null;
    if (after && !start) throw badInput(ctx.language, 'after', 'unknownValue');
    const today = almatyDate(ctx.now);
    const { text, values } = queuePageSql(actor, filter ?? {}, today, first, start, shape);
    const rows = await queryPrepared<QueueRow>(ctx.em, text, values);
    const total = shape.totalCount ? (rows[0]?.total ?? 0) : null;
    const found = rows.filter((row) => row.id !== null);
    const pageRows = found.slice(0, first);
    const complaints = pageRows.map((row) => complaintViewOfRead(row, shape.workingDaysLeft));
    return {
      complaints,
      cursors: complaints.map((c) => encodeCursor(c.registration.responseDeadline, c.id)),
      hasNextPage: found.length > first,
      providers: shape.provider ? pageRows.map(providerViewFromRow) : [],
      assignees: shape.assignee
        ? pageRows.flatMap((row) => (row.u__id ? [userViewFromRow(row)] : []))
        : [],
      countTotal: () => Promise.resolve(total ?? this.countOf(ctx, actor, filter ?? {}, today)),
    };
  }

  /**
   * One case, if the actor may read it, in one prepared statement with what `shape` asks for
   * (its links, history, notices and consents, each under the same read scope).
   */
  async caseById(ctx: RequestCtx, id: string, shape: CaseShape): Promise<CaseRead | null> {
    const actor = this.reader(ctx);
    if (!isUuid(id)) return null;
    const { text, values } = caseSql(actor, id, almatyDate(ctx.now), shape);
    const [row] = await queryPrepared<QueueRow>(ctx.em, text, values);
    return row ? caseReadFromRow(row, shape) : null;
  }

  /** The total alone, when a caller asks for it without having said so in the shape. */
  private async countOf(
    ctx: RequestCtx,
    actor: UserActor,
    filter: ComplaintFilter,
    today: LocalDate,
  ): Promise<number> {
    const where = queueWhere(actor, filter, today);
    const [row] = await queryPrepared<{ total: number }>(
      ctx.em,
      `select count(*)::int as total from complaint c where ${where.sql}`,
      where.values,
    );
    return row?.total ?? 0;
  }

  /** The complaints among `ids` the actor may read, in one query (DataLoader batches). */
  async findReadableByIds(ctx: RequestCtx, ids: readonly string[]): Promise<Complaint[]> {
    const actor = this.reader(ctx);
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return applyReadScope(
      ctx.em.createQueryBuilder(Complaint, 'c').where({ id: { $in: valid } }),
      actor,
    ).getResultList();
  }

  /** The AUTHORITY-level complaints escalating any of `parentIds` that the actor may read. */
  async findReadableEscalations(
    ctx: RequestCtx,
    parentIds: readonly string[],
  ): Promise<Complaint[]> {
    const actor = this.reader(ctx);
    return applyReadScope(
      ctx.em.createQueryBuilder(Complaint, 'c').where({ parent: { $in: [...parentIds] } }),
      actor,
    ).getResultList();
  }

  async findReadableByIncomingNumber(
    ctx: RequestCtx,
    incomingNumber: string,
  ): Promise<Complaint | null> {
    const actor = this.reader(ctx);
    const [complaint] = await applyReadScope(
      ctx.em
        .createQueryBuilder(Complaint, 'c')
        .where({ registration: { incomingNumber: incomingNumber.trim() } }),
      actor,
    ).getResultList();
    return complaint ?? null;
  }
}

/** Opaque to clients: base64url of [deadline, id]. */
export function encodeCursor(deadline: LocalDate, id: string): string {
  return Buffer.from(JSON.stringify([deadline, id])).toString('base64url');
}

function decodeCursor(cursor: string): { deadline: LocalDate; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      typeof value[0] === 'string' &&
      isLocalDate(value[0]) &&
      typeof value[1] === 'string' &&
      isUuid(value[1])
    ) {
      return { deadline: value[0], id: value[1] };
    }
  } catch {
    // not JSON: not one of our cursors
  }
  return null;
}
