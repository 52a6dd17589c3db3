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
import { runStatement, sql } from '../../db/statement.js';
import { BadUserInputError, ConflictError, ForbiddenError } from '../../errors.js';
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
import { Provider } from '../providers/provider.entity.js';
import { User } from '../users/user.entity.js';
import { isUuid } from '../providers/provider.service.js';
import { newComplaintEvent, recordComplaintEvent } from './complaint-history.js';
import { searchTextOf } from './complaint-search.js';
import { Complaint, CourtReferral, Decision, Recipient, Registration } from './complaint.entity.js';
import type {
  CourtReferralData,
  DecisionData,
  EscalationData,
  FileComplaintData,
  RecipientData,
} from './complaint.types-input.js';
import { incomingNumberDigits, incomingNumberPrefix } from './incoming-number.js';
import { PORTAL_ACCOUNT } from './portal.js';
import { type RegistrationWrite, newCountPlaceholder, writeRegistration } from './registration.js';
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
    private readonly authorities: AuthorityService,
    private readonly notifications: NotificationService,
    private readonly consents: ConsentService,
    private readonly users: UserService,
    private readonly audit: AuditService,
  ) {}

  /**
   * C1–C5: validates, registers (stamp, incoming number, deadline) and stores: one read of the
   * provider, the service and the stamp's dates, then one statement that is the filing's whole
   * transaction (the office's next number, the complaint, its history, consents and their
   * notices, and the audit record; see `writeRegistration`).
   */
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
    const publicServiceCode = input.publicServiceCode?.trim() || null;
    const office = await this.providerOffice(ctx, input.providerId, publicServiceCode);
    if (!office) this.unknown(ctx, 'providerId');
    if (!office.publicServiceKnown) this.unknown(ctx, 'publicServiceCode');
    const { em } = ctx;
    const placeholder = newCountPlaceholder();
    const { complaint, trackingCode } = this.newComplaint(em, ctx, {
      level: 'PROVIDER',
      channel: input.channel,
      subject: input.subject,
      description: input.description.trim(),
      signature: input.signature,
      recipient: toRecipient(input.recipient),
      provider: em.getReference(Provider, office.id),
      publicServiceCode,
      official: input.official?.trim() || null,
      registration: this.registration(ctx, office, office.stamp, input.channel, placeholder),
    });
    const { consents, notices } = this.consents.consentsWithNotices(
      em,
      ctx,
      complaint,
      input.consents ?? [],
    );
    await this.register(em, ctx, complaint, placeholder, {
      events: [newComplaintEvent(ctx, complaint, { action: 'file', fromStatus: null })],
      consents,
      notices,
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
        },
      },
    });
    return { complaint, trackingCode };
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
      // The parent's change first: the registration's statement, which takes the authority's
      // counter and the chain, is the transaction's last.
      await em.flush();
      const stamp = await this.stamp(em, ctx, 'AUTHORITY');
      const placeholder = newCountPlaceholder();
      const { complaint: child, trackingCode } = this.newComplaint(em, ctx, {
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
        registration: this.registration(ctx, authority, stamp, input.channel, placeholder),
      });
      await this.register(em, ctx, child, placeholder, {
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
        notices: [],
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

  /**
   * C4: the provider's office, whether the public service is in the register (R1/R2), and the
   * stamp's dates for a complaint received now: one read. Null when there is no such provider.
   */
  private async providerOffice(
    ctx: RequestCtx,
    providerId: string,
    publicServiceCode: string | null,
  ): Promise<(Office & { id: string; publicServiceKnown: boolean; stamp: Stamp }) | null> {
    if (!isUuid(providerId)) return null;
    const [row] = await runStatement<OfficeRow & { public_service_known: boolean }>(
      ctx.em,
      sql`select p.id, p.office_code, p.name_ru, p.postal_address, stamp.registered_on,
          stamp.response_deadline,
          (${publicServiceCode}::text is null or exists (
            select 1 from public_service s where s.code = ${publicServiceCode}::text
          )) as public_service_known
        from provider p
        left join lateral ${this.calendars.registrationStampSql(
          ctx.now,
          REVIEW_TERM_WORKING_DAYS.PROVIDER,
        )} stamp on true
        where p.id = ${providerId}::uuid`,
    );
    if (!row) return null;
    return {
      id: row.id,
      officeCode: row.office_code,
      nameRu: row.name_ru,
      postalAddress: row.postal_address,
      publicServiceKnown: row.public_service_known,
      stamp: stampOf(row),
    };
  }

  /** C4, C5/C7: the registration date and the deadline of a complaint received now. */
  private async stamp(em: EntityManager, ctx: RequestCtx, level: ReviewLevel): Promise<Stamp> {
    const [row] = await runStatement<Pick<OfficeRow, 'registered_on' | 'response_deadline'>>(
      em,
      sql`select registered_on, response_deadline
        from ${this.calendars.registrationStampSql(ctx.now, REVIEW_TERM_WORKING_DAYS[level])} stamp`,
    );
    return stampOf(row);
  }

  /**
   * C4, C5/C7: the stamp: incoming number (its count still `placeholder`), registration date,
   * who accepted it, deadline, place.
   */
  private registration(
    ctx: RequestCtx,
    office: Office,
    stamp: Stamp,
    channel: 'PAPER' | 'ELECTRONIC',
    placeholder: string,
  ): Registration {
    const registration = new Registration();
    registration.registeredAt = ctx.now;
    registration.registeredOn = stamp.registeredOn;
    registration.incomingNumber = `${incomingNumberPrefix(office.officeCode, yearOf(stamp))}${placeholder}`;
    registration.officeCode = office.officeCode;
    registration.acceptedBy = ctx.actor?.displayName ?? 'anonymous';
    registration.responseDeadline = stamp.responseDeadline;
    registration.responsePlace =
      channel === 'ELECTRONIC'
        ? `${office.nameRu}: ${PORTAL_ACCOUNT}`
        : `${office.nameRu}, ${office.postalAddress}`;
    return registration;
  }

  /** A new REGISTERED complaint with a fresh tracking code (O6), for `register` to write. */
  private newComplaint(
    em: EntityManager,
    ctx: RequestCtx,
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
      | 'registration'
    > &
      Partial<Pick<Complaint, 'authority' | 'parent'>>,
  ): ComplaintReceipt {
    // Constructed, not `em.create`d: `register`'s statement writes it, the unit of work never
    // sees it, and the ORM's factory (defaults, copies, hydration) cost ~0.1 ms a filing.
    const complaint = Object.assign(new Complaint(), data, {
      status: 'REGISTERED' as const,
      filedBy: ctx.actor?.kind === 'user' ? em.getReference(User, ctx.actor.userId) : null,
      trackingCodeHash: '',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    complaint.searchText = searchTextOf(complaint);
    const trackingCode = newTrackingCode();
    complaint.trackingCodeHash = hashTrackingCode(complaint.id, trackingCode);
    return { complaint, trackingCode };
  }

  /**
   * C4: writes a registration in one statement (see `writeRegistration`), then gives the
   * complaint its incoming number.
   */
  private async register(
    em: EntityManager,
    ctx: RequestCtx,
    complaint: Complaint,
    placeholder: string,
    rows: Pick<RegistrationWrite, 'events' | 'consents' | 'notices' | 'audit'>,
  ): Promise<void> {
    const { registration } = complaint;
    const year = Number(registration.registeredOn.slice(0, 4));
    const count = await writeRegistration(em, ctx, {
      officeCode: registration.officeCode,
      year,
      placeholder,
      complaint,
      ...rows,
    });
    const digits = incomingNumberDigits(count);
    registration.incomingNumber = registration.incomingNumber.replace(placeholder, digits);
    complaint.searchText = complaint.searchText.replace(placeholder, digits);
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

/** The dates of a registration stamp (see `WorkingCalendarService.registrationStampSql`). */
interface Stamp {
  registeredOn: LocalDate;
  responseDeadline: LocalDate;
}

interface OfficeRow {
  id: string;
  office_code: string;
  name_ru: string;
  postal_address: string;
  registered_on: LocalDate | null;
  response_deadline: LocalDate | null;
}

function stampOf(row: Pick<OfficeRow, 'registered_on' | 'response_deadline'> | undefined): Stamp {
  // The working calendar covers the years the system serves (working_day); outside them, no stamp.
  if (!row?.registered_on || !row.response_deadline) {
    throw new Error('no registration date or deadline in the working calendar for this instant');
  }
  return { registeredOn: row.registered_on, responseDeadline: row.response_deadline };
}

function yearOf(stamp: Stamp): number {
  return Number(stamp.registeredOn.slice(0, 4));
}

function clean(value: string | null | undefined): string | null {
  return value?.trim() || null;
}
