import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { EnforcementStatus, EnforcementType, PlanEnforcementQuery as PlanData } from '@web/gql/graphql';
import { Day } from '@web/shared/components/dates';
import { DeadlineStatus } from '@web/shared/components/deadline-status';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag, type Tone } from '@web/shared/components/status-tag';
import { ConversationDisclosure } from '@web/shared/conversation/conversation-panel';
import { formatDay } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';
import {
  DecideSupervisionMutation,
  PlanEnforcementQuery,
  RecordComplianceMutation,
  RecordEnforcementMeasureMutation,
  RecordForfeitMutation,
  ReviewProgressReportMutation,
  SubmitProgressReportMutation,
} from '../api/operations';
import { ActionForm, type Values } from '../components/action-form';
import { choiceField, dateField, DecisionForm, useEnforcementChecks } from '../components/decision-form';
import { formatEuros, parseEuros } from '../components/enforcement-logic';
import { enforcementMessages } from '../messages';

type Plan = PlanData['improvementPlan'];
type Measure = Plan['enforcementMeasures'][number];
type Report = Measure['progressReports'][number];

const STATUS_TONE: Record<EnforcementStatus, Tone> = {
  ACTIVE: 'warning',
  COMPLIED: 'ok',
  NOT_COMPLIED: 'danger',
  LIFTED: 'ok',
  ESCALATED: 'neutral',
  IMPOSED: 'danger',
};
const REPORT_TONE: Record<Report['status'], Tone> = { DUE: 'info', SUBMITTED: 'info', ACCEPTED: 'ok', MORE_NEEDED: 'warning' };

export function EnforcementRoute() {
  const { planId = '' } = useParams();
  const t = useT(enforcementMessages);
  const { me } = useSession();
  const { data, loading, error, refetch } = useQuery(PlanEnforcementQuery, { variables: { id: planId }, fetchPolicy: 'cache-and-network' });
  const [notice, setNotice] = useState<string | null>(null);
  const inspector = me?.role === 'INSPECTOR';
  return (
    <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
      {() => {
        const plan = data!.improvementPlan;
        const measures = [...plan.enforcementMeasures].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
        const reload = async () => {
          await refetch();
        };
        const done = async (message: string) => {
          setNotice(message);
          await reload();
        };
        return (
          <Page title={t('enforcement.title', { organisation: plan.organisation.name })} preHeading={plan.investigation.title}>
            <Paragraph>
              {inspector ? (
                <Link to={`/investigations/${plan.investigation.id}`} className="utrecht-link">
                  {t('enforcement.backInvestigation')}
                </Link>
              ) : (
                <Link to={`/plans/${plan.id}`} className="utrecht-link">
                  {t('enforcement.backPlan')}
                </Link>
              )}
            </Paragraph>
            <Paragraph>{t('enforcement.intro')}</Paragraph>
            {notice && (
              <Alert type="ok" role="status">
                <Paragraph>{notice}</Paragraph>
              </Alert>
            )}
            <section className="ov-section" aria-labelledby="enforcement-list-title">
              <Heading2 id="enforcement-list-title">{t('enforcement.list.title')}</Heading2>
              {measures.length === 0 ? (
                <Paragraph>{t('enforcement.list.none')}</Paragraph>
              ) : (
                <ol className="ov-cards">
                  {measures.map((m) => (
                    <li key={m.id} className={`ov-card ov-card--${STATUS_TONE[m.status] === 'danger' ? 'danger' : 'warning'}`}>
                      <MeasureCard
                        measure={m}
                        inspector={inspector}
                        member={me?.role === 'ORGANISATION_MEMBER'}
                        done={done}
                        reload={reload}
                      />
                    </li>
                  ))}
                </ol>
              )}
            </section>
            {inspector && plan.investigation.status === 'FOLLOW_UP' && (
              <RecordForm plan={plan} measures={measures} done={done} reload={reload} />
            )}
          </Page>
        );
      }}
    </QueryState>
  );
}

