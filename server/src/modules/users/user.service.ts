import { hash, verify } from '@node-rs/argon2';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@complaints/domain';
import { isUuid } from '../providers/provider.service.js';
import { User } from './user.entity.js';

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

  findByIds(em: EntityManager, ids: readonly string[]): Promise<User[]> {
    return em.find(User, { id: { $in: ids.filter(isUuid) } });
  }

  findByEmail(em: EntityManager, email: string): Promise<User | null> {
    return em.findOne(User, { email: email.trim().toLowerCase() });
  }
}
