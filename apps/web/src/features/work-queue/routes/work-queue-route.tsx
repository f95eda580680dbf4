import { useQuery } from '@apollo/client/react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { Day } from '@web/shared/components/dates';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { useT } from '@web/shared/i18n/use-t';
import { ActionsNeededQuery } from '../api/operations';
import { actionTarget, groupActions } from '../components/queue';
import { workQueueMessages } from '../messages';

export function WorkQueueRoute() {
  const t = useT(workQueueMessages);
  const { data, loading, error, refetch } = useQuery(ActionsNeededQuery, { fetchPolicy: 'cache-and-network' });
  return (
    <Page title={t('workQueue.title')}>
      <Paragraph>{t('workQueue.intro')}</Paragraph>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const groups = groupActions(data!.actionsNeeded);
          if (!groups.length) return <Paragraph>{t('workQueue.empty')}</Paragraph>;
          return groups.map((g) => (
            <section key={g.kind} className="ov-section" aria-labelledby={`queue-${g.kind}`}>
              <Heading2 id={`queue-${g.kind}`}>
                {t(`workQueue.kind.${g.kind}`)} <span className="ov-meta">({t('workQueue.count', { count: g.actions.length })})</span>
              </Heading2>
              <ul className="ov-cards">
                {g.actions.map((a) => {
                  const what = [a.investigationTitle, a.organisationName].filter(Boolean).join(' – ');
                  return (
                    <li key={`${a.kind}-${a.subjectId}`} className="ov-card">
                      <Link to={actionTarget(a)}>{t(`workQueue.open.${a.kind}`, { what })}</Link>
                      <Paragraph>
                        {t('workQueue.due')}: {a.dueDate ? <Day value={a.dueDate} /> : t('workQueue.noDueDate')}
                      </Paragraph>
                    </li>
                  );
                })}
              </ul>
            </section>
          ));
        }}
      </QueryState>
    </Page>
  );
}
