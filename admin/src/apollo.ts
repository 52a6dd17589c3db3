import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { session } from './composables/useSession';
import { i18n } from './i18n';

/** The one Apollo client: the session's token and the chosen language go with every request. */
export const apolloClient = new ApolloClient({
  link: new ErrorLink(({ error }) => {
    // A refused token (expired, deactivated) ends the session; the router sends the user to login.
    if (
      CombinedGraphQLErrors.is(error) &&
      error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')
    ) {
      session.expire();
    }
  })
    .concat(
      new SetContextLink((prevContext) => ({
        headers: {
          ...(prevContext.headers as Record<string, string> | undefined),
          'accept-language': i18n.global.locale.value,
          ...(session.token.value ? { authorization: `Bearer ${session.token.value}` } : {}),
        },
      })),
    )
    .concat(new HttpLink({ uri: '/graphql' })),
  cache: new InMemoryCache({
    typePolicies: {
      PublicService: { keyFields: ['code'] },
      // Embedded values without ids: stored inside their complaint.
      Registration: { keyFields: false },
      Recipient: { keyFields: false },
      Decision: { keyFields: false },
    },
  }),
  defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
});
