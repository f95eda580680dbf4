import { Button, Heading } from '@utrecht/component-library-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { fieldName, toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems, useConflictReload } from '@web/shared/components/error-summary';
import { TextAreaField, TextField } from '@web/shared/components/fields';
import { RadioGroup } from '@web/shared/components/radio-group';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { enforcementMessages } from '../messages';

export type Values = Record<string, string>;

export interface FieldSpec {
  name: string;
  label: string;
  kind: 'text' | 'date' | 'textarea' | 'radio';
  description?: ReactNode;
  options?: Array<{ value: string; label: string }>;
  /** Checked before sending: a required field left empty is named in the summary. */
  required?: boolean;
  /** Shown only when this says so (fields that belong to one choice). */
  when?: (values: Values) => boolean;
  /** A check of what was typed; returns the problem. */
  check?: (value: string, values: Values) => string | null;
}

/**
 * One enforcement action as a small form: the fields, the required checks, the error summary that
 * links to them, and the API's per-field problems next to each field (paths like `input.amountCents`
 * map to a field through `apiField`).
 */
export function ActionForm({
  id,
  title,
  level = 3,
  fields,
  initial = {},
  submitLabel,
  apiField = (path) => path,
  onSubmit,
  reload,
}: {
  id: string;
  title: string;
  level?: number;
  fields: FieldSpec[];
  initial?: Values;
  submitLabel: string;
  apiField?: (path: string) => string;
  onSubmit: (values: Values) => Promise<void>;
  reload: () => Promise<unknown>;
}) {
  const t = useT(enforcementMessages);
  const ts = useT(sharedMessages);
  const [values, setValues] = useState<Values>(initial);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const conflict = useConflictReload(reload, setError);
  const shown = fields.filter((f) => !f.when || f.when(values));
  const idOf = (name: string) => {
    const f = shown.find((s) => s.name === apiField(name) || s.name === name);
    return f ? `${id}-${f.name}` : undefined;
  };
  const apiProblems: Record<string, string> = {};
  if (error?.kind === 'input')
    for (const p of error.fields) {
      const name = apiField(fieldName(p.path));
      apiProblems[name] ??= p.message;
    }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    for (const f of shown) {
      const v = (values[f.name] ?? '').trim();
      if (f.required && !v)
        problems[f.name] =
          f.kind === 'radio'
            ? t('enforcement.error.choose', { field: f.label.toLowerCase() })
            : ts('error.required', { field: f.label.toLowerCase() });
      else if (v && f.check) {
        const p = f.check(v, values);
        if (p) problems[f.name] = p;
      }
    }
    setLocal(problems);
    if (Object.keys(problems).length) return;
    setError(null);
    setBusy(true);
    try {
      await onSubmit(values);
      setValues(initial);
    } catch (e) {
      setError(toUiError(e));
    } finally {
      setBusy(false);
    }
  }

  const titleId = `${id}-title`;
  return (
    <form className="ov-form ov-enforcement__form" noValidate onSubmit={submit} aria-labelledby={titleId}>
      <Heading level={level} id={titleId}>
        {title}
      </Heading>
      <ErrorSummary items={summaryItems(local, error, idOf, `${id}-${shown[0]?.name}`)} error={error} {...conflict} />
      {shown.map((f) => {
        const fid = `${id}-${f.name}`;
        const common = {
          id: fid,
          label: f.label,
          description: f.description,
          error: local[f.name] ?? apiProblems[f.name],
          value: values[f.name] ?? '',
          onChange: (v: string) => setValues((prev) => ({ ...prev, [f.name]: v })),
        };
        if (f.kind === 'textarea') return <TextAreaField key={f.name} {...common} required={f.required} />;
        if (f.kind === 'radio') return <RadioGroup key={f.name} {...common} name={fid} options={f.options ?? []} />;
        return <TextField key={f.name} {...common} type={f.kind === 'date' ? 'date' : 'text'} required={f.required} />;
      })}
      <div className="ov-actions">
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
