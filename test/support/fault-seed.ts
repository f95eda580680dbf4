import { DateTime } from 'luxon';
import { Client } from 'pg';
import { ZONE } from '@opvolging/shared';

export interface DueMeasuresSeed {
  /** Today in Europe/Amsterdam by the real clock (what the workers' SystemClock sees). */
  today: string;
  investigationId: string;
  organisationIds: string[];
}

/**
 * Set-based seed for load and fault tests: an inspectorate, a municipality, `organisations`
 * organisations with one member each, one investigation in FOLLOW_UP with an ACCEPTED plan per
 * organisation, and `measures` PLANNED measures due in 5 days, spread over the plans and owned by
 * the plan's organisation's member. With the default policy each measure is due for its R14
 * reminder today, to exactly one recipient (its owner). Nothing else is due: the trajectory ends a
 * year from now and accepted plans have no plan or assessment deadline.
 */
export async function seedDueMeasures(pg: Client, options: { measures: number; organisations: number }): Promise<DueMeasuresSeed> {
  const today = DateTime.now().setZone(ZONE).toISODate()!;
  const plus = (days: number) => DateTime.fromISO(today, { zone: ZONE }).plus({ days }).toISODate()!;
  await pg.query('BEGIN');
  try {
    const [inspectorate] = (
      await pg.query(`INSERT INTO organisations (name, kind) VALUES ('Inspectie Fouttest', 'INSPECTORATE') RETURNING id`)
    ).rows;
    const [municipality] = (
      await pg.query(`INSERT INTO organisations (name, kind) VALUES ('Gemeente Fouttest', 'MUNICIPALITY') RETURNING id`)
    ).rows;
    const organisationIds: string[] = (
      await pg.query(
        `INSERT INTO organisations (name, kind, municipality_id)
         SELECT format('Fouttest organisatie %s', g), 'YOUTH_CARE', $1 FROM generate_series(1, $2::int) g RETURNING id`,
        [municipality.id, options.organisations],
      )
    ).rows.map((r) => r.id);
    await pg.query(
      `INSERT INTO users (email, display_name, role, organisation_id)
       SELECT format('lid%s@fouttest.test', row_number() OVER (ORDER BY o.name)), format('Lid %s', o.name), 'ORGANISATION_MEMBER', o.id
         FROM organisations o WHERE o.id = ANY($1)`,
      [organisationIds],
    );
    const [investigation] = (
      await pg.query(
        `INSERT INTO investigations (title, municipality_id, lead_inspectorate_id, status, publication_date, trajectory_end_date)
         VALUES ('Casus Fouttest', $1, $2, 'FOLLOW_UP', $3, $4) RETURNING id`,
        [municipality.id, inspectorate.id, plus(-200), plus(365)],
      )
    ).rows;
    await pg.query(`INSERT INTO investigation_inspectorates (investigation_id, inspectorate_id) VALUES ($1, $2)`, [
      investigation.id,
      inspectorate.id,
    ]);
    await pg.query(`INSERT INTO investigation_organisations (investigation_id, organisation_id) SELECT $1, unnest($2::uuid[])`, [
      investigation.id,
      organisationIds,
    ]);
    await pg.query(
      `INSERT INTO improvement_plans (investigation_id, organisation_id, status, due_date, original_due_date, submitted_versions,
      submitted_at, accepted_at)
       SELECT $1, o, 'ACCEPTED', $3, $3, 1, now() - interval '120 days', now() - interval '100 days' FROM unnest($2::uuid[]) o`,
      [investigation.id, organisationIds, plus(-150)],
    );
    await pg.query(
      `WITH plans AS (
         SELECT p.id AS plan_id, u.id AS owner_id, row_number() OVER (ORDER BY p.id) - 1 AS n
           FROM improvement_plans p JOIN users u ON u.organisation_id = p.organisation_id AND u.role = 'ORGANISATION_MEMBER'
          WHERE p.investigation_id = $1)
       INSERT INTO measures (plan_id, description, success_indicator, owner_id, due_date, original_due_date, status)
       SELECT plans.plan_id, format('Maatregel %s', g), 'Aantoonbaar ingevoerd', plans.owner_id, $3, $3, 'PLANNED'
         FROM generate_series(1, $2::int) g JOIN plans ON plans.n = g % $4`,
      [investigation.id, options.measures, plus(5), options.organisations],
    );
    await pg.query('COMMIT');
    return { today, investigationId: investigation.id, organisationIds };
  } catch (error) {
    await pg.query('ROLLBACK');
    throw error;
  }
}

/**
 * Event notifications as `EventNotifier` records them in a step's transaction (one event per plan
 * assessment, to the organisation's member), `perOrganisation` events per organisation. Returns
 * their ids. Set-based, like the measures: the fault test is about delivery, not about the step.
 */
export async function seedEventNotifications(pg: Client, seed: DueMeasuresSeed, perOrganisation: number): Promise<string[]> {
  const rows = await pg.query(
    `WITH members AS (
       SELECT u.id AS user_id, p.id AS plan_id, o.name AS organisation_name
         FROM users u JOIN organisations o ON o.id = u.organisation_id
         JOIN improvement_plans p ON p.organisation_id = o.id AND p.investigation_id = $1
        WHERE u.role = 'ORGANISATION_MEMBER' AND o.id = ANY($2))
     INSERT INTO notifications (event_id, user_id, kind, params, email_status)
     SELECT gen_random_uuid(), m.user_id, 'PLAN_ASSESSED',
            jsonb_build_object('type', 'EVENT', 'kind', 'PLAN_ASSESSED', 'actorId', gen_random_uuid(), 'investigationId', $1::uuid,
                               'investigationTitle', 'Casus Fouttest', 'organisationName', m.organisation_name, 'subjectId', m.plan_id,
                               'planId', m.plan_id, 'link', '/plannen/' || m.plan_id,
                               'details', jsonb_build_object('outcome', 'ACCEPTED', 'dueDate', NULL, 'step', g::text)),
            'PENDING'
       FROM members m CROSS JOIN generate_series(1, $3::int) g
     RETURNING id`,
    [seed.investigationId, seed.organisationIds, perOrganisation],
  );
  return rows.rows.map((r) => r.id);
}
