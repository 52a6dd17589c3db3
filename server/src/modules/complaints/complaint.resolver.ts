import type { GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { ComplaintOperation } from '@complaints/domain';
import { ComplaintOperationEnum } from '../../graphql/enums.js';
import type { ApiContext } from '../../graphql/request-context.js';
import { selectedFields } from '../../graphql/selection.js';
import type { RateLimiter } from '../../graphql/rate-limit.js';
import { type AuthorityView, AuthorityType } from '../authorities/index.js';
import { almatyDate } from '../calendar/index.js';
import type { ConsentView } from '../consent/index.js';
import type { NoticeView } from '../notifications/index.js';
import { type ProviderView, ProviderType } from '../providers/index.js';
import { type PublicService, PublicServiceType } from '../services/index.js';
import { type UserView, UserType } from '../users/index.js';
import { ConsentType } from '../consent/index.js';
import { NoticeType } from '../notifications/index.js';
import { availableActionsOf } from './complaint-access.js';
import type { ComplaintEventView } from './complaint-event.entity.js';
import type { ComplaintQueryService } from './complaint-query.service.js';
import {
  courtReferralView,
  decisionView,
  isOverdue,
  mayHaveEscalation,
  workingDaysLeft,
  type ComplaintView,
} from './complaint-view.js';
import type { Complaint, CourtReferral, Registration } from './complaint.entity.js';
import type { ComplaintReceipt, ComplaintService, ComplaintStage } from './complaint.service.js';
import {
  ComplaintConnectionType,
  ComplaintEventType,
  ComplaintFilterInput,
  ComplaintReceiptType,
  ComplaintStageType,
  ComplaintType,
  CourtReferralInputType,
  CourtReferralType,
  DecisionInputType,
  DecisionType,
  EscalationInputType,
  FileComplaintInputType,
  RecipientType,
  RegistrationType,
} from './complaint.types.js';

@Resolver(() => ComplaintType)
export class ComplaintResolver {
  constructor(
    private readonly complaintService: ComplaintService,
    private readonly queries: ComplaintQueryService,
    private readonly stageLimiter: RateLimiter,
  ) {}

  @Query(() => ComplaintType, {
    nullable: true,
    description: 'A complaint the caller may read; null otherwise.',
  })
  async complaint(
    @Arg('id', () => ID, { description: 'The complaint.' }) id: string,
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ComplaintView | null> {
    const asked = selectedFields(info, []);
    const read = await this.queries.caseById(ctx, id, {
      provider: asked.has('provider'),
      authority: asked.has('authority'),
      assignee: asked.has('assignee'),
      workingDaysLeft: asked.has('workingDaysLeft'),
      history: asked.has('history'),
      notices: asked.has('notices'),
      consents: asked.has('consents') || asked.has('recipient'),
      parent: asked.has('parent'),
      escalation: asked.has('escalation'),
    });
    if (!read) return null;
    // Read with the case: the nested fields find them in the request's loaders.
    const { loaders } = ctx;
    const key = read.complaint.id;
    loaders.complaint.prime(key, read.complaint);
    if (read.provider) loaders.provider.prime(read.provider.id, read.provider);
    if (read.authority) loaders.authority.prime(read.authority.id, read.authority);
    if (read.assignee) loaders.user.prime(read.assignee.id, read.assignee);
    if (read.history) loaders.history.prime(key, read.history);
    if (read.notices) loaders.notices.prime(key, read.notices);
    if (read.consents) loaders.consents.prime(key, read.consents);
    if (read.parent !== undefined && read.complaint.parent) {
      loaders.complaint.prime(read.complaint.parent.id, read.parent);
    }
    if (read.escalation !== undefined) loaders.escalation.prime(key, read.escalation);
    if (read.escalation) loaders.complaint.prime(read.escalation.id, read.escalation);
    return read.complaint;
  }

  @Query(() => ComplaintType, {
    nullable: true,
    description: 'A complaint by its incoming number, if the caller may read it.',
  })
  complaintByIncomingNumber(
    @Arg('incomingNumber', { description: 'The incoming number of the stamp.' })
    incomingNumber: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Complaint | null> {
    return this.queries.findReadableByIncomingNumber(ctx, incomingNumber);
  }

  @Query(() => ComplaintConnectionType, {
    description: 'The case queue: complaints by deadline, keyset-paged (at most 100 a page).',
  })
  async complaints(
    @Ctx() ctx: ApiContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ComplaintFilterInput, {
      nullable: true,
      description: 'Narrows the queue.',
    })
    filter?: ComplaintFilterInput | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 50,
      description: 'How many, 0 to 100.',
    })
    first = 50,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after?: string | null,
  ): Promise<ComplaintConnectionType> {
    const node = selectedFields(info, ['edges', 'node']);
    const page = await this.queries.list(ctx, filter, first, after, {
      totalCount: selectedFields(info, []).has('totalCount'),
      provider: node.has('provider'),
      assignee: node.has('assignee'),
      workingDaysLeft: node.has('workingDaysLeft'),
    });
    // Read with the page: the nested fields find them in the request's loaders.
    for (const provider of page.providers) ctx.loaders.provider.prime(provider.id, provider);
    for (const user of page.assignees) ctx.loaders.user.prime(user.id, user);
    return {
      edges: page.complaints.map((node, i) => ({ node, cursor: page.cursors[i]! })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.cursors.at(-1) ?? null },
      countTotal: () => page.countTotal(),
    };
  }

  @Query(() => ComplaintStageType, {
    nullable: true,
    description: 'O6, public: no login. Null when the number and code do not match.',
  })
  async complaintStage(
    @Arg('incomingNumber', { description: 'The incoming number of the stamp.' })
    incomingNumber: string,
    @Arg('trackingCode', { description: 'The tracking code of the receipt.' }) trackingCode: string,
    @Ctx() ctx: ApiContext,
  ): Promise<ComplaintStage | null> {
    await this.stageLimiter.check(ctx);
    return this.complaintService.stage(ctx.em, incomingNumber, trackingCode);
  }

  @Mutation(() => ComplaintReceiptType, {
    description:
      'C1–C5: registers a complaint against a provider: PROVIDER level, deadline 5 working days.',
  })
  fileComplaint(
    @Arg('input', () => FileComplaintInputType, { description: 'The complaint.' })
    input: FileComplaintInputType,
    @Ctx() ctx: ApiContext,
  ): Promise<ComplaintReceipt> {
    return this.complaintService.fileComplaint(ctx, input);
  }

  @Mutation(() => ComplaintType, { description: 'Starts the review of a registered complaint.' })
  startReview(
    @Arg('id', () => ID, { description: 'The complaint.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version the caller saw.' })
    expectedVersion: number,
    @Ctx() ctx: ApiContext,
  ): Promise<Complaint> {
    return this.complaintService.startReview(ctx, id, expectedVersion);
  }

  @Mutation(() => ComplaintType, {
    description: 'C5/C7, O5, O7: decides a complaint and notifies the recipient.',
  })
  decideComplaint(
    @Arg('id', () => ID, { description: 'The complaint.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version the caller saw.' })
    expectedVersion: number,
    @Arg('input', () => DecisionInputType, { description: 'The decision.' })
    input: DecisionInputType,
    @Ctx() ctx: ApiContext,
  ): Promise<Complaint> {
    return this.complaintService.decide(ctx, id, expectedVersion, input);
  }

  @Mutation(() => ComplaintReceiptType, {
    description:
      "C6, C7: the recipient disagrees with the provider's result: registers an AUTHORITY-level complaint, deadline 15 working days.",
  })
  escalateComplaint(
    @Arg('id', () => ID, { description: 'The PROVIDER-level complaint.' }) id: string,
    @Arg('input', () => EscalationInputType, { description: 'The escalation.' })
    input: EscalationInputType,
    @Ctx() ctx: ApiContext,
  ): Promise<ComplaintReceipt> {
    return this.complaintService.escalate(ctx, id, input);
  }

  @Mutation(() => ComplaintType, {
    description: "C8: the recipient disagrees with the authority's result and has gone to court.",
  })
  referToCourt(
    @Arg('id', () => ID, { description: 'The AUTHORITY-level complaint.' }) id: string,
    @Arg('input', () => CourtReferralInputType, { description: 'The court referral.' })
    input: CourtReferralInputType,
    @Ctx() ctx: ApiContext,
  ): Promise<Complaint> {
    return this.complaintService.referToCourt(ctx, id, input);
  }

  @Mutation(() => ComplaintType, {
    description: 'Records the withdrawal of an undecided complaint.',
  })
  withdrawComplaint(
    @Arg('id', () => ID, { description: 'The complaint.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version the caller saw.' })
    expectedVersion: number,
    @Arg('reason', { description: 'Why it is withdrawn.' }) reason: string,
    @Ctx() ctx: ApiContext,
    @Arg('trackingCode', () => String, {
      nullable: true,
      description:
        "PARTNER: the tracking code of the complaint's receipt, when the portal did not file it.",
    })
    trackingCode?: string | null,
  ): Promise<Complaint> {
    return this.complaintService.withdraw(ctx, id, expectedVersion, reason, trackingCode ?? null);
  }

  @Mutation(() => ComplaintType, {
    description: 'SUPERVISOR: assigns a case to an inspector or supervisor (null takes it back).',
  })
  assignComplaint(
    @Arg('id', () => ID, { description: 'The complaint.' }) id: string,
    @Arg('expectedVersion', () => Int, { description: 'The version the caller saw.' })
    expectedVersion: number,
    @Ctx() ctx: ApiContext,
    @Arg('assigneeId', () => ID, {
      nullable: true,
      description: 'The inspector or supervisor; null to unassign.',
    })
    assigneeId?: string | null,
  ): Promise<Complaint> {
    return this.complaintService.assign(ctx, id, expectedVersion, assigneeId ?? null);
  }

  @FieldResolver(() => RecipientType, { description: 'Who complains.' })
  recipient(@Root() complaint: ComplaintView): RecipientType {
    return { ...complaint.recipient, complaintId: complaint.id, complaint };
  }

  @FieldResolver(() => RegistrationType, { description: 'The registration stamp (C4).' })
  registration(@Root() complaint: ComplaintView): Registration {
    return complaint.registration;
  }

  @FieldResolver(() => DecisionType, { nullable: true, description: 'The decision, once decided.' })
  decision(@Root() complaint: ComplaintView): DecisionType | null {
    return decisionView(complaint);
  }

  @FieldResolver(() => CourtReferralType, {
    nullable: true,
    description: 'The court referral, if any (C8).',
  })
  courtReferral(@Root() complaint: ComplaintView): CourtReferral | null {
    return courtReferralView(complaint);
  }

  @FieldResolver(() => ProviderType, {
    description: 'The provider whose decision, action or inaction is complained about.',
  })
  async provider(@Root() complaint: ComplaintView, @Ctx() ctx: ApiContext): Promise<ProviderView> {
    return (await ctx.loaders.provider.load(complaint.provider.id))!;
  }

  @FieldResolver(() => AuthorityType, {
    nullable: true,
    description: 'The reviewing authority; set on AUTHORITY level.',
  })
  authority(
    @Root() complaint: ComplaintView,
    @Ctx() ctx: ApiContext,
  ): Promise<AuthorityView | null> | null {
    return complaint.authority ? ctx.loaders.authority.load(complaint.authority.id) : null;
  }

  @FieldResolver(() => PublicServiceType, {
    nullable: true,
    description: 'The public service concerned (R2).',
  })
  publicService(
    @Root() complaint: ComplaintView,
    @Ctx() ctx: ApiContext,
  ): Promise<PublicService | null> | null {
    return complaint.publicServiceCode
      ? ctx.loaders.publicService.load(complaint.publicServiceCode)
      : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'Not decided and the responseDeadline has passed (Asia/Almaty today).',
  })
  overdue(@Root() complaint: ComplaintView, @Ctx() ctx: ApiContext): boolean {
    return isOverdue(complaint, almatyDate(ctx.now));
  }

  @FieldResolver(() => [ComplaintOperationEnum], {
    description:
      'What the caller may do to this complaint now (who may do what, with the status machine): exactly the operations the service would accept.',
  })
  availableActions(@Root() complaint: ComplaintView, @Ctx() ctx: ApiContext): ComplaintOperation[] {
    return availableActionsOf(ctx.actor, complaint, almatyDate(ctx.now));
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Working days left until responseDeadline; null once decided, negative when overdue.',
  })
  async workingDaysLeft(
    @Root() complaint: ComplaintView,
    @Ctx() ctx: ApiContext,
  ): Promise<number | null> {
    return workingDaysLeft(complaint, almatyDate(ctx.now), () => ctx.loaders.calendar());
  }

  @FieldResolver(() => ComplaintType, {
    nullable: true,
    description: 'For an AUTHORITY-level complaint: the PROVIDER-level complaint it escalates.',
  })
  parent(
    @Root() complaint: ComplaintView,
    @Ctx() ctx: ApiContext,
  ): Promise<ComplaintView | null> | null {
    return complaint.parent ? ctx.loaders.complaint.load(complaint.parent.id) : null;
  }

  @FieldResolver(() => ComplaintType, {
    nullable: true,
    description: 'For a PROVIDER-level complaint: the AUTHORITY-level complaint that escalated it.',
  })
  escalation(
    @Root() complaint: ComplaintView,
    @Ctx() ctx: ApiContext,
  ): Promise<ComplaintView | null> | null {
    return mayHaveEscalation(complaint) ? ctx.loaders.escalation.load(complaint.id) : null;
  }

  @FieldResolver(() => [ComplaintEventType], { description: 'Every change, oldest first.' })
  history(@Root() complaint: ComplaintView, @Ctx() ctx: ApiContext): Promise<ComplaintEventView[]> {
    return ctx.loaders.history.load(complaint.id);
  }

  @FieldResolver(() => UserType, {
    nullable: true,
    description: 'The inspector or supervisor the case is assigned to.',
  })
  assignee(
    @Root() complaint: ComplaintView,
    @Ctx() ctx: ApiContext,
  ): Promise<UserView | null> | null {
    return complaint.assignee ? ctx.loaders.user.load(complaint.assignee.id) : null;
  }

  @FieldResolver(() => [NoticeType], {
    description: 'O5: the notices written to the recipient, oldest first.',
  })
  notices(@Root() complaint: ComplaintView, @Ctx() ctx: ApiContext): Promise<NoticeView[]> {
    return ctx.loaders.notices.load(complaint.id);
  }

  @FieldResolver(() => [ConsentType], {
    description: "O8: the recipient's written consents on this complaint.",
  })
  consents(@Root() complaint: ComplaintView, @Ctx() ctx: ApiContext): Promise<ConsentView[]> {
    return ctx.loaders.consents.load(complaint.id);
  }
}

@Resolver(() => ComplaintConnectionType)
export class ComplaintConnectionResolver {
  @FieldResolver(() => Int, {
    description: 'How many complaints match the filter: one count(*), only when asked for.',
  })
  totalCount(@Root() connection: ComplaintConnectionType): Promise<number> {
    return connection.countTotal();
  }
}

export function resolveComplaintReference(
  reference: { id: string },
  ctx: ApiContext,
): Promise<ComplaintView | null> {
  return ctx.loaders.complaint.load(reference.id);
}
