import type { EntityManager } from '@mikro-orm/postgresql';
import {
  noticeStyle,
  noticeTexts,
  type AccessibilityNeed,
  type NoticeFacts,
  type NoticeKind,
  type NoticeLanguage,
} from '@complaints/domain';
import { DeliveryFailure, type NoticeSender } from './notice-senders.js';

export type DeliveryResult = 'delivered' | 'skipped' | 'retry' | 'undelivered';

interface NoticeRow {
  id: string;
  kind: NoticeKind;
  channel: string;
  status: string;
  content: NoticeFacts;
  language: NoticeLanguage | null;
  accessibility_needs: AccessibilityNeed[];
  email: string | null;
  phone: string | null;
  easy_read: boolean;
}

/**
 * O5: sends one email or SMS notice, at least once: the notice is marked delivered only after the
 * server accepted it, and a notice no longer PENDING is never sent again (a retried or duplicated
 * job finds it delivered and stops). The contact is read from the complaint here and goes nowhere
 * but to the sender: not into the notice, its error, the history, the audit trail or a log (O8).
 */
export class NoticeDeliveryService {
  constructor(private readonly senders: Partial<Record<'EMAIL' | 'SMS', NoticeSender>>) {}

  async deliver(
    em: EntityManager,
    noticeId: string,
    attempt: { last: boolean },
    now: Date,
  ): Promise<DeliveryResult> {
    const [notice] = await em.getConnection().execute<NoticeRow[]>(
      `select n.id, n.kind, n.channel, n.status, n.content, n.language, n.accessibility_needs,
              n.easy_read, c.recipient_email as email, c.recipient_phone as phone
         from notice n join complaint c on c.id = n.complaint_id
        where n.id = ?`,
      [noticeId],
    );
    if (!notice || notice.status !== 'PENDING') return 'skipped';
    if (notice.channel !== 'EMAIL' && notice.channel !== 'SMS') return 'skipped';
    const sender = this.senders[notice.channel];
    const to = notice.channel === 'EMAIL' ? notice.email : notice.phone;
    if (!sender) {
      return this.failed(em, notice.id, `${notice.channel} is not configured`, attempt.last);
    }
    if (!to)
      return this.failed(em, notice.id, `no ${notice.channel} contact on the complaint`, true);
    const style = noticeStyle(notice.accessibility_needs ?? [], notice.easy_read);
    try {
      await sender.send({
        noticeId: notice.id,
        to,
        texts: noticeTexts(notice.kind, notice.content, notice.language, style),
        largePrint: style.largePrint,
      });
    } catch (error) {
      if (!(error instanceof DeliveryFailure)) throw error;
      return this.failed(em, notice.id, error.message, attempt.last);
    }
    await em.getConnection().execute(
      `update notice set status = 'DELIVERED', delivered_at = ?, delivered_how = 'SENT',
                attempts = attempts + 1, last_error = null
          where id = ? and status = 'PENDING'`,
      [now, notice.id],
    );
    return 'delivered';
  }

  private async failed(
    em: EntityManager,
    noticeId: string,
    reason: string,
    last: boolean,
  ): Promise<DeliveryResult> {
    await em.getConnection().execute(
      `update notice set attempts = attempts + 1, last_error = ?,
              status = case when ? then 'UNDELIVERED' else status end
        where id = ? and status = 'PENDING'`,
      [reason, last, noticeId],
    );
    return last ? 'undelivered' : 'retry';
  }

  close(): void {
    for (const sender of Object.values(this.senders)) sender?.close();
  }
}
