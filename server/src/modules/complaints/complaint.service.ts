import type { EntityManager } from '@mikro-orm/postgresql';
import {
  COMPLAINT_FILER_ROLES,
  COMPLAINT_READER_ROLES,
  isAuthorityStaff,
  messageFor,
  nextStatus,
  validateComplaint,
  validateCourtReferral,
  validateDecision,
  validateEscalation,
  validateWithdrawal,
  type ComplaintAction,
} from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../errors.js';
import { requireRole, requireUser } from '../access/index.js';
import { assertValid, badInput, isUuid } from '../../validation.js';
import type { AuditService } from '../audit/index.js';
import type { AuthorityService } from '../authorities/index.js';
import { almatyDate, type WorkingCalendarService } from '../calendar/index.js';
import type { ConsentService } from '../consent/index.js';
import type { NotificationService } from '../notifications/index.js';
import { Provider } from '../providers/index.js';
import type { UserService } from '../users/index.js';
import { assertMayAct, reachComplaint } from './complaint-access.js';
import { assertVersion, bumpVersion, commitChange, refused } from './complaint-change.js';
import { newComplaintEvent } from './complaint-history.js';
import { stageOf, type ComplaintStage } from './complaint-stage.js';
import { Complaint, CourtReferral, Decision } from './complaint.entity.js';
import type {
  CourtReferralData,
  DecisionData,
  EscalationData,
  FileComplaintData,
} from './complaint.types-input.js';
import { moveDeadlines, type CalendarChange, type DeadlineMove } from './deadline-moves.js';
import { copyRecipient, toRecipient } from './recipient.js';
import { RegistrationDesk, type NewComplaint } from './registration-desk.js';
import { newCountPlaceholder } from './registration.js';

export type { ComplaintStage } from './complaint-stage.js';
export type { DeadlineMove } from './deadline-moves.js';

/** A filing's or an escalation's answer: the complaint and its tracking code, shown once. */
export type ComplaintReceipt = NewComplaint;

