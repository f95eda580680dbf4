import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a user last looked at an overview, for "what changed since you last looked". */
export class Overviews1764100000000 implements MigrationInterface {
  name = 'Overviews1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE overview_visits (
        user_id uuid NOT NULL REFERENCES users(id),
        subject_id uuid NOT NULL,
        seen_at timestamptz NOT NULL,
        PRIMARY KEY (user_id, subject_id)
      );
      ALTER TABLE overview_visits ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY own_visits ON overview_visits USING (user_id = app_user_id()) WITH CHECK (user_id = app_user_id());
      GRANT SELECT, INSERT, UPDATE, DELETE ON overview_visits TO opvolging_app;
      -- For the aggregates: measures and verification grades per plan / point.
      CREATE INDEX measures_plan_status_idx ON measures (plan_id, status, due_date);
      CREATE INDEX verifications_plan_idx ON verifications (plan_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX measures_plan_status_idx, verifications_plan_idx; DROP TABLE overview_visits;`);
  }
}
