import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { DeadlineUnit, OrganisationKind } from '@web/gql/graphql';
import { fieldName } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '@web/shared/components/fields';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { reportRecordingMessages } from '../messages';
import { detailsProblems, POLICY_FIELDS, type DetailsValues } from './details-values';
import { FormActions, useReportForm } from './form-parts';

export interface OrganisationOption {
  id: string;
  name: string;
  kind: OrganisationKind;
  municipality?: { id: string } | null;
}

/** The control each field's problems link to. */
export function detailsFieldId(field: string): string | undefined {
  const name = fieldName(field).replace(/\.\d+$/, '');
  if (name === 'title') return 'report-title';
  if (name === 'summary') return 'report-summary';
  if (name === 'municipalityId') return 'report-municipality';
  if (name === 'participatingInspectorateIds') return 'report-participating';
  if (name === 'involvedOrganisationIds') return 'report-involved';
  if (name === 'policy.unit') return 'report-policy-unit';
  if (name.startsWith('policy.')) return `report-policy-${name.slice('policy.'.length)}`;
  return undefined;
}

/** Details of an investigation: title, municipality, parties and the deadline policy (create and edit alike). */
export function DetailsForm({
  initial,
  organisations,
  ownInspectorateId,
  submitLabel,
  onSubmit,
  onReload,
  onCancel,
}: {
  initial: DetailsValues;
  organisations: OrganisationOption[];
  ownInspectorateId?: string;
  submitLabel: string;
  onSubmit: (values: DetailsValues) => Promise<void>;
  onReload?: () => void;
  onCancel?: () => void;
}) {
  const t = useT(reportRecordingMessages);
  const ts = useT(sharedMessages);
  const d = useT(domainMessages);
  const { values, set, local, error, busy, submit } = useReportForm(initial);

  const municipalities = organisations.filter((o) => o.kind === 'MUNICIPALITY').sort((a, b) => a.name.localeCompare(b.name));
  const inspectorates = organisations.filter((o) => o.kind === 'INSPECTORATE' && o.id !== ownInspectorateId);
  // The municipality and the organisations working in it first; those already chosen elsewhere stay visible.
  const involvedOptions = values.municipalityId
    ? organisations
        .filter(
          (o) =>
            o.kind !== 'INSPECTORATE' &&
            (o.id === values.municipalityId ||
              o.municipality?.id === values.municipalityId ||
              values.involvedOrganisationIds.includes(o.id)),
        )
        .sort((a, b) => Number(b.id === values.municipalityId) - Number(a.id === values.municipalityId) || a.name.localeCompare(b.name))
    : [];

  return (
    <form
      className="ov-form"
      aria-labelledby="report-details-title"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const problems = detailsProblems(values, {
          required: (field) =>
            field === 'involvedOrganisationIds'
              ? t('report.required.involved')
              : ts('error.required', { field: t(field === 'title' ? 'report.required.title' : 'report.required.municipality') }),
          invalid: (key, max) => t('report.policy.invalid', { field: t(`report.policy.${key}`).toLowerCase(), max }),
        });
        await submit(problems, () => onSubmit(values));
      }}
    >
      <ErrorSummary items={summaryItems(local, error, detailsFieldId, 'report-title')} error={error} onReload={onReload} />
      <Heading2 id="report-details-title">{t('report.details.title')}</Heading2>
      <TextField
        id="report-title"
        label={t('report.details.name')}
        description={t('report.details.nameHint')}
        value={values.title}
        onChange={(v) => set('title', v)}
        error={local.title}
        required
      />
      <TextAreaField
        id="report-summary"
        label={t('report.details.summary')}
        description={t('report.details.summaryHint')}
        value={values.summary}
        onChange={(v) => set('summary', v)}
      />
      <SelectField
        id="report-municipality"
        label={t('report.details.municipality')}
        description={t('report.details.municipalityHint')}
        value={values.municipalityId}
        onChange={(v) => set('municipalityId', v)}
        placeholder={t('report.details.choose')}
        options={municipalities.map((m) => ({ value: m.id, label: m.name }))}
        error={local.municipalityId}
        required
      />
      <Paragraph>{t('report.details.lead')}</Paragraph>
      {inspectorates.length > 0 && (
        <CheckboxGroup
          id="report-participating"
          label={t('report.details.participating')}
          values={values.participatingInspectorateIds}
          onChange={(v) => set('participatingInspectorateIds', v)}
          options={inspectorates.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      {involvedOptions.length ? (
        <CheckboxGroup
          id="report-involved"
          label={t('report.details.involved')}
          description={t('report.details.involvedHint')}
          values={values.involvedOrganisationIds}
          onChange={(v) => set('involvedOrganisationIds', v)}
          error={local.involvedOrganisationIds}
          options={involvedOptions.map((o) => ({
            value: o.id,
            label: t('report.details.kindOf', { name: o.name, kind: d(`orgKind.${o.kind}`) }),
          }))}
        />
      ) : (
        <Paragraph id="report-involved" tabIndex={-1}>
          {local.involvedOrganisationIds && <strong>{local.involvedOrganisationIds} </strong>}
          {t('report.details.chooseMunicipalityFirst')}
        </Paragraph>
      )}
      <fieldset className="ov-fieldset">
        <legend className="ov-fieldset__legend">{t('report.policy.title')}</legend>
        <Paragraph>{t('report.policy.intro')}</Paragraph>
        {POLICY_FIELDS.map((f) => (
          <TextField
            key={f.key}
            id={`report-policy-${f.key}`}
            label={t(`report.policy.${f.key}`)}
            description={t('report.policy.default', { value: f.default })}
            value={values.policy[f.key]}
            onChange={(v) => set('policy', { ...values.policy, [f.key]: v })}
            error={local[`policy.${f.key}`]}
            required
          />
        ))}
        <SelectField
          id="report-policy-unit"
          label={t('report.policy.unit')}
          description={t('report.policy.default', { value: t('report.policy.unit.CALENDAR_DAYS') })}
          value={values.unit}
          onChange={(v) => set('unit', v as DeadlineUnit)}
          options={(['CALENDAR_DAYS', 'WORKING_DAYS'] as const).map((u) => ({ value: u, label: t(`report.policy.unit.${u}`) }))}
        />
      </fieldset>
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
