import type { Theme } from '@web/gql/graphql';
import { fieldName } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { CheckboxGroup, SelectField, TextAreaField } from '@web/shared/components/fields';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { reportRecordingMessages } from '../messages';
import { FormActions, ThemesField, useReportForm } from './form-parts';

export interface PointValues {
  text: string;
  themes: Theme[];
  findingId: string;
  addresseeIds: string[];
  /** Only sent for a collective point (more than one addressee). */
  coordinatingOrganisationId: string;
}

/** Adds or edits one improvement point: to one organisation, or collective with a coordinator among its addressees. */
export function PointForm({
  idPrefix,
  label,
  initial,
  organisations,
  findings,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: {
  idPrefix: string;
  label: string;
  initial: PointValues;
  organisations: Array<{ id: string; name: string }>;
  findings: Array<{ id: string; position: number; text: string }>;
  submitLabel: string;
  onSubmit: (values: PointValues) => Promise<void>;
  onCancel?: () => void;
  onReload?: () => void;
}) {
  const t = useT(reportRecordingMessages);
  const ts = useT(sharedMessages);
  const { values, setValues, set, local, error, busy, submit } = useReportForm(initial);
  const collective = values.addresseeIds.length > 1;
  const idOf = (f: string) => {
    const name = fieldName(f).replace(/\.\d+$/, '');
    const map: Record<string, string> = {
      text: 'text',
      themes: 'themes',
      findingId: 'finding',
      addresseeIds: 'addressees',
      coordinatingOrganisationId: 'coordinator',
    };
    return map[name] ? `${idPrefix}-${map[name]}` : undefined;
  };
  return (
    <form
      className="ov-form"
      aria-label={label}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (!values.text.trim()) problems.text = ts('error.required', { field: t('report.points.required.text') });
        if (!values.addresseeIds.length) problems.addresseeIds = t('report.points.required.addressees');
        else if (collective && !values.addresseeIds.includes(values.coordinatingOrganisationId))
          problems.coordinatingOrganisationId = t('report.points.required.coordinator');
        await submit(problems, async () => {
          await onSubmit({
            ...values,
            text: values.text.trim(),
            coordinatingOrganisationId: collective ? values.coordinatingOrganisationId : '',
          });
          if (!onCancel) setValues({ text: '', themes: [], findingId: '', addresseeIds: [], coordinatingOrganisationId: '' });
        });
      }}
    >
      <ErrorSummary items={summaryItems(local, error, idOf, `${idPrefix}-text`)} error={error} onReload={onReload} />
      <TextAreaField
        id={`${idPrefix}-text`}
        label={t('report.points.text')}
        value={values.text}
        onChange={(v) => set('text', v)}
        error={local.text}
        required
      />
      <SelectField
        id={`${idPrefix}-finding`}
        label={t('report.points.finding')}
        value={values.findingId}
        onChange={(v) => set('findingId', v)}
        placeholder={t('report.points.noFinding')}
        options={findings.map((f) => ({
          value: f.id,
          label: `${t('report.findings.number', { n: f.position })}: ${f.text.length > 80 ? `${f.text.slice(0, 80)}…` : f.text}`,
        }))}
      />
      <CheckboxGroup
        id={`${idPrefix}-addressees`}
        label={t('report.points.addressees')}
        description={t('report.points.addresseesHint')}
        values={values.addresseeIds}
        onChange={(v) => set('addresseeIds', v)}
        error={local.addresseeIds}
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
      />
      {collective && (
        <SelectField
          id={`${idPrefix}-coordinator`}
          label={t('report.points.coordinator')}
          description={t('report.points.coordinatorHint')}
          value={values.addresseeIds.includes(values.coordinatingOrganisationId) ? values.coordinatingOrganisationId : ''}
          onChange={(v) => set('coordinatingOrganisationId', v)}
          placeholder={t('report.points.chooseCoordinator')}
          options={organisations.filter((o) => values.addresseeIds.includes(o.id)).map((o) => ({ value: o.id, label: o.name }))}
          error={local.coordinatingOrganisationId}
          required
        />
      )}
      <ThemesField id={`${idPrefix}-themes`} values={values.themes} onChange={(v) => set('themes', v)} />
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
