import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Failed logins per email, kept in the database so every replica slows the same guesser down. */
@Entity({ tableName: 'login_throttle' })
export class LoginThrottle {
  @PrimaryKey({ type: 'text' })
  email!: string;

  @Property({ type: 'integer' })
  failures!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastFailureAt!: Date;
}
