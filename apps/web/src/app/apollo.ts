import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client';
import { createAuthFetch } from '@web/shared/session/auth-fetch';
import type { SessionManager } from '@web/shared/session/session-manager';

export function createApolloClient(session: SessionManager): ApolloClient {
  return new ApolloClient({
    link: new HttpLink({ uri: '/graphql', fetch: createAuthFetch(session) }),
    cache: new InMemoryCache({
      // Connections are read whole per page; no merging of pages in the cache.
      // Objects without an id that two queries read in part (the overview and its change count) are merged, not replaced.
      typePolicies: { Query: { fields: {} }, MunicipalityOverview: { merge: true }, ChangesSince: { merge: true } },
    }),
    defaultOptions: {
      watchQuery: { fetchPolicy: 'cache-and-network' },
    },
  });
}
