import { defineModule } from '../../app-module.js';
import { idLoader } from '../../graphql/batch-loaders.js';
import { auditModule } from '../audit/index.js';
import { authoritiesModule } from '../authorities/index.js';
import { providersModule } from '../providers/index.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.entity.js';
import { resolveSigningKey, type SigningKeyConfig } from './signing-key.js';
import { UserAdminService } from './user-admin.service.js';
import { User, type UserView } from './user.entity.js';
import { UserResolver } from './user.resolver.js';
import { UserService } from './user.service.js';

export const usersModule = defineModule({
  name: 'users',
  needs: () => [providersModule, authoritiesModule, auditModule],
  entities: [User, LoginThrottle],
  services: ({ providers, authorities, audit }, config: SigningKeyConfig) => {
    const users = new UserService();
    return {
      users,
      auth: new AuthService(users, resolveSigningKey(config)),
      userAdmin: new UserAdminService(users, providers, authorities, audit),
    };
  },
  resolvers: ({ auth, users, userAdmin }) => [new UserResolver(auth, users, userAdmin)],
  loaders: (ctx, { users }) => ({
    user: idLoader<UserView>((ids) => users.findByIds(ctx.em, ids)),
  }),
});