function MeasureCard({
  measure: m,
  inspector,
  member,
  done,
  reload,
}: {
  measure: Measure;
  inspector: boolean;
  member: boolean;
  done: (message: string) => Promise<void>;
  reload: () => Promise<void>;
}) {
  const t = useT(enforcementMessages);
  const { locale } = useLocale();
  const typeLabel = t(`enforcement.type.${m.type}`);
  const headingId = `enforcement-${m.id}`;
  const moved = (current?: string | null, original?: string | null) =>
    current && original && current !== original ? ` (${t('enforcement.field.original', { date: formatDay(original, locale) })})` : '';
  const dueWithStatus = (current: string, original: string | null | undefined) =>
    m.status === 'ACTIVE' && m.deadline && m.deadline.dueDate === current ? (
      <DeadlineStatus dueDate={current} originalDueDate={original ?? current} daysLeft={m.deadline.daysLeft} overdue={m.deadline.overdue} />
    ) : (
      <>
        <Day value={current} />
        {moved(current, original)}
      </>
    );
  return (
    <article aria-labelledby={headingId}>
      <Heading3 id={headingId}>{t('enforcement.measure.heading', { type: typeLabel, date: formatDay(m.decisionDate, locale) })}</Heading3>
      <Paragraph>
        <StatusTag tone={STATUS_TONE[m.status]}>{t(`enforcement.status.${m.status}`)}</StatusTag>
      </Paragraph>
      <dl className="ov-summary-list">
        <dt>{t('enforcement.field.decisionDate')}</dt>
        <dd>
          <Day value={m.decisionDate} />
        </dd>
        {m.inspector && (
          <>
            <dt>{t('enforcement.field.inspector')}</dt>
            <dd>{m.inspector.displayName}</dd>
          </>
        )}
        {m.rationale && (
          <>
            <dt>{t('enforcement.field.rationale')}</dt>
            <dd className="ov-pre">{m.rationale}</dd>
          </>
        )}
        {m.requirements && (
          <>
            <dt>{t('enforcement.field.requirements')}</dt>
            <dd className="ov-pre">{m.requirements}</dd>
          </>
        )}
        {m.complianceDueDate && (
          <>
            <dt>{t('enforcement.field.complianceDueDate')}</dt>
            <dd>{dueWithStatus(m.complianceDueDate, m.originalComplianceDueDate)}</dd>
          </>
        )}
        {m.periodEndDate && (
          <>
            <dt>{t('enforcement.field.periodEndDate')}</dt>
            <dd>{dueWithStatus(m.periodEndDate, m.originalPeriodEndDate)}</dd>
          </>
        )}
        {m.amountCents != null && (
          <>
            <dt>{t('enforcement.field.amount')}</dt>
            <dd>
              {formatEuros(m.amountCents, locale)}
              {m.amountBasis && ` (${t(`enforcement.basis.${m.amountBasis}`)})`}
            </dd>
          </>
        )}
        {m.maximumCents != null && (
          <>
            <dt>{t('enforcement.field.maximum')}</dt>
            <dd>{formatEuros(m.maximumCents, locale)}</dd>
          </>
        )}
        {m.type === 'PENALTY_ORDER' && (
          <>
            <dt>{t('enforcement.field.forfeited')}</dt>
            <dd>{formatEuros(m.forfeitedCents, locale)}</dd>
          </>
        )}
        {m.decidedOn && (
          <>
            <dt>{t('enforcement.field.decidedOn')}</dt>
            <dd>
              <Day value={m.decidedOn} />
            </dd>
          </>
        )}
        {m.outcomeNote && (
          <>
            <dt>{t('enforcement.field.outcome')}</dt>
            <dd className="ov-pre">{m.outcomeNote}</dd>
          </>
        )}
      </dl>
      {m.forfeits.length > 0 && (
        <>
          <Heading3>{t('enforcement.forfeits.title')}</Heading3>
          <ul>
            {m.forfeits.map((f) => (
              <li key={f.id}>
                {t('enforcement.forfeit.item', { date: formatDay(f.forfeitedOn, locale), amount: formatEuros(f.amountCents, locale) })}
                {f.note && ` – ${f.note}`}
              </li>
            ))}
          </ul>
        </>
      )}
      {m.type === 'INTENSIFIED_SUPERVISION' && <Reports measure={m} inspector={inspector} member={member} done={done} reload={reload} />}
      {inspector && <InspectorActions measure={m} done={done} reload={reload} />}
      <ConversationDisclosure
        subjectType="ENFORCEMENT_MEASURE"
        subjectId={m.id}
        level={4}
        summary={t('enforcement.conversation')}
        title={t('enforcement.conversation.title', { type: typeLabel })}
      />
    </article>
  );
}

