import { MigrationInterface, QueryRunner } from 'typeorm';

const VIEW = (auditOpen: string) => `
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
      FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id WHERE ${auditOpen}
    UNION ALL
    SELECT 'TRAJECTORY_END', i.id, i.id, NULL::uuid, NULL::uuid, i.trajectory_end_date, coalesce((SELECT c.from_date FROM due_date_changes c WHERE c.kind = 'TRAJECTORY_END' AND c.subject_id = i.id ORDER BY c.created_at LIMIT 1), i.trajectory_end_date)
      FROM investigations i WHERE i.status = 'FOLLOW_UP'`;

/**
 * An internal audit is an open step only while its plan is ACCEPTED. A verification may close the
 * plan while the audit waits for a revision (REVISION_REQUESTED); its AUDIT_DUE deadline then
 * ended with the plan (and with the investigation, which closes only when every plan is closed),
 * like the plan's measures already did.
 */
export class ClosedPlanAuditDeadline1764620000000 implements MigrationInterface {
  name = 'ClosedPlanAuditDeadline1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(VIEW(`a.status IN ('DRAFT','REVISION_REQUESTED') AND p.status = 'ACCEPTED'`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(VIEW(`a.status IN ('DRAFT','REVISION_REQUESTED')`));
  }
}
