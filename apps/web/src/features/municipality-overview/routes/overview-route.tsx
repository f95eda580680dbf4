import { useQuery } from '@apollo/client/react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link, useSearchParams } from 'react-router';
import { Page } from '@web/shared/components/page';
import { ExportDownload } from '@web/shared/exports/export-download';
import { QueryState } from '@web/shared/components/query-state';
import { useT } from '@web/shared/i18n/use-t';
import { MunicipalityOverviewQuery } from '../api/operations';
import { GradeList, OverviewTable } from '../components/overview-table';
import { overviewPage } from '../components/overview-page';
import { overviewRows } from '../components/overview-rows';
import { municipalityOverviewMessages } from '../messages';

export function OverviewRoute() {
  const t = useT(municipalityOverviewMessages);
  // Fetched on every visit and not normalised into Apollo's cache: for the largest municipality
  // (545 plans, 400 KB) normalising took longer than the request itself (PERFORMANCE.md, web app).
  const { data, loading, error, refetch } = useQuery(MunicipalityOverviewQuery, { fetchPolicy: 'no-cache' });
  const [params] = useSearchParams();
  return (
    <Page title={t('overview.title')}>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const o = data!.municipalityOverview;
          // Late first, 50 plans a page: the first page holds what needs attention; the export has all.
          const page = overviewPage(overviewRows(o.investigations), params.get('pagina'));
          const totals = o.totals;
          return (
            <>
              <Paragraph>{t('overview.intro', { municipality: o.municipality.name })}</Paragraph>
              <Paragraph>
                <Link to="/overview/changes" className="utrecht-link">
                  {t('overview.changes.link', { count: o.changesSinceLastVisit.count })}
                </Link>
              </Paragraph>
              <Paragraph>
                <Link to="/overview/progress" className="utrecht-link">
                  {t('overview.progress.link')}
                </Link>
              </Paragraph>
              <section aria-labelledby="overview-totals" className="ov-section">
                <Heading2 id="overview-totals">{t('overview.totals.title')}</Heading2>
                <dl className="ov-summary-list ov-totals">
                  <dt>{t('overview.totals.plansOverdue')}</dt>
                  <dd data-total="plansOverdue">{totals.plansOverdue}</dd>
                  <dt>{t('overview.totals.measuresLate')}</dt>
                  <dd data-total="measuresLate">{totals.measuresLate}</dd>
                  <dt>{t('overview.totals.auditsOverdue')}</dt>
                  <dd data-total="auditsOverdue">{totals.auditsOverdue}</dd>
                  <dt>{t('overview.totals.measures')}</dt>
                  <dd>{t('overview.totals.measuresValue', { done: totals.measuresCompleted, total: totals.measuresTotal })}</dd>
                  <dt>{t('overview.totals.plansAccepted')}</dt>
                  <dd>{totals.plansAccepted}</dd>
                  <dt>{t('overview.totals.plansClosed')}</dt>
                  <dd>{totals.plansClosed}</dd>
                  <dt>{t('overview.totals.auditsOpen')}</dt>
                  <dd>{totals.auditsOpen}</dd>
                  <dt>{t('overview.totals.grades')}</dt>
                  <dd>
                    <GradeList grades={totals.grades} />
                  </dd>
                </dl>
              </section>
              {page.total === 0 ? (
                <Paragraph>{t('overview.none')}</Paragraph>
              ) : (
                <>
                  <OverviewTable
                    caption={t('overview.table.caption', { municipality: o.municipality.name })}
                    rows={page.rows}
                    totals={totals}
                  />
                  {page.pages > 1 && (
                    <nav aria-label={t('overview.pages.label')} className="ov-pager">
                      <Paragraph>
                        {t('overview.pages.status', {
                          first: page.first,
                          last: page.last,
                          total: page.total,
                          page: page.page,
                          pages: page.pages,
                        })}
                      </Paragraph>
                      <Paragraph>
                        {page.page > 1 && (
                          <Link to={`?pagina=${page.page - 1}`} className="utrecht-link">
                            {t('overview.pages.previous')}
                          </Link>
                        )}{' '}
                        {page.page < page.pages && (
                          <Link to={`?pagina=${page.page + 1}`} className="utrecht-link">
                            {t('overview.pages.next')}
                          </Link>
                        )}
                      </Paragraph>
                    </nav>
                  )}
                </>
              )}
              <section aria-labelledby="overview-export" className="ov-section">
                <Heading2 id="overview-export">{t('overview.export.title')}</Heading2>
                <ExportDownload input={{ view: 'MUNICIPALITY_OVERVIEW' }} formats={['CSV', 'XLSX']} />
              </section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
