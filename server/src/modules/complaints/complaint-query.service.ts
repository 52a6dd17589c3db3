import type { EntityManager, QueryBuilder } from '@mikro-orm/postgresql';
import { isLocalDate, type LocalDate } from '@complaints/calendar';
import type { ComplaintStatus, ReviewLevel } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { badInput } from '../../validation.js';
import { requireRole, type UserActor } from '../access/access.js';
import { almatyDate } from '../calendar/almaty-time.js';
import { isUuid } from '../providers/provider.service.js';
import { Complaint } from './complaint.entity.js';
import { MAX_SEARCH_LENGTH, searchQueryOf } from './complaint-search.js';
import { complaintViewFromRow, type ComplaintView } from './complaint-view.js';

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
  countTotal(): Promise<number>;
}

export const MAX_PAGE_SIZE = 100;
/** Every role that reads complaints; ANALYST never does (no personal data reaches that role). */
const READERS = ['SUPERVISOR', 'INSPECTOR', 'PROVIDER_OFFICER', 'PARTNER'] as const;

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
    return requireRole(ctx, ...READERS);
  }

  /** One SQL for the page (keyset on deadline and id); the total only when asked for. */
  async list(
    ctx: RequestCtx,
    filter: ComplaintFilter | null | undefined,
    first: number,
    after: string | null | undefined,
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
    const filtered = () => this.filtered(ctx.em, actor, filter ?? {}, almatyDate(ctx.now));
    const qb = filtered()
      .orderBy({ registration: { responseDeadline: 'asc' }, id: 'asc' })
      .limit(first + 1);
    if (start) qb.andWhere('(c.response_deadline, c.id) > (?, ?)', [start.deadline, start.id]);
    // The page is read as plain rows: no entity hydration on the hottest path.
    const rows = (await qb.execute('all', false)) as unknown as Parameters<
      typeof complaintViewFromRow
    >[0][];
    const complaints = rows.slice(0, first).map(complaintViewFromRow);
    return {
      complaints,
      cursors: complaints.map((c) => encodeCursor(c.registration.responseDeadline, c.id)),
      hasNextPage: rows.length > first,
      countTotal: () => filtered().getCount(),
    };
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

  private filtered(
    em: EntityManager,
    actor: UserActor,
    filter: ComplaintFilter,
    today: LocalDate,
  ): ComplaintQuery {
    const qb = applyReadScope(em.createQueryBuilder(Complaint, 'c').select('*'), actor);
    if (filter.status?.length) qb.andWhere({ status: { $in: filter.status } });
    if (filter.level) qb.andWhere({ level: filter.level });
    if (filter.providerId)
      qb.andWhere({ provider: isUuid(filter.providerId) ? filter.providerId : null });
    if (filter.authorityId)
      qb.andWhere({ authority: isUuid(filter.authorityId) ? filter.authorityId : null });
    if (filter.overdue === true) {
      qb.andWhere("c.status in ('REGISTERED', 'IN_REVIEW') and c.response_deadline < ?", [today]);
    } else if (filter.overdue === false) {
      qb.andWhere("not (c.status in ('REGISTERED', 'IN_REVIEW') and c.response_deadline < ?)", [
        today,
      ]);
    }
    if (filter.dueBefore) qb.andWhere('c.response_deadline < ?', [filter.dueBefore]);
    if (filter.registeredFrom) qb.andWhere('c.registered_on >= ?', [filter.registeredFrom]);
    if (filter.registeredTo) qb.andWhere('c.registered_on <= ?', [filter.registeredTo]);
    if (filter.assignedToMe) qb.andWhere({ assignee: actor.userId });
    // Word prefixes through the GIN index on search_text: never a scan of every description.
    const search = searchQueryOf(filter.search ?? '');
    if (search !== null) {
      qb.andWhere(`to_tsvector('simple', c.search_text) @@ ?::tsquery`, [search]);
    }
    return qb;
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
