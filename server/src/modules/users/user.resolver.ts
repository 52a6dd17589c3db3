import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '@complaints/domain';
import type { ApiContext } from '../../graphql/request-context.js';
import { type AuthorityView, AuthorityType } from '../authorities/index.js';
import { type ProviderView, ProviderType } from '../providers/index.js';
import type { AuthPayload, AuthService } from './auth.service.js';
import type { UserAdminService } from './user-admin.service.js';
import type { User, UserView } from './user.entity.js';
import type { UserService } from './user.service.js';
import { AuthPayloadType, NewUserInputType, UserType } from './user.types.js';

@Resolver(() => UserType)
export class UserResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly userService: UserService,
    private readonly userAdmin: UserAdminService,
  ) {}

  @Query(() => UserType, {
    nullable: true,
    description: 'The logged-in user; null without a valid token.',
  })
  me(@Ctx() ctx: ApiContext): Promise<User | null> {
    return ctx.actor?.kind === 'user'
      ? this.userService.findById(ctx.em, ctx.actor.userId)
      : Promise.resolve(null);
  }

  @Query(() => [UserType], { description: 'SUPERVISOR: every user.' })
  users(@Ctx() ctx: ApiContext): Promise<User[]> {
    return this.userAdmin.list(ctx);
  }

  @Mutation(() => AuthPayloadType, {
    description:
      'Logs in: a wrong password and an unknown email get the same answer; repeated failures wait longer.',
  })
  login(
    @Arg('email', { description: 'The login email.' }) email: string,
    @Arg('password', { description: 'The password.' }) password: string,
    @Ctx() ctx: ApiContext,
  ): Promise<AuthPayload> {
    return this.auth.login(ctx, email, password);
  }

  @Mutation(() => UserType, { description: 'SUPERVISOR: creates a user. Audited.' })
  createUser(
    @Arg('input', () => NewUserInputType, { description: 'The user.' }) input: NewUserInputType,
    @Ctx() ctx: ApiContext,
  ): Promise<User> {
    return this.userAdmin.create(ctx, input);
  }

  @Mutation(() => UserType, {
    description: 'SUPERVISOR: changes a user’s role (and provider or department). Audited.',
  })
  changeUserRole(
    @Arg('id', () => ID, { description: 'The user.' }) id: string,
    @Arg('role', () => Role, { description: 'The new role.' }) role: Role,
    @Ctx() ctx: ApiContext,
    @Arg('providerId', () => ID, { nullable: true, description: 'PROVIDER_OFFICER: the provider.' })
    providerId?: string | null,
    @Arg('authorityId', () => ID, {
      nullable: true,
      description: 'SUPERVISOR, INSPECTOR: the department.',
    })
    authorityId?: string | null,
  ): Promise<User> {
    return this.userAdmin.changeRole(ctx, id, role, { providerId, authorityId });
  }

  @Mutation(() => UserType, {
    description: 'SUPERVISOR: deactivates a user; their tokens stop working. Audited.',
  })
  deactivateUser(
    @Arg('id', () => ID, { description: 'The user.' }) id: string,
    @Ctx() ctx: ApiContext,
  ): Promise<User> {
    return this.userAdmin.deactivate(ctx, id);
  }

  @Mutation(() => UserType, { description: 'SUPERVISOR: sets a new password for a user. Audited.' })
  resetUserPassword(
    @Arg('id', () => ID, { description: 'The user.' }) id: string,
    @Arg('password', { description: 'The new password (at least 8 characters).' }) password: string,
    @Ctx() ctx: ApiContext,
  ): Promise<User> {
    return this.userAdmin.resetPassword(ctx, id, password);
  }

  @FieldResolver(() => ProviderType, {
    nullable: true,
    description: 'Set for PROVIDER_OFFICER: the provider they work for.',
  })
  provider(@Root() user: UserView, @Ctx() ctx: ApiContext): Promise<ProviderView | null> | null {
    return user.provider ? ctx.loaders.provider.load(user.provider.id) : null;
  }

  @FieldResolver(() => AuthorityType, {
    nullable: true,
    description: 'Set for SUPERVISOR and INSPECTOR: their authority (territorial department).',
  })
  authority(@Root() user: UserView, @Ctx() ctx: ApiContext): Promise<AuthorityView | null> | null {
    return user.authority ? ctx.loaders.authority.load(user.authority.id) : null;
  }
}
