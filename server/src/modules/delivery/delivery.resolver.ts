import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/request-context.js';
import { NoticeType, type Notice } from '../notifications/index.js';
import {
  NoticeHandoverInputType,
  PortalNoticeConnectionType,
  UndeliveredNoticeType,
} from './delivery.types.js';
import type { NoticeDeskService, UndeliveredNotice } from './notice-desk.service.js';

@Resolver()
export class DeliveryResolver {
  constructor(private readonly desk: NoticeDeskService) {}

  @Query(() => PortalNoticeConnectionType, {
    description:
      'PARTNER, O5: the notices of the recipients whose complaints this portal filed, oldest first; pass the last cursor as `after` to read only what came since. At most 100 a page.',
  })
  // Named for this subgraph: a partner's own schema (the portal's) may well have `portalNotices`.
  async complaintNoticeFeed(
    @Ctx() ctx: ApiContext,
    @Arg('after', () => String, { nullable: true, description: 'The last cursor read.' })
    after?: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1–100, default 50).' })
    first?: number | null,
  ): Promise<PortalNoticeConnectionType> {
    const { notices, hasNextPage } = await this.desk.portalFeed(ctx, after, first);
    return {
      edges: notices.map((node) => ({ cursor: node.cursor, node })),
      pageInfo: { hasNextPage, endCursor: notices.at(-1)?.cursor ?? null },
    };
  }

  @Query(() => [UndeliveredNoticeType], {
    description: 'SUPERVISOR, O5: notices every try failed to deliver, newest first (at most 100).',
  })
  undeliveredNotices(
    @Ctx() ctx: ApiContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many (1–100, default 50).' })
    first?: number | null,
  ): Promise<UndeliveredNotice[]> {
    return this.desk.undelivered(ctx, first);
  }

  @Mutation(() => NoticeType, {
    description: 'SUPERVISOR, O5: sends an undelivered email or SMS notice again. Audited.',
  })
  resendNotice(
    @Arg('id', () => ID, { description: 'The notice.' }) id: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Notice> {
    return this.desk.resend(ctx, id);
  }

  @Mutation(() => NoticeType, {
    description:
      'O5: records a paper notice handed over or posted, with the day; by those who decide the case. Audited.',
  })
  recordNoticeHandover(
    @Arg('id', () => ID, { description: 'The notice.' }) id: string,
    @Arg('input', () => NoticeHandoverInputType, { description: 'How and when.' })
    input: NoticeHandoverInputType,
    @Ctx() ctx: ApiContext,
  ): Promise<Notice> {
    return this.desk.recordHandover(ctx, id, input.how, input.on);
  }
}
