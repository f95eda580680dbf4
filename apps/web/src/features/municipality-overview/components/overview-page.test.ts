import { describe, expect, it } from 'vitest';
import { overviewPage } from './overview-page';

const rows = Array.from({ length: 120 }, (_, i) => i + 1);

describe('overviewPage', () => {
  it('shows the first page by default and says which rows it holds', () => {
    expect(overviewPage(rows, null)).toMatchObject({ page: 1, pages: 3, first: 1, last: 50, total: 120 });
    expect(overviewPage(rows, null).rows).toEqual(rows.slice(0, 50));
  });
  it('shows a later page, the last one partly filled', () => {
    const last = overviewPage(rows, '3');
    expect(last).toMatchObject({ page: 3, first: 101, last: 120 });
    expect(last.rows).toEqual(rows.slice(100));
  });
  it('turns a page past the end into the last page, and anything else into the first', () => {
    expect(overviewPage(rows, '9').page).toBe(3);
    for (const bad of ['0', '-1', '1.5', 'twee', '']) expect(overviewPage(rows, bad).page).toBe(1);
  });
  it('has one empty page without rows', () => {
    expect(overviewPage([], null)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, total: 0, rows: [] });
  });
});
