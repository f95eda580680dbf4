import { EntityManager } from 'typeorm';
import { returnedRows } from '@opvolging/database';
import { SubjectType, Visibility } from './thread';

export interface AttachmentRow {
  id: string;
  investigationId: string;
  planId: string | null;
  organisationId: string;
  subjectType: SubjectType;
  subjectId: string;
  visibility: Visibility;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  scanned: 'NOT_SCANNED' | 'CLEAN';
  uploadedBy: string;
  uploadedByName: string;
  uploadedAt: Date;
  deletedAt: Date | null;
  deletedBy: string | null;
  version: number;
}

const COLUMNS = `id, investigation_id AS "investigationId", plan_id AS "planId", organisation_id AS "organisationId",
  subject_type AS "subjectType", subject_id AS "subjectId", visibility, file_name AS "fileName", content_type AS "contentType",
  size_bytes::float8 AS "sizeBytes", sha256, storage_key AS "storageKey", scanned, uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt",
  deleted_at AS "deletedAt", deleted_by AS "deletedBy", version, (SELECT display_name FROM users WHERE users.id = uploaded_by) AS
    "uploadedByName"`;

/** The SQL of the attachments (their metadata; the bytes are in BlobStorage). */
export const attachmentRepository = {
  /** One upload at a time per item, until the transaction ends. */
  async lockItem(em: EntityManager, subjectId: string): Promise<void> {
    await em.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`attachments:${subjectId}`]);
  },

  /** Bytes held by the item's files that are not deleted. */
  async usedBytes(em: EntityManager, subjectId: string): Promise<number> {
    const [{ used }] = await em.query(
      `SELECT coalesce(sum(size_bytes), 0)::float8 AS used FROM attachments WHERE subject_id = $1 AND deleted_at IS NULL`,
      [subjectId],
    );
    return used;
  },

  async insert(
    em: EntityManager,
    a: {
      id: string;
      investigationId: string;
      planId: string | null;
      organisationId: string;
      subjectType: SubjectType;
      subjectId: string;
      visibility: Visibility;
      fileName: string;
      contentType: string;
      sizeBytes: number;
      sha256: string;
      storageKey: string;
      scanned: AttachmentRow['scanned'];
      uploadedBy: string;
      uploadedAt: Date;
    },
  ): Promise<AttachmentRow> {
    const [row] = await em.query(
      `INSERT INTO attachments (id, investigation_id, plan_id, organisation_id, subject_type, subject_id, visibility, file_name, ` +
        `content_type,
                                    size_bytes, sha256, storage_key, scanned, uploaded_by, uploaded_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING ${COLUMNS}`,
      [
        a.id,
        a.investigationId,
        a.planId,
        a.organisationId,
        a.subjectType,
        a.subjectId,
        a.visibility,
        a.fileName,
        a.contentType,
        a.sizeBytes,
        a.sha256,
        a.storageKey,
        a.scanned,
        a.uploadedBy,
        a.uploadedAt,
      ],
    );
    return row as AttachmentRow;
  },

  ofSubject(
    em: EntityManager,
    subjectType: SubjectType,
    subjectId: string,
    visibilities: Visibility[],
    organisationId: string,
  ): Promise<AttachmentRow[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM attachments WHERE subject_type = $1 AND subject_id = $2 AND visibility = ANY($3) AND organisation_id = ` +
        `$4 ORDER BY uploaded_at, id`,
      [subjectType, subjectId, visibilities, organisationId],
    );
  },

  /** A file that is not deleted. */
  async live(em: EntityManager, id: string, visibilities: Visibility[]): Promise<AttachmentRow | undefined> {
    const [r]: AttachmentRow[] = await em.query(
      `SELECT ${COLUMNS} FROM attachments WHERE id = $1 AND visibility = ANY($2) AND deleted_at IS NULL`,
      [id, visibilities],
    );
    return r;
  },

  async lock(em: EntityManager, id: string, visibilities: Visibility[]): Promise<AttachmentRow | undefined> {
    const [current]: AttachmentRow[] = await em.query(
      `SELECT ${COLUMNS} FROM attachments WHERE id = $1 AND visibility = ANY($2) FOR UPDATE`,
      [id, visibilities],
    );
    return current;
  },

  async tombstone(em: EntityManager, id: string, at: Date, by: string): Promise<AttachmentRow> {
    const [row] = returnedRows<AttachmentRow>(
      await em.query(`UPDATE attachments SET deleted_at = $2, deleted_by = $3, version = version + 1 WHERE id = $1 RETURNING ${COLUMNS}`, [
        id,
        at,
        by,
      ]),
    );
    return row;
  },

  ofPlans(em: EntityManager, planIds: readonly string[], visibilities: Visibility[]): Promise<AttachmentRow[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM attachments WHERE plan_id = ANY($1) AND deleted_at IS NULL AND visibility = ANY($2) ORDER BY ` +
        `uploaded_at, id`,
      [planIds, visibilities],
    );
  },

  /** Every row, deleted or not, for the storage check. */
  storageKeys(em: EntityManager): Promise<Array<{ id: string; fileName: string; storageKey: string; deleted: boolean }>> {
    return em.query(`SELECT id, file_name AS "fileName", storage_key AS "storageKey", deleted_at IS NOT NULL AS deleted FROM attachments`);
  },

  async internalAuditStatus(em: EntityManager, auditId: string): Promise<string | undefined> {
    const [a] = await em.query(`SELECT status FROM internal_audits WHERE id = $1`, [auditId]);
    return a?.status;
  },

  async comment(em: EntityManager, commentId: string): Promise<{ author_id: string; deleted_at: Date | null; visibility: string }> {
    const [c] = await em.query(`SELECT author_id, deleted_at, visibility FROM comments WHERE id = $1`, [commentId]);
    return c;
  },
};
