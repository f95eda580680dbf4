import { MigrationInterface, QueryRunner } from 'typeorm';
import { OPEN_DEADLINES_1764625000000 } from './1764625000000-insufficient-audit-follow-up';

const VIEW = `
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
    SELECT 'ENFORCEMENT_REPORT_DUE', r.id, e.investigation_id, e.organisation_id, NULL::uuid, r.due_date, r.original_due_date
      FROM enforcement_progress_reports r JOIN enforcement_measures e ON e.id = r.measure_id
     WHERE r.status IN ('DUE','MORE_NEEDED') AND e.status = 'ACTIVE'
    UNION ALL
    SELECT 'COMPLIANCE_DUE', e.id, e.investigation_id, e.organisation_id, NULL::uuid, e.compliance_due_date, e.original_compliance_due_date
      FROM enforcement_measures e WHERE e.status = 'ACTIVE' AND e.compliance_due_date IS NOT NULL
    UNION ALL
    SELECT 'ENFORCEMENT_PERIOD_END', e.id, e.investigation_id, e.organisation_id, NULL::uuid, e.period_end_date, e.original_period_end_date
      FROM enforcement_measures e WHERE e.status = 'ACTIVE' AND e.period_end_date IS NOT NULL
    UNION ALL
    SELECT 'TRAJECTORY_END', i.id, i.id, NULL::uuid, NULL::uuid, i.trajectory_end_date, coalesce((SELECT c.from_date FROM due_date_changes c WHERE c.kind = 'TRAJECTORY_END' AND c.subject_id = i.id ORDER BY c.created_at LIMIT 1), i.trajectory_end_date)
      FROM investigations i WHERE i.status = 'FOLLOW_UP'`;

const ORG_VISIBLE = `(app_role() IN ('SYSTEM','INSPECTOR','MUNICIPALITY_REVIEWER') OR (app_role() = 'ORGANISATION_MEMBER' AND organisation_id = app_organisation_id()))`;

/**
 * Enforcement (handhaving): measures on an organisation's plan, or on the investigation for an
 * organisation's share of collective points, with their own deadlines: monthly progress reports
 * and the period end of intensified supervision, the compliance deadline of a binding instruction
 * or a penalty order. Statuses are text with CHECK constraints; the ladder is in the state machine.
 */
export class Enforcement1764627000000 implements MigrationInterface {
  name = 'Enforcement1764627000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE enforcement_measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        plan_id uuid REFERENCES improvement_plans(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        type text NOT NULL CHECK (type IN ('INTENSIFIED_SUPERVISION','BINDING_INSTRUCTION','PENALTY_ORDER','ADMINISTRATIVE_FINE')),
        status text NOT NULL CHECK (status IN ('ACTIVE','LIFTED','ESCALATED','COMPLIED','NOT_COMPLIED','IMPOSED')),
        previous_id uuid REFERENCES enforcement_measures(id),
        decision_date date NOT NULL,
        rationale text NOT NULL CHECK (length(btrim(rationale)) > 0),
        inspector_id uuid NOT NULL REFERENCES users(id),
        period_end_date date,
        original_period_end_date date,
        requirements text,
        compliance_due_date date,
        original_compliance_due_date date,
        amount_cents bigint CHECK (amount_cents > 0),
        amount_basis text CHECK (amount_basis IN ('PER_PERIOD','TOTAL')),
        maximum_cents bigint CHECK (maximum_cents > 0),
        outcome_note text,
        decided_on date,
        decided_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT enforcement_measures_fields CHECK (CASE type
          WHEN 'INTENSIFIED_SUPERVISION' THEN period_end_date IS NOT NULL AND compliance_due_date IS NULL AND amount_cents IS NULL
          WHEN 'BINDING_INSTRUCTION' THEN requirements IS NOT NULL AND compliance_due_date IS NOT NULL AND period_end_date IS NULL AND amount_cents IS NULL
          WHEN 'PENALTY_ORDER' THEN requirements IS NOT NULL AND compliance_due_date IS NOT NULL AND amount_cents IS NOT NULL AND amount_basis IS NOT NULL
                                    AND (amount_basis = 'TOTAL' OR maximum_cents IS NOT NULL) AND period_end_date IS NULL
          WHEN 'ADMINISTRATIVE_FINE' THEN amount_cents IS NOT NULL AND status = 'IMPOSED' AND compliance_due_date IS NULL AND period_end_date IS NULL
        END),
        CONSTRAINT enforcement_measures_fine_only_imposed CHECK ((type = 'ADMINISTRATIVE_FINE') = (status = 'IMPOSED'))
      );
      CREATE INDEX enforcement_measures_case_idx ON enforcement_measures (investigation_id, organisation_id, created_at);
      CREATE INDEX enforcement_measures_plan_idx ON enforcement_measures (plan_id) WHERE plan_id IS NOT NULL;
      -- At most one measure in force per organisation and investigation: the ladder is walked one step at a time.
      CREATE UNIQUE INDEX enforcement_measures_one_active ON enforcement_measures (investigation_id, organisation_id) WHERE status = 'ACTIVE';

      CREATE TABLE enforcement_progress_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL REFERENCES enforcement_measures(id),
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        plan_id uuid REFERENCES improvement_plans(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        sequence integer NOT NULL CHECK (sequence >= 1),
        due_date date NOT NULL,
        original_due_date date NOT NULL,
        status text NOT NULL DEFAULT 'DUE' CHECK (status IN ('DUE','SUBMITTED','ACCEPTED','MORE_NEEDED')),
        report text,
        submitted_at timestamptz,
        submitted_by uuid REFERENCES users(id),
        review_note text,
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT enforcement_progress_reports_once UNIQUE (measure_id, sequence),
        CONSTRAINT enforcement_progress_reports_submitted CHECK (status IN ('DUE','MORE_NEEDED') OR (report IS NOT NULL AND submitted_at IS NOT NULL))
      );
      CREATE INDEX enforcement_progress_reports_due_idx ON enforcement_progress_reports (due_date) WHERE status IN ('DUE','MORE_NEEDED');

      CREATE TABLE enforcement_forfeits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        measure_id uuid NOT NULL REFERENCES enforcement_measures(id),
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        plan_id uuid REFERENCES improvement_plans(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        forfeited_on date NOT NULL,
        amount_cents bigint NOT NULL CHECK (amount_cents > 0),
        note text NOT NULL CHECK (length(btrim(note)) > 0),
        recorded_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX enforcement_forfeits_measure_idx ON enforcement_forfeits (measure_id, forfeited_on);
    `);
    for (const [table, entity] of [
      ['enforcement_measures', 'enforcement_measure'],
      ['enforcement_progress_reports', 'enforcement_progress_report'],
      ['enforcement_forfeits', 'enforcement_forfeit'],
    ]) {
      await q.query(`CREATE TRIGGER ${table}_history AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION record_history('${entity}')`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY organisation_isolation ON ${table} USING ${ORG_VISIBLE} WITH CHECK ${ORG_VISIBLE}`);
      await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO opvolging_app`);
    }
    await q.query(VIEW);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(OPEN_DEADLINES_1764625000000);
    await q.query(`DROP TABLE enforcement_forfeits, enforcement_progress_reports, enforcement_measures`);
  }
}
