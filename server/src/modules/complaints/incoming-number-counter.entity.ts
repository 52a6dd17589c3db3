import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The last incoming number an office gave out in a year; rows are locked by the upsert. */
@Entity({ tableName: 'incoming_number_counter' })
export class IncomingNumberCounter {
  @PrimaryKey({ type: 'text' })
  officeCode!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @Property({ type: 'integer' })
  lastValue!: number;
}
