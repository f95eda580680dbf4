import { MigrationInterface, QueryRunner } from 'typeorm';

const ORG_TABLES_VIA_PLAN = ['measures', 'plan_versions', 'plan_assessments', 'internal_audits', 'verifications'];

/** Tables whose every change is recorded, with how a row finds its investigation and organisation. */
const TRACKED: Array<[table: string, entity: string]> = [
  ['organisations', 'organisation'],
  ['users', 'user'],
  ['investigations', 'investigation'],
  ['investigation_inspectorates', 'investigation_inspectorate'],
  ['investigation_organisations', 'investigation_organisation'],
  ['findings', 'finding'],
  ['improvement_points', 'improvement_point'],
  ['improvement_point_addressees', 'improvement_point_addressee'],
  ['improvement_plans', 'improvement_plan'],
  ['plan_versions', 'plan_version'],
  ['measures', 'measure'],
  ['measure_points', 'measure_point'],
  ['plan_assessments', 'plan_assessment'],
  ['internal_audits', 'internal_audit'],
  ['internal_audit_results', 'internal_audit_result'],
  ['internal_audit_judgements', 'internal_audit_judgement'],
  ['verifications', 'verification'],
  ['verification_grades', 'verification_grade'],
  ['extension_requests', 'extension_request'],
  ['extension_decisions', 'extension_decision'],
  ['due_date_changes', 'due_date_change'],
];

/**
 * Trust in the database itself, not only in the code:
 * - the API and worker work as role `opvolging_app` (set per transaction), which is no superuser
 *   and owns nothing, so row-level security and privileges apply to it;
 * - `history` is written only by triggers (SECURITY DEFINER), and refuses UPDATE, DELETE and
 *   TRUNCATE from anyone; the application role cannot even INSERT into it;
 * - row-level security keeps an organisation's plans, measures, audits, verifications, extension
 *   requests and notifications away from other organisations' transactions (policies read the
 *   transaction-local settings app.role / app.organisation_id / app.user_id; unset means nothing).
 */
export class Trust1764000000000 implements MigrationInterface {
  name = 'Trust1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'opvolging_app') THEN
          CREATE ROLE opvolging_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
        END IF;
      END $$;

      ALTER TABLE users
        ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0,
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN oidc_issuer text,
        ADD COLUMN oidc_subject text,
        ADD CONSTRAINT users_oidc_identity UNIQUE (oidc_issuer, oidc_subject);

