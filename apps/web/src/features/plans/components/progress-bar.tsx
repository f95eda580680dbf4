import { useId } from 'react';
import { useT } from '@web/shared/i18n/use-t';
import { planMessages } from '../messages';

/** Progress of a plan: a native <progress> with a visible label and the figures in words. */
export function ProgressBar({ done, total, percent }: { done: number; total: number; percent: number }) {
  const t = useT(planMessages);
  const id = useId();
  return (
    <div className="ov-progress">
      <label htmlFor={id} className="ov-visually-hidden">
        {t('plans.progress.label')}
      </label>
      <progress id={id} max={total || 1} value={done} className="ov-progress__bar" />
      <span className="ov-progress__text">{t('plans.progress.text', { done, total, percent })}</span>
    </div>
  );
}
