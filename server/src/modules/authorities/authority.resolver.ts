import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/request-context.js';
import type { Authority, AuthorityView } from './authority.entity.js';
import type { AuthorityService } from './authority.service.js';
import { AuthorityType } from './authority.types.js';

@Resolver(() => AuthorityType)
export class AuthorityResolver {
  constructor(private readonly authorityService: AuthorityService) {}

  @Query(() => [AuthorityType], {
    description: 'O3: the authority’s departments (public reference data).',
  })
  authorities(@Ctx() ctx: ApiContext): Promise<Authority[]> {
    return this.authorityService.list(ctx.em);
  }
}

export function resolveAuthorityReference(
  reference: { id: string },
  ctx: ApiContext,
): Promise<AuthorityView | null> {
  return ctx.loaders.authority.load(reference.id);
}
