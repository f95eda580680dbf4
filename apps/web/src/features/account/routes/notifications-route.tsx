import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { DateTime } from '@web/shared/components/dates';
import { ErrorSummary } from '@web/shared/components/error-summary';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag } from '@web/shared/components/status-tag';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { toLocale } from '@web/shared/i18n/define-messages';
import {
  CreateCalendarFeedMutation,
  MarkReadMutation,
  NotificationsQuery,
  RevokeCalendarFeedMutation,
  UpdatePreferencesMutation,
} from '../api/operations';
import { accountMessages } from '../messages';

export function NotificationsRoute() {
  const t = useT(accountMessages);
  const { data, loading, error, refetch } = useQuery(NotificationsQuery);
  const [markRead] = useMutation(MarkReadMutation, { refetchQueries: ['UnreadNotificationCount'] });
  const [failure, setFailure] = useState<UiError | null>(null);
  const mark = async (ids?: string[]) => {
    setFailure(null);
    try {
      await markRead({ variables: { input: ids ? { ids } : {} } });
      await refetch();
    } catch (e) {
      setFailure(toUiError(e));
    }
  };
  return (
    <Page title={t('account.notifications.title')}>
      <ErrorSummary items={[]} error={failure} />
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const list = data!.myNotifications.nodes;
          return (
            <>
              {list.some((n) => !n.readAt) && (
                <ButtonGroup>
                  <Button appearance="secondary-action-button" onClick={() => void mark()}>
                    {t('account.notifications.markAll')}
                  </Button>
                </ButtonGroup>
              )}
              {list.length === 0 ? (
                <Paragraph>{t('account.notifications.none')}</Paragraph>
              ) : (
                <ul className="ov-cards">
                  {list.map((n) => (
                    <li key={n.id} className={`ov-card ${n.readAt ? '' : 'ov-card--warning'}`}>
                      <StatusTag tone={n.readAt ? 'neutral' : 'warning'}>
                        {n.readAt ? t('account.notifications.read') : t('account.notifications.unread')}
                      </StatusTag>{' '}
                      {n.escalated && <StatusTag tone="danger">{t('account.notifications.escalated')}</StatusTag>}
                      <Heading2 className="ov-card__title">{n.title}</Heading2>
                      <div className="ov-meta">
                        <DateTime value={n.createdAt} />
                      </div>
                      <Paragraph>{n.body}</Paragraph>
                      {!n.readAt && (
                        <Button
                          appearance="subtle-button"
                          aria-label={t('account.notifications.markReadNamed', { title: n.title })}
                          onClick={() => void mark([n.id])}
                        >
                          {t('account.notifications.markRead')}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <Preferences me={data!.me} />
              <CalendarFeed />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

function Preferences({ me }: { me: { locale: string; notificationMode: 'IMMEDIATE' | 'DAILY_DIGEST' } }) {
  const t = useT(accountMessages);
  const { setLocale } = useLocale();
  const [mode, setMode] = useState(me.notificationMode);
  const [locale, setLocaleValue] = useState(toLocale(me.locale));
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [save, { loading }] = useMutation(UpdatePreferencesMutation);
  useEffect(() => setLocaleValue(toLocale(me.locale)), [me.locale]);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    try {
      await save({ variables: { input: { notificationMode: mode, locale } } });
      setLocale(locale);
      setSaved(true);
    } catch (e) {
      setError(toUiError(e));
    }
  }
  return (
    <section className="ov-section" aria-labelledby="prefs-title">
      <Heading2 id="prefs-title">{t('account.prefs.title')}</Heading2>
      <ErrorSummary items={[]} error={error} />
      {saved && (
        <Alert type="ok" role="status">
          <Paragraph>{t('account.prefs.saved')}</Paragraph>
        </Alert>
      )}
      <form className="ov-form" onSubmit={submit}>
        <fieldset className="ov-fieldset">
          <legend className="ov-fieldset__legend">{t('account.prefs.mode')}</legend>
          {(['IMMEDIATE', 'DAILY_DIGEST'] as const).map((m) => (
            <div key={m} className="ov-checkbox">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                id={`mode-${m}`}
                name="mode"
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <label htmlFor={`mode-${m}`} className="utrecht-form-label utrecht-form-label--radio">
                {t(`account.prefs.${m}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset className="ov-fieldset">
          <legend className="ov-fieldset__legend">{t('account.prefs.language')}</legend>
          {(['nl', 'en'] as const).map((l) => (
            <div key={l} className="ov-checkbox">
              <input
                type="radio"
                className="utrecht-radio-button utrecht-radio-button--html-input"
                id={`locale-${l}`}
                name="locale"
                checked={locale === l}
                onChange={() => setLocaleValue(l)}
              />
              <label htmlFor={`locale-${l}`} lang={l} className="utrecht-form-label utrecht-form-label--radio">
                {l === 'nl' ? 'Nederlands' : 'English'}
              </label>
            </div>
          ))}
        </fieldset>
        <Button type="submit" appearance="primary-action-button" busy={loading}>
          {t('account.prefs.save')}
        </Button>
      </form>
    </section>
  );
}

function CalendarFeed() {
  const t = useT(accountMessages);
  const [url, setUrl] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [create, creating] = useMutation(CreateCalendarFeedMutation);
  const [revoke] = useMutation(RevokeCalendarFeedMutation);
  const run = async (work: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (e) {
      setError(toUiError(e));
    }
  };
  return (
    <section className="ov-section" aria-labelledby="feed-title">
      <Heading2 id="feed-title">{t('account.feed.title')}</Heading2>
      <Paragraph>{t('account.feed.intro')}</Paragraph>
      <ErrorSummary items={[]} error={error} />
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {url && (
        <div className="ov-form">
          <label htmlFor="feed-url" className="utrecht-form-label">
            {t('account.feed.url')}
          </label>
          <input
            id="feed-url"
            className="utrecht-textbox utrecht-textbox--html-input"
            readOnly
            value={url}
            onFocus={(e) => e.target.select()}
          />
        </div>
      )}
      <ButtonGroup>
        {url && (
          <Button
            appearance="secondary-action-button"
            onClick={() =>
              void run(async () => {
                await navigator.clipboard.writeText(url);
                setNotice(t('account.feed.copied'));
              })
            }
          >
            {t('account.feed.copy')}
          </Button>
        )}
        <Button
          appearance="secondary-action-button"
          busy={creating.loading}
          onClick={() =>
            void run(async () => {
              const r = await create();
              setUrl(r.data!.createCalendarFeed.url);
            })
          }
        >
          {url ? t('account.feed.reset') : t('account.feed.create')}
        </Button>
        <Button
          appearance="subtle-button"
          onClick={() =>
            void run(async () => {
              await revoke();
              setUrl(null);
              setNotice(t('account.feed.revoked'));
            })
          }
        >
          {t('account.feed.revoke')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
