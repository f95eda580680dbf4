import { useMutation } from '@apollo/client/react';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { toUiError, type UiError } from '@web/shared/api/errors';
import { ErrorSummary, summaryItems, useConflictReload } from '@web/shared/components/error-summary';
import { TextAreaField } from '@web/shared/components/fields';
import { sharedMessages } from '@web/shared/i18n/messages';
import { useT } from '@web/shared/i18n/use-t';
import { CancelMeasureMutation, CompleteMeasureMutation, StartMeasureMutation } from '../api/operations';
import { planMessages } from '../messages';

/** Start, complete (with evidence) or cancel (with a reason) a measure of an accepted plan. */
export function MeasureProgress({
  measure,
  reload,
}: {
  measure: { id: string; version: number; status: string; description: string };
  reload: () => Promise<unknown>;
}) {
  const t = useT(planMessages);
  const ts = useT(sharedMessages);
  const [mode, setMode] = useState<'none' | 'complete' | 'cancel'>('none');
  const [text, setText] = useState('');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<UiError | null>(null);
  const conflict = useConflictReload(reload, setError);
  const [start, starting] = useMutation(StartMeasureMutation);
  const [complete, completing] = useMutation(CompleteMeasureMutation);
  const [cancel, cancelling] = useMutation(CancelMeasureMutation);
  const name = measure.description.length > 60 ? `${measure.description.slice(0, 57)}…` : measure.description;
  const fieldId = `progress-${measure.id}`;
  if (measure.status === 'COMPLETED' || measure.status === 'CANCELLED') return null;

  async function run(work: () => Promise<unknown>) {
    setError(null);
    try {
      await work();
      setMode('none');
      setText('');
      await reload();
    } catch (e) {
      setError(toUiError(e));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setLocal({
        text: ts('error.required', { field: t(mode === 'complete' ? 'plans.progress.field.evidence' : 'plans.progress.field.reason') }),
      });
      return;
    }
    setLocal({});
    const ref = { id: measure.id, expectedVersion: measure.version };
    await run(() =>
      mode === 'complete'
        ? complete({ variables: { input: { ...ref, evidence: text.trim() } } })
        : cancel({ variables: { input: { ...ref, reason: text.trim() } } }),
    );
  }

  if (mode !== 'none')
    return (
      <form className="ov-form" noValidate onSubmit={submit}>
        <ErrorSummary items={summaryItems(local, error, () => fieldId, fieldId)} error={error} {...conflict} />
        <TextAreaField
          id={fieldId}
          label={t(mode === 'complete' ? 'plans.progress.evidence' : 'plans.progress.reason')}
          value={text}
          onChange={setText}
          error={local.text ?? (error?.kind === 'input' ? error.fields[0]?.message : undefined)}
          required
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={completing.loading || cancelling.loading}>
            {t(mode === 'complete' ? 'plans.progress.confirmComplete' : 'plans.progress.confirmCancel')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => setMode('none')}>
            {t('plans.progress.close')}
          </Button>
        </ButtonGroup>
      </form>
    );
  return (
    <>
      <ErrorSummary items={[]} error={error} {...conflict} />
      <ButtonGroup>
        {measure.status === 'PLANNED' && (
          <Button
            appearance="secondary-action-button"
            aria-label={t('plans.progress.startNamed', { name })}
            busy={starting.loading}
            onClick={() => void run(() => start({ variables: { input: { id: measure.id, expectedVersion: measure.version } } }))}
          >
            {t('plans.progress.start')}
          </Button>
        )}
        <Button
          appearance="secondary-action-button"
          aria-label={t('plans.progress.completeNamed', { name })}
          onClick={() => setMode('complete')}
        >
          {t('plans.progress.complete')}
        </Button>
        <Button appearance="subtle-button" aria-label={t('plans.progress.cancelNamed', { name })} onClick={() => setMode('cancel')}>
          {t('plans.progress.cancel')}
        </Button>
      </ButtonGroup>
    </>
  );
}
