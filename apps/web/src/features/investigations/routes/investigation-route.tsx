import { useMutation, useQuery } from '@apollo/client/react';
import { Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { InvestigationPageQuery } from '@web/gql/graphql';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { ConfirmSubmit } from '@web/shared/components/confirm-submit';
import { Day, DateTime } from '@web/shared/components/dates';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { TextAreaField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag, type Tone } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { sharedMessages } from '@web/shared/i18n/messages';
import { formatDay } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { CloseInvestigationMutation, InvestigationPageQuery as Query } from '../api/operations';
import { DeadlineChart } from '../components/deadline-chart';
import { HistoryList } from '../components/history-list';
import '../components/investigations.css';
import { investigationMessages } from '../messages';

type Investigation = InvestigationPageQuery['investigation'];

const PLAN_TONE: Record<string, Tone> = {
  DRAFT: 'neutral',
  SUBMITTED: 'info',
  REVISION_REQUESTED: 'warning',
  ACCEPTED: 'ok',
  CLOSED: 'ok',
};

export function InvestigationRoute() {
  const { investigationId = '' } = useParams();
  const t = useT(investigationMessages);
  const { data, loading, error, refetch } = useQuery(Query, { variables: { id: investigationId }, fetchPolicy: 'cache-and-network' });
  const title = data?.investigation.title ?? t('investigations.pre');
  return (
    <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
      {() => {
        const inv = data!.investigation;
        return (
          <Page title={title} preHeading={t('investigations.pre')}>
            <Facts inv={inv} />
            {inv.status === 'DRAFT' && (
              <Paragraph>
                <Link to={`/reports/${inv.id}`} className="utrecht-link">
                  {t('investigations.continueDraft')}
                </Link>
              </Paragraph>
            )}
            <Plans inv={inv} />
            <DeadlineChart deadlines={data!.deadlines.nodes} />
            <Closing inv={inv} onClosed={() => void refetch()} />
            <HistoryList investigationId={inv.id} />
          </Page>
        );
      }}
    </QueryState>
  );
}

function Facts({ inv }: { inv: Investigation }) {
  const t = useT(investigationMessages);
  const d = useT(domainMessages);
  const tone: Tone = inv.status === 'CLOSED' ? 'ok' : inv.status === 'DRAFT' ? 'neutral' : 'info';
  return (
    <>
      {inv.summary && <Paragraph>{inv.summary}</Paragraph>}
      <dl className="ov-summary-list">
        <dt>{t('investigations.facts.status')}</dt>
        <dd>
          <StatusTag tone={tone}>{d(`investigationStatus.${inv.status}`)}</StatusTag>
        </dd>
        <dt>{t('investigations.facts.lead')}</dt>
        <dd>{inv.leadInspectorate.name}</dd>
        <dt>{t('investigations.facts.municipality')}</dt>
        <dd>{inv.municipality.name}</dd>
        <dt>{t('investigations.facts.published')}</dt>
        <dd>{inv.publicationDate ? <Day value={inv.publicationDate} /> : t('investigations.notPublished')}</dd>
        {inv.trajectoryEndDate && (
          <>
            <dt>{t('investigations.facts.trajectoryEnd')}</dt>
            <dd>
              <Day value={inv.trajectoryEndDate} />
            </dd>
          </>
        )}
        {inv.closedAt && (
          <>
            <dt>{t('investigations.facts.closed')}</dt>
            <dd>
              <DateTime value={inv.closedAt} />
            </dd>
            <dt>{t('investigations.facts.closureReason')}</dt>
            <dd>{inv.closureReason}</dd>
          </>
        )}
      </dl>
    </>
  );
}

function Plans({ inv }: { inv: Investigation }) {
  const t = useT(investigationMessages);
  const { locale } = useLocale();
  const d = useT(domainMessages);
  const plans = [...inv.plans].sort((a, b) => a.organisation.name.localeCompare(b.organisation.name));
  return (
    <section className="ov-section" aria-labelledby="plans-title">
      <Heading2 id="plans-title">{t('investigations.plans.title')}</Heading2>
      {!plans.length ? (
        <Paragraph>{t('investigations.plans.none')}</Paragraph>
      ) : (
        <Table className="ov-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('investigations.plans.organisation')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('investigations.plans.stage')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('investigations.plans.next')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plans.map((p) => (
              <TableRow key={p.id}>
                <TableHeaderCell scope="row">{p.organisation.name}</TableHeaderCell>
                <TableCell>
                  <StatusTag tone={p.overdue ? 'danger' : (PLAN_TONE[p.status] ?? 'neutral')}>{d(`planStatus.${p.status}`)}</StatusTag>{' '}
                  <span className="ov-meta">{t('investigations.plans.versions', { count: p.submittedVersions })}</span>
                  {p.internalAudit && (
                    <>
                      <br />
                      {t('investigations.plans.audit', { status: d(`auditStatus.${p.internalAudit.status}`) })}
                    </>
                  )}
                  {p.verification && (
                    <>
                      <br />
                      {t('investigations.plans.verified', { date: formatDay(p.verification.verifiedOn, locale) })}
                    </>
                  )}
                  {p.enforcement.currentType && (
                    <>
                      <br />
                      {t('investigations.plans.enforcement', {
                        count: p.enforcement.count,
                        type: t(`investigations.enforcementType.${p.enforcement.currentType}`),
                      })}
                    </>
                  )}
                </TableCell>
                <TableCell>
                  <span className="ov-plan-links">
                    {p.submittedVersions > 0 && (
                      <Link to={`/plans/${p.id}`} className="utrecht-link">
                        {t('investigations.plans.open')} <span className="ov-visually-hidden">{p.organisation.name}</span>
                      </Link>
                    )}
                    {inv.status === 'FOLLOW_UP' || p.enforcement.count > 0 ? (
                      <Link to={`/enforcement/plans/${p.id}`} className="utrecht-link">
                        {t('investigations.plans.enforcementLink')} <span className="ov-visually-hidden">{p.organisation.name}</span>
                      </Link>
                    ) : null}
                  </span>
                  {p.status === 'SUBMITTED' && (
                    <Link to={`/assess/${p.id}`} className="utrecht-link">
                      {t('investigations.plans.assess')} <span className="ov-visually-hidden">{p.organisation.name}</span>
                    </Link>
                  )}
                  {p.internalAudit?.status === 'SUBMITTED' && (
                    <Link to={`/investigations/${inv.id}/audits/${p.internalAudit.id}`} className="utrecht-link">
                      {t('investigations.plans.judgeAudit')} <span className="ov-visually-hidden">{p.organisation.name}</span>
                    </Link>
                  )}
                  {p.status === 'ACCEPTED' && p.internalAudit?.status === 'JUDGED' && !p.verification && (
                    <Link to={`/verify/${p.id}`} className="utrecht-link">
                      {t('investigations.plans.verify')} <span className="ov-visually-hidden">{p.organisation.name}</span>
                    </Link>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}

function Closing({ inv, onClosed }: { inv: Investigation; onClosed: () => void }) {
  const t = useT(investigationMessages);
  const ts = useT(sharedMessages);
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState(false);
  const [close, closing] = useMutation(CloseInvestigationMutation);
  if (inv.status !== 'FOLLOW_UP') {
    return done ? <Paragraph role="status">{t('investigations.close.done')}</Paragraph> : null;
  }
  const open = inv.plans.filter((p) => p.status !== 'CLOSED');
  return (
    <section className="ov-section" aria-labelledby="close-title">
      <Heading2 id="close-title">{t('investigations.close.title')}</Heading2>
      {open.length > 0 ? (
        <Paragraph>{t('investigations.close.blocked', { plans: open.map((p) => p.organisation.name).join(', ') })}</Paragraph>
      ) : (
        <form
          className="ov-form"
          aria-labelledby="close-title"
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            if (!reason.trim()) {
              setLocal({ reason: ts('error.required', { field: t('investigations.close.reason').toLowerCase() }) });
              return;
            }
            setLocal({});
            if (!confirming) {
              setConfirming(true);
              return;
            }
            try {
              await close({ variables: { input: { id: inv.id, expectedVersion: inv.version, reason } } });
              setDone(true);
              onClosed();
            } catch (err) {
              setConfirming(false);
              setError(toUiError(err));
            }
          }}
        >
          <ErrorSummary
            items={summaryItems(local, error, (f) => (f === 'reason' ? 'close-reason' : undefined), 'close-reason')}
            error={error}
            onReload={onClosed}
          />
          <TextAreaField
            id="close-reason"
            label={t('investigations.close.reason')}
            description={t('investigations.close.reasonHint')}
            value={reason}
            onChange={setReason}
            error={local.reason}
            required
          />
          <ConfirmSubmit
            confirming={confirming}
            message={t('investigations.close.confirm')}
            submitLabel={t('investigations.close.submit')}
            confirmLabel={t('investigations.close.confirmYes')}
            cancelLabel={t('investigations.close.cancel')}
            busy={closing.loading}
            onCancel={() => setConfirming(false)}
          />
        </form>
      )}
    </section>
  );
}
