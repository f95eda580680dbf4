import { ApolloProvider } from '@apollo/client/react';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { SessionManager } from '@web/shared/session/session-manager';
import { createApolloClient } from './apollo';
import { I18nProvider } from './i18n-provider';
import { createRouter } from './router';
import { SessionProvider } from './session-provider';

export function App() {
  const manager = useMemo(() => new SessionManager(), []);
  const client = useMemo(() => createApolloClient(manager), [manager]);
  const router = useMemo(() => createRouter(), []);
  return (
    <I18nProvider>
      <ApolloProvider client={client}>
        <SessionProvider manager={manager}>
          <RouterProvider router={router} />
        </SessionProvider>
      </ApolloProvider>
    </I18nProvider>
  );
}
