import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanToVerifyQuery as PlanData } from '@web/gql/graphql';
import { problemsByField, toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { SelectField, TextAreaField, TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { ConversationPanel } from '@web/shared/conversation/conversation-panel';
import { QueryState } from '@web/shared/components/query-state';
import { RadioGroup } from '@web/shared/components/radio-group';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { formatDay, todayInAmsterdam } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { PlanToVerifyQuery, RecordVerificationMutation } from '../api/operations';
import { auditMessages } from '../messages';

type Plan = PlanData['improvementPlan'];
const METHODS = ['DESK_REVIEW', 'SITE_VISIT', 'REGULAR_VISIT'] as const;
const GRADES = ['FULLY', 'MOSTLY', 'PARTLY', 'NOT_IMPLEMENTED', 'NO_LONGER_RELEVANT'] as const;

export function VerifyRoute() {
  const { planId = '' } = useParams();
  const t = useT(auditMessages);
  const { data, loading, error, refetch } = useQuery(PlanToVerifyQuery, { variables: { id: planId }, fetchPolicy: 'cache-and-network' });
  return (
    <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
      {() => {
        const plan = data!.improvementPlan;
        return (
          <Page title={t('audits.verify.title', { organisation: plan.organisation.name })} preHeading={plan.investigation.title}>
            <Paragraph>
              <Link to={`/investigations/${plan.investigation.id}`} className="utrecht-link">
                {t('audits.back')}
              </Link>
            </Paragraph>
            <Verify plan={plan} reload={() => refetch()} />
            {plan.verification && (
              <ConversationPanel
                subjectType="VERIFICATION"
                subjectId={plan.verification.id}
                title={t('audits.conversation.verification')}
              />
            )}
          </Page>
        );
      }}
    </QueryState>
  );
}

function Verify({ plan, reload }: { plan: Plan; reload: () => Promise<unknown> }) {
  const t = useT(auditMessages);
  const d = useT(domainMessages);
  const { locale } = useLocale();
  const points = plan.investigation.improvementPoints
    .filter((p) => p.addressees.some((a) => a.id === plan.organisation.id))
    .sort((a, b) => a.position - b.position);
  const [method, setMethod] = useState('');
  const [verifiedOn, setVerifiedOn] = useState(todayInAmsterdam());
  const [summary, setSummary] = useState('');
  const [grades, setGrades] = useState<Record<string, { grade: string; reason: string }>>({});
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [savedStatus, setSavedStatus] = useState<string | null>(null);
  const [record, { loading }] = useMutation(RecordVerificationMutation);
  if (savedStatus)
    return (
      <Alert type="ok" role="status">
        <Paragraph>{t('audits.verify.saved', { status: d(`planStatus.${savedStatus}` as never) })}</Paragraph>
      </Alert>
    );
  if (plan.verification)
    return <Paragraph>{t('audits.verify.already', { date: formatDay(plan.verification.verifiedOn, locale) })}</Paragraph>;
  if (plan.status !== 'ACCEPTED' || plan.internalAudit?.status !== 'JUDGED')
    return (
      <Paragraph>
        {t('audits.verify.notReady', {
          plan: d(`planStatus.${plan.status}`),
          audit: plan.internalAudit ? d(`auditStatus.${plan.internalAudit.status}`) : '—',
        })}
      </Paragraph>
    );
  const api = problemsByField(error);
  const gradeOf = (id: string) => grades[id] ?? { grade: '', reason: '' };
  const setGrade = (id: string, patch: Partial<{ grade: string; reason: string }>) =>
    setGrades((g) => ({ ...g, [id]: { ...gradeOf(id), ...patch } }));
  const idOf = (f: string) => {
    if (f === 'method') return 'verify-method';
    if (f === 'verifiedOn') return 'verify-date';
    if (f === 'summary') return 'verify-summary';
    const m = /^grades\.(\d+)\.(grade|reason)$/.exec(f);
    if (m && points[+m[1]]) return `${m[2]}-${points[+m[1]].id}`;
    if (f.startsWith('grade-') || f.startsWith('reason-')) return f;
    return undefined;
  };
  return (
    <form
      className="ov-form"
      aria-label={t('audits.verify.save')}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (!method) problems.method = t('audits.required.method');
        if (!verifiedOn) problems.verifiedOn = t('audits.required.date');
        if (!summary.trim()) problems.summary = t('audits.required.summary');
        for (const p of points) {
          const g = gradeOf(p.id);
          if (!g.grade) problems[`grade-${p.id}`] = t('audits.required.grade', { position: p.position });
          else if (g.grade === 'NO_LONGER_RELEVANT' && !g.reason.trim())
            problems[`reason-${p.id}`] = t('audits.required.reason', { position: p.position });
        }
        setLocal(problems);
        if (Object.keys(problems).length) return;
        try {
          const res = await record({
            variables: {
              input: {
                planId: plan.id,
                expectedPlanVersion: plan.version,
                method: method as never,
                verifiedOn,
                summary,
                grades: points.map((p) => ({
                  pointId: p.id,
                  grade: gradeOf(p.id).grade as never,
                  reason: gradeOf(p.id).reason.trim() || null,
                })),
              },
            },
          });
          setError(null);
          setSavedStatus(res.data?.recordVerification.status ?? 'CLOSED');
          void reload();
        } catch (err) {
          setError(toUiError(err));
        }
      }}
    >
      <ErrorSummary
        items={summaryItems(local, error, idOf, 'verify-method')}
        error={error}
        onReload={() => void reload().then(() => setError(null))}
      />
      <RadioGroup
        id="verify-method"
        name="verify-method"
        label={t('audits.verify.method')}
        value={method}
        onChange={setMethod}
        error={local.method ?? api.method}
        options={METHODS.map((m) => ({ value: m, label: t(`audits.method.${m}`) }))}
      />
      <TextField
        id="verify-date"
        type="date"
        label={t('audits.verify.date')}
        value={verifiedOn}
        onChange={setVerifiedOn}
        error={local.verifiedOn ?? api.verifiedOn}
        required
      />
      <TextAreaField
        id="verify-summary"
        label={t('audits.verify.summary')}
        value={summary}
        onChange={setSummary}
        error={local.summary ?? api.summary}
        required
      />
      <Heading2>{t('audits.verify.grades')}</Heading2>
      {points.map((p, i) => (
        <div key={p.id} className="ov-card">
          <Paragraph>
            {p.position}. {p.text}
          </Paragraph>
          <SelectField
            id={`grade-${p.id}`}
            label={t('audits.verify.grade', { position: p.position })}
            value={gradeOf(p.id).grade}
            onChange={(v) => setGrade(p.id, { grade: v })}
            placeholder={t('audits.verify.choose')}
            options={GRADES.map((g) => ({ value: g, label: t(`audits.grade.${g}`) }))}
            error={local[`grade-${p.id}`] ?? api[`grades.${i}.grade`]}
            required
          />
          <TextAreaField
            id={`reason-${p.id}`}
            label={t('audits.verify.reason', { position: p.position })}
            description={t('audits.verify.reasonHint')}
            value={gradeOf(p.id).reason}
            onChange={(v) => setGrade(p.id, { reason: v })}
            error={local[`reason-${p.id}`] ?? api[`grades.${i}.reason`]}
          />
        </div>
      ))}
      <div className="ov-actions">
        <Button type="submit" appearance="primary-action-button" disabled={loading}>
          {t('audits.verify.save')}
        </Button>
      </div>
    </form>
  );
}
