import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate, WorkingCalendar } from '@complaints/calendar';
import {
  REVIEW_TERM_WORKING_DAYS,
  messageFor,
  nextStatus,
  validateComplaint,
  validateCourtReferral,
  validateDecision,
  validateEscalation,
  validateWithdrawal,
  type ComplaintAction,
  type ComplaintStatus,
  type Outcome,
  type ReviewLevel,
} from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../graphql/errors.js';
import { requireRole, requireUser } from '../access/access.js';
import { assertMayAct, reachComplaint } from './complaint-access.js';
import { assertValid, badInput } from '../../validation.js';
import type { ConsentService } from '../consent/consent.service.js';
import type { UserService } from '../users/user.service.js';
import type { AuditService } from '../audit/audit.service.js';
import type { AuthorityService } from '../authorities/authority.service.js';
import { almatyDate } from '../calendar/almaty-time.js';
import type {
  DeadlineMove,
  DeadlineRecomputer,
  WorkingCalendarService,
} from '../calendar/working-calendar.service.js';
import type { NotificationService } from '../notifications/notification.service.js';
import type { ProviderService } from '../providers/provider.service.js';
import { isUuid } from '../providers/provider.service.js';
import type { PublicServiceService } from '../services/public-service.service.js';
import { recordComplaintEvent } from './complaint-history.js';
import { searchTextOf } from './complaint-search.js';
import { Complaint, CourtReferral, Decision, Recipient, Registration } from './complaint.entity.js';
import type {
  CourtReferralData,
  DecisionData,
  EscalationData,
  FileComplaintData,
  RecipientData,
} from './complaint.types-input.js';
import { allocateIncomingNumber } from './incoming-number.js';
import { PORTAL_ACCOUNT } from './portal.js';
import { hashTrackingCode, newTrackingCode, trackingCodeMatches } from './tracking-code.js';

export interface ComplaintReceipt {
  complaint: Complaint;
  /** Shown once: only its hash is stored. */
  trackingCode: string;
}

/** O6: what anyone with the number and the code may learn. */
export interface ComplaintStage {
  incomingNumber: string;
  level: ReviewLevel;
  status: ComplaintStatus;
  responseDeadline: LocalDate;
  outcome: Outcome | null;
  decidedOn: LocalDate | null;
}

interface Office {
  officeCode: string;
  nameRu: string;
  postalAddress: string;
}

