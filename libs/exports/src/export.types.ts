import { JOB } from '@opvolging/queue';

/** What can be exported: every overview list, and the progress report of one investigation. */
export enum ExportView {
  /** Municipality overview, one row per plan (reviewers: their own; inspectors: name one). */
  MUNICIPALITY_OVERVIEW = 'MUNICIPALITY_OVERVIEW',
  /** The inspectorate's portfolio, one row per plan, with the portfolio filter. */
  PORTFOLIO = 'PORTFOLIO',
  /** An organisation's own plans across investigations. */
  ORGANISATION_OVERVIEW = 'ORGANISATION_OVERVIEW',
  /** Counts per recurring theme. */
  THEMES = 'THEMES',
  MEASURES = 'MEASURES',
  IMPROVEMENT_POINTS = 'IMPROVEMENT_POINTS',
  DEADLINES = 'DEADLINES',
  /** The progress report of one investigation (PDF), e.g. for a council letter or a publication. */
  INVESTIGATION_PROGRESS = 'INVESTIGATION_PROGRESS',
}

export enum ExportFormat {
  CSV = 'CSV',
  XLSX = 'XLSX',
  PDF = 'PDF',
}

export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  DONE = 'DONE',
  FAILED = 'FAILED',
}

/** Lists export as spreadsheets; the progress report is a document. */
export const FORMATS_OF: Record<ExportView, ExportFormat[]> = {
  [ExportView.MUNICIPALITY_OVERVIEW]: [ExportFormat.CSV, ExportFormat.XLSX],
  [ExportView.PORTFOLIO]: [ExportFormat.CSV, ExportFormat.XLSX],
  [ExportView.ORGANISATION_OVERVIEW]: [ExportFormat.CSV, ExportFormat.XLSX],
  [ExportView.THEMES]: [ExportFormat.CSV, ExportFormat.XLSX],
  [ExportView.MEASURES]: [ExportFormat.CSV, ExportFormat.XLSX],
  [ExportView.IMPROVEMENT_POINTS]: [ExportFormat.CSV, ExportFormat.XLSX],
  [ExportView.DEADLINES]: [ExportFormat.CSV, ExportFormat.XLSX],
  [ExportView.INVESTIGATION_PROGRESS]: [ExportFormat.PDF],
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  [ExportFormat.CSV]: 'text/csv; charset=utf-8',
  [ExportFormat.XLSX]: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  [ExportFormat.PDF]: 'application/pdf',
};

/** What the export was asked with; stored as the row's `params` (jsonb) and replayed by the worker. */
export interface ExportParams {
  municipalityId?: string;
  investigationId?: string;
  /** The list's own filter (portfolio, measure, improvement point or deadline filter). */
  filter?: Record<string, unknown>;
  fromYear?: number;
  toYear?: number;
}

export interface ExportRecord {
  id: string;
  userId: string;
  view: ExportView;
  format: ExportFormat;
  params: ExportParams;
  status: ExportStatus;
  filename: string | null;
  contentType: string | null;
  byteSize: number | null;
  rowCount: number | null;
  error: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

/** Columns of `exports` as ExportRecord (everything except the file). */
export const EXPORT_COLUMNS =
  `id, user_id AS "userId", view, format, params, status, filename, content_type AS "contentType", ` +
  `byte_size AS "byteSize",
  row_count AS "rowCount", error, created_at AS "createdAt", finished_at AS "finishedAt"`;

/** At most this many rows in one export; a larger list fails with a request to narrow the filter. */
export const MAX_EXPORT_ROWS = 100_000;
/** A RUNNING export not finished after this long is taken to be abandoned (its worker died) and may be claimed again. */
export const STALE_AFTER_MINUTES = 10;
/** Exports a user may have waiting (QUEUED or RUNNING) at once. */
export const MAX_OPEN_EXPORTS = 5;

/** The export job's name (defined with its queue and retries in @opvolging/queue). */
export const JOB_GENERATE_EXPORT = JOB.generateExport;
