import { LockMode } from '@mikro-orm/core';
import {
  noticeStyle,
  noticeTexts,
  type AccessibilityNeed,
  type NoticeFacts,
  type NoticeKind,
  type NoticeLanguage,
  type NoticeText,
} from '@complaints/domain';
import type { LocalDate } from '@complaints/calendar';
import type { RequestCtx } from '../../context.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { badInput, isUuid } from '../../validation.js';
import { requireRole } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { almatyDate } from '../calendar/index.js';
import { assertMayAct, reachComplaint } from '../complaints/index.js';
import { Notice } from '../notifications/index.js';

import type { PaperDelivery } from './delivery.types.js';

/** A notice as the portal's feed carries it: what to show the recipient, in their language. */
export interface PortalNotice {
  id: string;
  kind: NoticeKind;
  complaintId: string;
  incomingNumber: string;
  deliveredAt: Date;
  texts: NoticeText[];
  largePrint: boolean;
  cursor: string;
}

export interface UndeliveredNotice {
  id: string;
  kind: NoticeKind;
  channel: string;
  complaintId: string;
  incomingNumber: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

const MAX_PAGE = 100;

function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return 50;
  return Math.min(Math.max(Math.trunc(first), 1), MAX_PAGE);
}

/** `after`: the cursor of the last notice read, `<ISO instant>|<uuid>`, opaque to the portal. */
function readCursor(ctx: RequestCtx, after: string | null | undefined): [Date, string] | null {
  if (!after) return null;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const [instant, id] = text.split('|');
  const at = new Date(instant ?? '');
  if (Number.isNaN(at.getTime()) || !isUuid(id ?? '')) {
    throw badInput(ctx.language, 'after', 'unknownValue');
  }
  return [at, id!];
}

const cursorOf = (at: Date, id: string) =>
  Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

interface FeedRow {
  id: string;
  kind: NoticeKind;
  complaint_id: string;
  incoming_number: string;
  delivered_at: Date;
  content: NoticeFacts;
  language: NoticeLanguage | null;
  accessibility_needs: AccessibilityNeed[];
  easy_read: boolean;
}

/**
 * O5: what people do with notices: the portal pulls its recipients' feed, a supervisor sends an
 * undelivered notice again, an officer records a paper notice handed over or posted.
 */
export class NoticeDeskService {
  constructor(private readonly audit: AuditService) {}

  /**
   * PARTNER: the notices of the recipients whose complaints this portal filed, oldest first,
   * after the cursor of the last one it read ("what changed since").
   */
  async portalFeed(
    ctx: RequestCtx,
    after: string | null | undefined,
    first: number | null | undefined,
  ): Promise<{ notices: PortalNotice[]; hasNextPage: boolean }> {
    const actor = requireRole(ctx, 'PARTNER');
    const cursor = readCursor(ctx, after);
    const size = pageSize(first);
    const rows = await ctx.em.getConnection().execute<FeedRow[]>(
      `select n.id, n.kind, n.complaint_id, c.incoming_number, n.delivered_at, n.content,
              n.language, n.accessibility_needs, n.easy_read
         from notice n join complaint c on c.id = n.complaint_id
        where n.channel = 'ELECTRONIC' and n.delivered_at is not null and c.filed_by_id = ?
          and (?::timestamptz is null or (n.delivered_at, n.id) > (?::timestamptz, ?::uuid))
        order by n.delivered_at, n.id
        limit ?`,
      [actor.userId, cursor?.[0] ?? null, cursor?.[0] ?? null, cursor?.[1] ?? null, size + 1],
    );
    return {
      hasNextPage: rows.length > size,
      notices: rows.slice(0, size).map((row) => {
        const style = noticeStyle(row.accessibility_needs ?? [], row.easy_read);
        const deliveredAt = new Date(row.delivered_at);
        return {
          id: row.id,
          kind: row.kind,
          complaintId: row.complaint_id,
          incomingNumber: row.incoming_number,
          deliveredAt,
          texts: noticeTexts(row.kind, row.content, row.language, style),
          largePrint: style.largePrint,
          cursor: cursorOf(deliveredAt, row.id),
        };
      }),
    };
  }

