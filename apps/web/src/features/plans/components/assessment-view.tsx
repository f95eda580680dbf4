import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { PlanQuery } from '@web/gql/graphql';
import { DateTime } from '@web/shared/components/dates';
import { StatusTag } from '@web/shared/components/status-tag';
import { useT } from '@web/shared/i18n/use-t';
import { planMessages } from '../messages';

type Assessment = NonNullable<PlanQuery['improvementPlan']>['assessments'][number];
const QUESTIONS = ['aimedAtShortcomings', 'chanceOfSuccess', 'pace'] as const;

/** The inspectorate's three judgements with their rationales, newest assessment first. */
export function AssessmentView({ assessments }: { assessments: Assessment[] }) {
  const t = useT(planMessages);
  if (!assessments.length) return null;
  const sorted = [...assessments].sort((a, b) => b.planVersionNumber - a.planVersionNumber);
  return (
    <section className="ov-section" aria-labelledby="assessment-title">
      <Heading2 id="assessment-title">{t('plans.assessment.title')}</Heading2>
      {sorted.map((a) => (
        <article key={a.id} className="ov-card" aria-labelledby={`assessment-${a.id}`}>
          <Heading3 id={`assessment-${a.id}`}>
            {t('plans.assessment.version', { version: a.planVersionNumber })} <DateTime value={a.assessedAt} />
          </Heading3>
          <Paragraph>
            <StatusTag tone={a.outcome === 'ACCEPTED' ? 'ok' : 'warning'}>{t(`plans.assessment.outcome.${a.outcome}`)}</StatusTag>
          </Paragraph>
          <dl className="ov-judgements">
            {QUESTIONS.map((q) => (
              <div key={q}>
                <dt>{t(`plans.assessment.${q}`)}</dt>
                <dd>
                  <StatusTag tone={toneOf(a[q].judgement)}>{t(`plans.assessment.${a[q].judgement}`)}</StatusTag> {a[q].rationale}
                </dd>
              </div>
            ))}
          </dl>
        </article>
      ))}
    </section>
  );
}

const toneOf = (judgement: string) => (judgement === 'SUFFICIENT' ? 'ok' : 'danger');
