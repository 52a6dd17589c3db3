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
