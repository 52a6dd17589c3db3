import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * What an audit record says happened, `<entity>.<action>`: every action the services write
 * (stored as text; the API shows it, and filters by it, as a String).
 */
export type AuditAction =
  | 'complaint.file'
  | 'complaint.startReview'
  | 'complaint.decide'
  | 'complaint.escalate'
  | 'complaint.referToCourt'
  | 'complaint.withdraw'
  | 'complaint.assign'
  | 'complaint.moveDeadline'
  | 'consent.record'
  | 'consent.revoke'
  | 'consent.read'
  | 'notice.resend'
  | 'notice.handover'
  | 'deadline.sweep'
  | 'calendar.setDay'
  | 'user.create'
  | 'user.changeRole'
  | 'user.deactivate'
  | 'user.resetPassword';

/**
 * One link of the append-only audit chain: `hash` = SHA-256 over the previous record's hash and
 * this record's fields, so editing or removing any row breaks every hash after it.
 */
@Entity({ tableName: 'audit_record' })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditRecord {
  [OptionalProps]?: 'id' | 'actorId';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz', index: true })
  at!: Date;

  @Property({ type: 'uuid', nullable: true, index: true })
  actorId: string | null = null;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text', index: true })
  action!: string;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'text' })
  entityId!: string;

  /** The change itself, as recorded. */
  @Property({ type: 'json' })
  change!: Record<string, unknown>;

  /** SHA-256 of the canonical JSON of `change`. */
  @Property({ type: 'text' })
  digest!: string;

  @Property({ type: 'text' })
  previousHash!: string;

  @Property({ type: 'text', unique: true })
  hash!: string;
}
