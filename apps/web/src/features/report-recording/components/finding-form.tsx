import type { Theme } from '@web/gql/graphql';
import { fieldName } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems } from '@web/shared/components/error-summary';
import { TextAreaField } from '@web/shared/components/fields';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { reportRecordingMessages } from '../messages';
import { FormActions, ThemesField, useReportForm } from './form-parts';

export interface FindingValues {
  text: string;
  themes: Theme[];
}

/** Adds or edits one finding: its text and its theme tags. */
export function FindingForm({
  idPrefix,
  label,
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  onReload,
}: {
  idPrefix: string;
  label: string;
  initial: FindingValues;
  submitLabel: string;
  onSubmit: (values: FindingValues) => Promise<void>;
  onCancel?: () => void;
  onReload?: () => void;
}) {
  const t = useT(reportRecordingMessages);
  const ts = useT(sharedMessages);
  const { values, setValues, set, local, error, busy, submit } = useReportForm(initial);
  const idOf = (f: string) =>
    fieldName(f) === 'text' ? `${idPrefix}-text` : fieldName(f).startsWith('themes') ? `${idPrefix}-themes` : undefined;
  return (
    <form
      className="ov-form"
      aria-label={label}
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const problems: Record<string, string> = {};
        if (!values.text.trim()) problems.text = ts('error.required', { field: t('report.findings.required') });
        await submit(problems, async () => {
          await onSubmit({ text: values.text.trim(), themes: values.themes });
          if (!onCancel) setValues({ text: '', themes: [] });
        });
      }}
    >
      <ErrorSummary items={summaryItems(local, error, idOf, `${idPrefix}-text`)} error={error} onReload={onReload} />
      <TextAreaField
        id={`${idPrefix}-text`}
        label={t('report.findings.text')}
        value={values.text}
        onChange={(text) => set('text', text)}
        error={local.text}
        required
      />
      <ThemesField id={`${idPrefix}-themes`} values={values.themes} onChange={(themes) => set('themes', themes)} />
      <FormActions submitLabel={submitLabel} busy={busy} onCancel={onCancel} />
    </form>
  );
}
