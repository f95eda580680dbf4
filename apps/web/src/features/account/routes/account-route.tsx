import { useMutation } from '@apollo/client/react';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { problemsByField, toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';
import { ChangePasswordMutation, SignOutEverywhereMutation } from '../api/operations';
import { accountMessages } from '../messages';

export function AccountRoute() {
  const t = useT(accountMessages);
  const ts = useT(sharedMessages);
  const { me, forget } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [change, changing] = useMutation(ChangePasswordMutation);
  const [everywhere, signingOut] = useMutation(SignOutEverywhereMutation);

  // Both end every session, this one too: back to sign-in.
  const ended = () => {
    forget();
    navigate('/sign-in', { replace: true });
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!current) problems.currentPassword = ts('error.required', { field: t('account.password.field.current') });
    if (!next) problems.newPassword = ts('error.required', { field: t('account.password.field.new') });
    else if (next.length < 12) problems.newPassword = t('account.password.tooShort');
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    try {
      await change({ variables: { input: { currentPassword: current, newPassword: next } } });
      ended();
    } catch (e) {
      setError(toUiError(e));
    }
  }
  const ids: Record<string, string> = { currentPassword: 'current-password', newPassword: 'new-password' };
  const api = problemsByField(error);
  return (
    <Page title={t('account.title')}>
      {me && <Paragraph>{t('account.details', { name: me.displayName, email: me.email })}</Paragraph>}
      <section className="ov-section" aria-labelledby="password-title">
        <Heading2 id="password-title">{t('account.password.title')}</Heading2>
        <ErrorSummary items={summaryItems(local, error, (f) => ids[f], 'current-password')} error={error} />
        <form className="ov-form" noValidate onSubmit={submit}>
          <TextField
            id="current-password"
            type="password"
            autoComplete="current-password"
            label={t('account.password.current')}
            value={current}
            onChange={setCurrent}
            error={local.currentPassword ?? api.currentPassword}
            required
          />
          <TextField
            id="new-password"
            type="password"
            autoComplete="new-password"
            label={t('account.password.new')}
            description={t('account.password.hint')}
            value={next}
            onChange={setNext}
            error={local.newPassword ?? api.newPassword}
            required
          />
          <Button type="submit" appearance="primary-action-button" busy={changing.loading}>
            {t('account.password.save')}
          </Button>
        </form>
      </section>
      <section className="ov-section" aria-labelledby="everywhere-title">
        <Heading2 id="everywhere-title">{t('account.everywhere.title')}</Heading2>
        <Paragraph>{t('account.everywhere.intro')}</Paragraph>
        <Button
          appearance="secondary-action-button"
          busy={signingOut.loading}
          onClick={async () => {
            try {
              await everywhere();
              ended();
            } catch (e) {
              setError(toUiError(e));
            }
          }}
        >
          {t('account.everywhere.button')}
        </Button>
      </section>
    </Page>
  );
}
