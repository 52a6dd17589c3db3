import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ReviewLevel } from '@complaints/domain';
import type { LocalDate } from '@complaints/calendar';
import { LocalDateScalar } from '../../graphql/scalars.js';
import '../../graphql/enums.js';

@ObjectType('ComplianceRow', { description: 'O1: how one group of complaints was handled.' })
export class ComplianceRowType {
  @Field({
    description:
      "The group's key: a provider or authority id, a region, a service code, or YYYY-MM.",
  })
  key!: string;

  @Field({ description: 'The group’s name, in the request language.' })
  label!: string;

  @Field(() => Int, { description: 'Complaints registered in the period.' })
  total!: number;

  @Field(() => Int, { description: 'Of them, decided.' })
  decided!: number;

  @Field(() => Int, { description: 'Decided on or before the deadline.' })
  decidedOnTime!: number;

  @Field(() => Int, { description: 'Still open after the deadline.' })
  openOverdue!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'decidedOnTime / decided; null when nothing was decided.',
  })
  onTimeRate!: number | null;

  @Field(() => Int, { description: 'Provider-level complaints escalated to the authority.' })
  escalated!: number;

  @Field(() => Int, { description: 'Upheld or partially upheld.' })
  upheld!: number;

  @Field(() => Int, { description: 'Referred to court.' })
  courtReferred!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median working days from registration to decision.',
  })
  medianWorkingDaysToDecision!: number | null;
}

@InputType('MetricsFilter', {
  description: 'Which complaints the metrics count: registered in [from, to].',
})
export class MetricsFilterInput {
  @Field(() => LocalDateScalar, { description: 'Registered on or after.' })
  from!: LocalDate;

  @Field(() => LocalDateScalar, { description: 'Registered on or before.' })
  to!: LocalDate;

  @Field(() => ReviewLevel, { nullable: true, description: 'Only this level.' })
  level?: ReviewLevel | null;

  @Field(() => ID, { nullable: true, description: 'Only this provider.' })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only this authority department.' })
  authorityId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only providers of this region.' })
  region?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this public service.' })
  publicServiceCode?: string | null;
}
