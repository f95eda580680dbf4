import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables whose rows carry a deadline (open_deadlines), and how a changed row names its investigation. */
const SOURCES: Array<[table: string, investigation: string]> = [
  ['investigations', 'SELECT id FROM changed'],
  ['improvement_plans', 'SELECT investigation_id FROM changed'],
  ['enforcement_measures', 'SELECT investigation_id FROM changed'],
  ['measures', 'SELECT p.investigation_id FROM improvement_plans p WHERE p.id IN (SELECT plan_id FROM changed)'],
  ['internal_audits', 'SELECT p.investigation_id FROM improvement_plans p WHERE p.id IN (SELECT plan_id FROM changed)'],
  ['enforcement_progress_reports', 'SELECT e.investigation_id FROM enforcement_measures e WHERE e.id IN (SELECT measure_id FROM changed)'],
];

/**
 * The deadline sweep follows what is due instead of reading every open deadline each time.
 *
 * - `deadline_sweep_state` keeps the last day for which a sweep completed. Between two sweeps a
 *   deadline can need a new notice only if time moved it across a step boundary (the sweep derives
 *   those due dates from its own rules) or if its rows changed.
 * - `deadline_changes` records, in the same transaction as the change, the investigation of every
 *   inserted or updated row that carries a deadline (statement triggers with transition tables:
 *   one row per investigation per statement, also for a bulk update). The sweep reads the marks,
 *   evaluates those investigations' deadlines in full, and deletes exactly the marks it read once
 *   it has recorded their notices; a mark committed meanwhile stays for the next sweep.
 * Both are the system's own: row-level security lets only SYSTEM read them; the trigger function
 * writes the marks as its owner.
 */
export class SweepFollowsWhatIsDue1764640000000 implements MigrationInterface {
  name = 'SweepFollowsWhatIsDue1764640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deadline_sweep_state (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        swept_through date NOT NULL,
        swept_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE deadline_changes (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        investigation_id uuid NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      );
      -- Not FORCE: the trigger function writes as the table owner, whoever acts.
      ALTER TABLE deadline_changes ENABLE ROW LEVEL SECURITY;
      CREATE POLICY system_only ON deadline_changes USING (app_role() = 'SYSTEM') WITH CHECK (app_role() = 'SYSTEM');
      ALTER TABLE deadline_sweep_state ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY system_only ON deadline_sweep_state USING (app_role() = 'SYSTEM') WITH CHECK (app_role() = 'SYSTEM');
      GRANT SELECT, DELETE ON deadline_changes TO opvolging_app;
      GRANT SELECT, INSERT, UPDATE ON deadline_sweep_state TO opvolging_app;

      CREATE FUNCTION mark_deadline_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${SOURCES.map(
          ([table, investigation], i) =>
            `${i === 0 ? 'IF' : 'ELSIF'} TG_TABLE_NAME = '${table}' THEN
          INSERT INTO deadline_changes (investigation_id) SELECT DISTINCT x.id FROM (${investigation}) AS x(id) WHERE x.id IS NOT NULL;`,
        ).join('\n        ')}
        END IF;
        RETURN NULL;
      END $$;
      REVOKE ALL ON FUNCTION mark_deadline_change() FROM PUBLIC;
    `);
    for (const [table] of SOURCES) {
      for (const event of ['INSERT', 'UPDATE']) {
        await q.query(
          `CREATE TRIGGER ${table}_deadline_${event.toLowerCase()} AFTER ${event} ON ${table} ` +
            `REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION mark_deadline_change()`,
        );
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [table] of SOURCES) {
      await q.query(`DROP TRIGGER ${table}_deadline_insert ON ${table}; DROP TRIGGER ${table}_deadline_update ON ${table}`);
    }
    await q.query(`DROP FUNCTION mark_deadline_change(); DROP TABLE deadline_changes, deadline_sweep_state`);
  }
}
