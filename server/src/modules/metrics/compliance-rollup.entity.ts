import { ArrayType } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { LocalDate } from '@complaints/calendar';
import type { ReviewLevel } from '@complaints/domain';

/** Stands for "no authority" in a rollup key (a key column cannot be null). */
export const NO_AUTHORITY = '00000000-0000-0000-0000-000000000000';

/** The counts every rollup keeps for its key: one declaration for the three tables. */
@Entity({ abstract: true })
export abstract class RollupCounts {
  @Property({ type: 'integer', default: 0 })
  total!: number;

  @Property({ type: 'integer', default: 0 })
  decided!: number;

  @Property({ type: 'integer', default: 0 })
  decidedOnTime!: number;

  @Property({ type: 'integer', default: 0 })
  escalated!: number;

  @Property({ type: 'integer', default: 0 })
  upheld!: number;

  @Property({ type: 'integer', default: 0 })
  courtReferred!: number;

  /**
   * The decided complaints by working days from registration to decision: element i (from 1)
   * counts those decided in i - 1 working days. The median is read from it.
   */
  @Property({ type: new ArrayType<number>((item) => Number(item)), columnType: 'int[]' })
  workingDays!: number[];
}

/**
 * O1 / R2: the compliance counts of the complaints registered in one month at one provider, one
 * review level and one reviewing authority, so that a year's metrics read a few thousand rows
 * instead of every complaint. Written only by the database: the triggers on `complaint` (at
 * commit) and on `working_day` (a calendar change) append changes to `compliance_rollup_change`
 * (a table of the migration alone, never read by the ORM), which `compact_compliance_rollups()`
 * folds into the three rollups (every metrics query starts a folding and adds the changes not yet
 * folded); `rebuild_compliance_rollups()` recomputes them from the complaints. Never written
 * through the ORM: the entities only keep the tables in the schema snapshot.
 */
@Entity({ tableName: 'compliance_rollup' })
export class ComplianceRollup extends RollupCounts {
  /** The first day of the registration month. */
  @PrimaryKey({ type: 'date' })
  month!: LocalDate;

  @PrimaryKey({ type: 'uuid' })
  providerId!: string;

  @PrimaryKey({ type: 'text' })
  level!: ReviewLevel;

  /** The complaint's own reviewing authority, or NO_AUTHORITY. */
  @PrimaryKey({ type: 'uuid' })
  authorityId!: string;
}

/** The same counts, also by public service (R2): read when a query names or groups by service. */
@Entity({ tableName: 'compliance_service_rollup' })
export class ComplianceServiceRollup extends RollupCounts {
  @PrimaryKey({ type: 'date' })
  month!: LocalDate;

  @PrimaryKey({ type: 'uuid' })
  providerId!: string;

  @PrimaryKey({ type: 'text' })
  level!: ReviewLevel;

  @PrimaryKey({ type: 'uuid' })
  authorityId!: string;

  /** The complaint's public service code, or '' for none. */
  @PrimaryKey({ type: 'string', length: 50 })
  publicServiceCode!: string;
}

/**
 * The same counts by public service and level alone, across providers: the by-service view of a
 * year (optionally by level) reads a few thousand rows instead of every provider's.
 */
@Entity({ tableName: 'compliance_service_total_rollup' })
export class ComplianceServiceTotalRollup extends RollupCounts {
  @PrimaryKey({ type: 'date' })
  month!: LocalDate;

  /** The complaint's public service code, or '' for none. */
  @PrimaryKey({ type: 'string', length: 50 })
  publicServiceCode!: string;

  @PrimaryKey({ type: 'text' })
  level!: ReviewLevel;
}
