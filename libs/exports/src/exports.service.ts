import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Database } from '@opvolging/database';
import { bulkJobs, JOB_DEFINITIONS } from '@opvolging/queue';
import { Actor, Clock, DomainError, ErrorCode } from '@opvolging/shared';
import { ExportRequest, requestParams, requestProblems } from './export-request';
import { ExportSources } from './export-sources';
import { exportRepository } from './exports.repository';
import { ExportRecord, ExportStatus, JOB_GENERATE_EXPORT, MAX_OPEN_EXPORTS } from './export.types';

export type { ExportRequest } from './export-request';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
    @InjectQueue(JOB_DEFINITIONS[JOB_GENERATE_EXPORT].queue) private readonly queue: Queue,
  ) {}

  async request(actor: Actor, input: ExportRequest): Promise<ExportRecord> {
    const problems = requestProblems(input);
    if (problems.length)
      throw DomainError.badInput(`This export cannot be made: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);

    const params = requestParams(input);

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
      await exportRepository.lockUser(tx.em, actor.userId);
      const open = await exportRepository.openCount(tx.em, actor.userId);
      if (open >= MAX_OPEN_EXPORTS) {
        throw new DomainError(
          ErrorCode.TOO_MANY_REQUESTS,
          `You already have ${open} exports waiting to be made; request another once one of them is done.`,
          { open },
        );
      }
      const row = await exportRepository.insertQueued(tx.em, {
        userId: actor.userId,
        view: input.view,
        format: input.format,
        params,
        createdAt: this.clock.now(),
      });
      // Only after COMMIT: a worker must never pick up a job for a row it cannot see yet.
      tx.afterCommit(() => this.enqueue([row.id]));
      return row;
    });
  }

  private enqueue(ids: string[]) {
    return this.queue.addBulk(
      bulkJobs(
        JOB_GENERATE_EXPORT,
        ids.map((id) => ({ jobId: `export-${id}`, data: { exportId: id } })),
      ),
    );
  }

  /** Exports still waiting after `seconds`, or claimed by a worker that died, are queued again (their job was lost). */
  async requeueWaiting(seconds: number): Promise<number> {
    const rows = await this.db.transaction(null, ({ em }) => exportRepository.waiting(em, seconds));
    if (rows.length) await this.enqueue(rows.map((r) => r.id));
    return rows.length;
  }

  async get(actor: Actor, id: string): Promise<ExportRecord> {
    const row = UUID.test(id) ? await this.db.transaction(actor, ({ em }) => exportRepository.own(em, id, actor.userId)) : undefined;
    if (!row) throw DomainError.notFound('Export', id);
    return row;
  }

  /** The user's own exports, newest first. */
  list(actor: Actor, first = 20): Promise<ExportRecord[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw DomainError.badInput('"first" must be between 1 and 100.', [{ path: 'first', message: 'between 1 and 100' }]);
    return this.db.transaction(actor, ({ em }) => exportRepository.ofUser(em, actor.userId, first));
  }

  /** The finished file, for its owner only (anyone else: NOT_FOUND, as if it did not exist). */
  async file(actor: Actor, id: string): Promise<{ filename: string; contentType: string; file: Buffer }> {
    const row = UUID.test(id) ? await this.db.transaction(actor, ({ em }) => exportRepository.ownFile(em, id, actor.userId)) : undefined;
    if (!row) throw DomainError.notFound('Export', id);
    if (row.status !== ExportStatus.DONE) {
      throw new DomainError(
        ErrorCode.INVALID_TRANSITION,
        row.status === ExportStatus.FAILED ? 'This export failed; see its error.' : 'This export is not ready yet.',
        { status: row.status },
      );
    }
    return { filename: row.filename, contentType: row.contentType, file: row.file };
  }
}
