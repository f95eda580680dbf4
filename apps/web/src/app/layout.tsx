import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button, PageFooter, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useMatches, useNavigate } from 'react-router';
import type { Locale } from '@web/shared/i18n/define-messages';
import { sharedMessages } from '@web/shared/i18n/messages';
import { saveLocaleChoice } from '@web/shared/i18n/locale-saves';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { UpdateMyLocaleMutation } from '@web/shared/session/me';
import { useSession } from '@web/shared/session/session-context';
import { navFor } from './nav';
import type { RouteHandle } from './route-handle';
import { UnreadCountQuery } from './shell-operations';

/** How often the header asks for the unread count (the badge updates without a reload). */
export const UNREAD_POLL_MS = 15_000;

export function Layout() {
  const t = useT(sharedMessages);
  const { me, status, signOut } = useSession();
  const navigate = useNavigate();
  const online = useOnline();
  const items = navFor(me?.role);
  // While a signed-in page restores its session (and who is signed in), the menu's place is kept, so
  // nothing below it jumps when the menu appears.
  const matches = useMatches();
  const restoring =
    (status === 'unknown' || (status === 'signed-in' && !me)) && matches.some((m) => (m.handle as RouteHandle | undefined)?.needsSession);
  return (
    <div className="ov-app">
      <SkipLink href="#main">{t('app.skipLink')}</SkipLink>
      <header className="ov-header">
        <div className="ov-header__bar">
          <Link to="/" className="ov-header__name">
            <span className="ov-header__logo" aria-hidden="true">
              ◆
            </span>{' '}
            {t('app.name')}
            <span className="ov-header__tagline">{t('app.tagline')}</span>
          </Link>
          <div className="ov-header__tools">
            <LanguageSwitch />
            {status === 'signed-in' && me && (
              <>
                <UnreadBadge />
                <span className="ov-header__user">{t('app.signedInAs', { name: me.displayName })}</span>
                <Button
                  appearance="subtle-button"
                  onClick={async () => {
                    await signOut();
                    navigate('/sign-in', { replace: true });
                  }}
                >
                  {t('app.signOut')}
                </Button>
              </>
            )}
          </div>
        </div>
        {restoring && (
          <div className="ov-nav" aria-hidden="true">
            <div className="ov-nav__list">
              <span className="ov-nav__link">&nbsp;</span>
            </div>
          </div>
        )}
        {items.length > 0 && (
          <nav aria-label={t('app.nav.label')} className="ov-nav">
            <ul className="ov-nav__list">
              {items.map((item) => (
                <li key={item.to}>
                  {item.external ? (
                    <a href={item.to} className="ov-nav__link">
                      {t(item.label)}
                    </a>
                  ) : (
                    <NavLink to={item.to} end={item.end} className="ov-nav__link">
                      {t(item.label)}
                      {item.Badge && <item.Badge />}
                    </NavLink>
                  )}
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      {!online && (
        <div className="ov-banner" role="status">
          {t('app.offline')}
        </div>
      )}
      <main id="main" className="ov-main" tabIndex={-1}>
        <Outlet />
      </main>
      <PageFooter className="ov-footer">
        <Paragraph>{t('app.footer')}</Paragraph>
      </PageFooter>
    </div>
  );
}

function LanguageSwitch() {
  const t = useT(sharedMessages);
  const { locale, setLocale } = useLocale();
  const { status } = useSession();
  // Not written to the cache: a late answer to an earlier switch would otherwise set the page back to that language.
  const [save] = useMutation(UpdateMyLocaleMutation, { fetchPolicy: 'no-cache' });
  const client = useApolloClient();
  const other: Locale = locale === 'nl' ? 'en' : 'nl';
  return (
    <Button
      appearance="subtle-button"
      lang={other}
      aria-label={t('app.language.switchTo')}
      onClick={() => {
        setLocale(other);
        // Signed in: the choice is the account's preference (mail and notifications follow it).
        if (status === 'signed-in') {
          void saveLocaleChoice(
            () => save({ variables: { input: { locale: other } } }),
            // Once the last choice is stored, the account (e.g. the preferences form) reads it back.
            () => client.refetchQueries({ include: ['Me'] }),
          );
        }
      }}
    >
      {other === 'en' ? t('app.language.en') : t('app.language.nl')}
    </Button>
  );
}

function UnreadBadge() {
  const t = useT(sharedMessages);
  const { data } = useQuery(UnreadCountQuery, { pollInterval: UNREAD_POLL_MS, fetchPolicy: 'cache-and-network' });
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Link to="/notifications" className="ov-badge-link">
      <span className="ov-badge" aria-hidden="true">
        {count}
      </span>
      <span className="ov-visually-hidden">{t('app.unreadBadge', { count })}</span>
    </Link>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    addEventListener('online', up);
    addEventListener('offline', down);
    return () => {
      removeEventListener('online', up);
      removeEventListener('offline', down);
    };
  }, []);
  return online;
}
