import { defineModule } from '../../app-module.js';
import { rowLoader } from '../../graphql/batch-loaders.js';
import { PublicService } from './public-service.entity.js';
import { PublicServiceResolver, resolvePublicServiceReference } from './public-service.resolver.js';
import { PublicServiceService } from './public-service.service.js';

export const publicServicesModule = defineModule({
  name: 'services',
  entities: [PublicService],
  services: () => ({ publicServices: new PublicServiceService() }),
  resolvers: ({ publicServices }) => [new PublicServiceResolver(publicServices)],
  referenceResolvers: { PublicService: { __resolveReference: resolvePublicServiceReference } },
  loaders: (ctx, { publicServices }) => ({
    publicService: rowLoader(
      (codes: readonly string[]) => publicServices.findByCodes(ctx.em, codes),
      (row) => row.code,
    ),
  }),
});
