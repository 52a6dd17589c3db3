import { PORTAL_ACCOUNT, type NoticeFacts, type NoticeKind } from '@complaints/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Complaint } from '../complaints/index.js';
import { Notice, type NoticeRoute } from './notice.entity.js';

/**
 * O5: writes the notices to the recipient, one per channel the recipient chose, in the caller's
 * transaction. Email and SMS notices get their delivery job from the database in that same
 * transaction (the `notice_delivery_job` trigger); the portal's are in its feed at once; paper
 * waits for an officer to hand it over or post it.
 */
export class NotificationService {
  notify(
    em: EntityManager,
    complaint: Complaint,
    kind: NoticeKind,
    content: NoticeFacts,
    at: Date,
  ): Notice[] {
    const notices = this.notices(em, complaint, kind, content, at);
    for (const notice of notices) em.persist(notice);
    return notices;
  }

  /** The notices `notify` writes, for a caller that writes them itself (a registration's statement). */
  notices(
    em: EntityManager,
    complaint: Complaint,
    kind: NoticeKind,
    content: NoticeFacts,
    at: Date,
  ): Notice[] {
    const { recipient } = complaint;
    return noticeRoutes(complaint).map((channel) =>
      em.create(
        Notice,
        {
          complaint,
          kind,
          channel,
          addressee: recipientName(complaint),
          destination: destinationOf(channel, complaint),
          // O2: the notice carries every need, so its delivery honours them (large print, sign language…).
          accessibilityNeeds: [...recipient.accessibilityNeeds],
          content: { ...content, level: complaint.level },
          language: recipient.language,
          easyRead: recipient.easyRead,
          createdAt: at,
          // The portal pulls its feed: a notice is there, delivered, the moment it is written.
          ...(channel === 'ELECTRONIC'
            ? { status: 'DELIVERED' as const, deliveredAt: at, deliveredHow: 'PORTAL' as const }
            : {}),
        },
        { persist: false },
      ),
    );
  }

  listForComplaints(em: EntityManager, complaintIds: readonly string[]): Promise<Notice[]> {
    return em.find(
      Notice,
      { complaint: { $in: [...complaintIds] } },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }
}

/**
 * O5: the channels the recipient chose at filing; without a choice, the filing's own channel.
 * O2: paper for a recipient who needs a home visit is handed over at home.
 */
export function noticeRoutes(complaint: Complaint): NoticeRoute[] {
  const { recipient } = complaint;
  const paper: NoticeRoute = recipient.accessibilityNeeds.includes('HOME_VISIT')
    ? 'HOME_VISIT'
    : 'POST';
  if (recipient.noticeChannels.length === 0) {
    if (paper === 'HOME_VISIT') return ['HOME_VISIT'];
    return [complaint.channel === 'ELECTRONIC' ? 'ELECTRONIC' : 'POST'];
  }
  return recipient.noticeChannels.map((channel) => {
    if (channel === 'PORTAL') return 'ELECTRONIC';
    if (channel === 'PAPER') return paper;
    return channel;
  });
}

/**
 * Where the notice goes, as staff may see it: the postal address or the portal; for email and
 * SMS only which contact, never the contact itself (O8: it is read at delivery, under no copy).
 */
function destinationOf(channel: NoticeRoute, complaint: Complaint): string {
  if (channel === 'ELECTRONIC') return PORTAL_ACCOUNT;
  if (channel === 'EMAIL') return 'recipient.email';
  if (channel === 'SMS') return 'recipient.phone';
  return complaint.recipient.postalAddress;
}

export function recipientName(complaint: Complaint): string {
  const r = complaint.recipient;
  if (r.kind === 'LEGAL_ENTITY') return r.organizationName ?? '';
  return [r.surname, r.givenName, r.patronymic].filter(Boolean).join(' ');
}
