import { MigrationInterface, QueryRunner } from 'typeorm';

const VIEW = (assessmentOriginal: string) => `
  CREATE OR REPLACE VIEW open_deadlines WITH (security_invoker = true) AS
    SELECT 'PLAN_DUE'::text AS kind, p.id AS subject_id, p.investigation_id, p.organisation_id, NULL::uuid AS owner_id,
           p.due_date, p.original_due_date
      FROM improvement_plans p WHERE p.status IN ('DRAFT','REVISION_REQUESTED')
    UNION ALL
    SELECT 'ASSESSMENT_DUE', p.id, p.investigation_id, p.organisation_id, NULL::uuid, p.assessment_due_date, ${assessmentOriginal}
      FROM improvement_plans p WHERE p.status = 'SUBMITTED'
    UNION ALL
    SELECT 'MEASURE_DUE', m.id, p.investigation_id, p.organisation_id, m.owner_id, m.due_date, m.original_due_date
      FROM measures m JOIN improvement_plans p ON p.id = m.plan_id
     WHERE m.status IN ('PLANNED','IN_PROGRESS') AND p.status = 'ACCEPTED'
    UNION ALL
    SELECT 'AUDIT_DUE', a.id, p.investigation_id, p.organisation_id, NULL::uuid, a.due_date, a.original_due_date
      FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id WHERE a.status IN ('DRAFT','REVISION_REQUESTED')
    UNION ALL
    SELECT 'TRAJECTORY_END', i.id, i.id, NULL::uuid, NULL::uuid, i.trajectory_end_date, coalesce((SELECT c.from_date FROM due_date_changes c WHERE c.kind = 'TRAJECTORY_END' AND c.subject_id = i.id ORDER BY c.created_at LIMIT 1), i.trajectory_end_date)
      FROM investigations i WHERE i.status = 'FOLLOW_UP'`;

/**
 * The assessment deadline keeps its first date beside a moved one, like every other kind: the
 * date set when the plan was (re)submitted is stored, and the inspectorate's moves change only
 * `assessment_due_date`. Existing submitted plans take it from their first recorded move since
 * their latest submission, or the current date when it never moved.
 */
export class AssessmentOriginalDate1764500000000 implements MigrationInterface {
  name = 'AssessmentOriginalDate1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE improvement_plans ADD COLUMN original_assessment_due_date date`);
    // Not a user's change: keep it out of the plans' history (the trigger would record every row).
    await q.query(`ALTER TABLE improvement_plans DISABLE TRIGGER improvement_plans_history`);
    await q.query(`
      UPDATE improvement_plans p
         SET original_assessment_due_date = coalesce(
               (SELECT c.from_date FROM due_date_changes c
                 WHERE c.kind = 'ASSESSMENT_DUE' AND c.subject_id = p.id AND c.created_at >= p.submitted_at
                 ORDER BY c.created_at LIMIT 1),
               p.assessment_due_date)
       WHERE p.assessment_due_date IS NOT NULL`);
    await q.query(`ALTER TABLE improvement_plans ENABLE TRIGGER improvement_plans_history`);
    await q.query(VIEW('coalesce(p.original_assessment_due_date, p.assessment_due_date)'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(VIEW('p.assessment_due_date'));
    await q.query(`ALTER TABLE improvement_plans DROP COLUMN original_assessment_due_date`);
  }
}
