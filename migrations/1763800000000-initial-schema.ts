import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The follow-up lifecycle: reference data, accounts, investigations with findings and improvement
 * points, plans with versions and measures, assessments, internal audits and verifications.
 * Statuses are text with CHECK constraints (easier to extend than PostgreSQL enums).
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) > 0),
        kind text NOT NULL CHECK (kind IN ('INSPECTORATE','MUNICIPALITY','YOUTH_CARE','CERTIFIED_CHILD_PROTECTION',
          'VEILIG_THUIS','YOUTH_HEALTH_CARE','SOCIAL_TEAM','SCHOOL','POLICE','MENTAL_HEALTH_CARE','GP','OTHER')),
        municipality_id uuid REFERENCES organisations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      );
      CREATE UNIQUE INDEX organisations_name_key ON organisations (lower(name));
      CREATE INDEX organisations_kind_idx ON organisations (kind);

      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        display_name text NOT NULL CHECK (length(btrim(display_name)) > 0),
        password_hash text,
        role text NOT NULL CHECK (role IN ('ADMIN','INSPECTOR','ORGANISATION_MEMBER','MUNICIPALITY_REVIEWER')),
        organisation_id uuid REFERENCES organisations(id),
        locale text NOT NULL DEFAULT 'nl' CHECK (locale IN ('nl','en')),
        active boolean NOT NULL DEFAULT true,
        token_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT users_organisation_required CHECK (role = 'ADMIN' OR organisation_id IS NOT NULL)
      );
      CREATE UNIQUE INDEX users_email_key ON users (email);
      CREATE INDEX users_organisation_idx ON users (organisation_id);

      CREATE TABLE investigations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(btrim(title)) > 0),
        summary text NOT NULL DEFAULT '',
        municipality_id uuid NOT NULL REFERENCES organisations(id),
        lead_inspectorate_id uuid NOT NULL REFERENCES organisations(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','FOLLOW_UP','CLOSED')),
        publication_date date,
        trajectory_end_date date,
        plan_due_days integer NOT NULL DEFAULT 42 CHECK (plan_due_days BETWEEN 1 AND 365),
        assessment_due_days integer NOT NULL DEFAULT 28 CHECK (assessment_due_days BETWEEN 1 AND 365),
        revision_due_days integer NOT NULL DEFAULT 28 CHECK (revision_due_days BETWEEN 1 AND 365),
        audit_due_months integer NOT NULL DEFAULT 6 CHECK (audit_due_months BETWEEN 1 AND 36),
        trajectory_months integer NOT NULL DEFAULT 12 CHECK (trajectory_months BETWEEN 1 AND 60),
        closure_reason text,
        closed_at timestamptz,
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT investigations_published_has_dates CHECK (status = 'DRAFT' OR (publication_date IS NOT NULL AND trajectory_end_date IS NOT NULL)),
        CONSTRAINT investigations_closed_has_reason CHECK (status <> 'CLOSED' OR (closure_reason IS NOT NULL AND closed_at IS NOT NULL))
      );
      CREATE INDEX investigations_municipality_idx ON investigations (municipality_id, status);
      CREATE INDEX investigations_lead_idx ON investigations (lead_inspectorate_id, status);

      CREATE TABLE investigation_inspectorates (
        investigation_id uuid NOT NULL REFERENCES investigations(id) ON DELETE CASCADE,
        inspectorate_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (investigation_id, inspectorate_id)
      );
      CREATE INDEX investigation_inspectorates_org_idx ON investigation_inspectorates (inspectorate_id);

      CREATE TABLE investigation_organisations (
        investigation_id uuid NOT NULL REFERENCES investigations(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (investigation_id, organisation_id)
      );
      CREATE INDEX investigation_organisations_org_idx ON investigation_organisations (organisation_id);

      CREATE TABLE findings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES investigations(id) ON DELETE CASCADE,
        position integer NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) > 0),
        themes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (investigation_id, position)
      );
      CREATE INDEX findings_themes_idx ON findings USING gin (themes);

      CREATE TABLE improvement_points (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES investigations(id) ON DELETE CASCADE,
        finding_id uuid REFERENCES findings(id) ON DELETE SET NULL,
        position integer NOT NULL,
        text text NOT NULL CHECK (length(btrim(text)) > 0),
        themes text[] NOT NULL DEFAULT '{}',
        collective boolean NOT NULL DEFAULT false,
        coordinating_organisation_id uuid REFERENCES organisations(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (investigation_id, position),
        CONSTRAINT improvement_points_collective_coordinator CHECK (collective = (coordinating_organisation_id IS NOT NULL))
      );
      CREATE INDEX improvement_points_themes_idx ON improvement_points USING gin (themes);

      CREATE TABLE improvement_point_addressees (
        point_id uuid NOT NULL REFERENCES improvement_points(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        PRIMARY KEY (point_id, organisation_id)
      );
      CREATE INDEX improvement_point_addressees_org_idx ON improvement_point_addressees (organisation_id, point_id);

      CREATE TABLE improvement_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        investigation_id uuid NOT NULL REFERENCES investigations(id),
        organisation_id uuid NOT NULL REFERENCES organisations(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','REVISION_REQUESTED','ACCEPTED','CLOSED')),
        due_date date NOT NULL,
        original_due_date date NOT NULL,
        submitted_versions integer NOT NULL DEFAULT 0,
        submitted_at timestamptz,
        assessment_due_date date,
        accepted_at timestamptz,
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        UNIQUE (investigation_id, organisation_id),
        CONSTRAINT improvement_plans_submitted_has_version CHECK (status IN ('DRAFT') OR submitted_versions > 0),
        CONSTRAINT improvement_plans_accepted_has_date CHECK (status NOT IN ('ACCEPTED','CLOSED') OR accepted_at IS NOT NULL)
      );
      CREATE INDEX improvement_plans_org_idx ON improvement_plans (organisation_id, status);
      CREATE INDEX improvement_plans_due_idx ON improvement_plans (status, due_date);

      CREATE TABLE plan_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES improvement_plans(id),
        number integer NOT NULL CHECK (number > 0),
        submitted_at timestamptz NOT NULL,
        submitted_by uuid NOT NULL REFERENCES users(id),
        snapshot jsonb NOT NULL,
        UNIQUE (plan_id, number)
      );

      CREATE TABLE measures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES improvement_plans(id),
        description text NOT NULL CHECK (length(btrim(description)) > 0),
        success_indicator text NOT NULL CHECK (length(btrim(success_indicator)) > 0),
        owner_id uuid NOT NULL REFERENCES users(id),
        due_date date NOT NULL,
        original_due_date date NOT NULL,
        status text NOT NULL DEFAULT 'PLANNED' CHECK (status IN ('PLANNED','IN_PROGRESS','COMPLETED','CANCELLED')),
        evidence text,
        cancellation_reason text,
        started_at timestamptz,
        completed_at timestamptz,
        cancelled_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT measures_completed_has_evidence CHECK (status <> 'COMPLETED' OR (evidence IS NOT NULL AND completed_at IS NOT NULL)),
        CONSTRAINT measures_cancelled_has_reason CHECK (status <> 'CANCELLED' OR (cancellation_reason IS NOT NULL AND cancelled_at IS NOT NULL))
      );
      CREATE INDEX measures_plan_idx ON measures (plan_id, created_at, id);
      CREATE INDEX measures_owner_idx ON measures (owner_id);
      CREATE INDEX measures_open_due_idx ON measures (due_date) WHERE status IN ('PLANNED','IN_PROGRESS');

      CREATE TABLE measure_points (
        measure_id uuid NOT NULL REFERENCES measures(id) ON DELETE CASCADE,
        point_id uuid NOT NULL REFERENCES improvement_points(id),
        PRIMARY KEY (measure_id, point_id)
      );
      CREATE INDEX measure_points_point_idx ON measure_points (point_id, measure_id);

      CREATE TABLE plan_assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES improvement_plans(id),
        plan_version_number integer NOT NULL,
        inspector_id uuid NOT NULL REFERENCES users(id),
        aimed_at_shortcomings text NOT NULL CHECK (aimed_at_shortcomings IN ('SUFFICIENT','INSUFFICIENT')),
        aimed_at_shortcomings_rationale text NOT NULL,
        chance_of_success text NOT NULL CHECK (chance_of_success IN ('SUFFICIENT','INSUFFICIENT')),
        chance_of_success_rationale text NOT NULL,
        pace text NOT NULL CHECK (pace IN ('SUFFICIENT','INSUFFICIENT')),
        pace_rationale text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ACCEPTED','REVISION_REQUESTED')),
        assessed_at timestamptz NOT NULL,
        UNIQUE (plan_id, plan_version_number),
        FOREIGN KEY (plan_id, plan_version_number) REFERENCES plan_versions (plan_id, number),
        CONSTRAINT plan_assessments_outcome_follows_answers CHECK (
          (outcome = 'ACCEPTED') = (aimed_at_shortcomings = 'SUFFICIENT' AND chance_of_success = 'SUFFICIENT' AND pace = 'SUFFICIENT'))
      );

      CREATE TABLE internal_audits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL UNIQUE REFERENCES improvement_plans(id),
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','REVISION_REQUESTED','JUDGED')),
        due_date date NOT NULL,
        original_due_date date NOT NULL,
        conclusion text,
        submitted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT internal_audits_submitted_has_conclusion CHECK (status IN ('DRAFT') OR (conclusion IS NOT NULL AND submitted_at IS NOT NULL))
      );
      CREATE INDEX internal_audits_due_idx ON internal_audits (status, due_date);

      CREATE TABLE internal_audit_results (
        audit_id uuid NOT NULL REFERENCES internal_audits(id) ON DELETE CASCADE,
        measure_id uuid NOT NULL REFERENCES measures(id),
        implementation text NOT NULL CHECK (implementation IN ('IMPLEMENTED','PARTLY_IMPLEMENTED','NOT_IMPLEMENTED')),
        evidence text NOT NULL CHECK (length(btrim(evidence)) > 0),
        PRIMARY KEY (audit_id, measure_id)
      );

      CREATE TABLE internal_audit_judgements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        audit_id uuid NOT NULL REFERENCES internal_audits(id),
        quality text NOT NULL CHECK (quality IN ('SUFFICIENT','INSUFFICIENT')),
        rationale text NOT NULL CHECK (length(btrim(rationale)) > 0),
        inspector_id uuid NOT NULL REFERENCES users(id),
        judged_at timestamptz NOT NULL
      );
      CREATE INDEX internal_audit_judgements_audit_idx ON internal_audit_judgements (audit_id, judged_at);

      CREATE TABLE verifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL UNIQUE REFERENCES improvement_plans(id),
        method text NOT NULL CHECK (method IN ('DESK_REVIEW','SITE_VISIT','REGULAR_VISIT')),
        verified_on date NOT NULL,
        summary text NOT NULL CHECK (length(btrim(summary)) > 0),
        inspector_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE verification_grades (
        verification_id uuid NOT NULL REFERENCES verifications(id) ON DELETE CASCADE,
        point_id uuid NOT NULL REFERENCES improvement_points(id),
        grade text NOT NULL CHECK (grade IN ('FULLY','MOSTLY','PARTLY','NOT_IMPLEMENTED','NO_LONGER_RELEVANT')),
        reason text,
        PRIMARY KEY (verification_id, point_id),
        CONSTRAINT verification_grades_irrelevant_has_reason CHECK (grade <> 'NO_LONGER_RELEVANT' OR length(btrim(coalesce(reason, ''))) > 0)
      );
      CREATE INDEX verification_grades_point_idx ON verification_grades (point_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE verification_grades, verifications, internal_audit_judgements, internal_audit_results, internal_audits,
        plan_assessments, measure_points, measures, plan_versions, improvement_plans, improvement_point_addressees,
        improvement_points, findings, investigation_organisations, investigation_inspectorates, investigations, users,
        organisations;
    `);
  }
}
