import { EntityManager } from 'typeorm';
import { returnedRows } from '@opvolging/database';
import { EXPORT_COLUMNS, ExportFormat, ExportParams, ExportRecord, ExportStatus, ExportView } from './export.types';

/** The SQL of the exports table, as the API and the worker's ExportGenerator read and write it. */
export const exportRepository = {
  /** Claims the export for this worker (QUEUED, or RUNNING with a claim older than `staleBefore`, → RUNNING). */
  async claim(em: EntityManager, id: string, startedAt: Date, staleBefore: Date): Promise<ExportRecord | undefined> {
    const [row] = returnedRows<ExportRecord>(
      await em.query(
        `UPDATE exports SET status = 'RUNNING', started_at = $2, attempts = attempts + 1, error = NULL
          WHERE id = $1 AND (status = 'QUEUED' OR (status = 'RUNNING' AND started_at < $3))
         RETURNING ${EXPORT_COLUMNS}`,
        [id, startedAt, staleBefore],
      ),
    );
    return row;
  },

  async status(em: EntityManager, id: string): Promise<{ status: ExportStatus; started_at: Date | null } | undefined> {
    const [row] = await em.query(`SELECT status, started_at FROM exports WHERE id = $1`, [id]);
    return row;
  },

  /** Who asked, as they are now (the export is made as them, never as the job says). */
  async requester(
    em: EntityManager,
    userId: string,
  ): Promise<{ id: string; role: string; organisationId: string | null; locale: string; active: boolean } | undefined> {
    const [row] = await em.query(`SELECT id, role, organisation_id AS "organisationId", locale, active FROM users WHERE id = $1`, [userId]);
    return row;
  },

  /** The outcome of a claim, unless another worker has claimed the row since (`set` uses $4 onwards for `values`). */
  async finish(em: EntityManager, id: string, startedAt: Date, finishedAt: Date, set: string, values: unknown[]): Promise<void> {
    await em.query(`UPDATE exports SET ${set}, finished_at = $3 WHERE id = $1 AND status = 'RUNNING' AND started_at = $2`, [
      id,
      startedAt,
      finishedAt,
      ...values,
    ]);
  },

  /** Serialises one user's requests until the transaction ends. */
  async lockUser(em: EntityManager, userId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('exports'), hashtext($1))`, [userId]);
  },

  /** The user's exports that are QUEUED or RUNNING. */
  async openCount(em: EntityManager, userId: string): Promise<number> {
    const [{ open }] = await em.query(`SELECT count(*)::int AS open FROM exports WHERE user_id = $1 AND status IN ('QUEUED','RUNNING')`, [
      userId,
    ]);
    return open;
  },

  async insertQueued(
    em: EntityManager,
    e: { userId: string; view: ExportView; format: ExportFormat; params: ExportParams; createdAt: Date },
  ): Promise<ExportRecord> {
    const [row]: ExportRecord[] = await em.query(
      `INSERT INTO exports (user_id, view, format, params, status, created_at) VALUES ($1, $2, $3, $4, 'QUEUED', $5) RETURNING ` +
        `${EXPORT_COLUMNS}`,
      [e.userId, e.view, e.format, JSON.stringify(e.params), e.createdAt],
    );
    return row;
  },

  /** Exports still waiting after `seconds`, or claimed by a worker that died (at most 1000, oldest first). */
  waiting(em: EntityManager, seconds: number): Promise<Array<{ id: string }>> {
    return em.query(
      `SELECT id FROM exports
          WHERE (status = 'QUEUED' AND created_at < now() - make_interval(secs => $1))
             OR (status = 'RUNNING' AND started_at < now() - interval '10 minutes') -- its worker died; the generator takes over
                                                                                  -- stale claims
          ORDER BY created_at LIMIT 1000`,
      [seconds],
    );
  },

  async own(em: EntityManager, id: string, userId: string): Promise<ExportRecord | undefined> {
    const [row]: ExportRecord[] = await em.query(`SELECT ${EXPORT_COLUMNS} FROM exports WHERE id = $1 AND user_id = $2`, [id, userId]);
    return row;
  },

  /** The user's own exports, newest first. */
  ofUser(em: EntityManager, userId: string, first: number): Promise<ExportRecord[]> {
    return em.query(`SELECT ${EXPORT_COLUMNS} FROM exports WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [userId, first]);
  },

  async ownFile(
    em: EntityManager,
    id: string,
    userId: string,
  ): Promise<{ status: ExportStatus; filename: string; contentType: string; file: Buffer } | undefined> {
    const [row] = await em.query(
      `SELECT status, filename, content_type AS "contentType", file FROM exports WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return row;
  },

  /** Finished and failed exports older than `days`. */
  async deleteOld(em: EntityManager, now: Date, days: number): Promise<number> {
    return returnedRows(
      await em.query(
        `DELETE FROM exports WHERE status IN ('DONE','FAILED') AND created_at < $1::timestamptz - make_interval(days => $2) ` +
          `RETURNING id`,
        [now, days],
      ),
    ).length;
  },
};
