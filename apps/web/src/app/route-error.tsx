import { Alert, Paragraph } from '@utrecht/component-library-react';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorPage } from '@web/shared/components/error-page';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';

/** A page that failed to load or render: a sentence, never a stack. */
export function RouteError() {
  const t = useT(sharedMessages);
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <ErrorPage kind="not-found" />;
  console.error(error);
  return (
    <main id="main" className="ov-main">
      <Alert type="error" role="alert">
        <Paragraph>{t('error.unexpected')}</Paragraph>
      </Alert>
    </main>
  );
}
