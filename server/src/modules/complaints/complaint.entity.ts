import { OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import {
  Embeddable,
  Embedded,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToOne,
  PrimaryKey,
  Property,
} from '@mikro-orm/decorators/legacy';
import {
  CHANNEL_VALUES,
  COMPLAINT_STATUS_VALUES,
  COMPLAINT_SUBJECT_VALUES,
  OUTCOME_VALUES,
  RECIPIENT_KIND_VALUES,
  REVIEW_LEVEL_VALUES,
  SIGNATURE_METHOD_VALUES,
  type AccessibilityNeed,
  type Channel,
  type NoticeChannel,
  type NoticeLanguage,
  type ComplaintStatus,
  type ComplaintSubject,
  type Outcome,
  type RecipientKind,
  type ReviewLevel,
  type SignatureMethod,
  type Recipient as RecipientShape,
} from '@complaints/domain';
import type { LocalDate } from '@complaints/calendar';
import { Authority } from '../authorities/index.js';
import { Provider } from '../providers/index.js';
import { User } from '../users/index.js';

/** C1/C2: who complains. Stored inline: the queue shows it without a join. */
@Embeddable()
export class Recipient implements RecipientShape {
  @Enum({ items: () => [...RECIPIENT_KIND_VALUES] })
  kind!: RecipientKind;

  @Property({ type: 'text', nullable: true })
  surname: string | null = null;

  @Property({ type: 'text', nullable: true })
  givenName: string | null = null;

  @Property({ type: 'text', nullable: true })
  patronymic: string | null = null;

  /** O8: protected data, read only under an active consent. */
  @Property({ type: 'string', length: 12, nullable: true })
  iin: string | null = null;

  @Property({ type: 'text', nullable: true })
  organizationName: string | null = null;

  /** O8: protected data, read only under an active consent. */
  @Property({ type: 'string', length: 12, nullable: true })
  bin: string | null = null;

  @Property({ type: 'text', nullable: true })
  outgoingNumber: string | null = null;

  @Property({ type: 'date', nullable: true })
  outgoingDate: LocalDate | null = null;

  @Property({ type: 'text' })
  postalAddress!: string;

  /** O8: protected data, read only under an active consent. */
  @Property({ type: 'text', nullable: true })
  email: string | null = null;

  /** O8: protected data, read only under an active consent. */
  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  /** O2: carried into every notice. */
  @Property({ type: 'text[]' })
  accessibilityNeeds: AccessibilityNeed[] = [];

  /** O5: the language of the notices; null: both. */
  @Property({ type: 'text', nullable: true })
  language: NoticeLanguage | null = null;

  /** O5: the channels the recipient chose for notices; empty: by the filing channel. */
  @Property({ type: 'text[]', defaultRaw: `'{}'` })
  noticeChannels: NoticeChannel[] = [];

  /** O2: notices in short plain sentences. */
  @Property({ type: 'boolean', default: false })
  easyRead: boolean = false;
}

/** C4: the registration stamp, proof that the complaint was accepted. */
@Embeddable()
export class Registration {
  @Property({ type: 'text', unique: true })
  incomingNumber!: string;

  /** The instant of receipt (UTC). */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  registeredAt!: Date;

  /** The registration date (Asia/Almaty), art. 64 APC: the next working day after hours. */
  /** Metrics select by registration period. */
  @Property({ type: 'date', index: true })
  registeredOn!: LocalDate;

  @Property({ type: 'text' })
  acceptedBy!: string;

  /** C5/C7: the last working day on which the answer is due. */
  @Property({ type: 'date' })
  responseDeadline!: LocalDate;

  @Property({ type: 'text' })
  responsePlace!: string;

  /** The office that registered it: a provider's or an authority department's office code. */
  @Property({ type: 'text' })
  officeCode!: string;
}

/** O5/O7: the result of the review. */
@Embeddable()
export class Decision {
  @Enum({ items: () => [...OUTCOME_VALUES], nullable: true })
  outcome!: Outcome;

  @Property({ type: 'text', nullable: true })
  reasoning!: string;

  @Property({ type: 'text', nullable: true })
  remedialMeasures: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt!: Date;

  @Property({ type: 'date', nullable: true })
  decidedOn!: LocalDate;

  @Property({ type: 'text', nullable: true })
  decidedBy!: string;
}

/** C8 / R5: the recipient went to court. */
@Embeddable()
export class CourtReferral {
  @Property({ type: 'text', nullable: true })
  court!: string;

  @Property({ type: 'date', nullable: true })
  filedOn!: LocalDate;

  @Property({ type: 'text', nullable: true })
  caseNumber: string | null = null;
}

@Entity({ tableName: 'complaint' })
@Index({ properties: ['status'] })
@Index({
  name: 'complaint_search_idx',
  expression: `create index "complaint_search_idx" on "complaint" using gin (to_tsvector('simple', "search_text"))`,
})
@Index({
  name: 'complaint_queue_idx',
  expression: 'create index "complaint_queue_idx" on "complaint" ("response_deadline", "id")',
})
// The queue's default view (open cases, soonest deadline first), and an officer's: a page reads
// only open rows in order instead of walking past the closed ones.
@Index({
  name: 'complaint_open_queue_idx',
  expression: `create index "complaint_open_queue_idx" on "complaint" ("response_deadline", "id") where "status" in ('REGISTERED', 'IN_REVIEW')`,
})
@Index({
  name: 'complaint_provider_open_queue_idx',
  expression: `create index "complaint_provider_open_queue_idx" on "complaint" ("provider_id", "response_deadline", "id") where "status" in ('REGISTERED', 'IN_REVIEW')`,
})
export class Complaint {
  [OptionalProps]?:
    | 'id'
    | 'version'
    | 'authority'
    | 'publicServiceCode'
    | 'official'
    | 'decision'
    | 'courtReferral'
    | 'parent'
    | 'filedBy'
    | 'assignee'
    | 'withdrawalReason'
    | 'searchText'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => [...REVIEW_LEVEL_VALUES] })
  level!: ReviewLevel;

  @Enum({ items: () => [...COMPLAINT_STATUS_VALUES] })
  status!: ComplaintStatus;

  /** Optimistic lock: the client sends it back as `expectedVersion`. */
  @Property({ type: 'integer' })
  version: number = 1;

  @Enum({ items: () => [...CHANNEL_VALUES] })
  channel!: Channel;

  @Enum({ items: () => [...COMPLAINT_SUBJECT_VALUES] })
  subject!: ComplaintSubject;

  @Property({ type: 'text' })
  description!: string;

  /** C3: an unsigned complaint is never stored. */
  @Enum({ items: () => [...SIGNATURE_METHOD_VALUES] })
  signature!: SignatureMethod;

  @Embedded(() => Recipient, { prefix: 'recipient_' })
  recipient!: Recipient;

  @ManyToOne(() => Provider, { index: true })
  provider!: Provider;

  /** The reviewing authority department: set on AUTHORITY level. */
  @ManyToOne(() => Authority, { nullable: true, index: true })
  authority: Authority | null = null;

  @Property({ type: 'string', length: 50, nullable: true })
  publicServiceCode: string | null = null;

  @Property({ type: 'text', nullable: true })
  official: string | null = null;

  @Embedded(() => Registration, { prefix: false })
  registration!: Registration;

  @Embedded(() => Decision, { prefix: false, nullable: true })
  decision: Decision | null = null;

  @Embedded(() => CourtReferral, { prefix: 'court_referral_', nullable: true })
  courtReferral: CourtReferral | null = null;

  /** C6: the PROVIDER-level complaint this AUTHORITY-level one escalates; unique: never twice. */
  @OneToOne(() => Complaint, { nullable: true, unique: true, owner: true })
  parent: Complaint | null = null;

  /** O6: SHA-256 of the tracking code handed to the recipient; the code itself is never stored. */
  @Property({ type: 'text', hidden: true })
  trackingCodeHash!: string;

  /** A partner reads what it filed: indexed for its queue. */
  @ManyToOne(() => User, { nullable: true, index: true })
  filedBy: User | null = null;

  @ManyToOne(() => User, { nullable: true, index: true })
  assignee: User | null = null;

  @Property({ type: 'text', nullable: true })
  withdrawalReason: string | null = null;

  /**
   * The words the queue's search finds (number, names, description), lower-cased by the server so
   * that Kazakh and Russian letters match whatever the database's locale; served by a GIN index.
   */
  @Property({ type: 'text', hidden: true, default: '' })
  searchText: string = '';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
