import { Injectable, Logger } from '@nestjs/common';
import { Database } from '@opvolging/database';
import { Actor, Clock, DomainError, Role } from '@opvolging/shared';
import { ExportFailure, ExportSources } from './export-sources';
import { CONTENT_TYPES, ExportFormat, ExportRecord, ExportView, STALE_AFTER_MINUTES } from './export.types';
import { exportRepository as rows } from './exports.repository';
import { Locale } from './labels';
import { renderProgressPdf } from './progress-report';
import { renderCsv, renderXlsx } from './spreadsheet';

const EXTENSIONS: Record<ExportFormat, string> = { [ExportFormat.CSV]: 'csv', [ExportFormat.XLSX]: 'xlsx', [ExportFormat.PDF]: 'pdf' };

/** Raised when another worker holds a fresh claim: the job is retried later, by when the claim is done or stale. */
export class ExportBusy extends Error {}

/**
 * Makes an export in the worker. The row is claimed first (QUEUED → RUNNING in one UPDATE), so a
 * job delivered twice makes the file once; a claim older than STALE_AFTER_MINUTES is taken to be
 * from a worker that died and may be claimed again. Everything is read as the user who asked:
 * their role and organisation are reloaded from `users`, never taken from the job.
 */
@Injectable()
export class ExportGenerator {
  private readonly logger = new Logger(ExportGenerator.name);

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sources: ExportSources,
  ) {}

  async run(exportId: string): Promise<'done' | 'failed' | 'skipped'> {
    const startedAt = this.clock.now();
    const staleBefore = new Date(startedAt.getTime() - STALE_AFTER_MINUTES * 60_000);
    const claimed = await this.db.transaction(null, ({ em }) => rows.claim(em, exportId, startedAt, staleBefore), { onBehalfOf: 'export' });
    if (!claimed) {
      const row = await this.db.transaction(null, ({ em }) => rows.status(em, exportId));
      if (row?.status === 'RUNNING')
        throw new ExportBusy(
          `export ${exportId} is being made by another worker since ${row.started_at!.toISOString()}; looking again later`,
        );
      return 'skipped'; // done, failed, or gone
    }

    const user = await this.db.transaction(null, ({ em }) => rows.requester(em, claimed.userId));
    const locale: Locale = user?.locale === 'en' ? 'en' : 'nl';
    try {
      if (!user?.active)
        throw new ExportFailure({
          nl: 'Het account dat deze export aanvroeg is niet meer actief.',
          en: 'The account that requested this export is no longer active.',
        });
      const actor: Actor = { userId: user.id, role: user.role as Role, organisationId: user.organisationId };
      const made = await this.render(actor, claimed, locale);
      const filename = `${made.name}.${EXTENSIONS[claimed.format]}`;
      await this.finish(
        exportId,
        startedAt,
        `status = 'DONE', file = $4, byte_size = $5, filename = $6, content_type = $7, row_count = $8`,
        [made.file, made.file.length, filename, CONTENT_TYPES[claimed.format], made.rows],
      );
      return 'done';
    } catch (error) {
      const failed = locale === 'nl' ? 'De export kon niet worden gemaakt' : 'The export could not be made';
      const text =
        error instanceof ExportFailure
          ? error.text[locale]
          : error instanceof DomainError
            ? `${failed}: ${error.message}`
            : `${failed}. ${locale === 'nl' ? 'Probeer het later opnieuw.' : 'Please try again later.'}`;
      if (!(error instanceof ExportFailure) && !(error instanceof DomainError))
        this.logger.error(`export ${exportId} failed: ${(error as Error).stack ?? error}`);
      await this.finish(exportId, startedAt, `status = 'FAILED', error = $4`, [text]);
      return 'failed';
    }
  }

  private async render(actor: Actor, row: ExportRecord, locale: Locale): Promise<{ file: Buffer; name: string; rows: number }> {
    if (row.view === ExportView.INVESTIGATION_PROGRESS) {
      const { report, name } = await this.sources.progressReport(actor, row.params.investigationId!, locale);
      return { file: await renderProgressPdf(report, locale), name, rows: report.plans.length };
    }
    const { table, name } = await this.sources.table(actor, row.view, row.params, locale);
    const file = row.format === ExportFormat.CSV ? renderCsv(table, locale) : await renderXlsx(table, locale, this.clock.now());
    return { file, name, rows: table.rows.length };
  }

  /** Records the outcome, unless another worker has claimed the row since (then its outcome counts). */
  private finish(exportId: string, startedAt: Date, set: string, values: unknown[]) {
    return this.db.transaction(null, ({ em }) => rows.finish(em, exportId, startedAt, this.clock.now(), set, values), {
      onBehalfOf: 'export',
    });
  }
}
