import { defineModule } from '../../app-module.js';
import { idLoader } from '../../graphql/batch-loaders.js';
import { Provider, type ProviderView } from './provider.entity.js';
import { ProviderResolver, resolveProviderReference } from './provider.resolver.js';
import { ProviderService } from './provider.service.js';

export const providersModule = defineModule({
  name: 'providers',
  entities: [Provider],
  services: () => ({ providers: new ProviderService() }),
  resolvers: ({ providers }) => [new ProviderResolver(providers)],
  referenceResolvers: { Provider: { __resolveReference: resolveProviderReference } },
  loaders: (ctx, { providers }) => ({
    provider: idLoader<ProviderView>((ids) => providers.findByIds(ctx.em, ids)),
  }),
});
