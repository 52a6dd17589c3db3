import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import {
  COMPLAINT_STATUS_VALUES,
  type ComplaintAction,
  type ComplaintStatus,
} from '@complaints/domain';
import { Complaint } from './complaint.entity.js';

/**
 * What a history entry says happened: a move of the status machine, or one of the changes that
 * keep the status (stored as text; the API shows it as a String).
 */
export type ComplaintEventAction =
  | 'file'
  | ComplaintAction
  | 'assign'
  | 'moveDeadline'
  | 'recordConsent'
  | 'revokeConsent'
  | 'flagDueSoon'
  | 'flagOverdue';

/** One row per change of a complaint: its history, shown as a timeline. */
@Entity({ tableName: 'complaint_event' })
@Index({ properties: ['complaint', 'at'] })
export class ComplaintEvent {
  [OptionalProps]?: 'id' | 'actorId' | 'fromStatus' | 'note';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne(() => Complaint)
  complaint!: Complaint;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  at!: Date;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'text' })
  action!: ComplaintEventAction;

  @Enum({ items: () => [...COMPLAINT_STATUS_VALUES], nullable: true })
  fromStatus: ComplaintStatus | null = null;

  @Enum({ items: () => [...COMPLAINT_STATUS_VALUES] })
  toStatus!: ComplaintStatus;

  @Property({ type: 'text', nullable: true })
  note: string | null = null;
}

/** What the API reads of a history entry: the entity, or a plain object read with its case. */
export type ComplaintEventView = Pick<
  ComplaintEvent,
  'id' | 'at' | 'actorId' | 'actor' | 'action' | 'fromStatus' | 'toStatus' | 'note'
>;
