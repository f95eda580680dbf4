import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { AuditPageQuery } from '@web/gql/graphql';
import { problemsByField, toUiError, type UiError } from '@web/shared/api/errors';
import { DateTime } from '@web/shared/components/dates';
import { DeadlineStatus } from '@web/shared/components/deadline-status';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { SelectField, TextAreaField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { ConversationPanel } from '@web/shared/conversation/conversation-panel';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag } from '@web/shared/components/status-tag';
import { useDraft } from '@web/shared/components/use-draft';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { daysBetween, todayInAmsterdam } from '@web/shared/i18n/format';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { SaveAuditMutation, SubmitAuditMutation, AuditQuery } from '../api/operations';
import { followupMessages } from '../messages';

type Plan = AuditPageQuery['improvementPlan'];
type Audit = NonNullable<Plan['internalAudit']>;
type Implementation = 'IMPLEMENTED' | 'PARTLY_IMPLEMENTED' | 'NOT_IMPLEMENTED';
const IMPLEMENTATIONS: Implementation[] = ['IMPLEMENTED', 'PARTLY_IMPLEMENTED', 'NOT_IMPLEMENTED'];

export function AuditRoute() {
  const { planId = '' } = useParams();
  const t = useT(followupMessages);
  const { data, loading, error, refetch } = useQuery(AuditQuery, { variables: { id: planId } });
  return (
    <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
      {() => (
        <Page
          title={t('followup.audit.title')}
          preHeading={`${data!.improvementPlan.investigation.title} · ${data!.improvementPlan.organisation.name}`}
        >
          {data!.improvementPlan.internalAudit ? (
            <>
              <AuditBody plan={data!.improvementPlan} audit={data!.improvementPlan.internalAudit} reload={() => refetch()} />
              <ConversationPanel
                subjectType="INTERNAL_AUDIT"
                subjectId={data!.improvementPlan.internalAudit.id}
                title={t('followup.audit.conversation')}
              />
            </>
          ) : (
            <Paragraph>{t('followup.audit.none')}</Paragraph>
          )}
        </Page>
      )}
    </QueryState>
  );
}

