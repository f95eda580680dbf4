import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { DraftReportQuery, Theme } from '@web/gql/graphql';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary } from '@web/shared/components/error-summary';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';
import {
  AddFindingMutation,
  AddImprovementPointMutation,
  DraftReportQuery as Query,
  RemoveFindingMutation,
  RemoveImprovementPointMutation,
  ReportOrganisationsQuery,
  UpdateFindingMutation,
  UpdateImprovementPointMutation,
  UpdateInvestigationMutation,
} from '../api/operations';
import { DetailsForm } from '../components/details-form';
import { POLICY_FIELDS, policyInput, type DetailsValues, type PolicyKey } from '../components/details-values';
import { FindingForm } from '../components/finding-form';
import { PointForm, type PointValues } from '../components/point-form';
import { PrivacyWarning } from '../components/privacy-warning';
import { PublishSection } from '../components/publish-section';
import '../components/report-recording.css';
import { reportRecordingMessages } from '../messages';

type Investigation = DraftReportQuery['investigation'];

/** A draft report: its details, findings, improvement points, and publishing. Reachable again from the portfolio. */
export function DraftReportRoute() {
  const { investigationId = '' } = useParams();
  const t = useT(reportRecordingMessages);
  const navigate = useNavigate();
  const { me } = useSession();
  const { data, loading, error, refetch } = useQuery(Query, { variables: { id: investigationId }, fetchPolicy: 'cache-and-network' });
  const reload = () => void refetch();
  return (
    <QueryState loading={loading && !data} error={error} retry={reload}>
      {() => {
        const inv = data!.investigation;
        // Details and publishing are the lead inspectorate's; participating inspectorates may add findings and points.
        const lead = me?.organisation?.id === inv.leadInspectorate.id;
        return (
          <Page title={inv.title} preHeading={t('report.draft.pre')}>
            {inv.status !== 'DRAFT' ? (
              <>
                <Paragraph>{t('report.notDraft')}</Paragraph>
                <Link to={`/investigations/${inv.id}`} className="utrecht-link">
                  {t('report.toInvestigation')}
                </Link>
              </>
            ) : (
              <>
                <PrivacyWarning />
                <Details inv={inv} lead={lead} onSaved={reload} />
                <Findings inv={inv} onChanged={reload} />
                <Points inv={inv} onChanged={reload} />
                {lead ? (
                  <PublishSection inv={inv} onReload={reload} onPublished={() => void navigate(`/investigations/${inv.id}`)} />
                ) : (
                  <Paragraph>{t('report.leadOnly', { lead: inv.leadInspectorate.name })}</Paragraph>
                )}
              </>
            )}
          </Page>
        );
      }}
    </QueryState>
  );
}

function Details({ inv, lead, onSaved }: { inv: Investigation; lead: boolean; onSaved: () => void }) {
  const t = useT(reportRecordingMessages);
  const d = useT(domainMessages);
  const { me } = useSession();
  const [editing, setEditing] = useState(false);
  const orgs = useQuery(ReportOrganisationsQuery, { skip: !editing });
  const [update] = useMutation(UpdateInvestigationMutation);
  const [saved, setSaved] = useState(false);
  const policy = inv.deadlinePolicy;
  const initial: DetailsValues = {
    title: inv.title,
    summary: inv.summary,
    municipalityId: inv.municipality.id,
    participatingInspectorateIds: inv.participatingInspectorates.map((o) => o.id),
    involvedOrganisationIds: inv.involvedOrganisations.map((o) => o.id),
    policy: Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, String(policy[f.key])])) as Record<PolicyKey, string>,
    unit: policy.deadlineUnit,
  };
  if (!editing)
    return (
      <section className="ov-section" aria-labelledby="report-details-title">
        <Heading2 id="report-details-title">{t('report.details.title')}</Heading2>
        {saved && <Paragraph role="status">{t('report.saved')}</Paragraph>}
        {inv.summary && <Paragraph>{inv.summary}</Paragraph>}
        <dl className="ov-summary-list">
          <dt>{t('report.details.municipality')}</dt>
          <dd>{inv.municipality.name}</dd>
          <dt>{t('report.details.leadLabel')}</dt>
          <dd>{inv.leadInspectorate.name}</dd>
          {inv.participatingInspectorates.length > 0 && (
            <>
              <dt>{t('report.details.participating')}</dt>
              <dd>{inv.participatingInspectorates.map((o) => o.name).join(', ')}</dd>
            </>
          )}
          <dt>{t('report.details.involved')}</dt>
          <dd>
            <ul className="ov-plain-list">
              {inv.involvedOrganisations.map((o) => (
                <li key={o.id}>{t('report.details.kindOf', { name: o.name, kind: d(`orgKind.${o.kind}`) })}</li>
              ))}
            </ul>
          </dd>
          <dt>{t('report.policy.title')}</dt>
          <dd>
            <ul className="ov-plain-list">
              {POLICY_FIELDS.map((f) => (
                <li key={f.key}>
                  {t(`report.policy.${f.key}`)}: {policy[f.key]}
                  {policy[f.key] !== f.default && <> ({t('report.policy.default', { value: f.default }).toLowerCase()})</>}
                </li>
              ))}
              <li>
                {t('report.policy.unit')}: {t(`report.policy.unit.${policy.deadlineUnit}`)}
              </li>
            </ul>
          </dd>
        </dl>
        {lead && (
          <div className="ov-actions">
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('report.details.edit')}
            </Button>
          </div>
        )}
      </section>
    );
  return (
    <section className="ov-section">
      <QueryState loading={orgs.loading && !orgs.data} error={orgs.error} retry={() => void orgs.refetch()}>
        {() => (
          <DetailsForm
            key={inv.version}
            initial={initial}
            organisations={orgs.data!.organisations.nodes}
            ownInspectorateId={me?.organisation?.id ?? inv.leadInspectorate.id}
            submitLabel={t('report.saveDetails')}
            onReload={onSaved}
            onCancel={() => setEditing(false)}
            onSubmit={async (v) => {
              await update({
                variables: {
                  input: {
                    id: inv.id,
                    expectedVersion: inv.version,
                    title: v.title.trim(),
                    summary: v.summary.trim(),
                    municipalityId: v.municipalityId,
                    participatingInspectorateIds: v.participatingInspectorateIds,
                    involvedOrganisationIds: v.involvedOrganisationIds,
                    policy: policyInput(v),
                  },
                },
              });
              setSaved(true);
              setEditing(false);
              onSaved();
            }}
          />
        )}
      </QueryState>
    </section>
  );
}

