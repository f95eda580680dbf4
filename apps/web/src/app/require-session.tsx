import { Paragraph } from '@utrecht/component-library-react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';

/** Routes below need a session; without one, go to sign-in and come back to the intended URL after. */
export function RequireSession() {
  const t = useT(sharedMessages);
  const { status, me } = useSession();
  const location = useLocation();
  if (status === 'signed-out' || status === 'expired') {
    const next = location.pathname + location.search + location.hash;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}${status === 'expired' ? '&expired=1' : ''}`} replace />;
  }
  if (status === 'unknown' || !me)
    return (
      <Paragraph role="status" aria-live="polite">
        {t('app.loading')}
      </Paragraph>
    );
  return <Outlet />;
}
