import { createTransport, type Transporter } from 'nodemailer';
import { smsText, type NoticeText } from '@complaints/domain';

/** A notice on its way out by email or SMS; `to` is read from the complaint at delivery only. */
export interface OutgoingNotice {
  noticeId: string;
  to: string;
  texts: readonly NoticeText[];
  largePrint: boolean;
}

export interface NoticeSender {
  /** Resolves once the server accepted the message; throws a `DeliveryFailure` otherwise. */
  send(notice: OutgoingNotice): Promise<void>;
  close(): void;
}

/**
 * Why a try failed, in words safe to store and show staff: a code or status, never the contact
 * or the server's message (which may repeat the address).
 */
export class DeliveryFailure extends Error {}

/** O5: email through SMTP (nodemailer). The Message-ID is the notice's: a retry is recognisable. */
export class EmailSender implements NoticeSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(notice: OutgoingNotice): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: notice.to,
        subject: notice.texts.map((t) => t.subject).join(' / '),
        messageId: `<notice-${notice.noticeId}@complaints>`,
        headers: { 'X-Notice-Id': notice.noticeId },
        text: notice.texts
          .map((t) => [t.subject, '', ...t.paragraphs].join('\n'))
          .join('\n\n—\n\n'),
        html: emailHtml(notice),
      });
    } catch (error) {
      const e = error as { responseCode?: number; code?: string };
      throw new DeliveryFailure(`SMTP ${e.responseCode ?? e.code ?? 'error'}`);
    }
  }

  close(): void {
    this.transport.close();
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** O2: large print is 20 pt with generous spacing; each language is its own section. */
function emailHtml(notice: OutgoingNotice): string {
  const size = notice.largePrint ? '20pt' : '12pt';
  const sections = notice.texts.map(
    (t) =>
      `<section lang="${t.language === 'KK' ? 'kk' : 'ru'}"><h1 style="font-size:1.3em">${escapeHtml(t.subject)}</h1>` +
      t.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
      '</section>',
  );
  return `<!doctype html><html><body style="font-family:Arial,sans-serif;font-size:${size};line-height:1.5">${sections.join('<hr>')}</body></html>`;
}

/**
 * O5: SMS through an HTTP gateway: POST JSON `{ to, text }` with the key as a bearer token and
 * the notice id as `Idempotency-Key`, so a gateway that saw a try already does not send it twice.
 */
export class SmsSender implements NoticeSender {
  constructor(
    private readonly url: string,
    private readonly key: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(notice: OutgoingNotice): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.key}`,
          'idempotency-key': notice.noticeId,
        },
        body: JSON.stringify({ to: notice.to, text: smsText(notice.texts) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const e = error as { name?: string; cause?: { code?: string } };
      throw new DeliveryFailure(`SMS gateway ${e.cause?.code ?? e.name ?? 'unreachable'}`);
    }
    await response.body?.cancel();
    if (!response.ok) throw new DeliveryFailure(`SMS gateway HTTP ${response.status}`);
  }

  close(): void {}
}
