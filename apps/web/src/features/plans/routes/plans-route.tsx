import { useQuery } from '@apollo/client/react';
import { Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { DeadlineStatus } from '@web/shared/components/deadline-status';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { daysBetween, todayInAmsterdam } from '@web/shared/i18n/format';
import { useT } from '@web/shared/i18n/use-t';
import { MyPlansQuery } from '../api/operations';
import { ProgressBar } from '../components/progress-bar';
import { progress } from '../components/coverage';
import { planMessages } from '../messages';
import { planTone } from '../components/plan-tone';

export function PlansRoute() {
  const t = useT(planMessages);
  const td = useT(domainMessages);
  const { data, loading, error, refetch } = useQuery(MyPlansQuery);
  const today = todayInAmsterdam();
  return (
    <Page title={t('plans.list.title')}>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() =>
          data!.improvementPlans.nodes.length === 0 ? (
            <Paragraph>{t('plans.list.none')}</Paragraph>
          ) : (
            <ul className="ov-cards">
              {data!.improvementPlans.nodes.map((p) => {
                const editable = p.status === 'DRAFT' || p.status === 'REVISION_REQUESTED';
                return (
                  <li key={p.id} className="ov-card">
                    <Link to={`/plans/${p.id}`} className="utrecht-link">
                      {p.investigation.title}
                    </Link>{' '}
                    <StatusTag tone={planTone(p.status)}>{td(`planStatus.${p.status}`)}</StatusTag>
                    {editable && (
                      <div className="ov-meta">
                        <DeadlineStatus
                          dueDate={p.dueDate}
                          originalDueDate={p.originalDueDate}
                          daysLeft={daysBetween(today, p.dueDate)}
                          overdue={p.overdue}
                        />
                      </div>
                    )}
                    {(p.status === 'ACCEPTED' || p.status === 'CLOSED') && <ProgressBar {...progress(p.measures)} />}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
