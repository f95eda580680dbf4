import { useQuery } from '@apollo/client/react';
import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { Day } from '@web/shared/components/dates';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag } from '@web/shared/components/status-tag';
import { useT } from '@web/shared/i18n/use-t';
import { MyPointsQuery } from '../api/operations';
import { planMessages } from '../messages';

/** Per investigation: the findings, and the points addressed to my organisation (collective ones marked). */
export function PointsRoute() {
  const t = useT(planMessages);
  const { data, loading, error, refetch } = useQuery(MyPointsQuery);
  return (
    <Page title={t('plans.points.title')}>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() =>
          data!.investigations.nodes.length === 0 ? (
            <Paragraph>{t('plans.points.none')}</Paragraph>
          ) : (
            data!.investigations.nodes.map((inv) => (
              <section key={inv.id} className="ov-section" aria-labelledby={`inv-${inv.id}`}>
                <Heading2 id={`inv-${inv.id}`}>{inv.title}</Heading2>
                {inv.publicationDate && (
                  <Paragraph className="ov-meta">
                    <PublishedOn day={inv.publicationDate} />
                  </Paragraph>
                )}
                <Heading3>{t('plans.points.findings')}</Heading3>
                <ol className="ov-numbered">
                  {[...inv.findings]
                    .sort((a, b) => a.position - b.position)
                    .map((f) => (
                      <li key={f.id} value={f.position}>
                        {f.text}
                      </li>
                    ))}
                </ol>
                <Heading3>{t('plans.points.points')}</Heading3>
                <ul className="ov-cards">
                  {[...inv.improvementPoints]
                    .sort((a, b) => a.position - b.position)
                    .map((p) => (
                      <li key={p.id} className="ov-card">
                        <strong>{t('plans.point', { position: p.position })}</strong>{' '}
                        <StatusTag tone={p.collective ? 'info' : 'neutral'}>
                          {p.collective ? t('plans.points.collective') : t('plans.points.own')}
                        </StatusTag>
                        <Paragraph>{p.text}</Paragraph>
                        {p.collective && (
                          <Paragraph className="ov-meta">
                            {t('plans.points.addressees', { names: p.addressees.map((a) => a.name).join(', ') })}
                            {p.coordinatingOrganisation && (
                              <>
                                <br />
                                {t('plans.points.coordinator', { name: p.coordinatingOrganisation.name })}
                              </>
                            )}
                          </Paragraph>
                        )}
                      </li>
                    ))}
                </ul>
              </section>
            ))
          )
        }
      </QueryState>
    </Page>
  );
}

function PublishedOn({ day }: { day: string }) {
  const t = useT(planMessages);
  const [before, after] = t('plans.points.published', { date: '\u0000' }).split('\u0000');
  return (
    <>
      {before}
      <Day value={day} />
      {after}
    </>
  );
}
