import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { OptionalProps } from '@mikro-orm/core';

export type DeadlineFlagKind = 'DUE_SOON' | 'OVERDUE';

/**
 * A deadline the morning sweep found close (DUE_SOON: due by the next working day) or passed
 * (OVERDUE). Unique per case, kind and day: a sweep run twice, or by two replicas at once, flags
 * and reminds once. For OVERDUE the day is the deadline itself, so a case is flagged overdue
 * once per deadline, and again only if a calendar change gives it a new one that passes too.
 */
@Entity({ tableName: 'deadline_flag' })
@Unique({ properties: ['complaintId', 'kind', 'day'] })
@Index({ properties: ['sweptOn'] })
export class DeadlineFlag {
  [OptionalProps]?: 'id';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'uuid' })
  complaintId!: string;

  @Property({ type: 'text' })
  kind!: DeadlineFlagKind;

  @Property({ type: 'date' })
  day!: string;

  /** The Asia/Almaty working day of the sweep that raised it. */
  @Property({ type: 'date' })
  sweptOn!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;
}
