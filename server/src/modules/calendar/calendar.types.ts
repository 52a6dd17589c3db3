import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { CalendarDaySource } from '@complaints/domain';
import type { LocalDate } from '@complaints/calendar';
import { LocalDateScalar } from '../../graphql/scalars.js';

registerEnumType(CalendarDaySource, {
  name: 'CalendarDaySource',
  description: 'Where a calendar day comes from: the built-in rules, or an override.',
  valuesConfig: {
    RULE: { description: 'The Labour Code and the Law on holidays, as built in.' },
    OVERRIDE: {
      description: 'A government decree or a supervisor’s decision stored in the system.',
    },
  },
});

@ObjectType('CalendarDay', {
  description: 'A day of the working calendar that is not an ordinary one.',
})
export class CalendarDayType {
  @Field(() => LocalDateScalar, { description: 'The date.' })
  date!: LocalDate;

  @Field({ description: 'Whether complaints are reviewed (and deadlines counted) on this day.' })
  working!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "Why the day is not an ordinary one: the holiday's name, or the decree that moved it.",
  })
  reason!: string | null;

  @Field(() => CalendarDaySource, {
    description: 'Whether the day comes from the rules or an override.',
  })
  source!: CalendarDaySource;

  @Field(() => String, {
    nullable: true,
    description:
      'The holiday on this date, or the one a day off was moved from (NEW_YEAR, NAURYZ, KURBAN_AIT…): clients name it in their language.',
  })
  holiday!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "For a day off moved from a weekend holiday: the holiday's date.",
  })
  transferredFrom!: LocalDate | null;
}
