import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { LocalDate } from '@complaints/calendar';

/** A date made working or non-working by decree or by a supervisor; wins over the built-in rules. */
@Entity({ tableName: 'calendar_override' })
export class CalendarOverride {
  [OptionalProps]?: 'setById';

  @PrimaryKey({ type: 'date' })
  date!: LocalDate;

  @Property({ type: 'boolean' })
  working!: boolean;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid', nullable: true })
  setById: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  setAt!: Date;
}
