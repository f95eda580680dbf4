import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { toUiError } from '../api/errors';
import { sharedMessages } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { ErrorPage } from './error-page';
import { generalMessage } from './error-summary';

/**
 * What a page shows while its query runs or after it failed: a loading line, a page for
 * FORBIDDEN/NOT_FOUND, a retry banner for network loss, a plain sentence otherwise.
 */
export function QueryState({
  loading,
  error,
  retry,
  children,
}: {
  loading: boolean;
  error?: unknown;
  retry?: () => void;
  children: () => ReactNode;
}) {
  const t = useT(sharedMessages);
  if (error) {
    const ui = toUiError(error);
    if (ui.kind === 'forbidden' || ui.kind === 'not-found') return <ErrorPage kind={ui.kind} />;
    return (
      <Alert type={ui.kind === 'network' ? 'warning' : 'error'} role="alert">
        <Paragraph>{generalMessage(ui, t)}</Paragraph>
        {retry && (
          <Button appearance="secondary-action-button" onClick={retry}>
            {t('app.retry')}
          </Button>
        )}
      </Alert>
    );
  }
  if (loading)
    return (
      <Paragraph role="status" aria-live="polite">
        {t('app.loading')}
      </Paragraph>
    );
  return <>{children()}</>;
}
