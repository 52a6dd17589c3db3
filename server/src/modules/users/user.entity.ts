import { OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { ROLE_VALUES, type Role } from '@complaints/domain';
import { Authority } from '../authorities/index.js';
import { Provider } from '../providers/index.js';

@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'id' | 'provider' | 'authority' | 'active' | 'tokenVersion' | 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased so that logins are case-insensitive. */
  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Enum({ items: () => [...ROLE_VALUES] })
  role!: Role;

  /** Set for PROVIDER_OFFICER. */
  @ManyToOne(() => Provider, { nullable: true })
  provider: Provider | null = null;

  /** Set for SUPERVISOR and INSPECTOR. */
  @ManyToOne(() => Authority, { nullable: true })
  authority: Authority | null = null;

  /** argon2id. */
  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Property({ type: 'boolean' })
  active: boolean = true;

  /**
   * Carried in every token; raised by a password reset, a role change or a deactivation, so that
   * every token issued before them stops working.
   */
  @Property({ type: 'integer', default: 0 })
  tokenVersion: number = 0;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

/** What the API reads of a user: the entity, or a plain object read with a complaint page. */
export interface UserView extends Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'active'> {
  provider: { id: string } | null;
  authority: { id: string } | null;
}
