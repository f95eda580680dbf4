import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';
import { authMessages } from '../messages';

/** Only paths inside the app may be a destination after sign-in (no open redirect). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInRoute() {
  const t = useT(authMessages);
  const ts = useT(sharedMessages);
  const { status, signIn } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (status === 'signed-in') return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!email.trim()) problems.email = ts('error.required', { field: t('auth.field.email') });
    if (!password) problems.password = ts('error.required', { field: t('auth.field.password') });
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
    } catch (e) {
      const ui = toUiError(e);
      // One message for every failed sign-in: the API does not say which accounts exist either.
      if (ui.kind === 'unauthenticated') setLocal({ password: t('auth.signIn.failed') });
      else setError(ui);
    } finally {
      setBusy(false);
    }
  }

  const ids: Record<string, string> = { email: 'email', password: 'password' };
  const items = summaryItems(local, error, (f) => ids[f], 'email');
  const fieldErrors = { ...Object.fromEntries((error?.kind === 'input' ? error.fields : []).map((f) => [f.path, f.message])), ...local };
  return (
    <Page title={t('auth.signIn.title')}>
      {params.get('expired') && (
        <Alert type="info" role="status">
          <Paragraph>{ts('error.sessionExpired')}</Paragraph>
        </Alert>
      )}
      <ErrorSummary items={items} error={error} />
      <Paragraph>{t('auth.signIn.intro')}</Paragraph>
      <form className="ov-form" noValidate onSubmit={submit}>
        <TextField
          id="email"
          type="email"
          autoComplete="username"
          label={t('auth.email')}
          value={email}
          onChange={setEmail}
          error={fieldErrors.email}
          required
        />
        <TextField
          id="password"
          type="password"
          autoComplete="current-password"
          label={t('auth.password')}
          value={password}
          onChange={setPassword}
          error={fieldErrors.password}
          required
        />
        <div className="ov-actions">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy || undefined}>
            {busy ? t('auth.signIn.busy') : t('auth.signIn.submit')}
          </Button>
        </div>
      </form>
      <Paragraph>
        <Link to="/forgot-password" className="utrecht-link">
          {t('auth.signIn.forgot')}
        </Link>
      </Paragraph>
    </Page>
  );
}
