import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { problemsByField, toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { SelectField, TextAreaField, TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag, type Tone } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { formatDay } from '@web/shared/i18n/format';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { ExtensionsQuery, RequestExtensionMutation, WithdrawExtensionMutation } from '../api/operations';
import { followupMessages } from '../messages';

const TONE: Record<string, Tone> = { PENDING: 'info', GRANTED: 'ok', REFUSED: 'danger', WITHDRAWN: 'neutral' };

export function ExtensionsRoute() {
  const t = useT(followupMessages);
  const td = useT(domainMessages);
  const ts = useT(sharedMessages);
  const { locale } = useLocale();
  const { data, loading, error, refetch } = useQuery(ExtensionsQuery);
  const [deadlineId, setDeadlineId] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [request, requesting] = useMutation(RequestExtensionMutation);
  const [withdraw] = useMutation(WithdrawExtensionMutation);

  const deadlines = (data?.deadlines.nodes ?? []).filter((d) => d.kind !== 'ASSESSMENT_DUE' && d.kind !== 'TRAJECTORY_END');
  const label = (d: (typeof deadlines)[number]) =>
    `${td(`kind.${d.kind}`)}${d.measure ? `: ${d.measure.description}` : ''} ` +
    `(${d.investigation?.title ?? ''}, ${formatDay(d.dueDate, locale)})`;
  const subjectOf = (d: (typeof deadlines)[number]) => d.measure?.id ?? d.internalAudit?.id ?? d.plan?.id ?? '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!deadlineId) problems.deadline = ts('error.required', { field: t('followup.ext.field.deadline') });
    if (!date) problems.requestedDueDate = ts('error.required', { field: t('followup.ext.field.date') });
    if (!reason.trim()) problems.reason = ts('error.required', { field: t('followup.ext.field.reason') });
    setLocal(problems);
    setFailure(null);
    setNotice(null);
    if (Object.keys(problems).length) return;
    const d = deadlines.find((x) => x.id === deadlineId)!;
    try {
      await request({ variables: { input: { kind: d.kind, subjectId: subjectOf(d), requestedDueDate: date, reason: reason.trim() } } });
      setNotice(t('followup.ext.sent'));
      setDeadlineId('');
      setDate('');
      setReason('');
      await refetch();
    } catch (e) {
      setFailure(toUiError(e));
    }
  }
  const ids: Record<string, string> = {
    deadline: 'ext-deadline',
    requestedDueDate: 'ext-date',
    reason: 'ext-reason',
    subjectId: 'ext-deadline',
    kind: 'ext-deadline',
  };
  const api = problemsByField(failure);

  return (
    <Page title={t('followup.ext.title')}>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => (
          <>
            {notice && (
              <Alert type="ok" role="status">
                <Paragraph>{notice}</Paragraph>
              </Alert>
            )}
            <section className="ov-section" aria-labelledby="ext-request-title">
              <Heading2 id="ext-request-title">{t('followup.ext.request')}</Heading2>
              <Paragraph>{t('followup.ext.intro')}</Paragraph>
              <ErrorSummary
                items={summaryItems(local, failure, (f) => ids[f], 'ext-deadline')}
                error={failure}
                onReload={() => void refetch()}
              />
              <form className="ov-form" noValidate onSubmit={submit}>
                <SelectField
                  id="ext-deadline"
                  label={t('followup.ext.deadline')}
                  value={deadlineId}
                  onChange={setDeadlineId}
                  placeholder={t('followup.ext.chooseDeadline')}
                  options={deadlines.map((d) => ({ value: d.id, label: label(d) }))}
                  error={local.deadline ?? api.subjectId}
                />
                <TextField
                  id="ext-date"
                  type="date"
                  label={t('followup.ext.date')}
                  value={date}
                  onChange={setDate}
                  error={local.requestedDueDate ?? api.requestedDueDate}
                />
                <TextAreaField
                  id="ext-reason"
                  label={t('followup.ext.reason')}
                  value={reason}
                  onChange={setReason}
                  error={local.reason ?? api.reason}
                />
                <Button type="submit" appearance="primary-action-button" busy={requesting.loading}>
                  {t('followup.ext.send')}
                </Button>
              </form>
            </section>
            <section className="ov-section" aria-labelledby="ext-list-title">
              <Heading2 id="ext-list-title">{t('followup.ext.requests')}</Heading2>
              {data!.extensionRequests.nodes.length === 0 ? (
                <Paragraph>{t('followup.ext.none')}</Paragraph>
              ) : (
                <ul className="ov-cards">
                  {data!.extensionRequests.nodes.map((r) => (
                    <li key={r.id} className="ov-card">
                      <strong>
                        {td(`kind.${r.kind}`)} · {r.investigation?.title}
                      </strong>{' '}
                      <StatusTag tone={TONE[r.status]}>{td(`extensionStatus.${r.status}`)}</StatusTag>
                      <Paragraph>
                        {t('followup.ext.line', { from: formatDay(r.currentDueDate, locale), to: formatDay(r.requestedDueDate, locale) })}
                      </Paragraph>
                      <Paragraph>{r.reason}</Paragraph>
                      {r.grantedDueDate && (
                        <Paragraph>{t('followup.ext.granted', { date: formatDay(r.grantedDueDate, locale) })}</Paragraph>
                      )}
                      {r.decisionNote && <Paragraph>{t('followup.ext.note', { note: r.decisionNote })}</Paragraph>}
                      {r.status === 'PENDING' && (
                        <Button
                          appearance="secondary-action-button"
                          aria-label={t('followup.ext.withdrawNamed', { what: `${td(`kind.${r.kind}`)}, ${r.reason}` })}
                          onClick={async () => {
                            setFailure(null);
                            try {
                              await withdraw({ variables: { input: { id: r.id, expectedVersion: r.version } } });
                              setNotice(t('followup.ext.withdrawn'));
                              await refetch();
                            } catch (e) {
                              setFailure(toUiError(e));
                            }
                          }}
                        >
                          {t('followup.ext.withdraw')}
                        </Button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
