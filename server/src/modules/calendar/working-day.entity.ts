import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { LocalDate } from '@complaints/calendar';

/**
 * The working calendar laid out in SQL, one row a day of the years the system serves: queries
 * turn "working days between two dates" into the difference of two `workingIndex` values instead
 * of building the calendar in JavaScript or sending it with the query. Written only by the
 * calendar module (at start and with every calendar change, in the same transaction).
 */
@Entity({ tableName: 'working_day' })
export class WorkingDay {
  @PrimaryKey({ type: 'date' })
  day!: LocalDate;

  @Property({ type: 'boolean' })
  working!: boolean;

  /** Working days from the first day of the table through this one. */
  @Property({ type: 'integer' })
  workingIndex!: number;
}
