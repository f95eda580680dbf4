import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { toLocale } from '@web/shared/i18n/define-messages';
import { localeSavePending } from '@web/shared/i18n/locale-saves';
import { useLocale } from '@web/shared/i18n/use-t';
import { MeQuery } from '@web/shared/session/me';
import { SessionContext, type SessionState } from '@web/shared/session/session-context';
import type { SessionManager, SessionStatus } from '@web/shared/session/session-manager';

export function SessionProvider({ manager, children }: { manager: SessionManager; children: ReactNode }) {
  const client = useApolloClient();
  const { setLocale } = useLocale();
  const [status, setStatus] = useState<SessionStatus>(manager.status);
  useEffect(() => manager.subscribe(setStatus), [manager]);

  useEffect(() => {
    // The OIDC callback lands on /#access_token=…: take it over, then clear it from the address bar.
    if (location.hash.includes('access_token=') || location.hash.includes('error=')) {
      manager.adoptFragment(location.hash);
      history.replaceState(null, '', location.pathname + location.search);
    }
    if (manager.status === 'unknown') manager.restore().catch(() => setStatus('signed-out'));
  }, [manager]);

  const me = useQuery(MeQuery, { skip: status !== 'signed-in', fetchPolicy: 'network-only' });
  const account = status === 'signed-in' ? (me.data?.me ?? null) : null;
  useEffect(() => {
    // Not while the language switch is still storing a choice: this answer may predate it.
    if (account && !localeSavePending()) setLocale(toLocale(account.locale));
  }, [account?.locale]); // only when the account's language changes

  const value = useMemo<SessionState>(
    () => ({
      manager,
      status,
      me: account,
      signIn: (email, password) => manager.signIn(email, password),
      signOut: async () => {
        await manager.signOut().catch(() => undefined);
        await client.clearStore();
      },
      forget: () => {
        manager.forget();
        void client.clearStore();
      },
    }),
    [manager, status, account, client],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