/** Every rule of the complaint procedure: C1–C8, O5–O7. */
export class ComplaintService implements DeadlineRecomputer {
  constructor(
    private readonly calendars: WorkingCalendarService,
    private readonly providers: ProviderService,
    private readonly authorities: AuthorityService,
    private readonly publicServices: PublicServiceService,
    private readonly notifications: NotificationService,
    private readonly consents: ConsentService,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {}

  /** C1–C5: validates, registers (stamp, incoming number, deadline) and stores, in one transaction. */
  async fileComplaint(ctx: RequestCtx, input: FileComplaintData): Promise<ComplaintReceipt> {
    const actor = requireRole(ctx, 'PROVIDER_OFFICER', 'PARTNER');
    assertValid(validateComplaint(input, { today: almatyDate(ctx.now) }), ctx.language);
    if (actor.role === 'PROVIDER_OFFICER' && input.providerId !== actor.providerId) {
      throw new ForbiddenError('An officer registers complaints against its own provider only');
    }
    if (actor.role === 'PARTNER' && input.channel !== 'ELECTRONIC') {
      throw new ForbiddenError('A partner system files ELECTRONIC complaints only');
    }
    this.consents.validate(ctx, input.consents ?? [], 'consents.');
    return ctx.em.transactional(async (em) => {
      const provider = await this.providers.findById(em, input.providerId);
      if (!provider) this.unknown(ctx, 'providerId');
      const publicServiceCode = input.publicServiceCode?.trim() || null;
      if (publicServiceCode && !(await this.publicServices.findByCode(em, publicServiceCode))) {
        this.unknown(ctx, 'publicServiceCode');
      }
      const { complaint, trackingCode } = await this.registerComplaint(em, ctx, provider, {
        level: 'PROVIDER',
        channel: input.channel,
        subject: input.subject,
        description: input.description.trim(),
        signature: input.signature,
        recipient: toRecipient(input.recipient),
        provider,
        publicServiceCode,
        official: input.official?.trim() || null,
      });
      recordComplaintEvent(em, ctx, complaint, { action: 'file', fromStatus: null });
      this.consents.addAll(em, ctx, complaint, input.consents ?? []);
      await em.flush();
      await this.audit.record(em, ctx, {
        action: 'complaint.file',
        entityType: 'Complaint',
        entityId: complaint.id,
        change: {
          incomingNumber: complaint.registration.incomingNumber,
          providerId: provider.id,
          channel: complaint.channel,
          consents: input.consents?.length ?? 0,
          registeredOn: complaint.registration.registeredOn,
          responseDeadline: complaint.registration.responseDeadline,
        },
      });
      return { complaint, trackingCode };
    });
  }

  async startReview(ctx: RequestCtx, id: string, expectedVersion: number): Promise<Complaint> {
    // A partner may not review, but one that cannot read the complaint learns only NOT_FOUND.
    requireRole(ctx, 'PROVIDER_OFFICER', 'INSPECTOR', 'SUPERVISOR', 'PARTNER');
    return this.transition(ctx, id, expectedVersion, 'startReview', () => ({}));
  }

  /** O5, O7: the decision, and in the same transaction the notice to the recipient. */
  async decide(
    ctx: RequestCtx,
    id: string,
    expectedVersion: number,
    input: DecisionData,
  ): Promise<Complaint> {
    // A partner may not review, but one that cannot read the complaint learns only NOT_FOUND.
    requireRole(ctx, 'PROVIDER_OFFICER', 'INSPECTOR', 'SUPERVISOR', 'PARTNER');
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
      parent.version += 1;
      parent.updatedAt = ctx.now;
      const { complaint: child, trackingCode } = await this.registerComplaint(em, ctx, authority, {
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
      });
      recordComplaintEvent(em, ctx, parent, {
        action: 'escalate',
        fromStatus,
        note: child.registration.incomingNumber,
      });
      recordComplaintEvent(em, ctx, child, {
        action: 'file',
        fromStatus: null,
        note: parent.registration.incomingNumber,
      });
      await em.flush();
      await this.audit.record(em, ctx, {
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
      (_em, complaint) => {
        complaint.withdrawalReason = reason.trim();
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
      if (
        assigneeId &&
        (!assignee || !assignee.active || !['INSPECTOR', 'SUPERVISOR'].includes(assignee.role))
      ) {
        throw badInput(ctx.language, 'assigneeId', 'unknownValue');
      }
      const previous = complaint.assignee?.id ?? null;
      complaint.assignee = assignee;
      complaint.version += 1;
      complaint.updatedAt = ctx.now;
      recordComplaintEvent(em, ctx, complaint, {
        action: 'assign',
        fromStatus: complaint.status,
        note: assignee?.displayName ?? null,
      });
      await em.flush();
      await this.audit.record(em, ctx, {
        action: 'complaint.assign',
        entityType: 'Complaint',
        entityId: complaint.id,
        change: { from: previous, to: assignee?.id ?? null, version: complaint.version },
      });
      return complaint;
    });
  }

  /** O6: the stage, for anyone holding both the incoming number and the tracking code. */
  async stage(
    em: EntityManager,
    incomingNumber: string,
    trackingCode: string,
  ): Promise<ComplaintStage | null> {
    const complaint = await em.findOne(Complaint, {
      registration: { incomingNumber: incomingNumber.trim() },
    });
    // Hash even when the number is unknown, so the answer takes the same time either way.
    const matches = trackingCodeMatches(
      complaint?.id ?? '00000000-0000-0000-0000-000000000000',
      trackingCode,
      complaint?.trackingCodeHash ?? '0'.repeat(64),
    );
    if (!complaint || !matches) return null;
    return {
      incomingNumber: complaint.registration.incomingNumber,
      level: complaint.level,
      status: complaint.status,
      responseDeadline: complaint.registration.responseDeadline,
      outcome: complaint.decision?.outcome ?? null,
      decidedOn: complaint.decision?.decidedOn ?? null,
    };
  }

  /** Unscoped: for services and tests; API reads go through ComplaintQueryService. */
  async findById(em: EntityManager, id: string): Promise<Complaint | null> {
    return isUuid(id) ? em.findOne(Complaint, { id }) : null;
  }

  /**
   * A calendar change: recomputes, from `registeredOn`, the deadline of every open complaint
   * whose review period the changed date falls in. With `apply`, each move is written with its
   * history, audit and a notice to the recipient (O5); without, it is only reported.
   */
  async moveDeadlines(
    em: EntityManager,
    ctx: RequestCtx,
    change: { calendar: WorkingCalendar; date: LocalDate; reason: string; apply: boolean },
  ): Promise<DeadlineMove[]> {
    const candidates = await em.find(
      Complaint,
      {
        status: { $in: ['REGISTERED', 'IN_REVIEW'] },
        registration: { registeredOn: { $lt: change.date } },
      },
      {
        lockMode: change.apply ? LockMode.PESSIMISTIC_WRITE : undefined,
        orderBy: { registration: { responseDeadline: 'asc' }, id: 'asc' },
      },
    );
    const moves: DeadlineMove[] = [];
    for (const complaint of candidates) {
      const previousDeadline = complaint.registration.responseDeadline;
      const newDeadline = change.calendar.addWorkingDays(
        complaint.registration.registeredOn,
        REVIEW_TERM_WORKING_DAYS[complaint.level],
      );
      if (newDeadline === previousDeadline) continue;
      moves.push({
        complaintId: complaint.id,
        incomingNumber: complaint.registration.incomingNumber,
        previousDeadline,
        newDeadline,
      });
      if (!change.apply) continue;
      complaint.registration.responseDeadline = newDeadline;
      complaint.version += 1;
      complaint.updatedAt = ctx.now;
      recordComplaintEvent(em, ctx, complaint, {
        action: 'moveDeadline',
        fromStatus: complaint.status,
        note: `${previousDeadline} → ${newDeadline}: ${change.reason}`,
      });
      this.notifications.notify(
        em,
        complaint,
        'DEADLINE_MOVED',
        {
          incomingNumber: complaint.registration.incomingNumber,
          previousDeadline,
          newDeadline,
          reason: change.reason,
        },
        ctx.now,
      );
      await this.audit.record(em, ctx, {
        action: 'complaint.moveDeadline',
        entityType: 'Complaint',
        entityId: complaint.id,
        change: { previousDeadline, newDeadline, reason: change.reason, calendarDate: change.date },
      });
    }
    return moves;
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
      complaint.version += 1;
      complaint.updatedAt = ctx.now;
      recordComplaintEvent(em, ctx, complaint, { action, fromStatus });
      await em.flush();
      await this.audit.record(em, ctx, {
        action: `complaint.${action}`,
        entityType: 'Complaint',
        entityId: complaint.id,
        change: { from: fromStatus, to, version: complaint.version, ...details },
      });
      return complaint;
    });
  }

