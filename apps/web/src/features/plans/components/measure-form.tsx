import { useMutation } from '@apollo/client/react';
import { Button, ButtonGroup, Heading3 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { problemsByField, toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems, useConflictReload } from '@web/shared/components/error-summary';
import { CheckboxGroup, SelectField, TextAreaField, TextField } from '@web/shared/components/fields';
import { useDraft } from '@web/shared/components/use-draft';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { AddMeasureMutation, UpdateMeasureMutation } from '../api/operations';
import { planMessages } from '../messages';

export interface MeasureValues {
  description: string;
  successIndicator: string;
  ownerId: string;
  dueDate: string;
  pointIds: string[];
}

interface Props {
  planId: string;
  /** The measure being changed (its current version), or none for a new one. */
  measure?: { id: string; version: number } & MeasureValues;
  points: Array<{ id: string; position: number; text: string }>;
  owners: Array<{ id: string; displayName: string }>;
  onDone: (message: string) => void;
  onCancel: () => void;
  /** Load the latest plan from the server (a conflict); the form keeps its values. */
  reload: () => Promise<unknown>;
}

export function MeasureForm({ planId, measure, points, owners, onDone, onCancel, reload }: Props) {
  const t = useT(planMessages);
  const ts = useT(sharedMessages);
  const prefix = measure ? `measure-${measure.id}` : 'new-measure';
  const [values, setValues, clearDraft] = useDraft<MeasureValues>(`${planId}:${measure?.id ?? 'new'}`, () => ({
    description: measure?.description ?? '',
    successIndicator: measure?.successIndicator ?? '',
    ownerId: measure?.ownerId ?? '',
    dueDate: measure?.dueDate ?? '',
    pointIds: measure?.pointIds ?? [],
  }));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const conflict = useConflictReload(reload, setError);
  const [add, adding] = useMutation(AddMeasureMutation);
  const [update, updating] = useMutation(UpdateMeasureMutation);
  const set =
    <K extends keyof MeasureValues>(key: K) =>
    (value: MeasureValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  const ids: Record<string, string> = {
    description: `${prefix}-description`,
    successIndicator: `${prefix}-success`,
    ownerId: `${prefix}-owner`,
    dueDate: `${prefix}-due`,
    pointIds: `${prefix}-points`,
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.description.trim()) problems.description = ts('error.required', { field: t('plans.measure.field.description') });
    if (!values.successIndicator.trim())
      problems.successIndicator = ts('error.required', { field: t('plans.measure.field.successIndicator') });
    if (!values.ownerId) problems.ownerId = ts('error.required', { field: t('plans.measure.field.owner') });
    if (!values.dueDate) problems.dueDate = ts('error.required', { field: t('plans.measure.field.dueDate') });
    if (values.pointIds.length === 0) problems.pointIds = ts('error.required', { field: t('plans.measure.field.points') });
    setLocal(problems);
    setError(null);
    if (Object.keys(problems).length) return;
    const input = { ...values, description: values.description.trim(), successIndicator: values.successIndicator.trim() };
    try {
      if (measure) await update({ variables: { input: { id: measure.id, expectedVersion: measure.version, ...input } } });
      else await add({ variables: { input: { planId, ...input } } });
      clearDraft();
      onDone(t('plans.measure.saved'));
    } catch (e) {
      setError(toUiError(e));
    }
  }

  const api = problemsByField(error);
  const fieldError = (name: keyof MeasureValues) => local[name] ?? api[name];
  return (
    <form className="ov-form ov-measure-form" noValidate onSubmit={submit} aria-labelledby={`${prefix}-title`}>
      <Heading3 id={`${prefix}-title`}>{measure ? t('plans.measure.editTitle') : t('plans.measure.addTitle')}</Heading3>
      <ErrorSummary items={summaryItems(local, error, (f) => ids[f], ids.description)} error={error} {...conflict} />
      <TextAreaField
        id={ids.description}
        label={t('plans.measure.description')}
        value={values.description}
        onChange={set('description')}
        error={fieldError('description')}
        required
      />
      <TextAreaField
        id={ids.successIndicator}
        label={t('plans.measure.successIndicator')}
        description={t('plans.measure.successIndicatorHint')}
        value={values.successIndicator}
        onChange={set('successIndicator')}
        error={fieldError('successIndicator')}
        rows={3}
        required
      />
      <SelectField
        id={ids.ownerId}
        label={t('plans.measure.owner')}
        value={values.ownerId}
        onChange={set('ownerId')}
        placeholder={t('plans.measure.ownerChoose')}
        options={owners.map((o) => ({ value: o.id, label: o.displayName }))}
        error={fieldError('ownerId')}
        required
      />
      <TextField
        id={ids.dueDate}
        type="date"
        label={t('plans.measure.dueDate')}
        value={values.dueDate}
        onChange={set('dueDate')}
        error={fieldError('dueDate')}
        required
      />
      <CheckboxGroup
        id={ids.pointIds}
        label={t('plans.measure.points')}
        values={values.pointIds}
        onChange={set('pointIds')}
        error={fieldError('pointIds')}
        options={points.map((p) => ({ value: p.id, label: `${t('plans.point', { position: p.position })}: ${p.text}` }))}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={adding.loading || updating.loading}>
          {t('plans.measure.save')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          onClick={() => {
            clearDraft();
            onCancel();
          }}
        >
          {t('plans.measure.cancelEdit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
