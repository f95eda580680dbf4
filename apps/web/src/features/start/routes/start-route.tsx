import { useQuery } from '@apollo/client/react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import type { StartPageQuery as StartPageData } from '@web/gql/graphql';
import { DateTime } from '@web/shared/components/dates';
import { DeadlineStatus, deadlineTone } from '@web/shared/components/deadline-status';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import { useSession } from '@web/shared/session/session-context';
import { StartPageQuery } from '../api/operations';
import { startMessages } from '../messages';

type Deadline = StartPageData['deadlines']['nodes'][number];

/** Where the work for a deadline is done. */
export function deadlineLink(d: Deadline): string {
  if (d.measure) return `/plans/${d.measure.plan.id}#measure-${d.measure.id}`;
  if (d.internalAudit) return `/plans/${d.internalAudit.plan.id}/audit`;
  if (d.plan) return `/plans/${d.plan.id}`;
  return '/';
}

export function StartRoute() {
  const t = useT(startMessages);
  const td = useT(domainMessages);
  const { me } = useSession();
  const member = me?.role === 'ORGANISATION_MEMBER';
  // Fetched on every visit, not normalised into Apollo's cache (which cost more than rendering the page).
  const { data, loading, error, refetch } = useQuery(StartPageQuery, { variables: { member }, fetchPolicy: 'no-cache' });
  const waiting = (data?.improvementPlans?.nodes ?? []).flatMap((p) => {
    const out: Array<{ key: string; to: string; what: string; title: string; tone: 'warning' | 'danger' | 'info'; extra?: string }> = [];
    if (p.status === 'DRAFT')
      out.push({
        key: `${p.id}-draft`,
        to: `/plans/${p.id}`,
        what: t('start.plans.draft'),
        title: p.investigation.title,
        tone: 'info',
        extra: p.uncoveredPoints?.length ? t('start.plans.uncovered', { count: p.uncoveredPoints.length }) : undefined,
      });
    if (p.status === 'REVISION_REQUESTED')
      out.push({
        key: `${p.id}-revision`,
        to: `/plans/${p.id}`,
        what: t('start.plans.revision'),
        title: p.investigation.title,
        tone: 'warning',
      });
    if (p.internalAudit && (p.internalAudit.status === 'DRAFT' || p.internalAudit.status === 'REVISION_REQUESTED'))
      out.push({
        key: `${p.id}-audit`,
        to: `/plans/${p.id}/audit`,
        what: t('start.plans.audit'),
        title: p.investigation.title,
        tone: 'info',
      });
    return out;
  });
  return (
    <Page title={t('start.title')}>
      {me && <Paragraph lead>{t('start.welcome', { name: me.displayName })}</Paragraph>}
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => (
          <>
            {member && (
              <section className="ov-section" aria-labelledby="plans-title">
                <Heading2 id="plans-title">{t('start.plans.title')}</Heading2>
                {waiting.length === 0 ? (
                  <Paragraph>{t('start.plans.none')}</Paragraph>
                ) : (
                  <ul className="ov-cards">
                    {waiting.map((w) => (
                      <li key={w.key} className={`ov-card ov-card--${w.tone}`}>
                        <Link to={w.to} className="utrecht-link">
                          {w.what}
                        </Link>
                        <div className="ov-meta">
                          {w.title}
                          {w.extra && (
                            <>
                              {' · '}
                              <StatusTag tone="warning">{w.extra}</StatusTag>
                            </>
                          )}
                        </div>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            )}
            <section className="ov-section" aria-labelledby="deadlines-title">
              <Heading2 id="deadlines-title">{t('start.deadlines.title')}</Heading2>
              {data!.deadlines.nodes.length === 0 ? (
                <Paragraph>{t('start.deadlines.none')}</Paragraph>
              ) : (
                <ul className="ov-cards">
                  {data!.deadlines.nodes.map((d) => (
                    <li key={d.id} className={`ov-card ov-card--${deadlineTone(d.daysLeft, d.overdue)}`}>
                      <Link to={deadlineLink(d)} className="utrecht-link">
                        {td(`kind.${d.kind}`)}
                        {d.measure ? `: ${d.measure.description}` : ''}
                      </Link>
                      <div className="ov-meta">
                        {d.investigation?.title} ·{' '}
                        <DeadlineStatus dueDate={d.dueDate} originalDueDate={d.originalDueDate} daysLeft={d.daysLeft} overdue={d.overdue} />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {data!.deadlines.totalCount > data!.deadlines.nodes.length && (
                <Paragraph>{t('start.deadlines.more', { count: data!.deadlines.totalCount - data!.deadlines.nodes.length })}</Paragraph>
              )}
            </section>
            <section className="ov-section" aria-labelledby="notifications-title">
              <Heading2 id="notifications-title">{t('start.notifications.title')}</Heading2>
              {data!.myNotifications.nodes.length === 0 ? (
                <Paragraph>{t('start.notifications.none')}</Paragraph>
              ) : (
                <ul className="ov-cards">
                  {data!.myNotifications.nodes.map((n) => (
                    <li key={n.id} className="ov-card">
                      <strong>{n.title}</strong>
                      <div className="ov-meta">
                        <DateTime value={n.createdAt} />
                      </div>
                      <Paragraph>{n.body}</Paragraph>
                    </li>
                  ))}
                </ul>
              )}
              <Paragraph>
                <Link to="/notifications" className="utrecht-link">
                  {t('start.notifications.all')}
                </Link>
              </Paragraph>
            </section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
