import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AccessibilityNeed, NoticeLanguage } from '@complaints/domain';
import { LocalDateScalar } from '../../graphql/scalars.js';
import '../../graphql/enums.js';

@ObjectType('NoticeText', {
  description: 'O5: the notice as written to the recipient in one language (letter, email, SMS).',
})
export class NoticeTextType {
  @Field(() => NoticeLanguage, { description: 'KK or RU.' })
  language!: NoticeLanguage;

  @Field({ description: 'The subject line.' })
  subject!: string;

  @Field(() => [String], { description: 'The paragraphs, in order.' })
  paragraphs!: string[];
}

@ObjectType('Notice', { description: 'O5: what the recipient was told, and how.' })
export class NoticeType {
  @Field(() => ID, { description: 'The notice.' })
  id!: string;

  @Field({
    description:
      'REGISTERED, REVIEW_STARTED, DEADLINE_MOVED, DECISION, ESCALATION_REGISTERED, WITHDRAWN, CONSENT_RECORDED or DEADLINE_PASSED.',
  })
  kind!: string;

  @Field({
    description:
      'EMAIL or SMS (sent to the contact the recipient gave, which is never copied here), ELECTRONIC (the portal), POST or HOME_VISIT (paper, handed over by an officer).',
  })
  channel!: string;

  @Field({ description: 'To whom.' })
  addressee!: string;

  @Field({
    description:
      'Where: the postal address, the portal, or which contact (the contact itself stays protected).',
  })
  destination!: string;

  @Field(() => [AccessibilityNeed], { description: 'O2: the needs the notice honours.' })
  accessibilityNeeds!: AccessibilityNeed[];

  @Field(() => NoticeLanguage, {
    nullable: true,
    description: "The recipient's language; null when unknown (then written in both).",
  })
  language!: NoticeLanguage | null;

  @Field({
    description:
      'PENDING, DELIVERED or UNDELIVERED (every try failed; a supervisor can send it again).',
  })
  status!: string;

  @Field(() => Int, { description: 'Delivery tries so far.' })
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last try failed.' })
  lastError!: string | null;

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was delivered; null until then.' })
  deliveredAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'SENT (email, SMS), PORTAL, HANDED_OVER or POSTED (paper).',
  })
  deliveredHow!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Paper: the day it was handed over or posted.',
  })
  deliveredOn!: string | null;
}
