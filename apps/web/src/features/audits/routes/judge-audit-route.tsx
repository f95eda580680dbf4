import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { AuditToJudgeQuery as AuditData } from '@web/gql/graphql';
import { problemsByField, toUiError, type UiError } from '@web/shared/api/errors';
import { DateTime } from '@web/shared/components/dates';
import { ErrorPage } from '@web/shared/components/error-page';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { TextAreaField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { ConversationPanel } from '@web/shared/conversation/conversation-panel';
import { QueryState } from '@web/shared/components/query-state';
import { RadioGroup } from '@web/shared/components/radio-group';
import { StatusTag } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import { AuditToJudgeQuery, JudgeAuditMutation } from '../api/operations';
import { auditMessages } from '../messages';

type Plan = AuditData['investigation']['plans'][number];
type Audit = NonNullable<Plan['internalAudit']>;
type Quality = 'SUFFICIENT' | 'INSUFFICIENT';

export function JudgeAuditRoute() {
  const { investigationId = '', auditId = '' } = useParams();
  const t = useT(auditMessages);
  const { data, loading, error, refetch } = useQuery(AuditToJudgeQuery, {
    variables: { investigationId },
    fetchPolicy: 'cache-and-network',
  });
  return (
    <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
      {() => {
        const plan = data!.investigation.plans.find((p) => p.internalAudit?.id === auditId);
        if (!plan?.internalAudit) return <ErrorPage kind="not-found" />;
        return (
          <Page title={t('audits.judge.title', { organisation: plan.organisation.name })} preHeading={data!.investigation.title}>
            <Paragraph>
              <Link to={`/investigations/${investigationId}`} className="utrecht-link">
                {t('audits.back')}
              </Link>
            </Paragraph>
            <AuditView audit={plan.internalAudit} />
            <JudgeForm audit={plan.internalAudit} reload={() => refetch()} />
            <ConversationPanel subjectType="INTERNAL_AUDIT" subjectId={plan.internalAudit.id} title={t('audits.conversation.audit')} />
          </Page>
        );
      }}
    </QueryState>
  );
}

function AuditView({ audit }: { audit: Audit }) {
  const t = useT(auditMessages);
  return (
    <>
      {audit.submittedAt && (
        <Paragraph>
          {t('audits.judge.submittedAt')} <DateTime value={audit.submittedAt} />.
        </Paragraph>
      )}
      <section className="ov-section" aria-labelledby="results-title">
        <Heading2 id="results-title">{t('audits.results.title')}</Heading2>
        <Table className="ov-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('audits.results.measure')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audits.results.implementation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('audits.results.evidence')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {audit.results.map((r, i) => (
              <TableRow key={r.measure?.id ?? i}>
                <TableHeaderCell scope="row">{r.measure?.description ?? t('audits.results.removed')}</TableHeaderCell>
                <TableCell>
                  <StatusTag
                    tone={r.implementation === 'IMPLEMENTED' ? 'ok' : r.implementation === 'PARTLY_IMPLEMENTED' ? 'warning' : 'danger'}
                  >
                    {t(`audits.implementation.${r.implementation}`)}
                  </StatusTag>
                </TableCell>
                <TableCell>{r.evidence}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {audit.conclusion && (
          <dl className="ov-summary-list">
            <dt>{t('audits.conclusion')}</dt>
            <dd>{audit.conclusion}</dd>
          </dl>
        )}
      </section>
      {audit.judgements.length > 0 && (
        <section className="ov-section" aria-labelledby="judgements-title">
          <Heading2 id="judgements-title">{t('audits.previous.title')}</Heading2>
          <ul className="ov-cards">
            {audit.judgements.map((j) => (
              <li key={j.judgedAt} className="ov-card">
                <DateTime value={j.judgedAt} />{' '}
                <StatusTag tone={j.quality === 'SUFFICIENT' ? 'ok' : 'danger'}>{t(`audits.quality.${j.quality}`)}</StatusTag> {j.rationale}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function JudgeForm({ audit, reload }: { audit: Audit; reload: () => Promise<unknown> }) {
  const t = useT(auditMessages);
  const d = useT(domainMessages);
  const [quality, setQuality] = useState<Quality | ''>('');
  const [rationale, setRationale] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [judge, { loading }] = useMutation(JudgeAuditMutation);
  if (saved)
    return (
      <Alert type="ok" role="status">
        <Paragraph>{t('audits.judge.saved')}</Paragraph>
      </Alert>
    );
  if (audit.status !== 'SUBMITTED')
    return <Paragraph>{t('audits.judge.notSubmitted', { status: d(`auditStatus.${audit.status}`) })}</Paragraph>;
  const api = problemsByField(error);
  const idOf = (f: string) => (f === 'quality' ? 'audit-quality' : f === 'rationale' ? 'audit-rationale' : undefined);
  return (
    <form
      className="ov-form ov-section"
      aria-label={t('audits.judge.save')}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (!quality) problems.quality = t('audits.required.quality');
        if (!rationale.trim()) problems.rationale = t('audits.required.rationale');
        setLocal(problems);
        if (Object.keys(problems).length) return;
        try {
          await judge({ variables: { input: { id: audit.id, expectedVersion: audit.version, quality: quality as never, rationale } } });
          setError(null);
          setSaved(true);
          void reload();
        } catch (err) {
          setError(toUiError(err));
        }
      }}
    >
      <ErrorSummary
        items={summaryItems(local, error, idOf, 'audit-quality')}
        error={error}
        onReload={() => void reload().then(() => setError(null))}
      />
      <RadioGroup
        id="audit-quality"
        name="audit-quality"
        label={t('audits.quality.legend')}
        value={quality}
        onChange={(v) => setQuality(v as Quality)}
        error={local.quality ?? api.quality}
        options={(['SUFFICIENT', 'INSUFFICIENT'] as const).map((q) => ({ value: q, label: t(`audits.quality.${q}`) }))}
      />
      <TextAreaField
        id="audit-rationale"
        label={t('audits.rationale')}
        value={rationale}
        onChange={setRationale}
        error={local.rationale ?? api.rationale}
        required
      />
      <div className="ov-card" role="status" aria-live="polite" aria-atomic="true">
        <Paragraph>
          <strong>{t('audits.outcome.label')}:</strong> {quality ? t(`audits.outcome.${quality}`) : t('audits.outcome.open')}
        </Paragraph>
      </div>
      <div className="ov-actions">
        <Button type="submit" appearance="primary-action-button" disabled={loading}>
          {t('audits.judge.save')}
        </Button>
      </div>
    </form>
  );
}
