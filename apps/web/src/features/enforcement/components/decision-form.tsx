import { useT } from '@web/shared/i18n/use-t';
import { enforcementMessages } from '../messages';
import { ActionForm, type FieldSpec, type Values } from './action-form';
import { parseEuros } from './enforcement-logic';

/** A required choice between a few options (radio buttons). */
export function choiceField(
  name: string,
  label: string,
  options: Array<{ value: string; label: string }>,
  extra: Partial<FieldSpec> = {},
): FieldSpec {
  return { name, kind: 'radio', required: true, label, options, ...extra };
}

/** A required date. */
export function dateField(name: string, label: string, extra: Partial<FieldSpec> = {}): FieldSpec {
  return { name, kind: 'date', required: true, label, ...extra };
}

/** The checks of typed amounts (euros) and numbers of months, with the feature's messages. */
export function useEnforcementChecks() {
  const t = useT(enforcementMessages);
  return {
    amount: (v: string) => (parseEuros(v) == null ? t('enforcement.error.amount') : null),
    months: (v: string) => (/^\d+$/.test(v) && +v >= 1 && +v <= 24 ? null : t('enforcement.error.months')),
  };
}

/**
 * A decision on one item (a progress report, a supervision, compliance, a forfeit): an `ActionForm`
 * below a measure (level 4) whose last field is the required note; `onSubmit` gets the note trimmed.
 */
export function DecisionForm({
  id,
  title,
  submitLabel,
  fields,
  noteLabel,
  apiField,
  reload,
  onSubmit,
}: {
  id: string;
  title: string;
  submitLabel: string;
  fields: FieldSpec[];
  noteLabel: string;
  apiField?: (path: string) => string;
  reload: () => Promise<unknown>;
  onSubmit: (values: Values) => Promise<void>;
}) {
  return (
    <ActionForm
      id={id}
      level={4}
      title={title}
      submitLabel={submitLabel}
      apiField={apiField}
      fields={[...fields, { name: 'note', kind: 'textarea', required: true, label: noteLabel }]}
      reload={reload}
      onSubmit={(v) => onSubmit({ ...v, note: v.note.trim() })}
    />
  );
}
