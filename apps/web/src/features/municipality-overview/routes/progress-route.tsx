import { useQuery } from '@apollo/client/react';
import { Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { PlotFigure, type Datum } from '@web/shared/charts/plot-figure';
import { SelectField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { intlTag } from '@web/shared/i18n/format';
import { useLocale, useT } from '@web/shared/i18n/use-t';
import { ProgressSeriesQuery } from '../api/operations';
import { municipalityOverviewMessages } from '../messages';

const SERIES = ['points', 'implemented', 'open'] as const;
const MONTH_CHOICES = [6, 12, 24, 36];

export function ProgressRoute() {
  const t = useT(municipalityOverviewMessages);
  const { locale } = useLocale();
  const [months, setMonths] = useState(12);
  const { data, loading, error, refetch } = useQuery(ProgressSeriesQuery, { variables: { months } });
  const rows = data?.municipalityProgressSeries;
  const monthLabel = useCallback(
    (m: string) =>
      new Intl.DateTimeFormat(intlTag(locale), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`)),
    [locale],
  );
  // Data in the order the dots are drawn: series by series, month by month.
  const dots = useMemo(
    () =>
      (rows ?? []).length === 0
        ? []
        : SERIES.flatMap((s) =>
            rows!.map((r) => ({ month: r.month, series: t(`overview.progress.series.${s}`), key: `${r.month}:${s}`, value: r[s] })),
          ),
    [rows, t],
  );
  const make = useCallback(
    (Plot: typeof import('@observablehq/plot')) =>
      Plot.plot({
        width: 760,
        height: dots.length > 36 ? 400 : 360,
        marginBottom: dots.length > 36 ? 70 : 30,
        marginLeft: 48,
        x: {
          type: 'band',
          label: null,
          tickRotate: dots.length > 36 ? -45 : 0,
          tickFormat: (m: string) => monthLabel(m).replace(/ \d{4}$/, ''),
        },
        y: { grid: true, label: null, zero: true },
        color: { legend: true, type: 'categorical', scheme: 'dark2' },
        symbol: { legend: false },
        marks: [
          Plot.line(dots, { x: 'month', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
          Plot.dot(dots, {
            x: 'month',
            y: 'value',
            stroke: 'series',
            fill: 'series',
            symbol: 'series',
            r: 4,
            title: (d: Datum & { month: string; series: string }) => `${monthLabel(d.month)}, ${d.series}: ${d.value}`,
          }),
          Plot.ruleY([0]),
        ],
      }),
    [dots, monthLabel],
  );
  const last = rows?.[rows.length - 1];
  return (
    <Page
      title={t('overview.progress.title')}
      preHeading={
        <Link to="/overview" className="utrecht-link">
          {t('overview.investigation.back')}
        </Link>
      }
    >
      <Paragraph>{t('overview.progress.intro')}</Paragraph>
      <div className="ov-form">
        <SelectField
          id="progress-months"
          label={t('overview.progress.months')}
          value={String(months)}
          onChange={(v) => setMonths(Number(v))}
          options={MONTH_CHOICES.map((m) => ({ value: String(m), label: t('overview.progress.monthsOption', { count: m }) }))}
        />
      </div>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() =>
          !rows || rows.length === 0 || !last ? (
            <Paragraph>{t('overview.progress.empty')}</Paragraph>
          ) : (
            <>
              <PlotFigure
                make={make}
                data={dots}
                mark="dot"
                label={t('overview.progress.chartLabel', {
                  first: monthLabel(rows[0].month),
                  last: monthLabel(last.month),
                  points: last.points,
                  implemented: last.implemented,
                  open: last.open,
                })}
                caption={t('overview.progress.caption')}
              />
              <div className="ov-table-scroll">
                <Table className="ov-table">
                  <caption>{t('overview.progress.table')}</caption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('overview.progress.col.month')}</TableHeaderCell>
                      {SERIES.map((s) => (
                        <TableHeaderCell key={s} scope="col">
                          {t(`overview.progress.series.${s}`)}
                        </TableHeaderCell>
                      ))}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {rows.map((r) => (
                      <TableRow key={r.month}>
                        <TableHeaderCell scope="row">{monthLabel(r.month)}</TableHeaderCell>
                        {SERIES.map((s) => (
                          <TableCell key={s}>{r[s]}</TableCell>
                        ))}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </>
          )
        }
      </QueryState>
    </Page>
  );
}