  /** A new REGISTERED complaint with its stamp at `office` and a fresh tracking code (O6). */
  private async registerComplaint(
    em: EntityManager,
    ctx: RequestCtx,
    office: Office,
    data: Pick<
      Complaint,
      | 'level'
      | 'channel'
      | 'subject'
      | 'description'
      | 'signature'
      | 'recipient'
      | 'provider'
      | 'publicServiceCode'
      | 'official'
    > &
      Partial<Pick<Complaint, 'authority' | 'parent'>>,
  ): Promise<ComplaintReceipt> {
    const complaint = em.create(Complaint, {
      ...data,
      status: 'REGISTERED',
      filedBy: ctx.actor?.kind === 'user' ? ctx.actor.userId : null,
      trackingCodeHash: '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
      registration: await this.register(em, ctx, office, data.level, data.channel),
    });
    complaint.searchText = searchTextOf(complaint);
    const trackingCode = newTrackingCode();
    complaint.trackingCodeHash = hashTrackingCode(complaint.id, trackingCode);
    return { complaint, trackingCode };
  }

  /** C4, C5/C7: the stamp: incoming number, registration date, who accepted it, deadline, place. */
  private async register(
    em: EntityManager,
    ctx: RequestCtx,
    office: Office,
    level: ReviewLevel,
    channel: 'PAPER' | 'ELECTRONIC',
  ): Promise<Registration> {
    const calendar = await this.calendars.calendar(em);
    const registeredOn = this.calendars.registrationDate(calendar, ctx.now);
    const registration = new Registration();
    registration.registeredAt = ctx.now;
    registration.registeredOn = registeredOn;
    registration.incomingNumber = await allocateIncomingNumber(
      em,
      office.officeCode,
      Number(registeredOn.slice(0, 4)),
    );
    registration.officeCode = office.officeCode;
    registration.acceptedBy = ctx.actor?.displayName ?? 'anonymous';
    registration.responseDeadline = calendar.addWorkingDays(
      registeredOn,
      REVIEW_TERM_WORKING_DAYS[level],
    );
    registration.responsePlace =
      channel === 'ELECTRONIC'
        ? `${office.nameRu}: ${PORTAL_ACCOUNT}`
        : `${office.nameRu}, ${office.postalAddress}`;
    return registration;
  }