function ThemeLine({ themes }: { themes: Theme[] }) {
  const t = useT(reportRecordingMessages);
  const d = useT(domainMessages);
  return (
    <Paragraph className="ov-meta">
      {themes.length ? t('report.points.themesOf', { themes: themes.map((th) => d(`theme.${th}`)).join(', ') }) : t('report.themes.none')}
    </Paragraph>
  );
}

/** Edit and remove buttons of one finding or point, named after it for screen readers; a failed removal goes to `onError`. */
function ItemActions({
  name,
  onEdit,
  onRemove,
  onError,
}: {
  name: string;
  onEdit: () => void;
  onRemove: () => Promise<void>;
  onError: (error: UiError | null) => void;
}) {
  const t = useT(reportRecordingMessages);
  return (
    <div className="ov-actions">
      <Button type="button" appearance="secondary-action-button" onClick={onEdit}>
        {t('report.findings.edit')} <span className="ov-visually-hidden">{name}</span>
      </Button>
      <Button
        type="button"
        appearance="subtle-button"
        onClick={async () => {
          onError(null);
          try {
            await onRemove();
          } catch (err) {
            onError(toUiError(err));
          }
        }}
      >
        {t('report.findings.remove')} <span className="ov-visually-hidden">{name}</span>
      </Button>
    </div>
  );
}

function Findings({ inv, onChanged }: { inv: Investigation; onChanged: () => void }) {
  const t = useT(reportRecordingMessages);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [add] = useMutation(AddFindingMutation);
  const [update] = useMutation(UpdateFindingMutation);
  const [remove] = useMutation(RemoveFindingMutation);
  const findings = [...inv.findings].sort((a, b) => a.position - b.position);
  return (
    <section className="ov-section" aria-labelledby="findings-title">
      <Heading2 id="findings-title">{t('report.findings.title')}</Heading2>
      <ErrorSummary items={[]} error={error} onReload={onChanged} />
      {!findings.length && <Paragraph>{t('report.findings.none')}</Paragraph>}
      <ol className="ov-report-list">
        {findings.map((f) => {
          const name = t('report.findings.number', { n: f.position });
          return (
            <li key={f.id} aria-labelledby={`finding-${f.id}`}>
              <Heading3 id={`finding-${f.id}`}>{name}</Heading3>
              {editing === f.id ? (
                <FindingForm
                  idPrefix={`finding-edit-${f.id}`}
                  label={name}
                  initial={{ text: f.text, themes: f.themes }}
                  submitLabel={t('report.findings.save')}
                  onCancel={() => setEditing(null)}
                  onReload={onChanged}
                  onSubmit={async (v) => {
                    await update({ variables: { input: { id: f.id, expectedVersion: f.version, text: v.text, themes: v.themes } } });
                    setEditing(null);
                    onChanged();
                  }}
                />
              ) : (
                <>
                  <Paragraph>{f.text}</Paragraph>
                  <ThemeLine themes={f.themes} />
                  <ItemActions
                    name={name}
                    onEdit={() => setEditing(f.id)}
                    onRemove={async () => {
                      await remove({ variables: { input: { id: f.id, expectedVersion: f.version } } });
                      onChanged();
                    }}
                    onError={setError}
                  />
                </>
              )}
            </li>
          );
        })}
      </ol>
      <Heading3 id="finding-add-title">{t('report.findings.add')}</Heading3>
      <FindingForm
        idPrefix="finding-new"
        label={t('report.findings.add')}
        initial={{ text: '', themes: [] }}
        submitLabel={t('report.findings.add')}
        onSubmit={async (v) => {
          await add({ variables: { input: { investigationId: inv.id, text: v.text, themes: v.themes } } });
          onChanged();
        }}
      />
    </section>
  );
}