      CREATE TABLE password_reset_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id);

      CREATE FUNCTION app_role() RETURNS text LANGUAGE sql STABLE AS
        $$ SELECT nullif(current_setting('app.role', true), '') $$;
      CREATE FUNCTION app_organisation_id() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT nullif(current_setting('app.organisation_id', true), '')::uuid $$;
      CREATE FUNCTION app_user_id() RETURNS uuid LANGUAGE sql STABLE AS
        $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$;

      CREATE TABLE history (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_user_id uuid,
        actor_role text,
        on_behalf_of text,
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        investigation_id uuid,
        organisation_id uuid,
        operation text NOT NULL CHECK (operation IN ('INSERT','UPDATE','DELETE')),
        changed_fields text[],
        before jsonb,
        after jsonb
      );
      CREATE INDEX history_entity_idx ON history (entity_id, id);
      CREATE INDEX history_investigation_idx ON history (investigation_id, id);

      -- Who looked at history, when, at what (NEN 7513: access to logs is logged too).
      CREATE TABLE history_access (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        user_id uuid NOT NULL,
        scope text NOT NULL,
        subject_id uuid NOT NULL,
        rows_returned integer NOT NULL
      );
      CREATE INDEX history_access_subject_idx ON history_access (subject_id, id);

      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$;
      CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER history_no_truncate BEFORE TRUNCATE ON history FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER history_access_append_only BEFORE UPDATE OR DELETE ON history_access FOR EACH ROW EXECUTE FUNCTION refuse_change();
      CREATE TRIGGER history_access_no_truncate BEFORE TRUNCATE ON history_access FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

      -- Runs as its owner: it must see the parent rows whatever the acting organisation may see,
      -- and it is the only way into history.
      CREATE FUNCTION record_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'password_hash' - 'calendar_token_hash' END;
        new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'password_hash' - 'calendar_token_hash' END;
        r jsonb := coalesce(new_row, old_row);
        entity uuid;
        plan uuid;
        inv uuid;
        org uuid;
        changed text[];
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          SELECT array_agg(key ORDER BY key) INTO changed FROM jsonb_each(new_row) n
           WHERE n.value IS DISTINCT FROM old_row -> n.key AND key NOT IN ('updated_at', 'version');
          IF changed IS NULL THEN RETURN NULL; END IF; -- nothing but bookkeeping changed
        END IF;
        entity := coalesce(r->>'id', r->>'measure_id', r->>'point_id', r->>'audit_id', r->>'verification_id', r->>'investigation_id')::uuid;
        plan := CASE
          WHEN TG_TABLE_NAME = 'improvement_plans' THEN (r->>'id')::uuid
          WHEN r ? 'plan_id' THEN (r->>'plan_id')::uuid
          WHEN TG_TABLE_NAME = 'measure_points' THEN (SELECT plan_id FROM measures WHERE id = (r->>'measure_id')::uuid)
          WHEN TG_TABLE_NAME IN ('internal_audit_results', 'internal_audit_judgements') THEN (SELECT plan_id FROM internal_audits WHERE id = (r->>'audit_id')::uuid)
          WHEN TG_TABLE_NAME = 'verification_grades' THEN (SELECT plan_id FROM verifications WHERE id = (r->>'verification_id')::uuid)
        END;
        IF plan IS NOT NULL THEN
          SELECT investigation_id, organisation_id INTO inv, org FROM improvement_plans WHERE id = plan;
        END IF;
        inv := coalesce(inv, (r->>'investigation_id')::uuid,
          CASE WHEN TG_TABLE_NAME = 'investigations' THEN (r->>'id')::uuid END,
          CASE WHEN TG_TABLE_NAME = 'improvement_point_addressees' THEN (SELECT investigation_id FROM improvement_points WHERE id = (r->>'point_id')::uuid) END);
        org := coalesce(org,
          CASE WHEN TG_TABLE_NAME = 'extension_requests' THEN (r->>'organisation_id')::uuid END,
          CASE WHEN TG_TABLE_NAME IN ('users', 'organisations') THEN coalesce((r->>'organisation_id')::uuid, (r->>'id')::uuid) END);
        INSERT INTO history (actor_user_id, actor_role, on_behalf_of, entity_type, entity_id, investigation_id, organisation_id, operation, changed_fields, before, after)
        VALUES (app_user_id(), coalesce(app_role(), session_user), nullif(current_setting('app.on_behalf_of', true), ''),
                TG_ARGV[0], entity, inv, org, TG_OP, changed, old_row, new_row);
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION record_history() FROM PUBLIC;
    `);
    for (const [table, entity] of TRACKED) {
      await q.query(`CREATE TRIGGER ${table}_history AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION record_history('${entity}')`);
    }

    // Views run with their owner's rights unless told otherwise, which would skip row-level security.
    await q.query(`ALTER VIEW open_deadlines SET (security_invoker = true)`);

    const orgVisible = `(app_role() IN ('SYSTEM','INSPECTOR','MUNICIPALITY_REVIEWER') OR (app_role() = 'ORGANISATION_MEMBER' AND organisation_id = app_organisation_id()))`;
    await q.query(`
      ALTER TABLE improvement_plans ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisation_isolation ON improvement_plans USING ${orgVisible} WITH CHECK ${orgVisible};
      ALTER TABLE extension_requests ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisation_isolation ON extension_requests USING ${orgVisible} WITH CHECK ${orgVisible};
    `);
    for (const table of ORG_TABLES_VIA_PLAN) {
      await q.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY organisation_isolation ON ${table}
          USING (EXISTS (SELECT 1 FROM improvement_plans p WHERE p.id = ${table}.plan_id))
          WITH CHECK (EXISTS (SELECT 1 FROM improvement_plans p WHERE p.id = ${table}.plan_id));
      `);
    }
    await q.query(`
      ALTER TABLE measure_points ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisation_isolation ON measure_points
        USING (EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_points.measure_id))
        WITH CHECK (EXISTS (SELECT 1 FROM measures m WHERE m.id = measure_points.measure_id));
      ALTER TABLE internal_audit_results ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisation_isolation ON internal_audit_results
        USING (EXISTS (SELECT 1 FROM internal_audits a WHERE a.id = internal_audit_results.audit_id))
        WITH CHECK (EXISTS (SELECT 1 FROM internal_audits a WHERE a.id = internal_audit_results.audit_id));
      ALTER TABLE internal_audit_judgements ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisation_isolation ON internal_audit_judgements
        USING (EXISTS (SELECT 1 FROM internal_audits a WHERE a.id = internal_audit_judgements.audit_id))
        WITH CHECK (EXISTS (SELECT 1 FROM internal_audits a WHERE a.id = internal_audit_judgements.audit_id));
      ALTER TABLE verification_grades ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisation_isolation ON verification_grades
        USING (EXISTS (SELECT 1 FROM verifications v WHERE v.id = verification_grades.verification_id))
        WITH CHECK (EXISTS (SELECT 1 FROM verifications v WHERE v.id = verification_grades.verification_id));

      ALTER TABLE notifications ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY own_notifications ON notifications
        USING (app_role() = 'SYSTEM' OR user_id = app_user_id()) WITH CHECK (app_role() = 'SYSTEM' OR user_id = app_user_id());
      ALTER TABLE deadline_notices ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY system_only ON deadline_notices USING (app_role() = 'SYSTEM') WITH CHECK (app_role() = 'SYSTEM');
      ALTER TABLE password_reset_tokens ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY system_only ON password_reset_tokens USING (app_role() = 'SYSTEM') WITH CHECK (app_role() = 'SYSTEM');
      ALTER TABLE due_date_changes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisation_isolation ON due_date_changes USING (
        app_role() IN ('SYSTEM','INSPECTOR','MUNICIPALITY_REVIEWER')
        OR EXISTS (SELECT 1 FROM improvement_plans p WHERE p.id = due_date_changes.subject_id)
        OR EXISTS (SELECT 1 FROM measures m WHERE m.id = due_date_changes.subject_id)
        OR EXISTS (SELECT 1 FROM internal_audits a WHERE a.id = due_date_changes.subject_id));

      ALTER TABLE history ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY organisation_isolation ON history FOR SELECT USING (
        app_role() IN ('SYSTEM','INSPECTOR','MUNICIPALITY_REVIEWER','ADMIN')
        OR (app_role() = 'ORGANISATION_MEMBER' AND (organisation_id = app_organisation_id() OR (organisation_id IS NULL AND investigation_id IS NOT NULL))));
      ALTER TABLE history_access ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY read_system ON history_access FOR SELECT USING (app_role() IN ('SYSTEM', 'ADMIN'));
      CREATE POLICY write_own ON history_access FOR INSERT WITH CHECK (user_id = app_user_id());

      GRANT USAGE ON SCHEMA public TO opvolging_app;
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO opvolging_app;
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO opvolging_app;
      DO $$ BEGIN IF to_regclass('schema_migrations') IS NOT NULL THEN REVOKE ALL ON schema_migrations FROM opvolging_app; END IF; END $$;
      REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON history FROM opvolging_app;
      REVOKE UPDATE, DELETE, TRUNCATE ON history_access FROM opvolging_app;
      GRANT SELECT ON history TO opvolging_app;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of TRACKED) await q.query(`DROP TRIGGER ${table}_history ON ${table}`);
    for (const table of [...ORG_TABLES_VIA_PLAN, 'improvement_plans', 'extension_requests', 'measure_points', 'internal_audit_results', 'internal_audit_judgements', 'verification_grades', 'notifications', 'deadline_notices', 'due_date_changes']) {
      await q.query(`DROP POLICY IF EXISTS organisation_isolation ON ${table}; DROP POLICY IF EXISTS own_notifications ON ${table}; DROP POLICY IF EXISTS system_only ON ${table}; ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`
      ALTER VIEW open_deadlines RESET (security_invoker);
      DROP TABLE history_access, history, password_reset_tokens;
      DROP FUNCTION record_history(), refuse_change(), app_role(), app_organisation_id(), app_user_id();
      ALTER TABLE users DROP CONSTRAINT users_oidc_identity, DROP COLUMN failed_sign_ins, DROP COLUMN locked_until, DROP COLUMN oidc_issuer, DROP COLUMN oidc_subject;
      REVOKE ALL ON ALL TABLES IN SCHEMA public FROM opvolging_app;
      REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM opvolging_app;
      REVOKE USAGE ON SCHEMA public FROM opvolging_app;
    `);
  }
}
