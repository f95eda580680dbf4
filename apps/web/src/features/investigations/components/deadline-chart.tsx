import { Heading2, Paragraph, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { InvestigationPageQuery } from '@web/gql/graphql';
import { Day } from '@web/shared/components/dates';
import { StatusTag } from '@web/shared/components/status-tag';
import { domainMessages } from '@web/shared/i18n/domain-messages';
import { todayInAmsterdam } from '@web/shared/i18n/format';
import { useT } from '@web/shared/i18n/use-t';
import { investigationMessages } from '../messages';
import { chartLayout } from './chart-layout';

type Deadline = InvestigationPageQuery['deadlines']['nodes'][number];

const ROW_H = 36;
const LABEL_W = 220;
const WIDTH = 900;
const PLOT_W = WIDTH - LABEL_W - 20;

/** Every open deadline of the case on one time axis (one row per organisation), with a table giving the same in text. */
export function DeadlineChart({ deadlines }: { deadlines: Deadline[] }) {
  const t = useT(investigationMessages);
  const d = useT(domainMessages);
  if (!deadlines.length)
    return (
      <section className="ov-section" aria-labelledby="chart-title">
        <Heading2 id="chart-title">{t('investigations.chart.title')}</Heading2>
        <Paragraph>{t('investigations.chart.none')}</Paragraph>
      </section>
    );
  // The server's today: a deadline's due date minus its days left (the demo clock may differ from the browser's).
  const first = deadlines[0];
  const today = first ? shift(first.dueDate, -first.daysLeft) : todayInAmsterdam();
  const inspectorate = t('investigations.chart.inspectorate');
  const rowOf = (x: Deadline) => x.organisation?.name ?? inspectorate;
  const rowOrder = [...new Set(deadlines.map(rowOf))].sort((a, b) =>
    a === inspectorate ? 1 : b === inspectorate ? -1 : a.localeCompare(b),
  );
  const layout = chartLayout(
    deadlines.map((x) => ({
      id: x.id,
      row: rowOf(x),
      dueDate: x.dueDate,
      originalDueDate: x.originalDueDate,
      late: x.overdue || x.daysLeft < 0,
    })),
    today,
    rowOrder,
  );
  const height = layout.rows.length * ROW_H + 40;
  const px = (f: number) => LABEL_W + f * PLOT_W;
  const sorted = [...deadlines].sort(
    (a, b) => rowOrder.indexOf(rowOf(a)) - rowOrder.indexOf(rowOf(b)) || a.dueDate.localeCompare(b.dueDate),
  );
  return (
    <section className="ov-section" aria-labelledby="chart-title">
      <Heading2 id="chart-title">{t('investigations.chart.title')}</Heading2>
      <Paragraph id="chart-intro">{t('investigations.chart.intro')}</Paragraph>
      <div className="ov-chart">
        {/* The table below says the same in text, so the picture is hidden from screen readers. */}
        <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" aria-hidden="true" focusable="false">
          {layout.rows.map((r, i) => (
            <g key={r}>
              <line x1={LABEL_W} x2={WIDTH - 20} y1={i * ROW_H + 30} y2={i * ROW_H + 30} className="ov-chart__row" />
              <text x={4} y={i * ROW_H + 34} className="ov-chart__label">
                {r.length > 28 ? `${r.slice(0, 27)}…` : r}
              </text>
            </g>
          ))}
          <line x1={px(layout.today)} x2={px(layout.today)} y1={8} y2={height - 4} className="ov-chart__today" />
          <text x={px(layout.today) + 4} y={16} className="ov-chart__label">
            {t('investigations.chart.today')}
          </text>
          {layout.marks.map((m) => {
            const y = m.rowIndex * ROW_H + 30;
            return (
              <g key={m.id} className={m.late ? 'ov-chart__mark ov-chart__mark--late' : 'ov-chart__mark'}>
                {m.moved && (
                  <>
                    <line x1={px(m.originalX)} x2={px(m.x)} y1={y} y2={y} className="ov-chart__move" />
                    <circle cx={px(m.originalX)} cy={y} r={6} className="ov-chart__original" />
                  </>
                )}
                {m.late ? (
                  <rect x={px(m.x) - 7} y={y - 7} width={14} height={14} className="ov-chart__current" />
                ) : (
                  <circle cx={px(m.x)} cy={y} r={7} className="ov-chart__current" />
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <Table className="ov-table" aria-describedby="chart-intro">
        <caption>{t('investigations.chart.table')}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('investigations.chart.who')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('investigations.chart.what')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('investigations.chart.due')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('investigations.chart.original')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('investigations.chart.state')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((x) => {
            const late = x.overdue || x.daysLeft < 0;
            return (
              <TableRow key={x.id}>
                <TableCell>{rowOf(x)}</TableCell>
                <TableCell>
                  {d(`kind.${x.kind}`)}
                  {x.measure ? `: ${x.measure.description}` : ''}
                </TableCell>
                <TableCell>
                  <Day value={x.dueDate} />
                </TableCell>
                <TableCell>
                  {x.originalDueDate !== x.dueDate ? (
                    <>
                      <del>
                        <Day value={x.originalDueDate} />
                      </del>{' '}
                      ({t('investigations.chart.moved')})
                    </>
                  ) : (
                    <Day value={x.originalDueDate} />
                  )}
                </TableCell>
                <TableCell>
                  <StatusTag tone={late ? 'danger' : x.daysLeft <= 7 ? 'warning' : 'info'}>
                    {late ? d('deadline.daysLate', { days: Math.abs(x.daysLeft) }) : d('deadline.daysLeft', { days: x.daysLeft })}
                  </StatusTag>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

function shift(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
