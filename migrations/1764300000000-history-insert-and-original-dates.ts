import { MigrationInterface, QueryRunner } from 'typeorm';

const VIEW = (trajectoryOriginal: string) => `
  CREATE OR REPLACE VIEW open_deadlines WITH (security_invoker = true) AS
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
    SELECT 'TRAJECTORY_END', i.id, i.id, NULL::uuid, NULL::uuid, i.trajectory_end_date, ${trajectoryOriginal}
      FROM investigations i WHERE i.status = 'FOLLOW_UP'`;

/**
 * - history: an explicit INSERT policy for the trigger, so history is written also where the
 *   migrations run as a non-superuser owner (FORCE ROW LEVEL SECURITY applies to owners); the
 *   application role still cannot insert (no privilege).
 * - open_deadlines: a moved trajectory end shows its first date as the original (from the
 *   recorded due-date changes), like every other kind that stores one.
 */
export class HistoryInsertAndOriginalDates1764300000000 implements MigrationInterface {
  name = 'HistoryInsertAndOriginalDates1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE POLICY written_by_trigger ON history FOR INSERT WITH CHECK (true)`);
    await q.query(
      VIEW(`coalesce((SELECT c.from_date FROM due_date_changes c WHERE c.kind = 'TRAJECTORY_END' AND c.subject_id = i.id ORDER BY c.created_at LIMIT 1), i.trajectory_end_date)`),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(VIEW('i.trajectory_end_date'));
    await q.query(`DROP POLICY written_by_trigger ON history`);
  }
}
