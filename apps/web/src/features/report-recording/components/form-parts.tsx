import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Theme } from '@web/gql/graphql';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { CheckboxGroup } from '@web/shared/components/fields';
import { domainMessages, THEMES } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import { reportRecordingMessages } from '../messages';

/**
 * The state of one report form: the values, the problems found before sending (`local`), the API's
 * error and whether it is sending. `submit` shows the problems, or sends when there are none and keeps
 * a failure as a `UiError` for the error summary.
 */
export function useReportForm<V extends object>(initial: V) {
  const [values, setValues] = useState(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));
  async function submit(problems: Record<string, string>, send: () => Promise<void>) {
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    setBusy(true);
    try {
      await send();
    } catch (err) {
      setError(toUiError(err));
    } finally {
      setBusy(false);
    }
  }
  return { values, setValues, set, local, error, busy, submit };
}

/** The theme tags of a finding or an improvement point. */
export function ThemesField({ id, values, onChange }: { id: string; values: Theme[]; onChange: (themes: Theme[]) => void }) {
  const t = useT(reportRecordingMessages);
  const d = useT(domainMessages);
  return (
    <CheckboxGroup
      id={id}
      label={t('report.themes')}
      values={values}
      onChange={(themes) => onChange(themes as Theme[])}
      options={THEMES.map((th) => ({ value: th, label: d(`theme.${th}`) }))}
    />
  );
}

/** The submit button, and a cancel button when editing. */
export function FormActions({ submitLabel, busy, onCancel }: { submitLabel: string; busy: boolean; onCancel?: () => void }) {
  const t = useT(reportRecordingMessages);
  return (
    <div className="ov-actions">
      <Button type="submit" appearance="primary-action-button" disabled={busy}>
        {submitLabel}
      </Button>
      {onCancel && (
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('report.findings.cancel')}
        </Button>
      )}
    </div>
  );
}
