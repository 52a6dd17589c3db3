import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { LocalDate } from '@complaints/calendar';
import { ConsentScope, SignatureMethod } from '@complaints/domain';
import { LocalDateScalar } from '../../graphql/scalars.js';
import '../../graphql/enums.js';

@ObjectType('Consent', {
  description: "O8: the recipient's written consent to the use of protected data.",
})
export class ConsentType {
  @Field(() => ID, { description: 'The consent.' })
  id!: string;

  @Field(() => [ConsentScope], { description: 'Which protected data it covers.' })
  scope!: ConsentScope[];

  @Field({ description: 'Who signed it.' })
  signedBy!: string;

  @Field(() => SignatureMethod, { description: 'How it was signed.' })
  method!: SignatureMethod;

  @Field(() => LocalDateScalar, { description: 'When it was signed.' })
  signedOn!: LocalDate;

  @Field(() => String, {
    nullable: true,
    description:
      "The proof of the signature: the paper form's registration number or the digital signature's reference (null only on consents recorded before it was required).",
  })
  evidence!: string | null;

  @Field(() => Date, { description: 'When it was recorded.' })
  recordedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it was revoked; null while active.' })
  revokedAt!: Date | null;

  @Field({ description: 'Not revoked.' })
  active!: boolean;
}

@InputType('ConsentInput', { description: "O8: the recipient's written consent." })
export class ConsentInputType {
  @Field(() => [ConsentScope], { description: 'Which protected data it covers.' })
  scope!: ConsentScope[];

  @Field({ description: 'Who signed it.' })
  signedBy!: string;

  @Field(() => SignatureMethod, { description: 'How it was signed.' })
  method!: SignatureMethod;

  @Field(() => LocalDateScalar, { description: 'When it was signed (not after today).' })
  signedOn!: LocalDate;

  @Field({
    description:
      "The proof of the signature: the registration number of the signed paper form, or the reference of the recipient's digital signature.",
  })
  evidence!: string;
}
