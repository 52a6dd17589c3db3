import type { EntityManager } from '@mikro-orm/postgresql';
import {
  PROTECTED_RECIPIENT_FIELDS,
  validateConsent,
  type ConsentScope,
  type ProtectedRecipientField,
  type SignatureMethod,
} from '@complaints/domain';
import type { LocalDate } from '@complaints/calendar';
import { actorId, type RequestCtx } from '../../context.js';
import { ConsentRequiredError, NotFoundError } from '../../errors.js';
import { assertValid, isUuid } from '../../validation.js';
import { requireRole } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import type { Notice, NotificationService } from '../notifications/index.js';
import { almatyDate } from '../calendar/index.js';
import {
  recordComplaintEvent,
  assertMayAct,
  reachComplaint,
  type Complaint,
  type ComplaintView,
} from '../complaints/index.js';
import { Consent, type ConsentView } from './consent.entity.js';

export interface ConsentData {
  scope: ConsentScope[];
  signedBy: string;
  method: SignatureMethod;
  signedOn: LocalDate;
  evidence: string;
}

/** The recipient fields that are data protected by law (O8): read only under an active consent. */
export { PROTECTED_RECIPIENT_FIELDS, type ProtectedRecipientField };
/** The scope a consent must cover to read them. */
const SCOPE_OF_RECIPIENT_DATA: ConsentScope = 'PERSONAL_DATA';

/** O8: written consents, and the only gate to the protected data of a recipient. */
export class ConsentService {
  constructor(
    private readonly audit: AuditService,
    private readonly notifications: NotificationService,
  ) {}

  validate(ctx: RequestCtx, inputs: readonly ConsentData[], prefix = ''): void {
    const today = almatyDate(ctx.now);
    assertValid(
      inputs.flatMap((input, i) =>
        validateConsent(input, { today }).map((v) => ({
          ...v,
          field: `${prefix}${prefix ? `${i}.` : ''}${v.field}`,
        })),
      ),
      ctx.language,
    );
  }

  /**
   * Adds consents, inside the caller's transaction (a filing, or one recorded later); the
   * recipient is told of every consent recorded in their name.
   */
  addAll(
    em: EntityManager,
    ctx: RequestCtx,
    complaint: Complaint,
    inputs: readonly ConsentData[],
  ): Consent[] {
    const { consents, notices } = this.consentsWithNotices(em, ctx, complaint, inputs);
    em.persist([...consents, ...notices]);
    return consents;
  }

  /** What `addAll` writes, for a caller that writes it itself (a filing's one statement). */
  consentsWithNotices(
    em: EntityManager,
    ctx: RequestCtx,
    complaint: Complaint,
    inputs: readonly ConsentData[],
  ): { consents: Consent[]; notices: Notice[] } {
    const consents = inputs.map((input) =>
      em.create(
        Consent,
        {
          complaint,
          scope: [...new Set(input.scope)],
          signedBy: input.signedBy.trim(),
          method: input.method,
          signedOn: input.signedOn,
          evidence: input.evidence.trim(),
          recordedAt: ctx.now,
          recordedById: actorId(ctx.actor),
        },
        { persist: false },
      ),
    );
    const notices = consents.flatMap((consent) =>
      this.notifications.notices(
        em,
        complaint,
        'CONSENT_RECORDED',
        {
          incomingNumber: complaint.registration.incomingNumber,
          scope: consent.scope.join(', '),
          signedBy: consent.signedBy,
          method: consent.method,
          signedOn: consent.signedOn,
          evidence: consent.evidence,
        },
        ctx.now,
      ),
    );
    return { consents, notices };
  }

  /**
   * O8: records a consent on a complaint the actor may act on (see `assertMayAct`): its
   * reviewer, or the portal for the recipient whose complaint it filed or whose receipt it
   * presents. Consent, notice, history and audit in one transaction.
   */
  async record(
    ctx: RequestCtx,
    complaintId: string,
    input: ConsentData,
    trackingCode: string | null = null,
  ): Promise<Consent> {
    const actor = requireRole(ctx, 'PROVIDER_OFFICER', 'INSPECTOR', 'SUPERVISOR', 'PARTNER');
    this.validate(ctx, [input]);
    return ctx.em.transactional(async (em) => {
      const reached = await reachComplaint(em, actor, complaintId, { lock: true, trackingCode });
      assertMayAct(actor, 'recordConsent', reached);
      const complaint = reached.complaint;
      const [consent] = this.addAll(em, ctx, complaint, [input]);
      recordComplaintEvent(em, ctx, complaint, {
        action: 'recordConsent',
        fromStatus: complaint.status,
        note: input.scope.join(', '),
      });
      await em.flush();
      await this.audit.record(em, ctx, {
        action: 'consent.record',
        entityType: 'Consent',
        entityId: consent!.id,
        change: {
          complaintId: complaint.id,
          scope: consent!.scope,
          method: consent!.method,
          signedOn: consent!.signedOn,
          evidence: consent!.evidence,
          receiptPresented: reached.presentedReceipt,
        },
      });
      return consent!;
    });
  }

