import { useQuery } from '@apollo/client/react';
import {
  Button,
  Heading2,
  Paragraph,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { InspectoratePortfolioQuery, PortfolioFilterInput } from '@web/gql/graphql';
import { Day } from '@web/shared/components/dates';
import { SelectField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { StatusTag, type Tone } from '@web/shared/components/status-tag';
import { ExportDownload } from '@web/shared/exports/export-download';
import { domainMessages, INVOLVED_KINDS, THEMES } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import { PortfolioMunicipalitiesQuery, PortfolioQuery } from '../api/operations';
import {
  DEFAULT_PAGE_SIZE,
  filterFromForm,
  isFiltered,
  PAGE_SIZES,
  paramsFromView,
  STATUSES,
  viewFromParams,
} from '../components/portfolio-filter';
import { portfolioMessages } from '../messages';

type Portfolio = InspectoratePortfolioQuery['inspectoratePortfolio'];

const STATUS_TONE: Record<string, Tone> = { DRAFT: 'neutral', FOLLOW_UP: 'info', CLOSED: 'ok' };

export function PortfolioRoute() {
  const t = useT(portfolioMessages);
  const [params, setParams] = useSearchParams();
  const view = viewFromParams(params);
  const { data, loading, error, refetch } = useQuery(PortfolioQuery, {
    variables: { filter: view.filter, after: view.after ?? null, first: view.pageSize ?? DEFAULT_PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const municipalities = useQuery(PortfolioMunicipalitiesQuery);
  const names = new Map((municipalities.data?.organisations.nodes ?? []).map((m) => [String(m.id), m.name]));
  // Paging keeps the filter and page size; a new filter starts again at the first page.
  const firstPage = paramsFromView({ filter: view.filter, pageSize: view.pageSize }).toString();
  return (
    <Page title={t('portfolio.title')}>
      <Paragraph>{t('portfolio.intro')}</Paragraph>
      <p>
        <Link to="/reports/new" className="utrecht-link">
          {t('portfolio.newReport')}
        </Link>
      </p>
      <Filters
        key={firstPage}
        filter={view.filter}
        pageSize={view.pageSize ?? DEFAULT_PAGE_SIZE}
        municipalities={municipalities.data?.organisations.nodes ?? []}
        onApply={(filter, pageSize) => setParams(paramsFromView({ filter, pageSize }))}
      />
      {isFiltered(view.filter) && (
        <ActiveFilters filter={view.filter} municipalityName={names.get(String(view.filter.municipalityId ?? ''))} />
      )}
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() => {
          const portfolio = data!.inspectoratePortfolio;
          return (
            <>
              <Figures portfolio={portfolio} />
              <Rows portfolio={portfolio} />
              {(view.after || portfolio.nextCursor) && (
                <nav className="ov-actions" aria-label={t('portfolio.paging')}>
                  {view.after && (
                    <>
                      <span className="ov-visually-hidden">{t('portfolio.laterPage')}</span>
                      <Link to={`?${firstPage}`} className="utrecht-link">
                        {t('portfolio.first')}
                      </Link>
                    </>
                  )}
                  {portfolio.nextCursor && (
                    <Link
                      to={`?${paramsFromView({ filter: view.filter, pageSize: view.pageSize, after: portfolio.nextCursor }).toString()}`}
                      className="utrecht-link"
                    >
                      {t('portfolio.next')}
                    </Link>
                  )}
                </nav>
              )}
            </>
          );
        }}
      </QueryState>
      <section className="ov-section" aria-labelledby="portfolio-export">
        <Heading2 id="portfolio-export">{t('portfolio.export')}</Heading2>
        <Paragraph>{t('portfolio.exportIntro')}</Paragraph>
        <ExportDownload input={{ view: 'PORTFOLIO', portfolioFilter: view.filter }} formats={['CSV', 'XLSX']} />
      </section>
    </Page>
  );
}

function Filters({
  filter,
  pageSize,
  municipalities,
  onApply,
}: {
  filter: PortfolioFilterInput;
  pageSize: number;
  municipalities: Array<{ id: string; name: string }>;
  onApply: (filter: PortfolioFilterInput, pageSize: number) => void;
}) {
  const t = useT(portfolioMessages);
  const d = useT(domainMessages);
  const [municipalityId, setMunicipalityId] = useState<string>(filter.municipalityId ? String(filter.municipalityId) : '');
  const [status, setStatus] = useState<string>(filter.status ?? '');
  const [kind, setKind] = useState<string>(filter.organisationKind ?? '');
  const [theme, setTheme] = useState<string>(filter.theme ?? '');
  const [late, setLate] = useState<string>(filter.late === true ? 'yes' : filter.late === false ? 'no' : '');
  const [perPage, setPerPage] = useState(String(pageSize));
  const sizes = [...new Set([...PAGE_SIZES, pageSize])].sort((a, b) => a - b);
  const any = t('portfolio.filter.any');
  return (
    <form
      className="ov-form"
      aria-labelledby="portfolio-filters"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onApply(filterFromForm({ municipalityId, status, organisationKind: kind, theme, late }), Number(perPage));
      }}
    >
      <Heading2 id="portfolio-filters">{t('portfolio.filters')}</Heading2>
      <SelectField
        id="filter-municipality"
        label={t('portfolio.filter.municipality')}
        value={municipalityId}
        onChange={setMunicipalityId}
        placeholder={any}
        options={[...municipalities].sort((a, b) => a.name.localeCompare(b.name)).map((m) => ({ value: String(m.id), label: m.name }))}
      />
      <SelectField
        id="filter-status"
        label={t('portfolio.filter.status')}
        value={status}
        onChange={setStatus}
        placeholder={any}
        options={STATUSES.map((s) => ({ value: s, label: d(`investigationStatus.${s}`) }))}
      />
      <SelectField
        id="filter-kind"
        label={t('portfolio.filter.kind')}
        value={kind}
        onChange={setKind}
        placeholder={any}
        options={INVOLVED_KINDS.map((k) => ({ value: k, label: d(`orgKind.${k}`) }))}
      />
      <SelectField
        id="filter-theme"
        label={t('portfolio.filter.theme')}
        value={theme}
        onChange={setTheme}
        placeholder={any}
        options={THEMES.map((k) => ({ value: k, label: d(`theme.${k}`) }))}
      />
      <SelectField
        id="filter-late"
        label={t('portfolio.filter.late')}
        value={late}
        onChange={setLate}
        placeholder={any}
        options={[
          { value: 'yes', label: t('portfolio.filter.lateYes') },
          { value: 'no', label: t('portfolio.filter.lateNo') },
        ]}
      />
      <SelectField
        id="filter-page-size"
        label={t('portfolio.filter.pageSize')}
        value={perPage}
        onChange={setPerPage}
        options={sizes.map((n) => ({ value: String(n), label: String(n) }))}
      />
      <div className="ov-actions">
        <Button type="submit" appearance="primary-action-button">
          {t('portfolio.filter.apply')}
        </Button>
        {Object.keys(filter).length > 0 && (
          <Link to="?" className="utrecht-link">
            {t('portfolio.filter.clear')}
          </Link>
        )}
      </div>
    </form>
  );
}

/** The filters in force, in words (also read out after a reload). */
function ActiveFilters({ filter, municipalityName }: { filter: PortfolioFilterInput; municipalityName?: string }) {
  const t = useT(portfolioMessages);
  const d = useT(domainMessages);
  const parts = [
    filter.municipalityId ? (municipalityName ?? '…') : null,
    filter.status ? d(`investigationStatus.${filter.status}`) : null,
    filter.organisationKind ? d(`orgKind.${filter.organisationKind}`) : null,
    filter.theme ? d(`theme.${filter.theme}`) : null,
    filter.late === true ? t('portfolio.filter.lateLabel') : filter.late === false ? t('portfolio.filter.notLateLabel') : null,
  ].filter((p): p is string => !!p);
  return (
    <Paragraph role="status" className="ov-meta">
      {t('portfolio.filter.active', { filters: parts.join(', ') })}
    </Paragraph>
  );
}

function Figures({ portfolio }: { portfolio: Portfolio }) {
  const t = useT(portfolioMessages);
  const s = portfolio.totals;
  return (
    <section className="ov-section" aria-labelledby="portfolio-figures">
      <Heading2 id="portfolio-figures">{t('portfolio.figures')}</Heading2>
      <dl className="ov-summary-list">
        <dt>{t('portfolio.figures.investigations')}</dt>
        <dd>{portfolio.investigations.length}</dd>
        <dt>{t('portfolio.figures.plansOverdue')}</dt>
        <dd>{s.plansOverdue}</dd>
        <dt>{t('portfolio.figures.plansOpen')}</dt>
        <dd>{s.plansNotSubmitted + s.plansInRevision}</dd>
        <dt>{t('portfolio.figures.plansSubmitted')}</dt>
        <dd>{s.plansSubmitted}</dd>
        <dt>{t('portfolio.figures.plansAccepted')}</dt>
        <dd>{s.plansAccepted}</dd>
        <dt>{t('portfolio.figures.plansClosed')}</dt>
        <dd>{s.plansClosed}</dd>
        <dt>{t('portfolio.figures.measures')}</dt>
        <dd>{t('portfolio.figures.measuresValue', { done: s.measuresCompleted, total: s.measuresTotal })}</dd>
        <dt>{t('portfolio.figures.measuresLate')}</dt>
        <dd>{s.measuresLate}</dd>
        <dt>{t('portfolio.figures.auditsOverdue')}</dt>
        <dd>{s.auditsOverdue}</dd>
      </dl>
    </section>
  );
}

function Rows({ portfolio }: { portfolio: Portfolio }) {
  const t = useT(portfolioMessages);
  const d = useT(domainMessages);
  if (!portfolio.investigations.length) return <Paragraph>{t('portfolio.empty')}</Paragraph>;
  return (
    <Table className="ov-table" aria-label={t('portfolio.table')}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{t('portfolio.col.title')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('portfolio.col.status')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('portfolio.col.published')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('portfolio.col.trajectoryEnd')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('portfolio.col.plans')}</TableHeaderCell>
          <TableHeaderCell scope="col">{t('portfolio.col.late')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {portfolio.investigations.map((inv) => {
          const late = inv.totals.plansOverdue + inv.totals.measuresLate + inv.totals.auditsOverdue;
          return (
            <TableRow key={inv.investigationId}>
              <TableHeaderCell scope="row">
                <Link to={`/investigations/${inv.investigationId}`} className="utrecht-link">
                  {inv.title}
                </Link>
                {inv.status === 'DRAFT' && (
                  <>
                    <br />
                    <Link to={`/reports/${inv.investigationId}`} className="utrecht-link">
                      {t('portfolio.continueDraft')} <span className="ov-visually-hidden">{inv.title}</span>
                    </Link>
                  </>
                )}
              </TableHeaderCell>
              <TableCell>
                <StatusTag tone={STATUS_TONE[inv.status] ?? 'neutral'}>{d(`investigationStatus.${inv.status}`)}</StatusTag>
              </TableCell>
              <TableCell>{inv.publicationDate ? <Day value={inv.publicationDate} /> : t('portfolio.notPublished')}</TableCell>
              <TableCell>{inv.trajectoryEndDate ? <Day value={inv.trajectoryEndDate} /> : '–'}</TableCell>
              <TableCell>
                {t('portfolio.plans', { count: inv.plans.length, accepted: inv.totals.plansAccepted + inv.totals.plansClosed })}
              </TableCell>
              <TableCell>
                {late > 0 ? (
                  <StatusTag tone="danger">
                    {t('portfolio.lateSummary', {
                      plans: inv.totals.plansOverdue,
                      measures: inv.totals.measuresLate,
                      audits: inv.totals.auditsOverdue,
                    })}
                  </StatusTag>
                ) : (
                  <StatusTag tone="ok">{t('portfolio.nothingLate')}</StatusTag>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
