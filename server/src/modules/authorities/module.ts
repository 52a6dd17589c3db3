import { defineModule } from '../../app-module.js';
import { idLoader } from '../../graphql/batch-loaders.js';
import { Authority, type AuthorityView } from './authority.entity.js';
import { AuthorityResolver, resolveAuthorityReference } from './authority.resolver.js';
import { AuthorityService } from './authority.service.js';

export const authoritiesModule = defineModule({
  name: 'authorities',
  entities: [Authority],
  services: () => ({ authorities: new AuthorityService() }),
  resolvers: ({ authorities }) => [new AuthorityResolver(authorities)],
  referenceResolvers: { Authority: { __resolveReference: resolveAuthorityReference } },
  loaders: (ctx, { authorities }) => ({
    authority: idLoader<AuthorityView>((ids) => authorities.findByIds(ctx.em, ids)),
  }),
});