  /** SUPERVISOR: the notices every try failed to deliver, newest first, with the reason. */
  async undelivered(
    ctx: RequestCtx,
    first: number | null | undefined,
  ): Promise<UndeliveredNotice[]> {
    requireRole(ctx, 'SUPERVISOR');
    const rows = await ctx.em.getConnection().execute<
      {
        id: string;
        kind: NoticeKind;
        channel: string;
        complaint_id: string;
        incoming_number: string;
        attempts: number;
        last_error: string | null;
        created_at: Date;
      }[]
    >(
      `select n.id, n.kind, n.channel, n.complaint_id, c.incoming_number, n.attempts,
              n.last_error, n.created_at
         from notice n join complaint c on c.id = n.complaint_id
        where n.status = 'UNDELIVERED'
        order by n.created_at desc, n.id desc
        limit ?`,
      [pageSize(first)],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      channel: r.channel,
      complaintId: r.complaint_id,
      incomingNumber: r.incoming_number,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: new Date(r.created_at),
    }));
  }

  /** SUPERVISOR: an undelivered notice is queued again (the database adds its job). Audited. */
  async resend(ctx: RequestCtx, noticeId: string): Promise<Notice> {
    requireRole(ctx, 'SUPERVISOR');
    return ctx.em.transactional(async (em) => {
      const notice = isUuid(noticeId)
        ? await em.findOne(Notice, { id: noticeId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
        : null;
      if (!notice) throw new NotFoundError('Notice', noticeId);
      if (
        notice.status !== 'UNDELIVERED' ||
        (notice.channel !== 'EMAIL' && notice.channel !== 'SMS')
      ) {
        throw new ConflictError('Only an undelivered notice is sent again', {
          reason: 'NOT_UNDELIVERED',
          status: notice.status,
        });
      }
      notice.status = 'PENDING';
      await em.flush();
      await this.audit.record(em, ctx, {
        action: 'notice.resend',
        entityType: 'Notice',
        entityId: notice.id,
        change: {
          complaintId: notice.complaint.id,
          channel: notice.channel,
          attempts: notice.attempts,
        },
      });
      return notice;
    });
  }

  /**
   * O5: a paper notice (post, home visit) handed over or posted, on the day the officer says. The
   * one who decides the case answers on paper, so the same actors may record it. Audited.
   */
  async recordHandover(
    ctx: RequestCtx,
    noticeId: string,
    how: PaperDelivery,
    on: LocalDate,
  ): Promise<Notice> {
    const actor = requireRole(ctx, 'PROVIDER_OFFICER', 'INSPECTOR', 'SUPERVISOR');
    const found = isUuid(noticeId) ? await ctx.em.findOne(Notice, { id: noticeId }) : null;
    if (!found) throw new NotFoundError('Notice', noticeId);
    if (on > almatyDate(ctx.now)) throw badInput(ctx.language, 'on', 'futureDate');
    if (on < almatyDate(found.createdAt)) throw badInput(ctx.language, 'on', 'invalidDate');
    return ctx.em.transactional(async (em) => {
      const reached = await reachComplaint(em, actor, found.complaint.id, { lock: true }).catch(
        (error: unknown) => {
          throw error instanceof NotFoundError ? new NotFoundError('Notice', noticeId) : error;
        },
      );
      assertMayAct(actor, 'decide', reached);
      const notice = await em.findOneOrFail(Notice, { id: noticeId });
      if (notice.channel !== 'POST' && notice.channel !== 'HOME_VISIT') {
        throw new ConflictError('Only a paper notice is handed over or posted', {
          reason: 'NOT_PAPER',
          channel: notice.channel,
        });
      }
      if (notice.status !== 'PENDING') {
        throw new ConflictError('This notice is already delivered', {
          reason: 'ALREADY_DELIVERED',
          status: notice.status,
        });
      }
      Object.assign(notice, {
        status: 'DELIVERED',
        deliveredAt: ctx.now,
        deliveredHow: how,
        deliveredOn: on,
        deliveredById: actor.userId,
      });
      await em.flush();
      await this.audit.record(em, ctx, {
        action: 'notice.handover',
        entityType: 'Notice',
        entityId: notice.id,
        change: { complaintId: reached.complaint.id, how, on },
      });
      return notice;
    });
  }
}
