import { Heading2 } from '@utrecht/component-library-react';
import { Day } from '@web/shared/components/dates';
import { StatusTag, type Tone } from '@web/shared/components/status-tag';
import { useT } from '@web/shared/i18n/use-t';
import { planMessages } from '../messages';
import { timelineSteps } from './timeline';

type Plan = Parameters<typeof timelineSteps>[0];
type Key = keyof typeof planMessages.nl;

const TONE: Record<string, Tone> = { done: 'ok', late: 'danger', coming: 'neutral', today: 'info' };
const STATE: Record<string, Key> = {
  done: 'plans.timeline.done',
  late: 'plans.timeline.late',
  coming: 'plans.timeline.coming',
  today: 'plans.timeline.today',
};

/** The trajectory as an ordered list: a list is its own text alternative, and reads in order. */
export function TimelineView({ plan, outcomeLabel }: { plan: Plan; outcomeLabel: (outcome: string) => string }) {
  const t = useT(planMessages);
  const steps = timelineSteps(plan);
  return (
    <section className="ov-section" aria-labelledby="timeline-title">
      <Heading2 id="timeline-title">{t('plans.timeline.title')}</Heading2>
      <ol className="ov-timeline">
        {steps.map((s) => {
          const [key, values] = s.label;
          const text = t(key as Key, values?.outcome ? { ...values, outcome: outcomeLabel(String(values.outcome)) } : values);
          return (
            <li
              key={s.key}
              className={`ov-timeline__step ov-timeline__step--${s.state}`}
              aria-current={s.state === 'today' ? 'date' : undefined}
            >
              <Day value={s.day} /> — {s.state === 'today' ? <strong>{text}</strong> : text}{' '}
              {s.state !== 'today' && <StatusTag tone={TONE[s.state]}>{t(STATE[s.state])}</StatusTag>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
