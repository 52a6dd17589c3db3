import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A fixed-window counter of hits per (bucket, key), e.g. ('stage', client address): kept in the
 * database so that every replica counts the same hits.
 */
@Entity({ tableName: 'rate_limit' })
export class RateLimitCounter {
  @PrimaryKey({ type: 'text' })
  bucket!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  windowStartedAt!: Date;

  @Property({ type: 'integer' })
  hits!: number;
}