function AuditBody({ plan, audit, reload }: { plan: Plan; audit: Audit; reload: () => Promise<unknown> }) {
  const t = useT(followupMessages);
  const td = useT(domainMessages);
  const ts = useT(sharedMessages);
  const editable = audit.status === 'DRAFT' || audit.status === 'REVISION_REQUESTED';
  const measures = plan.measures.filter((m) => m.status !== 'CANCELLED');
  const [values, setValues, clearDraft] = useDraft(`audit:${audit.id}`, () => ({
    conclusion: audit.conclusion ?? '',
    results: Object.fromEntries(
      measures.map((m) => {
        const r = audit.results.find((x) => x.measure?.id === m.id);
        return [m.id, { implementation: (r?.implementation ?? '') as Implementation | '', evidence: r?.evidence ?? '' }];
      }),
    ) as Record<string, { implementation: Implementation | ''; evidence: string }>,
  }));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [save, saving] = useMutation(SaveAuditMutation);
  const [submit, submitting] = useMutation(SubmitAuditMutation);

  function check(): boolean {
    const problems: Record<string, string> = {};
    for (const m of measures) {
      const r = values.results[m.id];
      if (!r?.implementation)
        problems[`impl-${m.id}`] = `${m.description}: ${ts('error.required', { field: t('followup.audit.field.implementation') })}`;
      if (!r?.evidence.trim())
        problems[`evidence-${m.id}`] = `${m.description}: ${ts('error.required', { field: t('followup.audit.field.evidence') })}`;
    }
    if (!values.conclusion.trim()) problems.conclusion = ts('error.required', { field: t('followup.audit.field.conclusion') });
    setLocal(problems);
    return Object.keys(problems).length === 0;
  }

  const input = () => ({
    id: audit.id,
    expectedVersion: audit.version,
    conclusion: values.conclusion.trim(),
    results: measures
      .filter((m) => values.results[m.id]?.implementation)
      .map((m) => ({
        measureId: m.id,
        implementation: values.results[m.id].implementation as Implementation,
        evidence: values.results[m.id].evidence.trim(),
      })),
  });

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setNotice(null);
    setLocal({});
    try {
      await save({ variables: { input: input() } });
      setNotice(t('followup.audit.saved'));
      await reload();
    } catch (e) {
      setError(toUiError(e));
    }
  }

  async function onSubmit() {
    setError(null);
    setNotice(null);
    if (!check()) return;
    try {
      const saved = await save({ variables: { input: input() } });
      await submit({ variables: { input: { id: audit.id, expectedVersion: saved.data!.saveInternalAudit.version } } });
      clearDraft();
      setNotice(t('followup.audit.submitted'));
      await reload();
    } catch (e) {
      setError(toUiError(e));
    }
  }

  const api = problemsByField(error);
  const setResult = (id: string, key: 'implementation' | 'evidence', value: string) =>
    setValues((v) => ({ ...v, results: { ...v.results, [id]: { ...v.results[id], [key]: value } } }));
  return (
    <>
      <Paragraph>
        <StatusTag tone={audit.status === 'JUDGED' ? 'ok' : audit.status === 'REVISION_REQUESTED' ? 'warning' : 'info'}>
          {td(`auditStatus.${audit.status}`)}
        </StatusTag>{' '}
        {editable && (
          <>
            {t('followup.audit.due')}:{' '}
            <DeadlineStatus
              dueDate={audit.dueDate}
              originalDueDate={audit.originalDueDate}
              daysLeft={daysBetween(todayInAmsterdam(), audit.dueDate)}
              overdue={audit.overdue}
            />
          </>
        )}
      </Paragraph>
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {audit.judgements.length > 0 && (
        <section className="ov-section" aria-labelledby="judgements-title">
          <Heading2 id="judgements-title">{t('followup.audit.judgements')}</Heading2>
          {audit.judgements.map((j) => (
            <div key={j.judgedAt} className="ov-card">
              <StatusTag tone={j.quality === 'SUFFICIENT' ? 'ok' : 'danger'}>{t(`followup.audit.${j.quality}`)}</StatusTag>{' '}
              <DateTime value={j.judgedAt} />
              <Paragraph>{j.rationale}</Paragraph>
            </div>
          ))}
        </section>
      )}
      {editable ? (
        <form className="ov-form ov-measure-form" noValidate onSubmit={onSave}>
          <ErrorSummary
            items={summaryItems(local, error, (f) => f, 'conclusion')}
            error={error}
            onReload={() => void reload().then(() => setError(null))}
          />
          <Paragraph>{t('followup.audit.intro')}</Paragraph>
          {measures.map((m) => (
            <fieldset key={m.id} className="ov-fieldset ov-card">
              <legend className="ov-fieldset__legend">{m.description}</legend>
              <SelectField
                id={`impl-${m.id}`}
                label={t('followup.audit.implementation')}
                value={values.results[m.id]?.implementation ?? ''}
                onChange={(v) => setResult(m.id, 'implementation', v)}
                placeholder={t('followup.audit.choose')}
                options={IMPLEMENTATIONS.map((i) => ({ value: i, label: t(`followup.audit.${i}`) }))}
                error={local[`impl-${m.id}`]}
              />
              <TextAreaField
                id={`evidence-${m.id}`}
                label={t('followup.audit.evidence')}
                value={values.results[m.id]?.evidence ?? ''}
                onChange={(v) => setResult(m.id, 'evidence', v)}
                error={local[`evidence-${m.id}`]}
                rows={3}
              />
            </fieldset>
          ))}
          <TextAreaField
            id="conclusion"
            label={t('followup.audit.conclusion')}
            value={values.conclusion}
            onChange={(v) => setValues((x) => ({ ...x, conclusion: v }))}
            error={local.conclusion ?? api.conclusion}
          />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={saving.loading && !submitting.loading}>
              {t('followup.audit.save')}
            </Button>
            <Button type="button" appearance="primary-action-button" busy={submitting.loading} onClick={() => void onSubmit()}>
              {t('followup.audit.submit')}
            </Button>
          </ButtonGroup>
        </form>
      ) : (
        <section className="ov-section">
          <ul className="ov-cards">
            {measures.map((m) => {
              const r = audit.results.find((x) => x.measure?.id === m.id);
              return (
                <li key={m.id} className="ov-card">
                  <Heading3>{m.description}</Heading3>
                  {r && (
                    <Paragraph>
                      {t('followup.audit.result', { implementation: t(`followup.audit.${r.implementation}`), evidence: r.evidence })}
                    </Paragraph>
                  )}
                </li>
              );
            })}
          </ul>
          {audit.conclusion && (
            <>
              <Heading2>{t('followup.audit.conclusion')}</Heading2>
              <Paragraph>{audit.conclusion}</Paragraph>
            </>
          )}
        </section>
      )}
    </>
  );
}
