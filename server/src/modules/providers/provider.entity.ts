import { OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A service provider (көрсетілетін қызметті беруші): a state body or organization. */
@Entity({ tableName: 'provider' })
export class Provider {
  [OptionalProps]?: 'id' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 12, unique: true })
  bin!: string;

  @Property({ type: 'text' })
  nameKk!: string;

  @Property({ type: 'text' })
  nameRu!: string;

  @Property({ type: 'text', index: true })
  region!: string;

  @Property({ type: 'text' })
  postalAddress!: string;

  /** Prefix of the incoming numbers this provider's office allocates (C4). */
  @Property({ type: 'string', length: 32, unique: true })
  officeCode!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

/** What the API reads of a provider: the entity, or a plain object read with a complaint page. */
export type ProviderView = Pick<
  Provider,
  'id' | 'bin' | 'nameKk' | 'nameRu' | 'region' | 'postalAddress' | 'officeCode'
>;
