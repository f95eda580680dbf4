import { EntityManager } from 'typeorm';
import { returnedRows } from '@opvolging/database';
import { CommentRow } from './comment';
import { MAY_SEE_VISIBILITY_SQL, SubjectType, Visibility } from './thread';

export interface CommentVersionRow {
  body: string | null;
  at: Date;
  byId: string | null;
  operation: string;
}

const COLUMNS = `id, investigation_id AS "investigationId", plan_id AS "planId", organisation_id AS "organisationId",
  subject_type AS "subjectType", subject_id AS "subjectId", visibility, author_id AS "authorId", author_role AS "authorRole", body,
  mentioned_user_ids AS "mentionedUserIds", created_at AS "createdAt", edited_at AS "editedAt", deleted_at AS "deletedAt",
  deleted_by AS "deletedBy", version, (SELECT display_name FROM users WHERE users.id = author_id) AS "authorName"`;

/** The SQL of the comments: they are read and written only through here. */
export const commentRepository = {
  thread(
    em: EntityManager,
    thread: { subjectType: SubjectType; subjectId: string; organisationId: string },
    visibilities: Visibility[],
  ): Promise<CommentRow[]> {
    return em.query(
      `SELECT ${COLUMNS} FROM comments WHERE subject_type = $1 AND subject_id = $2 AND visibility = ANY($3) AND organisation_id = $4 ` +
        `ORDER BY seq`,
      [thread.subjectType, thread.subjectId, visibilities, thread.organisationId],
    );
  },

  byIds(em: EntityManager, ids: readonly string[], visibilities: Visibility[]): Promise<CommentRow[]> {
    return em.query(`SELECT ${COLUMNS} FROM comments WHERE id = ANY($1) AND visibility = ANY($2)`, [ids, visibilities]);
  },

  /** The comment, locked for an edit or a delete. */
  async lock(em: EntityManager, id: string, visibilities: Visibility[]): Promise<CommentRow | undefined> {
    const [row]: CommentRow[] = await em.query(`SELECT ${COLUMNS} FROM comments WHERE id = $1 AND visibility = ANY($2) FOR UPDATE`, [
      id,
      visibilities,
    ]);
    return row;
  },

  async insert(
    em: EntityManager,
    c: {
      investigationId: string;
      planId: string | null;
      organisationId: string;
      subjectType: SubjectType;
      subjectId: string;
      visibility: Visibility;
      authorId: string;
      authorRole: string;
      body: string;
      mentioned: string[];
      createdAt: Date;
    },
  ): Promise<CommentRow> {
    const [row]: CommentRow[] = await em.query(
      `INSERT INTO comments (investigation_id, plan_id, organisation_id, subject_type, subject_id, visibility, author_id, author_role, ` +
        `body, mentioned_user_ids, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [
        c.investigationId,
        c.planId,
        c.organisationId,
        c.subjectType,
        c.subjectId,
        c.visibility,
        c.authorId,
        c.authorRole,
        c.body,
        c.mentioned,
        c.createdAt,
      ],
    );
    return row;
  },

  async edit(em: EntityManager, id: string, body: string, mentioned: string[], at: Date): Promise<CommentRow> {
    const [row] = returnedRows<CommentRow>(
      await em.query(
        `UPDATE comments SET body = $2, mentioned_user_ids = $3, edited_at = $4, version = version + 1 WHERE id = $1 RETURNING ` +
          `${COLUMNS}`,
        [id, body, mentioned, at],
      ),
    );
    return row;
  },

  async tombstone(em: EntityManager, id: string, at: Date, by: string): Promise<CommentRow> {
    const [row] = returnedRows<CommentRow>(
      await em.query(
        `UPDATE comments SET body = NULL, deleted_at = $2, deleted_by = $3, version = version + 1 WHERE id = $1 RETURNING ${COLUMNS}`,
        [id, at, by],
      ),
    );
    return row;
  },

  /** Every version of a comment, oldest first, from the append-only history; the read is recorded there too. */
  async versions(em: EntityManager, id: string, readerId: string): Promise<CommentVersionRow[]> {
    const rows = await em.query(
      `SELECT after ->> 'body' AS body, occurred_at AS at, actor_user_id AS "byId", operation FROM history
          WHERE entity_type = 'comment' AND entity_id = $1 ORDER BY id`,
      [id],
    );
    await em.query(`INSERT INTO history_access (user_id, scope, subject_id, rows_returned) VALUES ($1, 'ENTITY', $2, $3)`, [
      readerId,
      id,
      rows.length,
    ]);
    return rows;
  },

  /** The accounts (by id or lower-cased e-mail) among `emails`/`ids` that may read the thread's comments of that visibility. */
  async mayRead(
    em: EntityManager,
    thread: { investigationId: string; organisationId: string },
    visibility: Visibility,
    inspectorsSee: boolean,
    emails: string[],
    ids: string[],
  ): Promise<string[]> {
    const rows: Array<{ id: string }> = await em.query(
      `SELECT u.id FROM users u WHERE (lower(u.email) = ANY($5) OR u.id = ANY($6::uuid[])) AND ${MAY_SEE_VISIBILITY_SQL} ORDER BY u.id`,
      [thread.investigationId, thread.organisationId, visibility, inspectorsSee, emails, ids],
    );
    return rows.map((r) => r.id);
  },

  /** The earlier authors of the thread, without the comment itself. */
  otherAuthors(
    em: EntityManager,
    subjectType: SubjectType,
    subjectId: string,
    exceptId: string,
  ): Promise<Array<{ author_id: string; author_role: string }>> {
    return em.query(`SELECT DISTINCT author_id, author_role FROM comments WHERE subject_type = $1 AND subject_id = $2 AND id <> $3`, [
      subjectType,
      subjectId,
      exceptId,
    ]);
  },

  async displayName(em: EntityManager, userId: string): Promise<string | null> {
    const [author] = await em.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
    return author?.display_name ?? null;
  },
};
