import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/request-context.js';
import type { PublicService } from './public-service.entity.js';
import type { PublicServiceService } from './public-service.service.js';
import { PublicServiceType } from './public-service.types.js';

@Resolver(() => PublicServiceType)
export class PublicServiceResolver {
  constructor(private readonly register: PublicServiceService) {}

  @Query(() => [PublicServiceType], {
    description:
      'R1: the register of public services (public), optionally searched by code or name.',
  })
  publicServices(
    @Ctx() ctx: ApiContext,
    @Arg('search', () => String, { nullable: true, description: 'Part of the code or the name.' })
    search?: string | null,
  ): Promise<PublicService[]> {
    return this.register.list(ctx.em, search);
  }
}

export function resolvePublicServiceReference(
  reference: { code: string },
  ctx: ApiContext,
): Promise<PublicService | null> {
  return ctx.loaders.publicService.load(reference.code);
}
