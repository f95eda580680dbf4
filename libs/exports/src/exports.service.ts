import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Database } from '@opvolging/database';
import { DeadlineFilter } from '@opvolging/deadlines';
import { PointFilter } from '@opvolging/investigations';
import { PortfolioFilter } from '@opvolging/overviews';
import { MeasureFilter } from '@opvolging/plans';
import { QUEUES } from '@opvolging/queue';
import { Actor, Clock, DomainError, ErrorCode, FieldProblem } from '@opvolging/shared';
import { ExportSources } from './export-sources';
import {
  EXPORT_COLUMNS,
  ExportFormat,
  ExportParams,
  ExportRecord,
  ExportStatus,
  ExportView,
  FORMATS_OF,
  JOB_GENERATE_EXPORT,
  MAX_OPEN_EXPORTS,
} from './export.types';

export interface ExportRequest {
  view: ExportView;
  format: ExportFormat;
  municipalityId?: string;
  investigationId?: string;
  portfolioFilter?: PortfolioFilter;
  measureFilter?: MeasureFilter;
  improvementPointFilter?: PointFilter;
  deadlineFilter?: DeadlineFilter;
  fromYear?: number;
  toYear?: number;
}

type Option = 'municipalityId' | 'investigationId' | 'portfolioFilter' | 'measureFilter' | 'improvementPointFilter' | 'deadlineFilter' | 'fromYear' | 'toYear';

