import { hash, verify } from '@node-rs/argon2';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@complaints/domain';
import { User } from './user.entity.js';
import { queryPrepared } from '../../db/prepared.js';
import { isUuid } from '../../validation.js';

export interface ActorRow {
  id: string;
  display_name: string;
  role: Role;
  provider_id: string | null;
  authority_id: string | null;
  active: boolean;
  /** Compared with the token's `ver`: raised by a password reset, role change or deactivation. */
  token_version: number;
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  password: string;
  providerId?: string | null;
  authorityId?: string | null;
}

export class UserService {
  /** argon2id with the library's defaults (memory-hard: 19 MiB, 2 passes). */
  hashPassword(password: string): Promise<string> {
    return hash(password);
  }

  verifyPassword(passwordHash: string, password: string): Promise<boolean> {
    return verify(passwordHash, password);
  }

  create(em: EntityManager, input: NewUser, passwordHash: string): User {
    const user = em.create(User, {
      email: input.email.trim().toLowerCase(),
      displayName: input.displayName.trim(),
      role: input.role,
      passwordHash,
      provider: input.providerId ?? null,
      authority: input.authorityId ?? null,
    });
    em.persist(user);
    return user;
  }

  findById(em: EntityManager, id: string): Promise<User | null> {
    return isUuid(id) ? em.findOne(User, { id }) : Promise.resolve(null);
  }

  /** The user, locked until the transaction of `em` ends: for changes that must not interleave. */
  findByIdForUpdate(em: EntityManager, id: string): Promise<User | null> {
    return isUuid(id)
      ? em.findOne(User, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
      : Promise.resolve(null);
  }

  /**
   * Who a token speaks for, read on every request: one plain row, no entity (the hot path).
   * Read each time, so that a deactivation takes effect at once.
   */
  async findActorRow(em: EntityManager, id: string): Promise<ActorRow | null> {
    if (!isUuid(id)) return null;
    // Every request with a token runs this: prepared once per connection.
    const [row] = await queryPrepared<ActorRow>(
      em,
      `select id, display_name, role, provider_id, authority_id, active, token_version
       from app_user where id = $1::uuid`,
      [id],
    );
    return row ?? null;
  }

  findByIds(em: EntityManager, ids: readonly string[]): Promise<User[]> {
    return em.find(User, { id: { $in: ids.filter(isUuid) } });
  }

  findByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em.findOne(User, { email: email.trim().toLowerCase() });
  }
}