/** Every rule of the complaint procedure: C1–C8, O5–O7. */
export class ComplaintService {
  constructor(
    private readonly calendars: WorkingCalendarService,
    private readonly authorities: AuthorityService,
    private readonly notifications: NotificationService,
    private readonly consents: ConsentService,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {
    this.desk = new RegistrationDesk(calendars);
  }

  private readonly desk: RegistrationDesk;

  /**
   * C1–C5: validates, registers (stamp, incoming number, deadline) and stores: one read of the
   * provider, the service and the stamp's dates, then one statement that is the filing's whole
   * transaction (the office's next number, the complaint, its history, consents and their
   * notices, and the audit record; see `writeRegistration`).
   */
  async fileComplaint(ctx: RequestCtx, input: FileComplaintData): Promise<ComplaintReceipt> {
    const actor = requireRole(ctx, ...COMPLAINT_FILER_ROLES);
    assertValid(
      validateComplaint(input, { today: almatyDate(ctx.now), now: ctx.now }),
      ctx.language,
    );
    if (actor.role === 'PROVIDER_OFFICER' && input.providerId !== actor.providerId) {
      throw new ForbiddenError('An officer registers complaints against its own provider only');
    }
    if (actor.role === 'PARTNER' && input.channel !== 'ELECTRONIC') {
      throw new ForbiddenError('A partner system files ELECTRONIC complaints only');
    }
    this.consents.validate(ctx, input.consents ?? [], 'consents.');
    const publicServiceCode = input.publicServiceCode?.trim() || null;
    const receivedAt = input.receivedAt ?? ctx.now;
    const office = await this.desk.providerOffice(
      ctx,
      input.providerId,
      publicServiceCode,
      receivedAt,
    );
    if (!office) this.unknown(ctx, 'providerId');
    if (!office.publicServiceKnown) this.unknown(ctx, 'publicServiceCode');
    const { em } = ctx;
    const placeholder = newCountPlaceholder();
    const { complaint, trackingCode } = this.desk.newComplaint(em, ctx, {
      level: 'PROVIDER',
      channel: input.channel,
      subject: input.subject,
      description: input.description.trim(),
      signature: input.signature,
      recipient: toRecipient(input.recipient),
      provider: em.getReference(Provider, office.id),
      publicServiceCode,
      official: input.official?.trim() || null,
      registration: this.desk.registration(
        ctx,
        office,
        office.stamp,
        input.channel,
        placeholder,
        receivedAt,
      ),
    });
    const { consents, notices } = this.consents.consentsWithNotices(
      em,
      ctx,
      complaint,
      input.consents ?? [],
    );
    await this.desk.register(em, ctx, complaint, placeholder, {
      events: [newComplaintEvent(ctx, complaint, { action: 'file', fromStatus: null })],
      consents,
      // O5, C4: the stamp reaches the recipient on every channel they chose.
      notices: [...this.registrationNotices(em, ctx, complaint, 'REGISTERED'), ...notices],
      audit: {
        action: 'complaint.file',
        entityType: 'Complaint',
        entityId: complaint.id,
        change: {
          incomingNumber: complaint.registration.incomingNumber,
          providerId: office.id,
          channel: complaint.channel,
          consents: input.consents?.length ?? 0,
          registeredOn: complaint.registration.registeredOn,
          responseDeadline: complaint.registration.responseDeadline,
          ...(input.receivedAt ? { receivedAt: input.receivedAt.toISOString() } : {}),
        },
      },
    });
    return { complaint, trackingCode };
  }

  async startReview(ctx: RequestCtx, id: string, expectedVersion: number): Promise<Complaint> {
    // A partner may not review, but one that cannot read the complaint learns only NOT_FOUND.
    requireRole(ctx, ...COMPLAINT_READER_ROLES);
    return this.transition(ctx, id, expectedVersion, 'startReview', (em, complaint) => {
      this.notifications.notify(
        em,
        complaint,
        'REVIEW_STARTED',
        {
          incomingNumber: complaint.registration.incomingNumber,
          responseDeadline: complaint.registration.responseDeadline,
        },
        ctx.now,
      );
      return {};
    });
  }

  /** O5, C4: the notices of a registration: its stamp, the deadline and the place of the answer. */
  private registrationNotices(
    em: EntityManager,
    ctx: RequestCtx,
    complaint: Complaint,
    kind: 'REGISTERED' | 'ESCALATION_REGISTERED',
  ) {
    const { registration } = complaint;
    return this.notifications.notices(
      em,
      complaint,
      kind,
      {
        incomingNumber: registration.incomingNumber,
        registeredOn: registration.registeredOn,
        responseDeadline: registration.responseDeadline,
        answerPlace: registration.responsePlace,
        parentIncomingNumber: complaint.parent?.registration.incomingNumber ?? null,
      },
      ctx.now,
    );
  }

  /** O5, O7: the decision, and in the same transaction the notice to the recipient. */
  async decide(
    ctx: RequestCtx,
    id: string,
    expectedVersion: number,
    input: DecisionData,
  ): Promise<Complaint> {
    // A partner may not review, but one that cannot read the complaint learns only NOT_FOUND.
    requireRole(ctx, ...COMPLAINT_READER_ROLES);
    assertValid(validateDecision(input), ctx.language);
    return this.transition(ctx, id, expectedVersion, 'decide', (em, complaint) => {
      const decision = new Decision();
      decision.outcome = input.outcome;
      decision.reasoning = input.reasoning.trim();
      decision.remedialMeasures = input.remedialMeasures?.trim() || null;
      decision.decidedAt = ctx.now;
      decision.decidedOn = almatyDate(ctx.now);
      decision.decidedBy = ctx.actor?.displayName ?? 'anonymous';
      complaint.decision = decision;
      this.notifications.notify(
        em,
        complaint,
        'DECISION',
        {
          incomingNumber: complaint.registration.incomingNumber,
          outcome: decision.outcome,
          decidedOn: decision.decidedOn,
          reasoning: decision.reasoning,
          remedialMeasures: decision.remedialMeasures,
        },
        ctx.now,
      );
      return { outcome: decision.outcome, decidedOn: decision.decidedOn };
    });
  }

  /**
   * C6, C7: the recipient disagrees (or the provider did not answer in time): a new
   * AUTHORITY-level complaint, registered at the department for the provider's region with its
   * own incoming number and a 15-working-day deadline, linked to the first. Never twice.
   */
  async escalate(ctx: RequestCtx, id: string, input: EscalationData): Promise<ComplaintReceipt> {
    requireRole(ctx, 'PARTNER', 'INSPECTOR', 'SUPERVISOR');
    assertValid(validateEscalation(input), ctx.language);
    const actor = requireUser(ctx);
    return ctx.em.transactional(async (em) => {
      // The portal escalates for the recipient whose complaint it filed, or who gave it the
      // receipt (incoming number and tracking code), even of a complaint registered on paper.
      const reached = await reachComplaint(em, actor, id, {
        lock: true,
        trackingCode: input.trackingCode,
      });
      assertMayAct(actor, 'escalate', reached, input.channel);
      const parent = reached.complaint;
      const today = almatyDate(ctx.now);
      const fromStatus = parent.status;
      const to = nextStatus('escalate', {
        level: parent.level,
        status: parent.status,
        deadlinePassed: today > parent.registration.responseDeadline,
      });
      if (!to) throw refused(parent, 'escalate');
      const authority = await this.authorities.findForRegion(em, parent.provider.region);
      if (!authority) {
        throw new ConflictError(`No authority department serves region ${parent.provider.region}`, {
          reason: 'NO_AUTHORITY_FOR_REGION',
        });
      }
      parent.status = to;
      bumpVersion(parent, ctx);
      // The parent's change first: the registration's statement, which takes the authority's
      // counter and the chain, is the transaction's last.
      await em.flush();
      const stamp = await this.desk.stamp(em, ctx, 'AUTHORITY');
      const placeholder = newCountPlaceholder();
      const { complaint: child, trackingCode } = this.desk.newComplaint(em, ctx, {
        level: 'AUTHORITY',
        channel: input.channel,
        // Escalated on inaction: the provider's silence is what the authority reviews.
        subject: parent.decision ? parent.subject : 'INACTION',
        description: input.reason.trim(),
        signature: input.signature,
        recipient: copyRecipient(parent.recipient),
        provider: parent.provider,
        authority,
        publicServiceCode: parent.publicServiceCode,
        official: parent.official,
        parent,
        registration: this.desk.registration(ctx, authority, stamp, input.channel, placeholder),
      });
      await this.desk.register(em, ctx, child, placeholder, {
        events: [
          newComplaintEvent(ctx, parent, {
            action: 'escalate',
            fromStatus,
            note: child.registration.incomingNumber,
          }),
          newComplaintEvent(ctx, child, {
            action: 'file',
            fromStatus: null,
            note: parent.registration.incomingNumber,
          }),
        ],
        consents: [],
        notices: this.registrationNotices(em, ctx, child, 'ESCALATION_REGISTERED'),
        audit: {
          action: 'complaint.escalate',
          entityType: 'Complaint',
          entityId: parent.id,
          change: {
            from: fromStatus,
            to,
            escalationId: child.id,
            incomingNumber: child.registration.incomingNumber,
            authorityId: authority.id,
            responseDeadline: child.registration.responseDeadline,
          },
        },
      });
      return { complaint: child, trackingCode };
    });
  }

  /** C8 / R5: the recipient went to court after the authority's decision. */
  async referToCourt(ctx: RequestCtx, id: string, input: CourtReferralData): Promise<Complaint> {
    requireRole(ctx, 'PARTNER', 'INSPECTOR', 'SUPERVISOR');
    assertValid(validateCourtReferral(input, { today: almatyDate(ctx.now) }), ctx.language);
    return this.transition(
      ctx,
      id,
      null,
      'referToCourt',
      (_em, complaint) => {
        const referral = new CourtReferral();
        referral.court = input.court.trim();
        referral.filedOn = input.filedOn;
        referral.caseNumber = input.caseNumber?.trim() || null;
        complaint.courtReferral = referral;
        return {
          court: referral.court,
          filedOn: referral.filedOn,
          caseNumber: referral.caseNumber,
        };
      },
      input.trackingCode,
    );
  }

  async withdraw(
    ctx: RequestCtx,
    id: string,
    expectedVersion: number,
    reason: string,
    trackingCode: string | null = null,
  ): Promise<Complaint> {
    requireRole(ctx, 'PARTNER', 'PROVIDER_OFFICER', 'INSPECTOR', 'SUPERVISOR');
    assertValid(validateWithdrawal({ reason }), ctx.language);
    return this.transition(
      ctx,
      id,
      expectedVersion,
      'withdraw',
      (em, complaint) => {
        complaint.withdrawalReason = reason.trim();
        this.notifications.notify(
          em,
          complaint,
          'WITHDRAWN',
          {
            incomingNumber: complaint.registration.incomingNumber,
            withdrawnOn: almatyDate(ctx.now),
          },
          ctx.now,
        );
        return { reason: complaint.withdrawalReason };
      },
      trackingCode,
    );
  }

  /** SUPERVISOR: gives a case to an inspector or supervisor (or takes it back with null). */
  async assign(
    ctx: RequestCtx,
    id: string,
    expectedVersion: number,
    assigneeId: string | null,
  ): Promise<Complaint> {
    const actor = requireRole(ctx, 'SUPERVISOR');
    return ctx.em.transactional(async (em) => {
      const reached = await reachComplaint(em, actor, id, { lock: true });
      assertMayAct(actor, 'assign', reached);
      const complaint = reached.complaint;
      assertVersion(complaint, expectedVersion);
      const assignee = assigneeId ? await this.users.findById(em, assigneeId) : null;
      if (assigneeId && (!assignee || !assignee.active || !isAuthorityStaff(assignee.role))) {
        throw badInput(ctx.language, 'assigneeId', 'unknownValue');
      }
      const previous = complaint.assignee?.id ?? null;
      complaint.assignee = assignee;
      await commitChange(em, ctx, this.audit, complaint, {
        action: 'assign',
        fromStatus: complaint.status,
        note: assignee?.displayName ?? null,
        audit: ({ version }) => ({ from: previous, to: assignee?.id ?? null, version }),
      });
      return complaint;
    });
  }

  /** O6: the stage, for anyone holding both the incoming number and the tracking code. */
  stage(
    em: EntityManager,
    incomingNumber: string,
    trackingCode: string,
  ): Promise<ComplaintStage | null> {
    return stageOf(em, incomingNumber, trackingCode);
  }

  /** A calendar change's moves of open deadlines (see `moveDeadlines`). */
  moveDeadlines(
    em: EntityManager,
    ctx: RequestCtx,
    change: CalendarChange,
  ): Promise<DeadlineMove[]> {
    return moveDeadlines(em, ctx, { notifications: this.notifications, audit: this.audit }, change);
  }

  /** Unscoped: for services and tests; API reads go through ComplaintQueryService. */
  async findById(em: EntityManager, id: string): Promise<Complaint | null> {
    return isUuid(id) ? em.findOne(Complaint, { id }) : null;
  }

  /**
   * One status change: lock, check the version (stale → CONFLICT) and the status machine
   * (refused → CONFLICT), apply, then history and audit, all in one transaction.
   */
  private async transition(
    ctx: RequestCtx,
    id: string,
    expectedVersion: number | null,
    action: ComplaintAction,
    apply: (em: EntityManager, complaint: Complaint) => Record<string, unknown>,
    trackingCode: string | null = null,
  ): Promise<Complaint> {
    const actor = requireUser(ctx);
    return ctx.em.transactional(async (em) => {
      const reached = await reachComplaint(em, actor, id, { lock: true, trackingCode });
      assertMayAct(actor, action, reached);
      const complaint = reached.complaint;
      if (expectedVersion !== null) assertVersion(complaint, expectedVersion);
      const fromStatus = complaint.status;
      const to = nextStatus(action, { level: complaint.level, status: complaint.status });
      if (!to) throw refused(complaint, action);
      const details = apply(em, complaint);
      complaint.status = to;
      await commitChange(em, ctx, this.audit, complaint, {
        action,
        fromStatus,
        audit: ({ version }) => ({ from: fromStatus, to, version, ...details }),
      });
      return complaint;
    });
  }

  /** A reference to something that does not exist is bad input on that field. */
  private unknown(ctx: RequestCtx, field: string): never {
    throw new BadUserInputError({
      [field]: messageFor({ field, key: 'unknownValue' }, ctx.language),
    });
  }
}
