import { useQuery } from '@apollo/client/react';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Link, useParams } from 'react-router';
import { Page } from '@web/shared/components/page';
import { ExportDownload } from '@web/shared/exports/export-download';
import { QueryState } from '@web/shared/components/query-state';
import { formatDay } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { MunicipalityOverviewQuery, ReviewerInvestigationQuery } from '../api/operations';
import { OverviewTable } from '../components/overview-table';
import { overviewRows } from '../components/overview-rows';
import { municipalityOverviewMessages } from '../messages';

/** One investigation of the municipality: its plans' progress. Another municipality's case is "not found" (the API says so). */
export function InvestigationRoute() {
  const t = useT(municipalityOverviewMessages);
  const { locale } = useLocale();
  const { investigationId = '' } = useParams();
  const inv = useQuery(ReviewerInvestigationQuery, { variables: { id: investigationId } });
  const overview = useQuery(MunicipalityOverviewQuery, { fetchPolicy: 'cache-first', skip: !inv.data });
  const title = inv.data?.investigation.title ?? t('overview.title');
  return (
    <Page
      title={title}
      preHeading={
        <Link to="/overview" className="utrecht-link">
          {t('overview.investigation.back')}
        </Link>
      }
    >
      <QueryState
        loading={(inv.loading && !inv.data) || (overview.loading && !overview.data)}
        error={inv.error ?? overview.error}
        retry={() => void inv.refetch()}
      >
        {() => {
          const i = inv.data!.investigation;
          const rows = overviewRows(overview.data!.municipalityOverview.investigations.filter((x) => x.investigationId === i.id));
          return (
            <>
              {i.publicationDate && (
                <Paragraph>{t('overview.investigation.published', { date: formatDay(i.publicationDate, locale) })}</Paragraph>
              )}
              {i.trajectoryEndDate && (
                <Paragraph>{t('overview.investigation.trajectoryEnd', { date: formatDay(i.trajectoryEndDate, locale) })}</Paragraph>
              )}
              <Paragraph>{i.summary}</Paragraph>
              <OverviewTable caption={t('overview.investigation.plans')} rows={rows} linkInvestigation={false} />
              <section aria-labelledby="investigation-report" className="ov-section">
                <Heading2 id="investigation-report">{t('overview.investigation.report')}</Heading2>
                <Paragraph>{t('overview.investigation.reportIntro')}</Paragraph>
                <ExportDownload input={{ view: 'INVESTIGATION_PROGRESS', investigationId: i.id }} formats={['PDF']} />
              </section>
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
