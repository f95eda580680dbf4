import { useMutation } from '@apollo/client/react';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { RequestPasswordResetMutation } from '../api/operations';
import { authMessages } from '../messages';

export function ForgotPasswordRoute() {
  const t = useT(authMessages);
  const ts = useT(sharedMessages);
  const [email, setEmail] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [request, { loading }] = useMutation(RequestPasswordResetMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!email.trim()) return setLocal({ email: ts('error.required', { field: t('auth.field.email') }) });
    setLocal({});
    try {
      await request({ variables: { input: { email: email.trim() } } });
      setSentTo(email.trim());
    } catch (e) {
      setError(toUiError(e));
    }
  }

  const fieldError = local.email ?? (error?.kind === 'input' ? error.fields[0]?.message : undefined);
  return (
    <Page title={t('auth.forgot.title')}>
      {sentTo ? (
        <>
          <Alert type="ok" role="status">
            <Paragraph>{t('auth.forgot.sent', { email: sentTo })}</Paragraph>
          </Alert>
          <Paragraph>
            <Link to="/sign-in" className="utrecht-link">
              {t('auth.toSignIn')}
            </Link>
          </Paragraph>
        </>
      ) : (
        <>
          <ErrorSummary items={summaryItems(local, error, () => 'email', 'email')} error={error} />
          <Paragraph>{t('auth.forgot.intro')}</Paragraph>
          <form className="ov-form" noValidate onSubmit={submit}>
            <TextField
              id="email"
              type="email"
              autoComplete="email"
              label={t('auth.email')}
              value={email}
              onChange={setEmail}
              error={fieldError}
              required
            />
            <div className="ov-actions">
              <Button type="submit" appearance="primary-action-button" busy={loading}>
                {t('auth.forgot.submit')}
              </Button>
            </div>
          </form>
          <Paragraph>
            <Link to="/sign-in" className="utrecht-link">
              {t('auth.toSignIn')}
            </Link>
          </Paragraph>
        </>
      )}
    </Page>
  );
}
