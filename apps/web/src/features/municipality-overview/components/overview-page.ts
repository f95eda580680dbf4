/** Rows per page of the municipality overview: late first, so the first page holds what needs attention. */
export const OVERVIEW_PAGE_SIZE = 50;

export interface OverviewPage<T> {
  rows: T[];
  /** 1-based. */
  page: number;
  pages: number;
  first: number;
  last: number;
  total: number;
}

/** The rows of page `requested` (a URL's `pagina`: anything that is not a page number shows page 1). */
export function overviewPage<T>(rows: T[], requested: string | null, size = OVERVIEW_PAGE_SIZE): OverviewPage<T> {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const asked = Number(requested);
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, pages) : 1;
  const start = (page - 1) * size;
  const shown = rows.slice(start, start + size);
  return { rows: shown, page, pages, first: shown.length ? start + 1 : 0, last: start + shown.length, total: rows.length };
}