function Points({ inv, onChanged }: { inv: Investigation; onChanged: () => void }) {
  const t = useT(reportRecordingMessages);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [add] = useMutation(AddImprovementPointMutation);
  const [update] = useMutation(UpdateImprovementPointMutation);
  const [remove] = useMutation(RemoveImprovementPointMutation);
  const points = [...inv.improvementPoints].sort((a, b) => a.position - b.position);
  const organisations = [...inv.involvedOrganisations].sort((a, b) => a.name.localeCompare(b.name));
  const findings = [...inv.findings].sort((a, b) => a.position - b.position);
  const addressing = (v: PointValues) => ({
    text: v.text,
    themes: v.themes,
    findingId: v.findingId || null,
    addresseeIds: v.addresseeIds,
    coordinatingOrganisationId: v.coordinatingOrganisationId || null,
  });
  return (
    <section className="ov-section" aria-labelledby="points-title">
      <Heading2 id="points-title">{t('report.points.title')}</Heading2>
      <ErrorSummary items={[]} error={error} onReload={onChanged} />
      {!points.length && <Paragraph>{t('report.points.none')}</Paragraph>}
      <ol className="ov-report-list">
        {points.map((p) => {
          const name = t('report.points.number', { n: p.position });
          return (
            <li key={p.id} aria-labelledby={`point-${p.id}`}>
              <Heading3 id={`point-${p.id}`}>{name}</Heading3>
              {editing === p.id ? (
                <PointForm
                  idPrefix={`point-edit-${p.id}`}
                  label={name}
                  organisations={organisations}
                  findings={findings}
                  initial={{
                    text: p.text,
                    themes: p.themes,
                    findingId: p.finding?.id ?? '',
                    addresseeIds: p.addressees.map((a) => a.id),
                    coordinatingOrganisationId: p.coordinatingOrganisation?.id ?? '',
                  }}
                  submitLabel={t('report.points.save')}
                  onCancel={() => setEditing(null)}
                  onReload={onChanged}
                  onSubmit={async (v) => {
                    await update({ variables: { input: { id: p.id, expectedVersion: p.version, ...addressing(v) } } });
                    setEditing(null);
                    onChanged();
                  }}
                />
              ) : (
                <>
                  <Paragraph>{p.text}</Paragraph>
                  <Paragraph className="ov-meta">
                    {t('report.points.addressedTo', { names: p.addressees.map((a) => a.name).join(', ') })}
                    {' · '}
                    {p.collective && p.coordinatingOrganisation
                      ? t('report.points.collective', { name: p.coordinatingOrganisation.name })
                      : t('report.points.single')}
                    {p.finding && (
                      <>
                        {' · '}
                        {t('report.points.finding')}: {p.finding.position}
                      </>
                    )}
                  </Paragraph>
                  <ThemeLine themes={p.themes} />
                  <ItemActions
                    name={name}
                    onEdit={() => setEditing(p.id)}
                    onRemove={async () => {
                      await remove({ variables: { input: { id: p.id, expectedVersion: p.version } } });
                      onChanged();
                    }}
                    onError={setError}
                  />
                </>
              )}
            </li>
          );
        })}
      </ol>
      <Heading3>{t('report.points.add')}</Heading3>
      <PointForm
        idPrefix="point-new"
        label={t('report.points.add')}
        organisations={organisations}
        findings={findings}
        initial={{ text: '', themes: [], findingId: '', addresseeIds: [], coordinatingOrganisationId: '' }}
        submitLabel={t('report.points.add')}
        onSubmit={async (v) => {
          await add({ variables: { input: { investigationId: inv.id, ...addressing(v), findingId: v.findingId || undefined } } });
          onChanged();
        }}
      />
    </section>
  );
}
