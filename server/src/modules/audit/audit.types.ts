import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';
import { PageInfoType } from '../../graphql/page-info.js';
import type { AuditRecord } from './audit-record.entity.js';

@ObjectType('AuditRecord', { description: 'One link of the append-only audit chain.' })
export class AuditRecordType {
  @Field(() => ID, { description: 'The record; ids grow with time.' })
  id!: string;

  @Field(() => Date, { description: 'When.' })
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'Who: the user id (null for the system).' })
  actorId!: string | null;

  @Field({ description: 'Who: the name.' })
  actor!: string;

  @Field({
    description: 'What, e.g. complaint.decide, calendar.setDay, user.create, consent.read.',
  })
  action!: string;

  @Field({ description: 'The kind of entity changed or read.' })
  entityType!: string;

  @Field({ description: 'Its id.' })
  entityId!: string;

  // changeJson: a field resolver of AuditResolver.

  @Field({ description: 'SHA-256 of the change.' })
  digest!: string;

  @Field({ description: "The previous record's hash." })
  previousHash!: string;

  @Field({ description: 'SHA-256 over the previous hash and this record.' })
  hash!: string;
}

@ObjectType('AuditRecordConnection', { description: 'A page of the audit trail, newest first.' })
export class AuditRecordConnectionType {
  @Field(() => [AuditRecordType], { description: 'The records of this page.' })
  records!: AuditRecord[];

  @Field(() => PageInfoType, { description: 'Where the page ends.' })
  pageInfo!: PageInfoType;

  countTotal!: () => Promise<number>;
}

@ObjectType('AuditVerification', { description: 'The result of recomputing the audit chain.' })
export class AuditVerificationType {
  @Field({ description: 'True when every record matches.' })
  valid!: boolean;

  @Field(() => Int, { description: 'How many records were checked.' })
  checked!: number;

  @Field(() => ID, { nullable: true, description: 'The first record that does not match.' })
  firstInvalidId!: string | null;
}

@InputType('AuditFilter', { description: 'Narrows the audit trail.' })
export class AuditFilterInput {
  @Field(() => String, {
    nullable: true,
    description: 'Kind of entity, e.g. Complaint, User, CalendarDay, Consent.',
  })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'The entity id, e.g. a complaint id.' })
  entityId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who.' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'What, e.g. complaint.decide.' })
  action?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'From this date (Asia/Almaty), inclusive.',
  })
  from?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'To this date (Asia/Almaty), inclusive.',
  })
  to?: string | null;
}
