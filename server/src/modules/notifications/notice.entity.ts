import { OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { AccessibilityNeed } from '@complaints/domain';
import { Complaint } from '../complaints/index.js';

export type NoticeKind =
  | 'DECISION'
  | 'DEADLINE_MOVED'
  | 'ESCALATION_REGISTERED'
  | 'CONSENT_RECORDED';
export type NoticeChannel = 'POST' | 'ELECTRONIC' | 'HOME_VISIT';

/** O5: what the recipient is told, and how; written in the transaction of the change it reports. */
@Entity({ tableName: 'notice' })
export class Notice {
  [OptionalProps]?: 'id' | 'deliveredAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Complaint, { index: true })
  complaint!: Complaint;

  @Property({ type: 'text' })
  kind!: NoticeKind;

  @Property({ type: 'text' })
  channel!: NoticeChannel;

  /** The recipient's name or organization, as addressed. */
  @Property({ type: 'text' })
  addressee!: string;

  /** The postal address, or the electronic destination. */
  @Property({ type: 'text' })
  destination!: string;

  /** O2: the accessibility needs the notice honours (large print, sign language, home visit…). */
  @Property({ type: 'text[]' })
  accessibilityNeeds!: AccessibilityNeed[];

  /** The facts the notice carries (outcome, new deadline…), rendered in kk and ru on delivery. */
  @Property({ type: 'json' })
  content!: Record<string, string | null>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  /** Set by the delivery job; null until delivered. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;
}

/** What the API reads of a notice: the entity, or a plain object read with its case. */
export type NoticeView = Pick<
  Notice,
  | 'id'
  | 'kind'
  | 'channel'
  | 'addressee'
  | 'destination'
  | 'accessibilityNeeds'
  | 'content'
  | 'createdAt'
  | 'deliveredAt'
>;
