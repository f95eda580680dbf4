import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Heading2,
  Heading3,
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
import type { AssessPlanQuery as AssessPlanData } from '@web/gql/graphql';
import { problemsByField, toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { TextAreaField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { RadioGroup } from '@web/shared/components/radio-group';
import { StatusTag } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { formatDay } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { AssessCompareQuery, AssessPlanMutation, AssessPlanQuery } from '../api/operations';
import { outcomeOf, QUESTIONS, type Judgement, type Question } from '../components/outcome';
import { assessmentMessages } from '../messages';

type Plan = AssessPlanData['improvementPlan'];

export function AssessRoute() {
  const { planId = '' } = useParams();
  const t = useT(assessmentMessages);
  const { data, loading, error, refetch } = useQuery(AssessPlanQuery, { variables: { id: planId }, fetchPolicy: 'cache-and-network' });
  return (
    <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
      {() => {
        const plan = data!.improvementPlan;
        return (
          <Page title={t('assessment.title', { organisation: plan.organisation.name })} preHeading={plan.investigation.title}>
            <Paragraph>
              <Link to={`/investigations/${plan.investigation.id}`} className="utrecht-link">
                {t('assessment.back')}
              </Link>
            </Paragraph>
            <Assessment plan={plan} reload={() => refetch()} />
          </Page>
        );
      }}
    </QueryState>
  );
}

function Assessment({ plan, reload }: { plan: Plan; reload: () => Promise<unknown> }) {
  const t = useT(assessmentMessages);
  const d = useT(domainMessages);
  const { locale } = useLocale();
  const [saved, setSaved] = useState<'ACCEPTED' | 'REVISION_REQUESTED' | null>(null);
  const latest = [...plan.versions].sort((a, b) => b.number - a.number)[0];
  const previousAssessment = [...plan.assessments].sort((a, b) => b.planVersionNumber - a.planVersionNumber)[0];
  if (saved)
    return (
      <Alert type="ok" role="status">
        <Paragraph>{t(`assessment.saved.${saved}`)}</Paragraph>
      </Alert>
    );
  if (plan.status !== 'SUBMITTED' || !latest)
    return <Paragraph>{t('assessment.notSubmitted', { status: d(`planStatus.${plan.status}`) })}</Paragraph>;
  return (
    <>
      <Paragraph>
        {t('assessment.submitted', {
          version: latest.number,
          date: formatDay(latest.submittedAt.slice(0, 10), locale),
          due: plan.assessmentDueDate ? formatDay(plan.assessmentDueDate, locale) : '—',
        })}
      </Paragraph>
      <Coverage plan={plan} version={latest} />
      {latest.number > 1 && <Comparison planId={plan.id} from={latest.number - 1} to={latest.number} />}
      {previousAssessment && (
        <section className="ov-section" aria-labelledby="previous-title">
          <Heading2 id="previous-title">{t('assessment.previous.title', { version: previousAssessment.planVersionNumber })}</Heading2>
          <dl className="ov-judgements">
            {QUESTIONS.map((q) => (
              <div key={q}>
                <dt>{t(`assessment.q.${q}`)}</dt>
                <dd>
                  <StatusTag tone={previousAssessment[q].judgement === 'SUFFICIENT' ? 'ok' : 'danger'}>
                    {t(`assessment.judgement.${previousAssessment[q].judgement}`)}
                  </StatusTag>{' '}
                  {previousAssessment[q].rationale}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      <AssessForm plan={plan} reload={reload} onSaved={setSaved} />
    </>
  );
}

function Coverage({ plan, version }: { plan: Plan; version: Plan['versions'][number] }) {
  const t = useT(assessmentMessages);
  const { locale } = useLocale();
  const points = plan.investigation.improvementPoints
    .filter((p) => p.addressees.some((a) => a.id === plan.organisation.id))
    .sort((a, b) => a.position - b.position);
  return (
    <section className="ov-section" aria-labelledby="coverage-title">
      <Heading2 id="coverage-title">{t('assessment.coverage.title')}</Heading2>
      <Table className="ov-table">
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('assessment.coverage.point')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('assessment.coverage.measures', { version: version.number })}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {points.map((p) => {
            const measures = version.measures.filter((m) => m.points.some((x) => x.id === p.id));
            return (
              <TableRow key={p.id}>
                <TableHeaderCell scope="row">
                  {p.position}. {p.text}
                  {p.collective && <span className="ov-meta"> ({t('assessment.coverage.collective')})</span>}
                </TableHeaderCell>
                <TableCell>
                  {measures.length ? (
                    <ul>
                      {measures.map((m) => (
                        <li key={m.id}>
                          {m.description}
                          <br />
                          <span className="ov-meta">
                            {t('assessment.measure.meta', {
                              indicator: m.successIndicator,
                              due: formatDay(m.dueDate, locale),
                              owner: m.owner?.displayName ?? '—',
                            })}
                          </span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <StatusTag tone="warning">{t('assessment.coverage.none')}</StatusTag>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

const FIELDS = new Set(['description', 'successIndicator', 'dueDate', 'owner', 'points']);

function Comparison({ planId, from, to }: { planId: string; from: number; to: number }) {
  const t = useT(assessmentMessages);
  const { data, loading, error, refetch } = useQuery(AssessCompareQuery, { variables: { planId, from, to } });
  return (
    <section className="ov-section" aria-labelledby="compare-title">
      <Heading2 id="compare-title">{t('assessment.compare.title', { version: from })}</Heading2>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const diff = data!.comparePlanVersions;
          if (!diff.added.length && !diff.removed.length && !diff.changed.length)
            return <Paragraph>{t('assessment.compare.nothing')}</Paragraph>;
          return (
            <ul>
              {diff.added.map((m) => (
                <li key={`a-${m.id}`}>
                  <ins>{t('assessment.compare.added', { description: m.description })}</ins>
                </li>
              ))}
              {diff.removed.map((m) => (
                <li key={`r-${m.id}`}>
                  <del>{t('assessment.compare.removed', { description: m.description })}</del>
                </li>
              ))}
              {diff.changed.map((c) => (
                <li key={`c-${c.measureId}`}>
                  {t('assessment.compare.changed', { description: c.description ?? '' })}
                  <ul>
                    {c.changes.map((f) => (
                      <li key={f.field}>
                        {t('assessment.compare.change', {
                          field: t(
                            FIELDS.has(f.field) ? (`assessment.compare.field.${f.field}` as never) : 'assessment.compare.field.other',
                          ),
                          from: f.from,
                          to: f.to,
                        })}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
    </section>
  );
}

type Answers = Record<Question, { judgement: Judgement | ''; rationale: string }>;
const EMPTY: Answers = {
  aimedAtShortcomings: { judgement: '', rationale: '' },
  chanceOfSuccess: { judgement: '', rationale: '' },
  pace: { judgement: '', rationale: '' },
};

function AssessForm({
  plan,
  reload,
  onSaved,
}: {
  plan: Plan;
  reload: () => Promise<unknown>;
  onSaved: (o: 'ACCEPTED' | 'REVISION_REQUESTED') => void;
}) {
  const t = useT(assessmentMessages);
  const [answers, setAnswers] = useState<Answers>(EMPTY);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [assess, { loading }] = useMutation(AssessPlanMutation);
  const outcome = outcomeOf({
    aimedAtShortcomings: answers.aimedAtShortcomings.judgement,
    chanceOfSuccess: answers.chanceOfSuccess.judgement,
    pace: answers.pace.judgement,
  });
  const api = problemsByField(error);
  const idOf = (field: string) => {
    const [q, part] = field.split('.');
    if (!QUESTIONS.includes(q as Question)) return undefined;
    return part === 'judgement' ? `judgement-${q}` : `rationale-${q}`;
  };
  const set = (q: Question, patch: Partial<Answers[Question]>) => setAnswers((a) => ({ ...a, [q]: { ...a[q], ...patch } }));
  return (
    <section className="ov-section" aria-labelledby="assess-form-title">
      <Heading2 id="assess-form-title">{t('assessment.form.title')}</Heading2>
      <form
        className="ov-form"
        aria-labelledby="assess-form-title"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const problems: Record<string, string> = {};
          for (const q of QUESTIONS) {
            if (!answers[q].judgement)
              problems[`${q}.judgement`] = t('assessment.required.judgement', { question: t(`assessment.q.${q}`) });
            if (!answers[q].rationale.trim())
              problems[`${q}.rationale`] = t('assessment.required.rationale', { question: t(`assessment.q.${q}`) });
          }
          setLocal(problems);
          if (Object.keys(problems).length) return;
          try {
            const input = {
              planId: plan.id,
              expectedVersion: plan.version,
              aimedAtShortcomings: {
                judgement: answers.aimedAtShortcomings.judgement as Judgement,
                rationale: answers.aimedAtShortcomings.rationale,
              },
              chanceOfSuccess: { judgement: answers.chanceOfSuccess.judgement as Judgement, rationale: answers.chanceOfSuccess.rationale },
              pace: { judgement: answers.pace.judgement as Judgement, rationale: answers.pace.rationale },
            };
            const res = await assess({ variables: { input } as never });
            setError(null);
            onSaved(res.data?.assessImprovementPlan.status === 'ACCEPTED' ? 'ACCEPTED' : 'REVISION_REQUESTED');
          } catch (err) {
            setError(toUiError(err));
          }
        }}
      >
        <ErrorSummary
          items={summaryItems(local, error, idOf, `judgement-${QUESTIONS[0]}`)}
          error={error}
          onReload={() => void reload().then(() => setError(null))}
        />
        {QUESTIONS.map((q) => (
          <div key={q} className="ov-question">
            <RadioGroup
              id={`judgement-${q}`}
              name={`judgement-${q}`}
              label={t(`assessment.q.${q}`)}
              value={answers[q].judgement}
              onChange={(v) => set(q, { judgement: v as Judgement })}
              error={local[`${q}.judgement`] ?? api[`${q}.judgement`]}
              options={(['SUFFICIENT', 'INSUFFICIENT'] as const).map((j) => ({ value: j, label: t(`assessment.judgement.${j}`) }))}
            />
            <TextAreaField
              id={`rationale-${q}`}
              label={`${t('assessment.rationale')}: ${t(`assessment.q.${q}`)}`}
              description={t('assessment.rationaleHint')}
              value={answers[q].rationale}
              onChange={(v) => set(q, { rationale: v })}
              error={local[`${q}.rationale`] ?? api[`${q}.rationale`]}
              required
            />
          </div>
        ))}
        <div className="ov-card" role="status" aria-live="polite" aria-atomic="true">
          <Heading3>{t('assessment.outcome.label')}</Heading3>
          <Paragraph>
            {outcome ? (
              <StatusTag tone={outcome === 'ACCEPTED' ? 'ok' : 'warning'}>{t(`assessment.outcome.${outcome}`)}</StatusTag>
            ) : (
              t('assessment.outcome.open')
            )}
          </Paragraph>
        </div>
        <div className="ov-actions">
          <Button type="submit" appearance="primary-action-button" disabled={loading}>
            {t('assessment.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
