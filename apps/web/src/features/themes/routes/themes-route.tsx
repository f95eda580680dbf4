import { useQuery } from '@apollo/client/react';
import { Button, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useCallback, useMemo, useState } from 'react';
import { PlotFigure } from '@web/shared/charts/plot-figure';
import { ErrorSummary } from '@web/shared/components/error-summary';
import { TextField } from '@web/shared/components/fields';
import { Page } from '@web/shared/components/page';
import { QueryState } from '@web/shared/components/query-state';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { useT } from '@web/shared/i18n/use-t';
import { ThemeOverviewQuery } from '../api/operations';
import { themeMessages } from '../messages';

const YEAR = /^\d{4}$/;

export function ThemesRoute() {
  const t = useT(themeMessages);
  const td = useT(domainMessages);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [range, setRange] = useState<{ fromYear?: number; toYear?: number }>({});
  const [invalid, setInvalid] = useState<string[]>([]);
  const { data, loading, error, refetch } = useQuery(ThemeOverviewQuery, { variables: range });
  // Most points first, in the chart and the table alike.
  const rows = useMemo(() => [...(data?.themeOverview ?? [])].sort((a, b) => b.points - a.points), [data]);
  const bars = useMemo(() => rows.map((r) => ({ key: r.theme, label: td(`theme.${r.theme}`), value: r.points })), [rows, td]);
  const make = useCallback(
    (Plot: typeof import('@observablehq/plot')) =>
      Plot.plot({
        width: 560,
        height: 40 + bars.length * 36,
        marginLeft: 260,
        x: { grid: true, label: null },
        y: { label: null, domain: bars.map((b) => b.label) },
        marks: [
          Plot.barX(bars, {
            y: 'label',
            x: 'value',
            fill: '#1a4a7c',
            title: (b: { label: string; value: number }) => `${b.label}: ${b.value}`,
          }),
          Plot.text(bars, { y: 'label', x: 'value', text: (b: { value: number }) => String(b.value), dx: 12, fill: 'currentColor' }),
          Plot.ruleX([0]),
        ],
      }),
    [bars],
  );
  const submit = () => {
    const bad = [from && !YEAR.test(from) ? 'themes-from' : null, to && !YEAR.test(to) ? 'themes-to' : null].filter(
      (x): x is string => !!x,
    );
    setInvalid(bad);
    if (bad.length === 0) setRange({ fromYear: from ? Number(from) : undefined, toYear: to ? Number(to) : undefined });
  };
  return (
    <Page title={t('themes.title')}>
      <Paragraph>{t('themes.intro')}</Paragraph>
      <form
        className="ov-form ov-compare-pickers"
        aria-label={t('themes.title')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <ErrorSummary items={invalid.map((id) => ({ target: id, message: t('themes.yearInvalid') }))} />
        <TextField
          id="themes-from"
          label={t('themes.fromYear')}
          value={from}
          onChange={setFrom}
          error={invalid.includes('themes-from') ? t('themes.yearInvalid') : undefined}
        />
        <TextField
          id="themes-to"
          label={t('themes.toYear')}
          value={to}
          onChange={setTo}
          error={invalid.includes('themes-to') ? t('themes.yearInvalid') : undefined}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('themes.apply')}
        </Button>
      </form>
      <QueryState loading={loading && !data} error={error} retry={() => void refetch()}>
        {() =>
          rows.every((r) => r.points === 0) ? (
            <Paragraph>{t('themes.empty')}</Paragraph>
          ) : (
            <div className="ov-chart-beside">
              <PlotFigure
                make={make}
                data={bars}
                mark="bar"
                label={t('themes.chartLabel', { theme: bars[0].label, points: bars[0].value })}
                caption={t('themes.caption')}
              />
              <Table className="ov-table">
                <caption>{t('themes.table')}</caption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('themes.col.theme')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('themes.col.points')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('themes.col.findings')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('themes.col.investigations')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('themes.col.years')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {rows.map((r) => (
                    <TableRow key={r.theme}>
                      <TableHeaderCell scope="row">{td(`theme.${r.theme}`)}</TableHeaderCell>
                      <TableCell>{r.points}</TableCell>
                      <TableCell>{r.findings}</TableCell>
                      <TableCell>{r.investigations}</TableCell>
                      <TableCell>
                        {r.firstYear ? (r.firstYear === r.lastYear ? r.firstYear : `${r.firstYear}–${r.lastYear}`) : ''}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )
        }
      </QueryState>
    </Page>
  );
}
