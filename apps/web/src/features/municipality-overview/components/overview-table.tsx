import { Table, TableBody, TableCell, TableFooter, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { Link } from 'react-router';
import { Day } from '@web/shared/components/dates';
import { StatusTag } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { formatDay } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import type { MunicipalityOverviewQuery } from '@web/gql/graphql';
import { municipalityOverviewMessages } from '../messages';
import { isLate, type PlanRow } from './overview-rows';

type Totals = MunicipalityOverviewQuery['municipalityOverview']['totals'];
type Grades = PlanRow['grades'];

/** The plans of the overview, one row each, late first; a totals row when given. */
export function OverviewTable({
  caption,
  rows,
  totals,
  linkInvestigation = true,
}: {
  caption: string;
  rows: PlanRow[];
  totals?: Totals;
  linkInvestigation?: boolean;
}) {
  const t = useT(municipalityOverviewMessages);
  const td = useT(domainMessages);
  return (
    <div className="ov-table-scroll">
      <Table className="ov-table">
        <caption>{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('overview.col.organisation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.col.investigation')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.col.stage')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.col.due')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.col.onTime')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.col.measures')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.col.audit')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('overview.col.grades')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((p) => {
            const late = isLate(p);
            const what = [
              p.planOverdue && t('overview.lateWhat.plan'),
              p.assessmentOverdue && t('overview.lateWhat.assessment'),
              p.auditOverdue && t('overview.lateWhat.audit'),
              p.measuresLate > 0 && t('overview.lateWhat.measures', { count: p.measuresLate }),
            ].filter(Boolean);
            return (
              <TableRow key={p.planId} data-plan={p.planId} data-late={late ? 'true' : 'false'}>
                <TableHeaderCell scope="row">{p.organisation.name}</TableHeaderCell>
                <TableCell>
                  {linkInvestigation ? (
                    <Link
                      to={`/overview/investigations/${p.investigationId}`}
                      className="utrecht-link"
                      aria-label={t('overview.open', { title: p.investigationTitle })}
                    >
                      {p.investigationTitle}
                    </Link>
                  ) : (
                    p.investigationTitle
                  )}
                </TableCell>
                <TableCell>{td(`planStatus.${p.planStatus}`)}</TableCell>
                <TableCell>
                  <Day value={p.planDueDate} />
                  {p.planOriginalDueDate !== p.planDueDate && (
                    <>
                      {' '}
                      (
                      <del>
                        <Day value={p.planOriginalDueDate} />
                      </del>
                      )
                    </>
                  )}
                </TableCell>
                <TableCell>
                  {late ? (
                    <StatusTag tone="danger">{t('overview.lateWhat', { what: what.join(', ') })}</StatusTag>
                  ) : (
                    <StatusTag tone="ok">{t('overview.onTime')}</StatusTag>
                  )}
                </TableCell>
                <TableCell>
                  {t('overview.measures', { done: p.measuresCompleted, total: p.measuresTotal })}
                  {p.measuresLate > 0 && (
                    <>
                      {', '}
                      <strong>{t('overview.measuresLate', { count: p.measuresLate })}</strong>
                    </>
                  )}
                </TableCell>
                <TableCell>
                  {p.auditStatus ? td(`auditStatus.${p.auditStatus as 'DRAFT'}`) : t('overview.audit.none')}
                  {p.auditDueDate && p.auditStatus !== 'JUDGED' && (
                    <>
                      {', '}
                      <AuditDue date={p.auditDueDate} />
                    </>
                  )}
                </TableCell>
                <TableCell>
                  <GradeList grades={p.grades} />
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
        {totals && (
          <TableFooter>
            <TableRow>
              <TableHeaderCell scope="row">{t('overview.totalRow')}</TableHeaderCell>
              <TableCell />
              <TableCell />
              <TableCell />
              <TableCell>
                {t('overview.totals.plansOverdue')}: {totals.plansOverdue}
              </TableCell>
              <TableCell>
                {t('overview.measures', { done: totals.measuresCompleted, total: totals.measuresTotal })},{' '}
                {t('overview.measuresLate', { count: totals.measuresLate })}
              </TableCell>
              <TableCell>
                {t('overview.totals.auditsOverdue')}: {totals.auditsOverdue}
              </TableCell>
              <TableCell>
                <GradeList grades={totals.grades} />
              </TableCell>
            </TableRow>
          </TableFooter>
        )}
      </Table>
    </div>
  );
}

function AuditDue({ date }: { date: string }) {
  const t = useT(municipalityOverviewMessages);
  const { locale } = useLocale();
  return <time dateTime={date}>{t('overview.audit.due', { date: formatDay(date, locale, 'short') })}</time>;
}

export function GradeList({ grades }: { grades: Grades }) {
  const t = useT(municipalityOverviewMessages);
  const shown = grades.filter((g) => g.count > 0);
  if (shown.length === 0) return <>{t('overview.grades.none')}</>;
  return <>{shown.map((g) => t('overview.grade', { grade: t(`overview.grade.${g.grade}`), count: g.count })).join(', ')}</>;
}
