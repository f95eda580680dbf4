import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PlanQuery as PlanData } from '@web/gql/graphql';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { Day } from '@web/shared/components/dates';
import { DeadlineStatus } from '@web/shared/components/deadline-status';
import { ErrorSummary, useConflictReload } from '@web/shared/components/error-summary';
import { ConversationDisclosure, ConversationPanel } from '@web/shared/conversation/conversation-panel';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { daysBetween, todayInAmsterdam } from '@web/shared/i18n/format';
import { useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';
import { RemoveMeasureMutation, PlanQuery, SubmitPlanMutation } from '../api/operations';
import { AssessmentView } from '../components/assessment-view';
import { progress, uncovered } from '../components/coverage';
import { CoveragePanel } from '../components/coverage-panel';
import { MeasureForm } from '../components/measure-form';
import { MeasureProgress } from '../components/measure-progress';
import { measureTone, planTone } from '../components/plan-tone';
import { ProgressBar } from '../components/progress-bar';
import { TimelineView } from '../components/timeline-view';
import { planMessages } from '../messages';

type Plan = NonNullable<PlanData['improvementPlan']>;
type Measure = Plan['measures'][number];

export function PlanRoute() {
  const { planId = '' } = useParams();
  const t = useT(planMessages);
  const { data, loading, error, refetch } = useQuery(PlanQuery, { variables: { id: planId } });
  const plan = data?.improvementPlan;
  return (
    <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
      {() => (
        <Page title={t('plans.plan.title', { organisation: plan!.organisation.name })} preHeading={plan!.investigation.title}>
          <PlanBody plan={plan!} owners={data!.users.nodes.filter((u) => u.active)} reload={() => refetch()} />
        </Page>
      )}
    </QueryState>
  );
}

function PlanBody({
  plan,
  owners,
  reload,
}: {
  plan: Plan;
  owners: Array<{ id: string; displayName: string }>;
  reload: () => Promise<unknown>;
}) {
  const t = useT(planMessages);
  const td = useT(domainMessages);
  const { me } = useSession();
  const member = me?.role === 'ORGANISATION_MEMBER';
  const editable = member && (plan.status === 'DRAFT' || plan.status === 'REVISION_REQUESTED');
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [checking, setChecking] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const conflict = useConflictReload(reload, setError);
  const [remove] = useMutation(RemoveMeasureMutation);
  const [submitPlan, submitting] = useMutation(SubmitPlanMutation);
  const points = [...plan.investigation.improvementPoints].sort((a, b) => a.position - b.position);
  const missing = uncovered(points, plan.measures);
  const measures = [...plan.measures].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const positions = (m: Measure) =>
    [...m.points]
      .sort((a, b) => a.position - b.position)
      .map((p) => t('plans.point', { position: p.position }))
      .join(', ');
  const accepted = plan.status === 'ACCEPTED' || plan.status === 'CLOSED';
  const today = todayInAmsterdam();
  // Inspectors see a measure's thread once the plan was submitted; while it is sent back the API takes no comments on it.
  const submitted = plan.status === 'SUBMITTED' || accepted;
  const measureThread: 'write' | 'read' | 'none' =
    plan.status === 'REVISION_REQUESTED' ? (member ? 'read' : 'none') : member || submitted ? 'write' : 'none';

  useEffect(() => {
    // A deadline link (/plans/<id>#measure-<id>) lands on that measure.
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, []);

  async function confirmSubmit() {
    setError(null);
    try {
      const result = await submitPlan({ variables: { input: { planId: plan.id, expectedVersion: plan.version } } });
      setChecking(false);
      setNotice(t('plans.submit.done', { version: result.data!.submitImprovementPlan.submittedVersions }));
      await reload();
    } catch (e) {
      setError(toUiError(e));
    }
  }

  if (checking)
    return (
      <>
        <Heading2>{t('plans.submit.checkTitle')}</Heading2>
        <ErrorSummary items={[]} error={error} {...conflict} />
        <Paragraph>{t('plans.submit.frozen', { version: plan.submittedVersions + 1 })}</Paragraph>
        <ol className="ov-cards">
          {measures.map((m) => (
            <li key={m.id} className="ov-card">
              <dl className="ov-summary-list">
                <dt>{t('plans.measure.description')}</dt>
                <dd>{m.description}</dd>
                <dt>{t('plans.measure.successIndicator')}</dt>
                <dd>{m.successIndicator}</dd>
                <dt>{t('plans.measure.owner')}</dt>
                <dd>{m.owner?.displayName}</dd>
                <dt>{t('plans.measure.dueDate')}</dt>
                <dd>
                  <Day value={m.dueDate} />
                </dd>
                <dt>{t('plans.measure.points')}</dt>
                <dd>{positions(m)}</dd>
              </dl>
            </li>
          ))}
        </ol>
        <ButtonGroup>
          <Button appearance="primary-action-button" busy={submitting.loading} onClick={() => void confirmSubmit()}>
            {t('plans.submit.confirm')}
          </Button>
          <Button appearance="secondary-action-button" onClick={() => setChecking(false)}>
            {t('plans.submit.back')}
          </Button>
        </ButtonGroup>
      </>
    );

  return (
    <>
      <Paragraph>
        <StatusTag tone={planTone(plan.status)}>{td(`planStatus.${plan.status}`)}</StatusTag>{' '}
        {editable && (
          <>
            {t('plans.plan.due')}:{' '}
            <DeadlineStatus
              dueDate={plan.dueDate}
              originalDueDate={plan.originalDueDate}
              daysLeft={daysBetween(today, plan.dueDate)}
              overdue={plan.overdue}
            />
          </>
        )}
      </Paragraph>
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <ErrorSummary items={[]} error={error} {...conflict} />
      {plan.submittedVersions > 0 && (
        <Paragraph>
          {t('plans.plan.version', { count: plan.submittedVersions })}
          {plan.submittedVersions > 1 && (
            <>
              {' · '}
              <Link to={`/plans/${plan.id}/compare`} className="utrecht-link">
                {t('plans.compare.link')}
              </Link>
            </>
          )}
        </Paragraph>
      )}
      {plan.enforcement.count > 0 && (
        <Alert type="warning">
          <Paragraph>
            {t('plans.enforcement.notice', { count: plan.enforcement.count })}{' '}
            <Link to={`/enforcement/plans/${plan.id}`} className="utrecht-link">
              {t('plans.enforcement.link')}
            </Link>
          </Paragraph>
        </Alert>
      )}
      {plan.status === 'REVISION_REQUESTED' && <RevisionNotice plan={plan} />}
      <AssessmentView assessments={plan.assessments} />
      <TimelineView plan={plan} outcomeLabel={(o) => t(`plans.assessment.outcome.${o}` as 'plans.assessment.outcome.ACCEPTED')} />
      {accepted && (
        <section className="ov-section" aria-labelledby="progress-title">
          <Heading2 id="progress-title">{t('plans.progress.title')}</Heading2>
          <ProgressBar {...progress(plan.measures)} />
          {plan.internalAudit && (
            <Paragraph>
              <Link to={`/plans/${plan.id}/audit`} className="utrecht-link">
                {t('plans.audit.link')}
              </Link>{' '}
              <StatusTag tone="info">{td(`auditStatus.${plan.internalAudit.status}`)}</StatusTag>
            </Paragraph>
          )}
        </section>
      )}
      <div className={editable ? 'ov-editor' : undefined}>
        <section className="ov-section" aria-labelledby="measures-title">
          <Heading2 id="measures-title">{t('plans.measures.title')}</Heading2>
          {measures.length === 0 && <Paragraph>{t('plans.measures.none')}</Paragraph>}
          <ol className="ov-cards">
            {measures.map((m) => (
              <li key={m.id} id={`measure-${m.id}`} className="ov-card">
                {editing === m.id ? (
                  <MeasureForm
                    planId={plan.id}
                    measure={{ ...m, ownerId: m.owner?.id ?? '', pointIds: m.points.map((p) => p.id) }}
                    points={points}
                    owners={owners}
                    reload={reload}
                    onCancel={() => setEditing(null)}
                    onDone={async (message) => {
                      setEditing(null);
                      setNotice(message);
                      await reload();
                    }}
                  />
                ) : (
                  <>
                    <Heading3>{m.description}</Heading3>
                    <Paragraph>
                      <StatusTag tone={measureTone(m.status, m.overdue)}>{td(`measureStatus.${m.status}`)}</StatusTag>
                    </Paragraph>
                    <dl className="ov-summary-list">
                      <dt>{t('plans.measure.successIndicator')}</dt>
                      <dd>{m.successIndicator}</dd>
                      <dt>{t('plans.measure.owner')}</dt>
                      <dd>{m.owner?.displayName}</dd>
                      <dt>{t('plans.measure.dueDate')}</dt>
                      <dd>
                        {accepted && m.status !== 'COMPLETED' && m.status !== 'CANCELLED' ? (
                          <DeadlineStatus
                            dueDate={m.dueDate}
                            originalDueDate={m.originalDueDate}
                            daysLeft={daysBetween(today, m.dueDate)}
                            overdue={m.overdue}
                          />
                        ) : (
                          <Day value={m.dueDate} />
                        )}
                      </dd>
                      <dt>{t('plans.measure.points')}</dt>
                      <dd>{positions(m)}</dd>
                      {m.evidence && (
                        <>
                          <dt>{t('plans.progress.field.evidence')}</dt>
                          <dd>{m.evidence}</dd>
                        </>
                      )}
                      {m.cancellationReason && (
                        <>
                          <dt>{t('plans.progress.field.reason')}</dt>
                          <dd>{m.cancellationReason}</dd>
                        </>
                      )}
                    </dl>
                    {editable && editing === null && (
                      <ButtonGroup>
                        <Button
                          appearance="secondary-action-button"
                          aria-label={t('plans.measure.editNamed', { name: m.description })}
                          onClick={() => setEditing(m.id)}
                        >
                          {t('plans.measure.edit')}
                        </Button>
                        <Button
                          appearance="subtle-button"
                          aria-label={t('plans.measure.removeNamed', { name: m.description })}
                          onClick={async () => {
                            setError(null);
                            try {
                              await remove({ variables: { input: { id: m.id, expectedVersion: m.version } } });
                              setNotice(t('plans.measure.removed'));
                              await reload();
                            } catch (e) {
                              setError(toUiError(e));
                            }
                          }}
                        >
                          {t('plans.measure.remove')}
                        </Button>
                      </ButtonGroup>
                    )}
                    {member && plan.status === 'ACCEPTED' && <MeasureProgress measure={m} reload={reload} />}
                    {measureThread !== 'none' && (
                      <ConversationDisclosure
                        subjectType="MEASURE"
                        subjectId={m.id}
                        level={4}
                        title={t('plans.conversation.measure', { name: m.description })}
                        memberVisibilities={plan.status === 'DRAFT' ? ['ORGANISATION'] : ['PUBLIC']}
                        readOnly={measureThread === 'read'}
                      />
                    )}
                  </>
                )}
              </li>
            ))}
          </ol>
          {editable &&
            (editing === 'new' ? (
              <div className="ov-card">
                <MeasureForm
                  planId={plan.id}
                  points={points}
                  owners={owners}
                  reload={reload}
                  onCancel={() => setEditing(null)}
                  onDone={async (message) => {
                    setEditing(null);
                    setNotice(message);
                    await reload();
                  }}
                />
              </div>
            ) : (
              editing === null && (
                <ButtonGroup>
                  <Button appearance="secondary-action-button" onClick={() => setEditing('new')}>
                    {t('plans.measure.add')}
                  </Button>
                </ButtonGroup>
              )
            ))}
        </section>
        {editable && (
          <div>
            <CoveragePanel missing={missing} />
            <div className="ov-actions">
              {missing.length > 0 ? (
                <Paragraph>{t('plans.submit.blocked')}</Paragraph>
              ) : (
                <Button appearance="primary-action-button" disabled={editing !== null} onClick={() => setChecking(true)}>
                  {t('plans.submit.start')}
                </Button>
              )}
            </div>
          </div>
        )}
      </div>
      <ConversationPanel
        subjectType="PLAN"
        subjectId={plan.id}
        level={2}
        title={t('plans.conversation.plan')}
        memberVisibilities={plan.status === 'DRAFT' ? ['ORGANISATION', 'PUBLIC'] : ['PUBLIC']}
      />
    </>
  );
}

/** For a revision: what the inspectorate judged insufficient, and the new due date. */
function RevisionNotice({ plan }: { plan: Plan }) {
  const t = useT(planMessages);
  const latest = [...plan.assessments].sort((a, b) => b.planVersionNumber - a.planVersionNumber)[0];
  if (!latest) return null;
  const insufficient = (['aimedAtShortcomings', 'chanceOfSuccess', 'pace'] as const).filter((q) => latest[q].judgement === 'INSUFFICIENT');
  return (
    <Alert type="warning">
      <Heading2>{t('plans.assessment.mustChange')}</Heading2>
      <ul>
        {insufficient.map((q) => (
          <li key={q}>
            <strong>{t(`plans.assessment.${q}`)}</strong> {latest[q].rationale}
          </li>
        ))}
      </ul>
      <Paragraph>
        {t('plans.assessment.newDue')}: <Day value={plan.dueDate} />
        {plan.originalDueDate !== plan.dueDate && (
          <>
            {' '}
            (<Day value={plan.originalDueDate} />)
          </>
        )}
      </Paragraph>
    </Alert>
  );
}
