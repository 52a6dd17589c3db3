import { OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import {
  SIGNATURE_METHOD_VALUES,
  type ConsentScope,
  type SignatureMethod,
} from '@complaints/domain';
import type { LocalDate } from '@complaints/calendar';
import { Complaint } from '../complaints/index.js';

/** O8: the recipient's written consent to use data protected by law. */
@Entity({ tableName: 'consent' })
export class Consent {
  [OptionalProps]?: 'id' | 'evidence' | 'recordedById' | 'revokedAt' | 'revokedById' | 'active';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Complaint, { index: true })
  complaint!: Complaint;

  @Property({ type: 'text[]' })
  scope!: ConsentScope[];

  /** Who signed it: the recipient or their representative. */
  @Property({ type: 'text' })
  signedBy!: string;

  @Enum({ items: () => [...SIGNATURE_METHOD_VALUES] })
  method!: SignatureMethod;

  @Property({ type: 'date' })
  signedOn!: LocalDate;

  /**
   * The proof of the signature: the registration number of the signed paper form, or the
   * reference of the recipient's digital signature. Null only on consents recorded before it was
   * required.
   */
  @Property({ type: 'text', nullable: true })
  evidence: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  recordedAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  recordedById: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  revokedById: string | null = null;

  /** Not revoked: the only state in which it opens protected data. */
  get active(): boolean {
    return this.revokedAt === null;
  }
}

/** What the API reads of a consent: the entity, or a plain object read with its case. */
export type ConsentView = Pick<
  Consent,
  | 'id'
  | 'scope'
  | 'signedBy'
  | 'method'
  | 'signedOn'
  | 'evidence'
  | 'recordedAt'
  | 'recordedById'
  | 'revokedAt'
  | 'revokedById'
  | 'active'
>;