  /** Revokes a consent on a complaint the actor may act on; NOT_FOUND when it cannot read it. */
  async revoke(ctx: RequestCtx, consentId: string): Promise<Consent> {
    const actor = requireRole(ctx, 'PROVIDER_OFFICER', 'INSPECTOR', 'SUPERVISOR', 'PARTNER');
    const found = isUuid(consentId) ? await ctx.em.findOne(Consent, { id: consentId }) : null;
    if (!found) throw new NotFoundError('Consent', consentId);
    return ctx.em.transactional(async (em) => {
      const reached = await reachComplaint(em, actor, found.complaint.id, { lock: true }).catch(
        (error: unknown) => {
          throw error instanceof NotFoundError ? new NotFoundError('Consent', consentId) : error;
        },
      );
      assertMayAct(actor, 'revokeConsent', reached);
      const consent = em.merge(found);
      if (consent.revokedAt === null) {
        consent.revokedAt = ctx.now;
        consent.revokedById = actorId(ctx.actor);
        recordComplaintEvent(em, ctx, reached.complaint, {
          action: 'revokeConsent',
          fromStatus: reached.complaint.status,
          note: consent.scope.join(', '),
        });
        await em.flush();
        await this.audit.record(em, ctx, {
          action: 'consent.revoke',
          entityType: 'Consent',
          entityId: consent.id,
          change: { complaintId: consent.complaint.id },
        });
      }
      return consent;
    });
  }

  listForComplaints(em: EntityManager, complaintIds: readonly string[]): Promise<Consent[]> {
    return em.find(
      Consent,
      { complaint: { $in: [...complaintIds] } },
      { orderBy: { recordedAt: 'asc' } },
    );
  }

  /**
   * Batched gate for protected reads: for each (complaint, field) either the value may be read or
   * CONSENT_REQUIRED. Every read that passes is audited: one record per complaint per batch.
   * `consentsOf` gives each complaint's consents (the request's loader, which may hold them
   * already); by default they are read here.
   */
  async readProtected(
    ctx: RequestCtx,
    reads: readonly { complaint: ComplaintView; field: ProtectedRecipientField }[],
    consentsOf?: (ids: string[]) => Promise<(readonly ConsentView[] | Error)[]>,
  ): Promise<(string | null | ConsentRequiredError)[]> {
    const ids = [...new Set(reads.map((r) => r.complaint.id))];
    const perComplaint = consentsOf
      ? await consentsOf(ids)
      : await this.listForComplaints(ctx.em, ids).then((rows) =>
          ids.map((id) => rows.filter((row) => row.complaint.id === id)),
        );
    const covered = new Set(
      ids.filter((id, i) => {
        const consents = perComplaint[i];
        if (consents instanceof Error) throw consents;
        return (consents ?? []).some(
          (c) => c.revokedAt === null && c.scope.includes(SCOPE_OF_RECIPIENT_DATA),
        );
      }),
    );
    const granted = new Map<string, Set<ProtectedRecipientField>>();
    const results = reads.map(({ complaint, field }) => {
      if (!covered.has(complaint.id)) return new ConsentRequiredError(`Recipient.${field}`);
      const fields = granted.get(complaint.id) ?? new Set<ProtectedRecipientField>();
      fields.add(field);
      granted.set(complaint.id, fields);
      return complaint.recipient[field];
    });
    if (granted.size > 0) {
      await ctx.em.fork().transactional(async (em) => {
        for (const [complaintId, fields] of granted) {
          await this.audit.record(em, ctx, {
            action: 'consent.read',
            entityType: 'Complaint',
            entityId: complaintId,
            change: { fields: [...fields].sort() },
          });
        }
      });
    }
    return results;
  }
}
