import { OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type {
  AccessibilityNeed,
  NoticeFacts,
  NoticeKind,
  NoticeLanguage,
} from '@complaints/domain';
import { Complaint } from '../complaints/index.js';

export type { NoticeKind } from '@complaints/domain';
/** ELECTRONIC is the portal's feed; POST and HOME_VISIT are paper, handed over by an officer. */
export type NoticeRoute = 'POST' | 'ELECTRONIC' | 'HOME_VISIT' | 'EMAIL' | 'SMS';
/** PENDING until delivered; UNDELIVERED after the last failed try (it can be sent again). */
export type NoticeStatus = 'PENDING' | 'DELIVERED' | 'UNDELIVERED';
/** How it reached the recipient: sent (email, SMS), in the portal's feed, or on paper. */
export type NoticeDelivery = 'SENT' | 'PORTAL' | 'HANDED_OVER' | 'POSTED';

/** O5: what the recipient is told, and how; written in the transaction of the change it reports. */
@Entity({ tableName: 'notice' })
export class Notice {
  [OptionalProps]?:
    | 'id'
    | 'deliveredAt'
    | 'status'
    | 'attempts'
    | 'lastError'
    | 'language'
    | 'easyRead'
    | 'deliveredHow'
    | 'deliveredOn'
    | 'deliveredById';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Complaint, { index: true })
  complaint!: Complaint;

  @Property({ type: 'text' })
  kind!: NoticeKind;

  @Property({ type: 'text' })
  channel!: NoticeRoute;

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
  content!: NoticeFacts;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt!: Date;

  /** The recipient's language; null when unknown (then the notice is written in both). */
  @Property({ type: 'text', nullable: true })
  language: NoticeLanguage | null = null;

  /** O2: written in short plain sentences, as the recipient asked. */
  @Property({ type: 'boolean', default: false })
  easyRead: boolean = false;

  @Property({ type: 'text', default: 'PENDING' })
  status: NoticeStatus = 'PENDING';

  /** Delivery tries so far (email, SMS). */
  @Property({ type: 'integer', default: 0 })
  attempts: number = 0;

  /** Why the last try failed, in words safe to show staff (never the contact itself). */
  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  /** Set when delivered; null until then. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deliveredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  deliveredHow: NoticeDelivery | null = null;

  /** Paper: the day it was handed over or posted, as the officer records it. */
  @Property({ type: 'date', nullable: true })
  deliveredOn: string | null = null;

  /** Paper: the officer who recorded the handover. */
  @Property({ type: 'uuid', nullable: true })
  deliveredById: string | null = null;
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
  | 'language'
  | 'easyRead'
  | 'status'
  | 'attempts'
  | 'lastError'
  | 'deliveredHow'
  | 'deliveredOn'
>;
