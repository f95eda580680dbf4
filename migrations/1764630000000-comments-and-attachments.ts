import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments (public between organisation and inspectors, internal notes of the inspectorate, the
 * organisation's own talk on a draft plan) and evidence files (metadata here, bytes in storage).
 * Both are tombstoned, never deleted; every version lands in `history` by trigger. Row-level
 * security keeps internal notes from organisations and organisation-only talk from inspectors,
 * also in the history rows they leave.
 */
export class CommentsAndAttachments1764630000000 implements MigrationInterface {
  name = 'CommentsAndAttachments1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        plan_id uuid REFERENCES improvement_plans(id), -- null on an enforcement measure without a plan
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        subject_type text NOT NULL CHECK (subject_type IN ('PLAN','MEASURE','INTERNAL_AUDIT','VERIFICATION','ENFORCEMENT_MEASURE')),
        subject_id uuid NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC','INTERNAL','ORGANISATION')),
        author_id uuid NOT NULL REFERENCES users(id),
        author_role text NOT NULL CHECK (author_role IN ('INSPECTOR','ORGANISATION_MEMBER')),
        body text CHECK (char_length(body) BETWEEN 1 AND 5000),
        mentioned_user_ids uuid[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        edited_at timestamptz,
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1,
        -- The order of writing, also between comments written at one instant.
        seq bigint GENERATED ALWAYS AS IDENTITY,
        CONSTRAINT comments_tombstone CHECK ((deleted_at IS NULL) = (body IS NOT NULL)),
        CONSTRAINT comments_internal_by_inspectors CHECK (visibility <> 'INTERNAL' OR author_role = 'INSPECTOR'),
        CONSTRAINT comments_organisation_by_members CHECK (visibility <> 'ORGANISATION' OR author_role = 'ORGANISATION_MEMBER')
      );
      CREATE INDEX comments_thread_idx ON comments (subject_id, seq);
      CREATE INDEX comments_plan_idx ON comments (plan_id);

      CREATE TABLE attachments (
        id uuid PRIMARY KEY,
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        plan_id uuid REFERENCES improvement_plans(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        subject_type text NOT NULL CHECK (subject_type IN ('MEASURE','INTERNAL_AUDIT','VERIFICATION','ENFORCEMENT_MEASURE','COMMENT')),
        subject_id uuid NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('PUBLIC','INTERNAL','ORGANISATION')),
        file_name text NOT NULL CHECK (char_length(file_name) BETWEEN 1 AND 200),
        content_type text NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes > 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        scanned text NOT NULL CHECK (scanned IN ('NOT_SCANNED','CLEAN')),
        uploaded_by uuid NOT NULL REFERENCES users(id),
        uploaded_at timestamptz NOT NULL,
        deleted_at timestamptz,
        deleted_by uuid REFERENCES users(id),
        version integer NOT NULL DEFAULT 1
      );
      CREATE INDEX attachments_subject_idx ON attachments (subject_id, uploaded_at, id);
      CREATE INDEX attachments_plan_idx ON attachments (plan_id);

      CREATE TRIGGER comments_history AFTER INSERT OR UPDATE OR DELETE ON comments FOR EACH ROW EXECUTE FUNCTION record_history('comment');
      CREATE TRIGGER attachments_history AFTER INSERT OR UPDATE OR DELETE ON attachments FOR EACH ROW EXECUTE FUNCTION record_history('attachment');
      -- Tombstones, not deletions: the rows stay (the owner, running migrations, is not stopped).
      CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments FOR EACH ROW EXECUTE FUNCTION refuse_change();
    `);
    const visible = (t: string) => `(app_role() = 'SYSTEM'
        OR (app_role() = 'INSPECTOR' AND ${t}.visibility <> 'ORGANISATION')
        OR (app_role() = 'ORGANISATION_MEMBER' AND ${t}.organisation_id = app_organisation_id() AND ${t}.visibility <> 'INTERNAL'))`;
    for (const table of ['comments', 'attachments']) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY conversation_visibility ON ${table} USING ${visible(table)} WITH CHECK ${visible(table)};
        GRANT SELECT, INSERT, UPDATE ON ${table} TO opvolging_app;`);
    }
    // History rows of comments and attachments are as private as the rows themselves.
    await q.query(`
      CREATE POLICY conversation_history ON history AS RESTRICTIVE FOR SELECT USING (
        entity_type NOT IN ('comment', 'attachment')
        OR app_role() = 'SYSTEM'
        OR (app_role() = 'INSPECTOR' AND coalesce(after, before) ->> 'visibility' <> 'ORGANISATION')
        OR (app_role() = 'ORGANISATION_MEMBER' AND coalesce(after, before) ->> 'visibility' <> 'INTERNAL'
            AND coalesce(after, before) ->> 'organisation_id' = app_organisation_id()::text))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY conversation_history ON history`);
    await q.query(`DROP TABLE attachments, comments`);
  }
}
