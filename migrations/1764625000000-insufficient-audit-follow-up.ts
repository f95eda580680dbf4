import { MigrationInterface, QueryRunner } from 'typeorm';

/** The whole view as of this migration (every migration that replaces it carries the full definition), based on 1764620000000. */
export const OPEN_DEADLINES_1764625000000 = `
  CREATE OR REPLACE VIEW open_deadlines WITH (security_invoker = true) AS
    SELECT 'PLAN_DUE'::text AS kind, p.id AS subject_id, p.investigation_id, p.organisation_id, NULL::uuid AS owner_id,
           p.due_date, p.original_due_date
      FROM improvement_plans p WHERE p.status IN ('DRAFT','REVISION_REQUESTED')
    UNION ALL
    SELECT 'ASSESSMENT_DUE', p.id, p.investigation_id, p.organisation_id, NULL::uuid, p.assessment_due_date, coalesce(p.original_assessment_due_date, p.assessment_due_date)
      FROM improvement_plans p WHERE p.status = 'SUBMITTED'
    UNION ALL
    SELECT 'MEASURE_DUE', m.id, p.investigation_id, p.organisation_id, m.owner_id, m.due_date, m.original_due_date
      FROM measures m JOIN improvement_plans p ON p.id = m.plan_id
     WHERE m.status IN ('PLANNED','IN_PROGRESS') AND p.status = 'ACCEPTED'
    UNION ALL
    SELECT 'AUDIT_DUE', a.id, p.investigation_id, p.organisation_id, NULL::uuid, a.due_date, a.original_due_date
      FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id WHERE a.status IN ('DRAFT','REVISION_REQUESTED') AND p.status = 'ACCEPTED'
    UNION ALL
    SELECT 'VERIFICATION_DUE', a.id, p.investigation_id, p.organisation_id, NULL::uuid, a.verification_due_date, a.original_verification_due_date
      FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id
     WHERE a.status = 'JUDGED' AND a.verification_due_date IS NOT NULL AND p.status = 'ACCEPTED'
    UNION ALL
    SELECT 'TRAJECTORY_END', i.id, i.id, NULL::uuid, NULL::uuid, i.trajectory_end_date, coalesce((SELECT c.from_date FROM due_date_changes c WHERE c.kind = 'TRAJECTORY_END' AND c.subject_id = i.id ORDER BY c.created_at LIMIT 1), i.trajectory_end_date)
      FROM investigations i WHERE i.status = 'FOLLOW_UP'`;

const PREVIOUS_VIEW = `
  CREATE OR REPLACE VIEW open_deadlines WITH (security_invoker = true) AS
    SELECT 'PLAN_DUE'::text AS kind, p.id AS subject_id, p.investigation_id, p.organisation_id, NULL::uuid AS owner_id,
           p.due_date, p.original_due_date
      FROM improvement_plans p WHERE p.status IN ('DRAFT','REVISION_REQUESTED')
    UNION ALL
    SELECT 'ASSESSMENT_DUE', p.id, p.investigation_id, p.organisation_id, NULL::uuid, p.assessment_due_date, coalesce(p.original_assessment_due_date, p.assessment_due_date)
      FROM improvement_plans p WHERE p.status = 'SUBMITTED'
    UNION ALL
    SELECT 'MEASURE_DUE', m.id, p.investigation_id, p.organisation_id, m.owner_id, m.due_date, m.original_due_date
      FROM measures m JOIN improvement_plans p ON p.id = m.plan_id
     WHERE m.status IN ('PLANNED','IN_PROGRESS') AND p.status = 'ACCEPTED'
    UNION ALL
    SELECT 'AUDIT_DUE', a.id, p.investigation_id, p.organisation_id, NULL::uuid, a.due_date, a.original_due_date
      FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id WHERE a.status IN ('DRAFT','REVISION_REQUESTED') AND p.status = 'ACCEPTED'
    UNION ALL
    SELECT 'TRAJECTORY_END', i.id, i.id, NULL::uuid, NULL::uuid, i.trajectory_end_date, coalesce((SELECT c.from_date FROM due_date_changes c WHERE c.kind = 'TRAJECTORY_END' AND c.subject_id = i.id ORDER BY c.created_at LIMIT 1), i.trajectory_end_date)
      FROM investigations i WHERE i.status = 'FOLLOW_UP'`;

/**
 * After an insufficient internal audit the inspector chooses a follow-up in the judgement: a
 * revised audit (the audit's due date moves, its original stays) or the inspectorate's own
 * verification, planned on a date that is the inspector's deadline (`VERIFICATION_DUE`).
 */
export class InsufficientAuditFollowUp1764625000000 implements MigrationInterface {
  name = 'InsufficientAuditFollowUp1764625000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE internal_audit_judgements
        ADD COLUMN follow_up text CHECK (follow_up IN ('REVISED_AUDIT','OWN_VERIFICATION')),
        ADD COLUMN revised_due_date date,
        ADD COLUMN verification_method text CHECK (verification_method IN ('DESK_REVIEW','SITE_VISIT')),
        ADD COLUMN verification_planned_on date,
        ADD CONSTRAINT internal_audit_judgements_follow_up CHECK (
          (quality = 'SUFFICIENT' AND follow_up IS NULL AND revised_due_date IS NULL AND verification_planned_on IS NULL)
          OR (quality = 'INSUFFICIENT' AND (follow_up IS NULL
              OR (follow_up = 'REVISED_AUDIT' AND revised_due_date IS NOT NULL AND verification_planned_on IS NULL)
              OR (follow_up = 'OWN_VERIFICATION' AND verification_planned_on IS NOT NULL AND verification_method IS NOT NULL AND revised_due_date IS NULL))))`);
    await q.query(`
      ALTER TABLE internal_audits
        ADD COLUMN verification_method text CHECK (verification_method IN ('DESK_REVIEW','SITE_VISIT')),
        ADD COLUMN verification_due_date date,
        ADD COLUMN original_verification_due_date date,
        ADD CONSTRAINT internal_audits_verification_planned CHECK ((verification_due_date IS NULL) = (original_verification_due_date IS NULL))`);
    await q.query(`CREATE INDEX internal_audits_verification_due_idx ON internal_audits (verification_due_date) WHERE verification_due_date IS NOT NULL AND status = 'JUDGED'`);
    await q.query(OPEN_DEADLINES_1764625000000);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(PREVIOUS_VIEW);
    await q.query(`DROP INDEX internal_audits_verification_due_idx`);
    await q.query(`ALTER TABLE internal_audits DROP CONSTRAINT internal_audits_verification_planned, DROP COLUMN verification_method, DROP COLUMN verification_due_date, DROP COLUMN original_verification_due_date`);
    await q.query(`ALTER TABLE internal_audit_judgements DROP CONSTRAINT internal_audit_judgements_follow_up, DROP COLUMN follow_up, DROP COLUMN revised_due_date, DROP COLUMN verification_method, DROP COLUMN verification_planned_on`);
  }
}
