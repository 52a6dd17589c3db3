import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { Channel } from '@complaints/domain';

export interface LocalizedText {
  kk: string;
  ru: string;
}

/** R1: an entry of the register of public services with its standard. */
@Entity({ tableName: 'public_service' })
export class PublicService {
  @PrimaryKey({ type: 'string', length: 50 })
  code!: string;

  @Property({ type: 'text' })
  nameKk!: string;

  @Property({ type: 'text' })
  nameRu!: string;

  /** Who renders it under the standard, e.g. "local executive body", "state corporation". */
  @Property({ type: 'text' })
  providerKind!: string;

  /** The standard term of the service itself, in working days. */
  @Property({ type: 'integer' })
  standardTermWorkingDays!: number;

  @Property({ type: 'text[]' })
  forms!: Channel[];

  @Property({ type: 'json' })
  documentsRequired!: LocalizedText[];
}
