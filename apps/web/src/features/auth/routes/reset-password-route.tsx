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
import { ResetPasswordMutation } from '../api/operations';
import { authMessages } from '../messages';

/** The page behind the mailed link PUBLIC_URL/reset-password#token=… (the secret stays out of server logs). */
export function ResetPasswordRoute() {
  const t = useT(authMessages);
  const ts = useT(sharedMessages);
  // Read once, then take the secret out of the address bar and the history.
  const [token] = useState(() => {
    const value = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
    if (value) history.replaceState(null, '', location.pathname);
    return value;
  });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState(false);
  const [reset, { loading }] = useMutation(ResetPasswordMutation);

  const badToken = error?.kind === 'input' && error.fields.some((f) => f.path === 'input.token');
  if (!token || badToken)
    return (
      <Page title={t('auth.reset.title')}>
        <Alert type="error" role="alert">
          <Paragraph>{token ? t('auth.reset.badToken') : t('auth.reset.noToken')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/forgot-password" className="utrecht-link">
            {t('auth.requestNew')}
          </Link>
        </Paragraph>
      </Page>
    );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!password) problems.newPassword = ts('error.required', { field: t('auth.field.newPassword') });
    else if (password.length < 12) problems.newPassword = t('auth.reset.tooShort');
    if (password && repeat !== password) problems.repeat = t('auth.reset.mismatch');
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    try {
      await reset({ variables: { input: { token: token!, newPassword: password } } });
      setDone(true);
    } catch (e) {
      setError(toUiError(e));
    }
  }

  if (done)
    return (
      <Page title={t('auth.reset.title')}>
        <Alert type="ok" role="status">
          <Paragraph>{t('auth.reset.done')}</Paragraph>
        </Alert>
        <Paragraph>
          <Link to="/sign-in" className="utrecht-link">
            {t('auth.toSignIn')}
          </Link>
        </Paragraph>
      </Page>
    );

  const ids: Record<string, string> = { newPassword: 'new-password', repeat: 'repeat-password' };
  const apiField = error?.kind === 'input' ? error.fields.find((f) => f.path === 'input.newPassword')?.message : undefined;
  return (
    <Page title={t('auth.reset.title')}>
      <ErrorSummary items={summaryItems(local, error, (f) => ids[f], 'new-password')} error={error} />
      <form className="ov-form" noValidate onSubmit={submit}>
        <TextField
          id="new-password"
          type="password"
          autoComplete="new-password"
          label={t('auth.reset.newPassword')}
          description={t('auth.reset.hint')}
          value={password}
          onChange={setPassword}
          error={local.newPassword ?? apiField}
          required
        />
        <TextField
          id="repeat-password"
          type="password"
          autoComplete="new-password"
          label={t('auth.reset.repeat')}
          value={repeat}
          onChange={setRepeat}
          error={local.repeat}
          required
        />
        <div className="ov-actions">
          <Button type="submit" appearance="primary-action-button" busy={loading}>
            {t('auth.reset.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