  /** A reference to something that does not exist is bad input on that field. */
  private unknown(ctx: RequestCtx, field: string): never {
    throw new BadUserInputError({
      [field]: messageFor({ field, key: 'unknownValue' }, ctx.language),
    });
  }
}

/** A stale `expectedVersion`: someone changed the complaint since the client read it. */
function assertVersion(complaint: Complaint, expectedVersion: number): void {
  if (complaint.version !== expectedVersion) {
    throw new ConflictError(
      `Complaint ${complaint.id} is at version ${complaint.version}, not ${expectedVersion}`,
      { reason: 'STALE_VERSION', currentVersion: complaint.version },
    );
  }
}

function refused(complaint: Complaint, action: ComplaintAction): ConflictError {
  return new ConflictError(
    `${action} is not allowed for a ${complaint.level} complaint in status ${complaint.status}`,
    { reason: 'TRANSITION_REFUSED', status: complaint.status, action },
  );
}

function toRecipient(input: RecipientData): Recipient {
  const recipient = new Recipient();
  recipient.kind = input.kind;
  recipient.surname = clean(input.surname);
  recipient.givenName = clean(input.givenName);
  recipient.patronymic = clean(input.patronymic);
  recipient.iin = clean(input.iin);
  recipient.organizationName = clean(input.organizationName);
  recipient.bin = clean(input.bin);
  recipient.outgoingNumber = clean(input.outgoingNumber);
  recipient.outgoingDate = input.outgoingDate ?? null;
  recipient.postalAddress = input.postalAddress.trim();
  recipient.email = clean(input.email);
  recipient.phone = clean(input.phone);
  recipient.accessibilityNeeds = [...(input.accessibilityNeeds ?? [])];
  return recipient;
}

function copyRecipient(source: Recipient): Recipient {
  return Object.assign(new Recipient(), source, {
    accessibilityNeeds: [...source.accessibilityNeeds],
  });
}

function clean(value: string | null | undefined): string | null {
  return value?.trim() || null;
}
