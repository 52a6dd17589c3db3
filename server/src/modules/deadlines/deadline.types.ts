import type { LocalDate } from '@complaints/calendar';
import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../../graphql/scalars.js';

@ObjectType('DeadlineMove', { description: 'A deadline a calendar change moves (or would move).' })
export class DeadlineMoveType {
  @Field(() => ID, { description: 'The complaint.' })
  complaintId!: string;

  @Field({ description: 'Its incoming number.' })
  incomingNumber!: string;

  @Field(() => LocalDateScalar, { description: 'The deadline before the change.' })
  previousDeadline!: LocalDate;

  @Field(() => LocalDateScalar, { description: 'The deadline after the change.' })
  newDeadline!: LocalDate;
}

@ObjectType('DeadlineReminder', {
  description: 'A deadline the morning sweep found close (DUE_SOON) or passed (OVERDUE).',
})
export class DeadlineReminderType {
  @Field(() => ID, { description: 'The complaint.' })
  complaintId!: string;

  @Field({ description: "The complaint's incoming number." })
  incomingNumber!: string;

  @Field({ description: 'DUE_SOON (due by the next working day) or OVERDUE.' })
  kind!: string;

  @Field(() => LocalDateScalar, { description: 'The deadline.' })
  responseDeadline!: LocalDate;

  @Field({ description: 'PROVIDER or AUTHORITY.' })
  level!: string;

  @Field(() => ID, { nullable: true, description: 'Who has the case; null: the office.' })
  assigneeId!: string | null;
}