function Reports({
  measure: m,
  inspector,
  member,
  done,
  reload,
}: {
  measure: Measure;
  inspector: boolean;
  member: boolean;
  done: (message: string) => Promise<void>;
  reload: () => Promise<void>;
}) {
  const t = useT(enforcementMessages);
  const [submit] = useMutation(SubmitProgressReportMutation);
  const [review] = useMutation(ReviewProgressReportMutation);
  const reports = [...m.progressReports].sort((a, b) => a.sequence - b.sequence);
  const active = m.status === 'ACTIVE';
  // The organisation reports in order: the first one still open.
  const toSubmit = member && active ? reports.find((r) => r.status === 'DUE' || r.status === 'MORE_NEEDED') : undefined;
  const toReview = inspector && active ? reports.filter((r) => r.status === 'SUBMITTED') : [];
  return (
    <>
      <Heading3>{t('enforcement.reports.title')}</Heading3>
      <div className="ov-table-scroll">
        <Table className="ov-table">
          <TableCaption>{t('enforcement.reports.caption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('enforcement.reports.sequence')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('enforcement.reports.due')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('enforcement.reports.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('enforcement.reports.content')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {reports.map((r) => (
              <TableRow key={r.id}>
                <TableHeaderCell scope="row">{r.sequence}</TableHeaderCell>
                <TableCell>
                  <Day value={r.dueDate} />
                </TableCell>
                <TableCell>
                  <StatusTag tone={r.deadline?.overdue ? 'danger' : REPORT_TONE[r.status]}>
                    {t(`enforcement.report.status.${r.status}`)}
                    {r.deadline?.overdue && `, ${t('enforcement.report.late')}`}
                  </StatusTag>
                </TableCell>
                <TableCell>
                  {r.report && <p className="ov-pre">{r.report}</p>}
                  {r.reviewNote && <p className="ov-pre ov-meta">{t('enforcement.report.review', { note: r.reviewNote })}</p>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {toSubmit && (
        <ActionForm
          key={`${toSubmit.id}-${toSubmit.version}`}
          id={`report-${toSubmit.id}`}
          level={4}
          title={t('enforcement.report.submit.title', { sequence: toSubmit.sequence })}
          submitLabel={t('enforcement.report.submit.button')}
          fields={[
            {
              name: 'report',
              kind: 'textarea',
              required: true,
              label: t('enforcement.report.submit.text'),
              description: t('enforcement.report.submit.hint'),
            },
          ]}
          reload={reload}
          onSubmit={async (v) => {
            await submit({ variables: { input: { id: toSubmit.id, expectedVersion: toSubmit.version, report: v.report.trim() } } });
            await done(t('enforcement.report.submit.done', { sequence: toSubmit.sequence }));
          }}
        />
      )}
      {toReview.map((r) => (
        <DecisionForm
          key={`${r.id}-${r.version}`}
          id={`review-${r.id}`}
          title={t('enforcement.report.review.title', { sequence: r.sequence })}
          submitLabel={t('enforcement.report.review.button')}
          fields={[
            choiceField('accepted', t('enforcement.report.review.decision'), [
              { value: 'yes', label: t('enforcement.report.review.accept') },
              { value: 'no', label: t('enforcement.report.review.more') },
            ]),
            dateField('dueDate', t('enforcement.report.review.dueDate'), { when: (v) => v.accepted === 'no' }),
          ]}
          noteLabel={t('enforcement.report.review.note')}
          reload={reload}
          onSubmit={async (v) => {
            const accepted = v.accepted === 'yes';
            await review({
              variables: {
                input: { id: r.id, expectedVersion: r.version, accepted, note: v.note, dueDate: accepted ? null : v.dueDate },
              },
            });
            await done(t('enforcement.report.review.done', { sequence: r.sequence }));
          }}
        />
      ))}
    </>
  );
}

function InspectorActions({
  measure: m,
  done,
  reload,
}: {
  measure: Measure;
  done: (message: string) => Promise<void>;
  reload: () => Promise<void>;
}) {
  const t = useT(enforcementMessages);
  const [decide] = useMutation(DecideSupervisionMutation);
  const [comply] = useMutation(RecordComplianceMutation);
  const [forfeit] = useMutation(RecordForfeitMutation);
  const ref = { id: m.id, expectedVersion: m.version };
  const key = `${m.id}-${m.version}`;
  const check = useEnforcementChecks();
  return (
    <>
      {m.type === 'INTENSIFIED_SUPERVISION' && m.status === 'ACTIVE' && (
        <DecisionForm
          key={`decide-${key}`}
          id={`decide-${m.id}`}
          title={t('enforcement.decide.title')}
          submitLabel={t('enforcement.decide.button')}
          apiField={(p) => (p === 'extendMonths' ? 'months' : p)}
          fields={[
            choiceField('decision', t('enforcement.decide.decision'), [
              { value: 'LIFT', label: t('enforcement.decide.LIFT') },
              { value: 'EXTEND', label: t('enforcement.decide.EXTEND') },
            ]),
            {
              name: 'months',
              kind: 'text',
              required: true,
              label: t('enforcement.decide.months'),
              when: (v) => v.decision === 'EXTEND',
              check: check.months,
            },
            dateField('decidedOn', t('enforcement.decide.decidedOn')),
          ]}
          noteLabel={t('enforcement.decide.note')}
          reload={reload}
          onSubmit={async (v) => {
            await decide({
              variables: {
                input: {
                  ...ref,
                  decision: v.decision,
                  extendMonths: v.decision === 'EXTEND' ? Number(v.months) : null,
                  decidedOn: v.decidedOn,
                  note: v.note,
                },
              },
            });
            await done(t('enforcement.decide.done'));
          }}
        />
      )}
      {(m.type === 'BINDING_INSTRUCTION' || m.type === 'PENALTY_ORDER') && m.status === 'ACTIVE' && (
        <DecisionForm
          key={`comply-${key}`}
          id={`comply-${m.id}`}
          title={t('enforcement.compliance.title')}
          submitLabel={t('enforcement.compliance.button')}
          fields={[
            choiceField('complied', t('enforcement.compliance.complied'), [
              { value: 'yes', label: t('enforcement.compliance.yes') },
              { value: 'no', label: t('enforcement.compliance.no') },
            ]),
            dateField('decidedOn', t('enforcement.compliance.decidedOn')),
          ]}
          noteLabel={t('enforcement.compliance.note')}
          reload={reload}
          onSubmit={async (v) => {
            await comply({ variables: { input: { ...ref, complied: v.complied === 'yes', decidedOn: v.decidedOn, note: v.note } } });
            await done(t('enforcement.compliance.done'));
          }}
        />
      )}
      {m.type === 'PENALTY_ORDER' && (m.status === 'ACTIVE' || m.status === 'NOT_COMPLIED') && (
        <DecisionForm
          key={`forfeit-${key}`}
          id={`forfeit-${m.id}`}
          title={t('enforcement.forfeit.title')}
          submitLabel={t('enforcement.forfeit.button')}
          apiField={(p) => (p === 'amountCents' ? 'amount' : p)}
          fields={[
            dateField('forfeitedOn', t('enforcement.forfeit.date')),
            { name: 'amount', kind: 'text', required: true, label: t('enforcement.forfeit.amount'), check: check.amount },
          ]}
          noteLabel={t('enforcement.forfeit.note')}
          reload={reload}
          onSubmit={async (v) => {
            await forfeit({
              variables: { input: { ...ref, forfeitedOn: v.forfeitedOn, amountCents: parseEuros(v.amount)!, note: v.note } },
            });
            await done(t('enforcement.forfeit.done'));
          }}
        />
      )}
    </>
  );
}

function RecordForm({
  plan,
  measures,
  done,
  reload,
}: {
  plan: Plan;
  measures: Measure[];
  done: (message: string) => Promise<void>;
  reload: () => Promise<void>;
}) {
  const t = useT(enforcementMessages);
  const [record] = useMutation(RecordEnforcementMeasureMutation);
  // What the API will accept next (its ladder, over the measures on the plan and on the investigation).
  const types = plan.enforcementNextTypes;
  const is =
    (...which: EnforcementType[]) =>
    (v: Values) =>
      which.includes(v.type as EnforcementType);
  const check = useEnforcementChecks();
  const finished = measures.some((m) => m.type === 'ADMINISTRATIVE_FINE') && types.length === 0;
  return (
    <section className="ov-section" aria-labelledby="record-enforcement-title">
      {types.length === 0 ? (
        <>
          <Heading2 id="record-enforcement-title">{t('enforcement.record.title')}</Heading2>
          <Paragraph>{finished ? t('enforcement.record.finished') : t('enforcement.record.blocked')}</Paragraph>
        </>
      ) : (
        <ActionForm
          key={`record-${measures.length}`}
          id="record-enforcement"
          level={2}
          title={t('enforcement.record.title')}
          submitLabel={t('enforcement.record.button')}
          initial={types.length === 1 ? { type: types[0] } : {}}
          apiField={(p) => (p === 'amountCents' ? 'amount' : p === 'maximumCents' ? 'maximum' : p)}
          fields={[
            choiceField(
              'type',
              t('enforcement.record.type'),
              types.map((ty) => ({ value: ty, label: t(`enforcement.type.${ty}`) })),
              { description: t('enforcement.record.typeHint') },
            ),
            dateField('decisionDate', t('enforcement.record.decisionDate'), { description: t('enforcement.record.decisionDateHint') }),
            { name: 'rationale', kind: 'textarea', required: true, label: t('enforcement.record.rationale') },
            {
              name: 'periodMonths',
              kind: 'text',
              label: t('enforcement.record.periodMonths'),
              description: t('enforcement.record.periodMonthsHint'),
              when: is('INTENSIFIED_SUPERVISION'),
              check: check.months,
            },
            {
              name: 'requirements',
              kind: 'textarea',
              required: true,
              label: t('enforcement.record.requirements'),
              when: is('BINDING_INSTRUCTION', 'PENALTY_ORDER'),
            },
            dateField('complianceDueDate', t('enforcement.record.complianceDueDate'), {
              description: t('enforcement.record.complianceDueDateHint'),
              when: is('BINDING_INSTRUCTION', 'PENALTY_ORDER'),
            }),
            choiceField(
              'amountBasis',
              t('enforcement.record.amountBasis'),
              [
                { value: 'PER_PERIOD', label: t('enforcement.basis.PER_PERIOD') },
                { value: 'TOTAL', label: t('enforcement.basis.TOTAL') },
              ],
              { when: is('PENALTY_ORDER') },
            ),
            {
              name: 'amount',
              kind: 'text',
              required: true,
              label: t('enforcement.record.amount'),
              when: is('PENALTY_ORDER'),
              check: check.amount,
            },
            {
              name: 'maximum',
              kind: 'text',
              required: true,
              label: t('enforcement.record.maximum'),
              when: (v) => v.type === 'PENALTY_ORDER' && v.amountBasis === 'PER_PERIOD',
              check: check.amount,
            },
            {
              name: 'amount',
              kind: 'text',
              label: t('enforcement.record.fineAmount'),
              when: is('ADMINISTRATIVE_FINE'),
              check: check.amount,
            },
          ]}
          reload={reload}
          onSubmit={async (v) => {
            const type = v.type as EnforcementType;
            const compliance = type === 'BINDING_INSTRUCTION' || type === 'PENALTY_ORDER';
            await record({
              variables: {
                input: {
                  planId: plan.id,
                  type,
                  decisionDate: v.decisionDate,
                  rationale: v.rationale.trim(),
                  periodMonths: type === 'INTENSIFIED_SUPERVISION' && v.periodMonths ? Number(v.periodMonths) : null,
                  requirements: compliance ? v.requirements.trim() : null,
                  complianceDueDate: compliance ? v.complianceDueDate : null,
                  amountBasis: type === 'PENALTY_ORDER' ? (v.amountBasis as 'PER_PERIOD' | 'TOTAL') : null,
                  amountCents: (type === 'PENALTY_ORDER' || type === 'ADMINISTRATIVE_FINE') && v.amount ? parseEuros(v.amount) : null,
                  maximumCents: type === 'PENALTY_ORDER' && v.amountBasis === 'PER_PERIOD' ? parseEuros(v.maximum) : null,
                },
              },
            });
            await done(t('enforcement.record.done', { type: t(`enforcement.type.${type}`) }));
          }}
        />
      )}
    </section>
  );
}
