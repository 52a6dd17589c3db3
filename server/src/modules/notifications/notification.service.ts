import { PORTAL_ACCOUNT } from '@complaints/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Complaint } from '../complaints/index.js';
import { Notice, type NoticeChannel, type NoticeKind } from './notice.entity.js';

/** O5: writes the notices to the recipient, in the caller's transaction; delivery comes later. */
export class NotificationService {
  notify(
    em: EntityManager,
    complaint: Complaint,
    kind: NoticeKind,
    content: Record<string, string | null>,
    at: Date,
  ): Notice {
    const notice = this.notice(em, complaint, kind, content, at);
    em.persist(notice);
    return notice;
  }

  /** The notice `notify` writes, for a caller that writes it itself (a registration's statement). */
  notice(
    em: EntityManager,
    complaint: Complaint,
    kind: NoticeKind,
    content: Record<string, string | null>,
    at: Date,
  ): Notice {
    const { recipient } = complaint;
    const channel = noticeChannel(complaint);
    return em.create(
      Notice,
      {
        complaint,
        kind,
        channel,
        addressee: recipientName(complaint),
        destination: channel === 'ELECTRONIC' ? PORTAL_ACCOUNT : recipient.postalAddress,
        // O2: the notice carries every need, so its delivery honours them (large print, sign language…).
        accessibilityNeeds: [...recipient.accessibilityNeeds],
        content,
        createdAt: at,
      },
      { persist: false },
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
 * O2: a recipient who needs a home visit is answered in person; otherwise by the filing channel.
 * Never by email: the address is protected data (O8), not to be copied into a notice.
 */
function noticeChannel(complaint: Complaint): NoticeChannel {
  if (complaint.recipient.accessibilityNeeds.includes('HOME_VISIT')) return 'HOME_VISIT';
  return complaint.channel === 'ELECTRONIC' ? 'ELECTRONIC' : 'POST';
}

export function recipientName(complaint: Complaint): string {
  const r = complaint.recipient;
  if (r.kind === 'LEGAL_ENTITY') return r.organizationName ?? '';
  return [r.surname, r.givenName, r.patronymic].filter(Boolean).join(' ');
}
