import { OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A territorial department of the quality-control authority: one per region (C6). */
@Entity({ tableName: 'authority' })
export class Authority {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  nameKk!: string;

  @Property({ type: 'text' })
  nameRu!: string;

  @Property({ type: 'text', unique: true })
  region!: string;

  @Property({ type: 'text' })
  postalAddress!: string;

  /** Prefix of the incoming numbers this department's office allocates (C6). */
  @Property({ type: 'string', length: 32, unique: true })
  officeCode!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

/** What the API reads of a department: the entity, or a plain object read with a case. */
export type AuthorityView = Pick<
  Authority,
  'id' | 'nameKk' | 'nameRu' | 'region' | 'postalAddress' | 'officeCode'
>;
