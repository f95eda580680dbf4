/** A deadline as the chart needs it. */
export interface ChartDeadline {
  id: string;
  row: string;
  dueDate: string;
  originalDueDate: string;
  late: boolean;
}

const DAY = 86_400_000;
const toDays = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY;

/**
 * Where things go on the chart: rows in the given order, x as a fraction 0..1 of the span from the
 * earliest to the latest date (today included, so "today" is always on the chart), with a week's margin.
 */
export function chartLayout(deadlines: readonly ChartDeadline[], today: string, rowOrder: readonly string[]) {
  const days = [toDays(today), ...deadlines.flatMap((d) => [toDays(d.dueDate), toDays(d.originalDueDate)])];
  const min = Math.min(...days) - 7;
  const max = Math.max(...days) + 7;
  const x = (d: string) => (toDays(d) - min) / (max - min);
  const rows = rowOrder.filter((r) => deadlines.some((d) => d.row === r));
  return {
    rows,
    today: x(today),
    marks: deadlines.map((d) => ({
      ...d,
      rowIndex: rows.indexOf(d.row),
      x: x(d.dueDate),
      originalX: x(d.originalDueDate),
      moved: d.dueDate !== d.originalDueDate,
    })),
  };
}
