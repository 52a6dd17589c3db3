import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ADMINISTRATOR_ROLES,
  ROLE_VALUES,
  isAuthorityStaff,
  isValidEmail,
  type Role,
} from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { badInput } from '../../validation.js';
import { requireRole } from '../access/index.js';
import type { AuditAction, AuditService } from '../audit/index.js';
import type { AuthorityService } from '../authorities/index.js';
import type { ProviderService } from '../providers/index.js';
import { User } from './user.entity.js';
import type { UserService } from './user.service.js';

export interface UserScope {
  providerId?: string | null;
  authorityId?: string | null;
}

export interface NewUserData extends UserScope {
  email: string;
  displayName: string;
  role: Role;
  password: string;
}

export const MIN_PASSWORD_LENGTH = 8;

/** SUPERVISOR: the users of the system. Every change is audited. */
export class UserAdminService {
  constructor(
    private readonly users: UserService,
    private readonly providers: ProviderService,
    private readonly authorities: AuthorityService,
    private readonly audit: AuditService,
  ) {}

  async list(ctx: RequestCtx): Promise<User[]> {
    requireRole(ctx, ...ADMINISTRATOR_ROLES);
    return ctx.em.find(User, {}, { orderBy: { displayName: 'asc', email: 'asc' } });
  }

  async create(ctx: RequestCtx, input: NewUserData): Promise<User> {
    requireRole(ctx, ...ADMINISTRATOR_ROLES);
    const email = input.email.trim().toLowerCase();
    if (!isValidEmail(email)) throw badInput(ctx.language, 'email', 'invalidEmail');
    if (!input.displayName.trim()) throw badInput(ctx.language, 'displayName', 'required');
    this.assertPassword(ctx, input.password);
    await this.assertScope(ctx, input.role, input);
    if (await this.users.findByEmail(ctx.em, email))
      throw badInput(ctx.language, 'email', 'duplicateValue');
    const passwordHash = await this.users.hashPassword(input.password);
    return ctx.em.transactional(async (em) => {
      const user = this.users.create(em, { ...input, email }, passwordHash);
      await em.flush().catch((error: unknown) => {
        // The check above cannot see a parallel request's user yet; the unique index can.
        if (error instanceof UniqueConstraintViolationException) {
          throw badInput(ctx.language, 'email', 'duplicateValue');
        }
        throw error;
      });
      await this.audit.record(em, ctx, {
        action: 'user.create',
        entityType: 'User',
        entityId: user.id,
        change: {
          email,
          role: input.role,
          providerId: input.providerId ?? null,
          authorityId: input.authorityId ?? null,
        },
      });
      return user;
    });
  }

  async changeRole(ctx: RequestCtx, id: string, role: Role, scope: UserScope): Promise<User> {
    requireRole(ctx, ...ADMINISTRATOR_ROLES);
    await this.assertScope(ctx, role, scope);
    const providerId = role === 'PROVIDER_OFFICER' ? (scope.providerId ?? null) : null;
    const authorityId = isAuthorityStaff(role) ? (scope.authorityId ?? null) : null;
    return this.change(ctx, id, 'user.changeRole', (user, em) => {
      const from = user.role;
      em.assign(user, { role, provider: providerId, authority: authorityId });
      return { from, to: role, providerId, authorityId };
    });
  }

  async deactivate(ctx: RequestCtx, id: string): Promise<User> {
    const actor = requireRole(ctx, ...ADMINISTRATOR_ROLES);
    if (actor.userId === id) throw badInput(ctx.language, 'id', 'unknownValue');
    return this.change(ctx, id, 'user.deactivate', (user) => {
      user.active = false;
      return {};
    });
  }

  async resetPassword(ctx: RequestCtx, id: string, password: string): Promise<User> {
    requireRole(ctx, ...ADMINISTRATOR_ROLES);
    this.assertPassword(ctx, password);
    const passwordHash = await this.users.hashPassword(password);
    return this.change(ctx, id, 'user.resetPassword', (user) => {
      user.passwordHash = passwordHash;
      return {};
    });
  }

  /**
   * Each change here ends the user's sessions: the token version rises in the same transaction,
   * on the locked row, so that two changes at once both count.
   */
  private async change(
    ctx: RequestCtx,
    id: string,
    action: Extract<AuditAction, `user.${string}`>,
    apply: (user: User, em: EntityManager) => Record<string, unknown>,
  ): Promise<User> {
    return ctx.em.transactional(async (em) => {
      const user = await this.users.findByIdForUpdate(em, id);
      if (!user) throw new NotFoundError('User', id);
      const change = apply(user, em);
      user.tokenVersion += 1;
      await em.flush();
      await this.audit.record(em, ctx, { action, entityType: 'User', entityId: user.id, change });
      return user;
    });
  }

  private assertPassword(ctx: RequestCtx, password: string): void {
    if (password.length < MIN_PASSWORD_LENGTH) {
      throw badInput(ctx.language, 'password', 'outOfRange', {
        min: MIN_PASSWORD_LENGTH,
        max: 200,
      });
    }
  }

  /** An officer belongs to a provider; inspectors and supervisors to a department. */
  private async assertScope(ctx: RequestCtx, role: Role, scope: UserScope): Promise<void> {
    if (!ROLE_VALUES.includes(role)) throw badInput(ctx.language, 'role', 'unknownValue');
    if (role === 'PROVIDER_OFFICER') {
      if (!scope.providerId) throw badInput(ctx.language, 'providerId', 'required');
      if (!(await this.providers.findById(ctx.em, scope.providerId))) {
        throw badInput(ctx.language, 'providerId', 'unknownValue');
      }
    }
    if (
      isAuthorityStaff(role) &&
      scope.authorityId &&
      !(await this.authorities.findById(ctx.em, scope.authorityId))
    ) {
      throw badInput(ctx.language, 'authorityId', 'unknownValue');
    }
  }
}
