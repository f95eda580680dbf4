import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deadlines are derived, not stored: the view `open_deadlines` reads them from the rows that carry
 * due dates, so a date that moves or a step that completes changes the deadline with no copy to
 * keep in sync. What was sent is stored: `deadline_notices` holds one row per (deadline, due date,
 * step), and its unique key is what makes a reminder go out once.
 */
export class DeadlinesAndNotifications1763900000000 implements MigrationInterface {
  name = 'DeadlinesAndNotifications1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE investigations
        ADD COLUMN deadline_unit text NOT NULL DEFAULT 'CALENDAR_DAYS' CHECK (deadline_unit IN ('CALENDAR_DAYS','WORKING_DAYS')),
        ADD COLUMN reminder_policy jsonb NOT NULL DEFAULT '{}'::jsonb;

      ALTER TABLE users
        ADD COLUMN notification_mode text NOT NULL DEFAULT 'IMMEDIATE' CHECK (notification_mode IN ('IMMEDIATE','DAILY_DIGEST')),
        ADD COLUMN calendar_token_hash text;
      CREATE UNIQUE INDEX users_calendar_token_key ON users (calendar_token_hash) WHERE calendar_token_hash IS NOT NULL;

      CREATE INDEX improvement_plans_open_due_idx ON improvement_plans (due_date) WHERE status IN ('DRAFT','REVISION_REQUESTED');
      CREATE INDEX improvement_plans_assessment_due_idx ON improvement_plans (assessment_due_date) WHERE status = 'SUBMITTED';
      CREATE INDEX internal_audits_open_due_idx ON internal_audits (due_date) WHERE status IN ('DRAFT','REVISION_REQUESTED');
      CREATE INDEX investigations_trajectory_end_idx ON investigations (trajectory_end_date) WHERE status = 'FOLLOW_UP';

      CREATE VIEW open_deadlines AS
        SELECT 'PLAN_DUE'::text AS kind, p.id AS subject_id, p.investigation_id, p.organisation_id, NULL::uuid AS owner_id,
               p.due_date, p.original_due_date
          FROM improvement_plans p WHERE p.status IN ('DRAFT','REVISION_REQUESTED')
        UNION ALL
        SELECT 'ASSESSMENT_DUE', p.id, p.investigation_id, p.organisation_id, NULL::uuid, p.assessment_due_date, p.assessment_due_date
          FROM improvement_plans p WHERE p.status = 'SUBMITTED'
        UNION ALL
        SELECT 'MEASURE_DUE', m.id, p.investigation_id, p.organisation_id, m.owner_id, m.due_date, m.original_due_date
          FROM measures m JOIN improvement_plans p ON p.id = m.plan_id
         WHERE m.status IN ('PLANNED','IN_PROGRESS') AND p.status = 'ACCEPTED'
        UNION ALL
        SELECT 'AUDIT_DUE', a.id, p.investigation_id, p.organisation_id, NULL::uuid, a.due_date, a.original_due_date
          FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id WHERE a.status IN ('DRAFT','REVISION_REQUESTED')
        UNION ALL
        SELECT 'TRAJECTORY_END', i.id, i.id, NULL::uuid, NULL::uuid, i.trajectory_end_date, i.trajectory_end_date
          FROM investigations i WHERE i.status = 'FOLLOW_UP';

      CREATE TABLE deadline_notices (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        due_date date NOT NULL,
        step text NOT NULL,
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        recipients integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT deadline_notices_once UNIQUE (kind, subject_id, due_date, step)
      );

      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        notice_id uuid REFERENCES deadline_notices(id),
        kind text NOT NULL,
        params jsonb NOT NULL,
        read_at timestamptz,
        email_status text NOT NULL CHECK (email_status IN ('PENDING','SENDING','SENT','IN_DIGEST','DIGEST_SENT')),
        email_claimed_at timestamptz,
        emailed_at timestamptz,
        email_attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (notice_id, user_id)
      );
      CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);
      CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
      CREATE INDEX notifications_mail_idx ON notifications (email_status, created_at) WHERE email_status IN ('PENDING','SENDING','IN_DIGEST');

      CREATE TABLE digests (
        user_id uuid NOT NULL REFERENCES users(id),
        digest_date date NOT NULL,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENT')),
        sent_at timestamptz,
        PRIMARY KEY (user_id, digest_date)
      );

      CREATE TABLE extension_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        kind text NOT NULL,
        new_due_date date NOT NULL,
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        inspector_id uuid NOT NULL REFERENCES users(id),
        excluded_organisation_ids uuid[] NOT NULL DEFAULT '{}',
        affected integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE extension_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('PLAN_DUE','MEASURE_DUE','AUDIT_DUE')),
        subject_id uuid NOT NULL,
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        current_due_date date NOT NULL,
        requested_due_date date NOT NULL CHECK (requested_due_date > current_due_date),
        reason text NOT NULL CHECK (length(btrim(reason)) > 0),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','GRANTED','REFUSED','WITHDRAWN')),
        granted_due_date date,
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT extension_requests_decided CHECK (status IN ('PENDING','WITHDRAWN') OR (decided_by IS NOT NULL AND decided_at IS NOT NULL)),
        CONSTRAINT extension_requests_granted_date CHECK (status <> 'GRANTED' OR granted_due_date IS NOT NULL)
      );
      CREATE UNIQUE INDEX extension_requests_one_pending ON extension_requests (kind, subject_id) WHERE status = 'PENDING';
      CREATE INDEX extension_requests_investigation_idx ON extension_requests (investigation_id, status);

      -- Every move of a due date, with who decided and why (requests granted and bulk decisions).
      CREATE TABLE due_date_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        subject_id uuid NOT NULL,
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        from_date date NOT NULL,
        to_date date NOT NULL,
        reason text NOT NULL,
        decided_by uuid NOT NULL REFERENCES users(id),
        extension_request_id uuid REFERENCES extension_requests(id),
        extension_decision_id uuid REFERENCES extension_decisions(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX due_date_changes_subject_idx ON due_date_changes (kind, subject_id, created_at);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE due_date_changes, extension_requests, extension_decisions, digests, notifications, deadline_notices;
      DROP VIEW open_deadlines;
      DROP INDEX improvement_plans_open_due_idx, improvement_plans_assessment_due_idx, internal_audits_open_due_idx, investigations_trajectory_end_idx;
      ALTER TABLE users DROP COLUMN notification_mode, DROP COLUMN calendar_token_hash;
      ALTER TABLE investigations DROP COLUMN deadline_unit, DROP COLUMN reminder_policy;
    `);
  }
}
