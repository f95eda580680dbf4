import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { PendingExtensionsQuery as PendingData } from '@web/gql/graphql';
import { problemsByField, toUiError, type UiError } from '@web/shared/api/errors';
import { Day, DateTime } from '@web/shared/components/dates';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { RadioGroup } from '@web/shared/components/radio-group';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { formatDay } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { DeadlineHistoryQuery, DecideExtensionMutation, ExtendDeadlinesMutation, PendingExtensionsQuery } from '../api/operations';
import { extensionMessages } from '../messages';

type Request = PendingData['extensionRequests']['nodes'][number];
type Investigation = PendingData['investigations']['nodes'][number];
// The kinds an organisation answers for; inspectorate deadlines are not moved this way.
const BULK_KINDS = ['PLAN_DUE', 'MEASURE_DUE', 'AUDIT_DUE'] as const;

export function ExtensionsRoute() {
  const t = useT(extensionMessages);
  const { data, loading, error, refetch } = useQuery(PendingExtensionsQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t('extensions.title')}>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => (
          <>
            <section className="ov-section" aria-labelledby="pending-title">
              <Heading2 id="pending-title">{t('extensions.pending.title')}</Heading2>
              {data!.extensionRequests.nodes.length === 0 ? (
                <Paragraph>{t('extensions.pending.none')}</Paragraph>
              ) : (
                <ul className="ov-cards">
                  {data!.extensionRequests.nodes.map((r) => (
                    <li key={r.id} className="ov-card">
                      <RequestCard request={r} reload={() => refetch()} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <BulkExtension investigations={data!.investigations.nodes} />
          </>
        )}
      </QueryState>
    </Page>
  );
}

function RequestCard({ request: r, reload }: { request: Request; reload: () => Promise<unknown> }) {
  const t = useT(extensionMessages);
  const d = useT(domainMessages);
  const { locale } = useLocale();
  const [decision, setDecision] = useState('');
  const [date, setDate] = useState(r.requestedDueDate);
  const [note, setNote] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [decide, { loading }] = useMutation(DecideExtensionMutation);
  const id = (f: string) => `${f}-${r.id}`;
  const api = problemsByField(error);
  const headingId = `request-${r.id}`;
  return (
    <article aria-labelledby={headingId}>
      <Heading3 id={headingId}>
        {t('extensions.request.heading', { organisation: r.organisation.name, kind: d(`kind.${r.kind}`) })}
      </Heading3>
      <dl className="ov-summary-list">
        <dt>{t('extensions.request.investigation')}</dt>
        <dd>{r.investigation ? <Link to={`/investigations/${r.investigation.id}`}>{r.investigation.title}</Link> : '—'}</dd>
        <dt>{t('extensions.request.current')}</dt>
        <dd>
          <Day value={r.currentDueDate} />
        </dd>
        <dt>{t('extensions.request.requested')}</dt>
        <dd>
          <Day value={r.requestedDueDate} />
        </dd>
        <dt>{t('extensions.request.reason')}</dt>
        <dd>{r.reason}</dd>
        <dt>{t('extensions.request.by')}</dt>
        <dd>
          {r.requestedBy?.displayName ?? '—'}, <DateTime value={r.createdAt} />
        </dd>
      </dl>
      {r.investigation && <DeadlineHistory investigationId={r.investigation.id} kind={r.kind} subjectId={r.subjectId} />}
      {done ? (
        <Alert type="ok" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      ) : (
        <form
          className="ov-form"
          aria-label={`${t('extensions.decide.legend')}: ${r.organisation.name}`}
          noValidate
          onSubmit={async (e) => {
            e.preventDefault();
            const problems: Record<string, string> = {};
            if (!decision) problems.grant = t('extensions.required.decision');
            if (decision === 'grant' && !date) problems.grantedDueDate = t('extensions.required.date');
            if (!note.trim()) problems.note = t('extensions.required.note');
            setLocal(problems);
            if (Object.keys(problems).length) return;
            const grant = decision === 'grant';
            try {
              await decide({
                variables: {
                  input: {
                    id: r.id,
                    expectedVersion: r.version,
                    grant,
                    note,
                    grantedDueDate: grant && date !== r.requestedDueDate ? date : null,
                  },
                },
              });
              setError(null);
              setDone(grant ? t('extensions.decide.savedGranted', { date: formatDay(date, locale) }) : t('extensions.decide.savedRefused'));
            } catch (err) {
              setError(toUiError(err));
            }
          }}
        >
          <ErrorSummary
            items={summaryItems(
              local,
              error,
              (f) => (f === 'grant' ? id('decision') : f === 'grantedDueDate' ? id('date') : f === 'note' ? id('note') : undefined),
              id('decision'),
            )}
            error={error}
            onReload={() => void reload().then(() => setError(null))}
          />
          <RadioGroup
            id={id('decision')}
            name={id('decision')}
            label={t('extensions.decide.legend')}
            value={decision}
            onChange={setDecision}
            error={local.grant ?? api.grant}
            options={[
              { value: 'grant', label: t('extensions.decide.grant') },
              { value: 'refuse', label: t('extensions.decide.refuse') },
            ]}
          />
          {decision === 'grant' && (
            <TextField
              id={id('date')}
              type="date"
              label={t('extensions.decide.date')}
              description={t('extensions.decide.dateHint')}
              value={date}
              onChange={setDate}
              error={local.grantedDueDate ?? api.grantedDueDate}
              required
            />
          )}
          <TextAreaField
            id={id('note')}
            label={t('extensions.decide.note')}
            value={note}
            onChange={setNote}
            error={local.note ?? api.note}
            required
          />
          <div className="ov-actions">
            <Button type="submit" appearance="primary-action-button" disabled={loading}>
              {t('extensions.decide.save')}
            </Button>
          </div>
        </form>
      )}
    </article>
  );
}

function DeadlineHistory({ investigationId, kind, subjectId }: { investigationId: string; kind: Request['kind']; subjectId: string }) {
  const t = useT(extensionMessages);
  const { locale } = useLocale();
  const { data } = useQuery(DeadlineHistoryQuery, { variables: { investigationId, kind } });
  const deadline = data?.deadlines.nodes.find((n) => [n.plan?.id, n.measure?.id, n.internalAudit?.id].includes(subjectId));
  if (!deadline) return null;
  return (
    <>
      <Paragraph>
        <strong>{t('extensions.history.title')}</strong>
      </Paragraph>
      <ul>
        <li>{t('extensions.history.original', { date: formatDay(deadline.originalDueDate, locale) })}</li>
        {deadline.changes.length === 0 ? (
          <li>
            {deadline.dueDate === deadline.originalDueDate
              ? t('extensions.history.none')
              : t('extensions.history.current', { date: formatDay(deadline.dueDate, locale) })}
          </li>
        ) : (
          deadline.changes.map((c) => (
            <li key={c.createdAt}>
              {t('extensions.history.move', { from: formatDay(c.fromDate, locale), to: formatDay(c.toDate, locale), reason: c.reason })}
              {c.decidedBy ? ` (${c.decidedBy.displayName})` : ''}
            </li>
          ))
        )}
        {deadline.changes.length > 0 && <li>{t('extensions.history.current', { date: formatDay(deadline.dueDate, locale) })}</li>}
      </ul>
    </>
  );
}

function BulkExtension({ investigations }: { investigations: Investigation[] }) {
  const t = useT(extensionMessages);
  const d = useT(domainMessages);
  const { locale } = useLocale();
  const [investigationId, setInvestigationId] = useState('');
  const [kind, setKind] = useState('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [except, setExcept] = useState<string[]>([]);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [extend, { loading }] = useMutation(ExtendDeadlinesMutation);
  const api = problemsByField(error);
  const chosen = investigations.find((i) => i.id === investigationId);
  const ids: Record<string, string> = {
    investigationId: 'bulk-investigation',
    kind: 'bulk-kind',
    newDueDate: 'bulk-date',
    reason: 'bulk-reason',
    exceptOrganisationIds: 'bulk-except',
  };
  return (
    <section className="ov-section" aria-labelledby="bulk-title">
      <Heading2 id="bulk-title">{t('extensions.bulk.title')}</Heading2>
      <Paragraph>{t('extensions.bulk.intro')}</Paragraph>
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      <form
        className="ov-form"
        aria-labelledby="bulk-title"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const problems: Record<string, string> = {};
          if (!investigationId) problems.investigationId = t('extensions.required.investigation');
          if (!kind) problems.kind = t('extensions.required.kind');
          if (!date) problems.newDueDate = t('extensions.required.bulkDate');
          if (!reason.trim()) problems.reason = t('extensions.required.reason');
          setLocal(problems);
          if (Object.keys(problems).length) return;
          try {
            const res = await extend({
              variables: { input: { investigationId, kind: kind as never, newDueDate: date, reason, exceptOrganisationIds: except } },
            });
            setError(null);
            setDone(t('extensions.bulk.saved', { count: res.data?.extendDeadlines.affected ?? 0, date: formatDay(date, locale) }));
            setReason('');
            setExcept([]);
          } catch (err) {
            setDone(null);
            setError(toUiError(err));
          }
        }}
      >
        <ErrorSummary items={summaryItems(local, error, (f) => ids[f], 'bulk-investigation')} error={error} />
        <SelectField
          id="bulk-investigation"
          label={t('extensions.bulk.investigation')}
          value={investigationId}
          onChange={(v) => {
            setInvestigationId(v);
            setExcept([]);
          }}
          placeholder={t('extensions.bulk.choose')}
          options={investigations.map((i) => ({ value: i.id, label: i.title }))}
          error={local.investigationId ?? api.investigationId}
          required
        />
        <SelectField
          id="bulk-kind"
          label={t('extensions.bulk.kind')}
          value={kind}
          onChange={setKind}
          placeholder={t('extensions.bulk.chooseKind')}
          options={BULK_KINDS.map((k) => ({ value: k, label: d(`kind.${k}`) }))}
          error={local.kind ?? api.kind}
          required
        />
        <TextField
          id="bulk-date"
          type="date"
          label={t('extensions.bulk.date')}
          value={date}
          onChange={setDate}
          error={local.newDueDate ?? api.newDueDate}
          required
        />
        <TextAreaField
          id="bulk-reason"
          label={t('extensions.bulk.reason')}
          value={reason}
          onChange={setReason}
          error={local.reason ?? api.reason}
          required
        />
        {chosen && chosen.involvedOrganisations.length > 0 && (
          <CheckboxGroup
            id="bulk-except"
            label={t('extensions.bulk.except')}
            values={except}
            onChange={setExcept}
            options={chosen.involvedOrganisations.map((o) => ({ value: o.id, label: o.name }))}
          />
        )}
        <div className="ov-actions">
          <Button type="submit" appearance="primary-action-button" disabled={loading}>
            {t('extensions.bulk.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
