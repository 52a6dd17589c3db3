import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { LocalDate } from '@complaints/calendar';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { PageInfoType } from '../../graphql/page-info.js';
import { NoticeTextType } from '../notifications/index.js';

export const PaperDelivery = { HANDED_OVER: 'HANDED_OVER', POSTED: 'POSTED' } as const;
export type PaperDelivery = (typeof PaperDelivery)[keyof typeof PaperDelivery];

registerEnumType(PaperDelivery, {
  name: 'PaperDelivery',
  description: 'O5: how a paper notice reached the recipient.',
  valuesConfig: {
    HANDED_OVER: { description: 'Handed over in person (at the office or on a home visit).' },
    POSTED: { description: 'Sent by post.' },
  },
});

@InputType('NoticeHandoverInput', { description: 'O5: a paper notice handed over or posted.' })
export class NoticeHandoverInputType {
  @Field(() => PaperDelivery, { description: 'HANDED_OVER or POSTED.' })
  how!: PaperDelivery;

  @Field(() => LocalDateScalar, {
    description: 'The day (Asia/Almaty); not in the future, not before the notice was written.',
  })
  on!: LocalDate;
}

@ObjectType('ComplaintNoticeFeedEntry', {
  description: "O5: a notice in the portal's feed, written for the recipient in their language.",
})
export class PortalNoticeType {
  @Field(() => ID, { description: 'The notice.' })
  id!: string;

  @Field({ description: 'What it tells (REGISTERED, DECISION, …).' })
  kind!: string;

  @Field(() => ID, { description: 'The complaint it is about.' })
  complaintId!: string;

  @Field({ description: "The complaint's incoming number." })
  incomingNumber!: string;

  @Field(() => Date, { description: 'When it entered the feed.' })
  deliveredAt!: Date;

  @Field(() => [NoticeTextType], {
    description: "The text in the recipient's language, or in Kazakh and Russian.",
  })
  texts!: NoticeTextType[];

  @Field({ description: 'O2: show it in large print.' })
  largePrint!: boolean;
}

@ObjectType('ComplaintNoticeFeedEdge', { description: 'A notice and its cursor.' })
export class PortalNoticeEdgeType {
  @Field({ description: 'Pass as `after` to read what came since.' })
  cursor!: string;

  @Field(() => PortalNoticeType, { description: 'The notice.' })
  node!: PortalNoticeType;
}

@ObjectType('ComplaintNoticeFeedConnection', { description: "A page of the portal's notice feed." })
export class PortalNoticeConnectionType {
  @Field(() => [PortalNoticeEdgeType], { description: 'Oldest first.' })
  edges!: PortalNoticeEdgeType[];

  @Field(() => PageInfoType, { description: 'Where the page ends.' })
  pageInfo!: PageInfoType;
}

@ObjectType('UndeliveredNotice', {
  description: 'O5: a notice every try failed to deliver; a supervisor can send it again.',
})
export class UndeliveredNoticeType {
  @Field(() => ID, { description: 'The notice.' })
  id!: string;

  @Field({ description: 'What it tells.' })
  kind!: string;

  @Field({ description: 'EMAIL or SMS.' })
  channel!: string;

  @Field(() => ID, { description: 'The complaint it is about.' })
  complaintId!: string;

  @Field({ description: "The complaint's incoming number." })
  incomingNumber!: string;

  @Field(() => Int, { description: 'Tries made.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last try failed.' })
  lastError!: string | null;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;
}
