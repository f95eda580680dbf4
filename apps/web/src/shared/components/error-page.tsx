import { Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { sharedMessages } from '../i18n/messages';
import { useT } from '../i18n/use-t';
import { Page } from './page';

/** FORBIDDEN and NOT_FOUND are pages of their own, never a raw message. */
export function ErrorPage({ kind }: { kind: 'forbidden' | 'not-found' }) {
  const t = useT(sharedMessages);
  const base = kind === 'forbidden' ? 'error.forbidden' : 'error.notFound';
  return (
    <Page title={t(`${base}.title`)}>
      <Paragraph>{t(`${base}.body`)}</Paragraph>
      <Paragraph>
        <Link to="/" className="utrecht-link">
          {t('error.toStart')}
        </Link>
      </Paragraph>
    </Page>
  );
}
