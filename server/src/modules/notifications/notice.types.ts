import { Field, ID, ObjectType } from 'type-graphql';
import { AccessibilityNeed } from '@complaints/domain';
import '../../graphql/enums.js';

@ObjectType('Notice', { description: 'O5: what the recipient was told, and how.' })
export class NoticeType {
  @Field(() => ID, { description: 'The notice.' })
  id!: string;

  @Field({ description: 'DECISION, DEADLINE_MOVED, CONSENT_RECORDED.' })
  kind!: string;

  @Field({
    description: 'POST, ELECTRONIC or HOME_VISIT (never email: the address is protected data).',
  })
  channel!: string;

  @Field({ description: 'To whom.' })
  addressee!: string;

  @Field({ description: 'Where: the postal address or the electronic destination.' })
  destination!: string;

  @Field(() => [AccessibilityNeed], { description: 'O2: the needs the notice honours.' })
  accessibilityNeeds!: AccessibilityNeed[];

  @Field(() => Date, { description: 'When it was written.' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was delivered; null until then.' })
  deliveredAt!: Date | null;
}