/** Which inputs each view takes; anything else given is refused rather than silently ignored. */
const OPTIONS_OF: Record<ExportView, Option[]> = {
  [ExportView.MUNICIPALITY_OVERVIEW]: ['municipalityId'],
  [ExportView.PORTFOLIO]: ['portfolioFilter'],
  [ExportView.ORGANISATION_OVERVIEW]: [],
  [ExportView.THEMES]: ['fromYear', 'toYear'],
  [ExportView.MEASURES]: ['measureFilter'],
  [ExportView.IMPROVEMENT_POINTS]: ['improvementPointFilter'],
  [ExportView.DEADLINES]: ['deadlineFilter'],
  [ExportView.INVESTIGATION_PROGRESS]: ['investigationId'],
};
const ALL_OPTIONS: Option[] = ['municipalityId', 'investigationId', 'portfolioFilter', 'measureFilter', 'improvementPointFilter', 'deadlineFilter', 'fromYear', 'toYear'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Without undefined fields and class prototypes: what is stored as jsonb and replayed by the worker. */
function plain<T>(value: T | undefined): Record<string, unknown> | undefined {
  return value === undefined || value === null ? undefined : JSON.parse(JSON.stringify(value));
}

/**
 * Exports asked for through the API. The request is checked at once (view and format, and whether
 * the user may read that list at all); the file is made by the worker (ExportGenerator), which
 * reads as the same user. A user reads back only their own exports (also enforced by row-level security).
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly sources: ExportSources,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {}

  async request(actor: Actor, input: ExportRequest): Promise<ExportRecord> {
    const problems: FieldProblem[] = [];
    if (!FORMATS_OF[input.view].includes(input.format)) {
      problems.push({
        path: 'input.format',
        message: input.view === ExportView.INVESTIGATION_PROGRESS ? 'the progress report is made as PDF' : `${input.view} is a list: export it as CSV or XLSX (PDF is for INVESTIGATION_PROGRESS)`,
      });
    }
    for (const option of ALL_OPTIONS) {
      if (input[option] !== undefined && input[option] !== null && !OPTIONS_OF[input.view].includes(option)) {
        problems.push({ path: `input.${option}`, message: `not used by ${input.view}` });
      }
    }
    if (input.view === ExportView.INVESTIGATION_PROGRESS && !input.investigationId) problems.push({ path: 'input.investigationId', message: 'name the investigation' });
    if (input.fromYear !== undefined && input.toYear !== undefined && input.fromYear > input.toYear) problems.push({ path: 'input.toYear', message: 'must not be before fromYear' });
    if (problems.length) throw DomainError.badInput(`This export cannot be made: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);

    const params: ExportParams = {
      ...(input.municipalityId ? { municipalityId: input.municipalityId } : {}),
      ...(input.investigationId ? { investigationId: input.investigationId } : {}),
      ...(input.fromYear !== undefined ? { fromYear: input.fromYear } : {}),
      ...(input.toYear !== undefined ? { toYear: input.toYear } : {}),
    };
    const filter = plain(input.portfolioFilter ?? input.measureFilter ?? input.improvementPointFilter ?? input.deadlineFilter);
    if (filter) params.filter = filter;

    try {
      await this.sources.check(actor, input.view, params);
    } catch (error) {
      // The list services name their own arguments ("municipalityId"); here they are fields of the input.
      if (error instanceof DomainError && error.code === ErrorCode.BAD_USER_INPUT && error.details.fields) {
        error.details.fields = error.details.fields.map((f) => ({ ...f, path: f.path.startsWith('input.') ? f.path : `input.${f.path}` }));
      }
      throw error;
    }

    return this.db.transaction(actor, async (tx) => {
      // Serialises one user's requests, so the limit below holds under parallel requests.
      await tx.em.query(`SELECT pg_advisory_xact_lock(hashtext('exports'), hashtext($1))`, [actor.userId]);
      const [{ open }] = await tx.em.query(`SELECT count(*)::int AS open FROM exports WHERE user_id = $1 AND status IN ('QUEUED','RUNNING')`, [actor.userId]);
      if (open >= MAX_OPEN_EXPORTS) {
        throw new DomainError(ErrorCode.TOO_MANY_REQUESTS, `You already have ${open} exports waiting to be made; request another once one of them is done.`, { open });
      }
      const [row]: ExportRecord[] = await tx.em.query(
        `INSERT INTO exports (user_id, view, format, params, status, created_at) VALUES ($1, $2, $3, $4, 'QUEUED', $5) RETURNING ${EXPORT_COLUMNS}`,
        [actor.userId, input.view, input.format, JSON.stringify(params), this.clock.now()],
      );
      // Only after COMMIT: a worker must never pick up a job for a row it cannot see yet.
      tx.afterCommit(() => this.enqueue([row.id]));
      return row;
    });
  }

  private enqueue(ids: string[]) {
    return this.queue.addBulk(
      ids.map((id) => ({
        name: JOB_GENERATE_EXPORT,
        data: { exportId: id },
        opts: { jobId: `export-${id}`, attempts: 6, backoff: { type: 'exponential', delay: 60_000 }, removeOnComplete: true, removeOnFail: true },
      })),
    );
  }

  /** Exports still waiting after `seconds`, or claimed by a worker that died, are queued again (their job was lost). */
  async requeueWaiting(seconds: number): Promise<number> {
    const rows: Array<{ id: string }> = await this.db.transaction(null, ({ em }) =>
      em.query(
        `SELECT id FROM exports
          WHERE (status = 'QUEUED' AND created_at < now() - make_interval(secs => $1))
             OR (status = 'RUNNING' AND started_at < now() - interval '10 minutes') -- its worker died; the generator takes over stale claims
          ORDER BY created_at LIMIT 1000`,
        [seconds],
      ),
    );
    if (rows.length) await this.enqueue(rows.map((r) => r.id));
    return rows.length;
  }

  async get(actor: Actor, id: string): Promise<ExportRecord> {
    const [row] = UUID.test(id)
      ? await this.db.transaction(actor, ({ em }) => em.query(`SELECT ${EXPORT_COLUMNS} FROM exports WHERE id = $1 AND user_id = $2`, [id, actor.userId]))
      : [];
    if (!row) throw DomainError.notFound('Export', id);
    return row;
  }

  /** The user's own exports, newest first. */
  list(actor: Actor, first = 20): Promise<ExportRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100) throw DomainError.badInput('"first" must be between 1 and 100.', [{ path: 'first', message: 'between 1 and 100' }]);
    return this.db.transaction(actor, ({ em }) =>
      em.query(`SELECT ${EXPORT_COLUMNS} FROM exports WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [actor.userId, first]),
    );
  }

  /** The finished file, for its owner only (anyone else: NOT_FOUND, as if it did not exist). */
  async file(actor: Actor, id: string): Promise<{ filename: string; contentType: string; file: Buffer }> {
    const [row] = UUID.test(id)
      ? await this.db.transaction(actor, ({ em }) =>
          em.query(`SELECT status, filename, content_type AS "contentType", file FROM exports WHERE id = $1 AND user_id = $2`, [id, actor.userId]),
        )
      : [];
    if (!row) throw DomainError.notFound('Export', id);
    if (row.status !== ExportStatus.DONE) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, row.status === ExportStatus.FAILED ? 'This export failed; see its error.' : 'This export is not ready yet.', { status: row.status });
    }
    return { filename: row.filename, contentType: row.contentType, file: row.file };
  }
}
