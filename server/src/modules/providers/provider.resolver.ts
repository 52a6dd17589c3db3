import { Ctx, Query, Resolver } from 'type-graphql';
import type { ApiContext } from '../../graphql/request-context.js';
import type { Provider, ProviderView } from './provider.entity.js';
import type { ProviderService } from './provider.service.js';
import { ProviderType } from './provider.types.js';

@Resolver(() => ProviderType)
export class ProviderResolver {
  constructor(private readonly providerService: ProviderService) {}

  @Query(() => [ProviderType], {
    description: 'R1, O3: every service provider (public reference data).',
  })
  providers(@Ctx() ctx: ApiContext): Promise<Provider[]> {
    return this.providerService.list(ctx.em);
  }
}

/** Federation: another subgraph holding a Provider key gets the public reference data. */
export function resolveProviderReference(
  reference: { id: string },
  ctx: ApiContext,
): Promise<ProviderView | null> {
  return ctx.loaders.provider.load(reference.id);
}
