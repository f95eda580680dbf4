import { EntityManager } from 'typeorm';

/**
 * What must hold of the database whatever the API was sent: each invariant is a query that returns
 * the violating rows (none when it holds). Run as the system (app.role SYSTEM), which row-level
 * security lets see every organisation's rows.
 */
export interface Invariant {
  name: string;
  sql: string;
}

export const INVARIANTS: Invariant[] = [
  // --- plans, versions, assessments ---
  {
    name: 'a plan past DRAFT has submitted versions, a submission time and a plan_versions row for each number',
    sql: `SELECT p.id, p.status, p.submitted_versions FROM improvement_plans p
           WHERE p.status <> 'DRAFT' AND (p.submitted_versions < 1 OR p.submitted_at IS NULL
              OR (SELECT count(*) FROM plan_versions v WHERE v.plan_id = p.id AND v.number BETWEEN 1 AND p.submitted_versions) <>
              p.submitted_versions)`,
  },
  {
    name: "no plan version beyond the plan's submitted count",
    sql:
      `SELECT v.plan_id, v.number FROM plan_versions v JOIN improvement_plans p ON p.id = v.plan_id WHERE v.number > ` +
      `p.submitted_versions`,
  },
  {
    name: 'an ACCEPTED or CLOSED plan has accepted_at, an accepting assessment and an internal audit',
    sql: `SELECT p.id, p.status FROM improvement_plans p
           WHERE p.status IN ('ACCEPTED','CLOSED') AND (p.accepted_at IS NULL
              OR NOT EXISTS (SELECT 1 FROM internal_audits a WHERE a.plan_id = p.id)
              OR NOT EXISTS (SELECT 1 FROM plan_assessments a WHERE a.plan_id = p.id AND a.outcome = 'ACCEPTED'))`,
  },
  {
    name: "a REVISION_REQUESTED plan's latest assessment asked for revision",
    sql: `SELECT p.id FROM improvement_plans p WHERE p.status = 'REVISION_REQUESTED'
            AND coalesce((SELECT a.outcome FROM plan_assessments a WHERE a.plan_id = p.id ORDER BY a.plan_version_number DESC LIMIT
            1), '') <> 'REVISION_REQUESTED'`,
  },
  {
    name: 'internal audits exist only for ACCEPTED or CLOSED plans',
    sql:
      `SELECT a.id, p.status FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id WHERE p.status NOT IN ` +
      `('ACCEPTED','CLOSED')`,
  },
  {
    name: 'no plan exists for a DRAFT investigation',
    sql: `SELECT p.id FROM improvement_plans p JOIN investigations i ON i.id = p.investigation_id WHERE i.status = 'DRAFT'`,
  },
  {
    name: 'every organisation addressed in a published investigation has a plan',
    sql: `SELECT DISTINCT pt.investigation_id, ad.organisation_id FROM improvement_points pt
            JOIN improvement_point_addressees ad ON ad.point_id = pt.id JOIN investigations i ON i.id = pt.investigation_id
           WHERE i.status <> 'DRAFT'
             AND NOT EXISTS (SELECT 1 FROM improvement_plans p WHERE p.investigation_id = pt.investigation_id AND p.organisation_id
             = ad.organisation_id)`,
  },
  {
    name: 'a plan belongs to an organisation that a point of its investigation is addressed to',
    sql: `SELECT p.id FROM improvement_plans p WHERE NOT EXISTS (
            SELECT 1 FROM improvement_points pt JOIN improvement_point_addressees ad ON ad.point_id = pt.id
             WHERE pt.investigation_id = p.investigation_id AND ad.organisation_id = p.organisation_id)`,
  },
  // --- verification and closure ---
  {
    name: 'a CLOSED plan has closed_at and a verification',
    sql: `SELECT p.id FROM improvement_plans p WHERE p.status = 'CLOSED'
            AND (p.closed_at IS NULL OR NOT EXISTS (SELECT 1 FROM verifications v WHERE v.plan_id = p.id))`,
  },
  {
    name: "a CLOSED plan's verification grades every point addressed to its organisation",
    sql: `SELECT p.id AS plan_id, pt.id AS point_id FROM improvement_plans p
            JOIN improvement_point_addressees ad ON ad.organisation_id = p.organisation_id
            JOIN improvement_points pt ON pt.id = ad.point_id AND pt.investigation_id = p.investigation_id
           WHERE p.status = 'CLOSED' AND NOT EXISTS (
             SELECT 1 FROM verifications v JOIN verification_grades g ON g.verification_id = v.id WHERE v.plan_id = p.id AND
             g.point_id = pt.id)`,
  },
  {
    name: "verification grades only points addressed to the plan's organisation",
    sql: `SELECT v.plan_id, g.point_id FROM verification_grades g JOIN verifications v ON v.id = g.verification_id JOIN
    improvement_plans p ON p.id = v.plan_id
           WHERE NOT EXISTS (SELECT 1 FROM improvement_point_addressees ad JOIN improvement_points pt ON pt.id = ad.point_id
                              WHERE ad.point_id = g.point_id AND ad.organisation_id = p.organisation_id AND pt.investigation_id =
                              p.investigation_id)`,
  },
  {
    name: 'a verification exists only for a CLOSED plan whose internal audit was judged',
    sql: `SELECT v.id, p.status FROM verifications v JOIN improvement_plans p ON p.id = v.plan_id
           WHERE p.status <> 'CLOSED' OR NOT EXISTS (SELECT 1 FROM internal_audits a WHERE a.plan_id = p.id AND a.status = 'JUDGED')`,
  },
  {
    name: 'an investigation is CLOSED only when every plan is CLOSED, with a reason',
    sql: `SELECT i.id FROM investigations i WHERE i.status = 'CLOSED'
            AND (btrim(coalesce(i.closure_reason, '')) = '' OR EXISTS (SELECT 1 FROM improvement_plans p WHERE p.investigation_id =
            i.id AND p.status <> 'CLOSED'))`,
  },
  // --- measures ---
  {
    name: "a measure covers only points addressed to its plan's organisation in the same investigation",
    sql: `SELECT m.id AS measure_id, mp.point_id FROM measures m JOIN improvement_plans p ON p.id = m.plan_id
            JOIN measure_points mp ON mp.measure_id = m.id JOIN improvement_points pt ON pt.id = mp.point_id
           WHERE pt.investigation_id <> p.investigation_id
              OR NOT EXISTS (SELECT 1 FROM improvement_point_addressees ad WHERE ad.point_id = pt.id AND ad.organisation_id =
              p.organisation_id)`,
  },
  {
    name: 'every measure covers at least one point',
    sql: `SELECT m.id FROM measures m WHERE NOT EXISTS (SELECT 1 FROM measure_points mp WHERE mp.measure_id = m.id)`,
  },
  {
    name: 'COMPLETED measures have evidence, CANCELLED ones a reason, IN_PROGRESS ones a start',
    sql: `SELECT m.id, m.status FROM measures m
           WHERE (m.status = 'COMPLETED' AND (btrim(coalesce(m.evidence, '')) = '' OR m.completed_at IS NULL))
              OR (m.status = 'CANCELLED' AND (btrim(coalesce(m.cancellation_reason, '')) = '' OR m.cancelled_at IS NULL))
              OR (m.status = 'IN_PROGRESS' AND m.started_at IS NULL)`,
  },
  {
    name: 'measures move past PLANNED only in ACCEPTED or CLOSED plans',
    sql: `SELECT m.id, m.status, p.status AS plan_status FROM measures m JOIN improvement_plans p ON p.id = m.plan_id
           WHERE m.status <> 'PLANNED' AND p.status NOT IN ('ACCEPTED','CLOSED')`,
  },
  {
    name: 'texts of measures are not blank',
    sql: `SELECT m.id FROM measures m WHERE btrim(m.description) = '' OR btrim(m.success_indicator) = ''`,
  },
  // --- internal audits ---
  {
    name: 'a handed-in audit has a conclusion and a result for every measure not cancelled',
    sql: `SELECT a.id, m.id AS measure_id FROM internal_audits a JOIN measures m ON m.plan_id = a.plan_id
           WHERE a.status IN ('SUBMITTED','JUDGED') AND m.status <> 'CANCELLED'
             AND NOT EXISTS (SELECT 1 FROM internal_audit_results r WHERE r.audit_id = a.id AND r.measure_id = m.id)
          UNION ALL
          SELECT a.id, NULL FROM internal_audits a WHERE a.status <> 'DRAFT' AND (btrim(coalesce(a.conclusion, '')) = '' OR
          a.submitted_at IS NULL)`,
  },
  {
    name: 'audit results are for measures of the audited plan',
    sql: `SELECT r.audit_id, r.measure_id FROM internal_audit_results r JOIN internal_audits a ON a.id = r.audit_id JOIN measures m
    ON m.id = r.measure_id
           WHERE m.plan_id <> a.plan_id`,
  },
  {
    name: "a JUDGED audit's latest judgement is SUFFICIENT or plans own verification, a REVISION_REQUESTED one's INSUFFICIENT",
    sql: `SELECT a.id, a.status FROM internal_audits a
           WHERE (a.status = 'JUDGED' AND coalesce((SELECT j.quality || '/' || coalesce(j.follow_up, '') FROM internal_audit_judgements j
                  WHERE j.audit_id = a.id ORDER BY j.judged_at DESC, j.id DESC LIMIT 1), '') NOT IN ('SUFFICIENT/',
                    'INSUFFICIENT/OWN_VERIFICATION'))
              OR ((a.verification_due_date IS NOT NULL) <> (a.status <> 'DRAFT' AND coalesce((SELECT j.follow_up FROM
                internal_audit_judgements j
                  WHERE j.audit_id = a.id ORDER BY j.judged_at DESC, j.id DESC LIMIT 1), '') = 'OWN_VERIFICATION'))
              OR (a.status = 'REVISION_REQUESTED' AND coalesce((SELECT j.quality FROM internal_audit_judgements j WHERE j.audit_id =
              a.id ORDER BY j.judged_at DESC, j.id DESC LIMIT 1), '') <> 'INSUFFICIENT')`,
  },
  // --- enforcement ---
  {
    name: 'at most one enforcement measure in force per organisation and investigation; a fine is imposed, nothing else is',
    sql: `SELECT e.investigation_id, e.organisation_id FROM enforcement_measures e WHERE e.status = 'ACTIVE' GROUP BY 1, 2 HAVING count(*)
      > 1
          UNION ALL
          SELECT e.id, NULL FROM enforcement_measures e WHERE (e.type = 'ADMINISTRATIVE_FINE') <> (e.status = 'IMPOSED')`,
  },
  {
    name: 'an escalated enforcement measure has a successor that follows it on the ladder',
    sql: `SELECT e.id, e.type FROM enforcement_measures e
           WHERE e.status = 'ESCALATED' AND NOT EXISTS (
             SELECT 1 FROM enforcement_measures n WHERE n.previous_id = e.id AND (
               (e.type = 'INTENSIFIED_SUPERVISION' AND n.type IN ('BINDING_INSTRUCTION','PENALTY_ORDER'))
               OR (e.type = 'BINDING_INSTRUCTION' AND n.type IN ('PENALTY_ORDER','ADMINISTRATIVE_FINE'))
               OR (e.type = 'PENALTY_ORDER' AND n.type = 'ADMINISTRATIVE_FINE')))`,
  },
  {
    name: 'forfeits of a penalty order never exceed its maximum (or its total), and only penalty orders have forfeits',
    sql: `SELECT e.id, NULL FROM enforcement_measures e JOIN enforcement_forfeits f ON f.measure_id = e.id
           GROUP BY e.id HAVING sum(f.amount_cents) > max(CASE WHEN e.amount_basis = 'TOTAL' THEN e.amount_cents ELSE e.maximum_cents END)
              OR bool_or(e.type <> 'PENALTY_ORDER')`,
  },
  {
    name: 'a submitted or reviewed progress report has its text and time; reports belong to intensified supervision',
    sql: `SELECT r.id, r.status FROM enforcement_progress_reports r JOIN enforcement_measures e ON e.id = r.measure_id
           WHERE (r.status IN ('SUBMITTED','ACCEPTED') AND (r.report IS NULL OR r.submitted_at IS NULL))
              OR (r.status IN ('ACCEPTED','MORE_NEEDED') AND r.reviewed_at IS NULL)
              OR e.type <> 'INTENSIFIED_SUPERVISION'`,
  },
  {
    name: 'an event notification is once per event and recipient, and never both a notice and an event',
    sql: `SELECT n.event_id, n.user_id FROM notifications n WHERE n.event_id IS NOT NULL GROUP BY 1, 2 HAVING count(*) > 1
          UNION ALL
          SELECT n.id, n.user_id FROM notifications n WHERE n.event_id IS NOT NULL AND n.notice_id IS NOT NULL`,
  },
  // --- investigations and points ---
  {
    name: 'a point has at least one addressee; a collective point (several) has a coordinator among them',
    sql: `SELECT pt.id FROM improvement_points pt
            CROSS JOIN LATERAL (SELECT count(*) AS n FROM improvement_point_addressees ad WHERE ad.point_id = pt.id) c
           WHERE c.n = 0 OR pt.collective <> (c.n > 1)
              OR (pt.collective AND NOT EXISTS (SELECT 1 FROM improvement_point_addressees ad WHERE ad.point_id = pt.id AND
              ad.organisation_id = pt.coordinating_organisation_id))`,
  },
  {
    name: 'points are addressed to organisations involved in their investigation',
    sql: `SELECT ad.point_id, ad.organisation_id FROM improvement_point_addressees ad JOIN improvement_points pt ON pt.id = ad.point_id
           WHERE NOT EXISTS (SELECT 1 FROM investigation_organisations io WHERE io.investigation_id = pt.investigation_id AND
           io.organisation_id = ad.organisation_id)`,
  },
  {
    name: "a point's finding is a finding of the same investigation",
    sql: `SELECT pt.id FROM improvement_points pt JOIN findings f ON f.id = pt.finding_id WHERE f.investigation_id <> pt.investigation_id`,
  },
  {
    name: "an investigation's municipality, lead and participating inspectorates and involved organisations are of the right kind",
    sql: `SELECT i.id, 'municipality' AS what FROM investigations i JOIN organisations o ON o.id = i.municipality_id WHERE o.kind <>
    'MUNICIPALITY'
          UNION ALL SELECT i.id, 'lead' FROM investigations i JOIN organisations o ON o.id = i.lead_inspectorate_id WHERE o.kind <>
          'INSPECTORATE'
          UNION ALL SELECT ii.investigation_id, 'participating' FROM investigation_inspectorates ii JOIN organisations o ON o.id =
          ii.inspectorate_id WHERE o.kind <> 'INSPECTORATE'
          UNION ALL SELECT io.investigation_id, 'involved' FROM investigation_organisations io JOIN organisations o ON o.id =
          io.organisation_id WHERE o.kind = 'INSPECTORATE'`,
  },
  {
    name: 'a published investigation has a publication date and trajectory end',
    sql:
      `SELECT i.id FROM investigations i WHERE i.status <> 'DRAFT' AND (i.publication_date IS NULL OR i.trajectory_end_date IS ` +
      `NULL OR i.trajectory_end_date < i.publication_date)`,
  },
  {
    name: 'texts of the report are not blank',
    sql: `SELECT 'investigation' AS what, id FROM investigations WHERE btrim(title) = ''
          UNION ALL SELECT 'finding', id FROM findings WHERE btrim(text) = ''
          UNION ALL SELECT 'point', id FROM improvement_points WHERE btrim(text) = ''`,
  },
  // --- organisations and accounts ---
  {
    name: "an organisation's municipality is a municipality, and inspectorates and municipalities have none",
    sql: `SELECT o.id FROM organisations o LEFT JOIN organisations m ON m.id = o.municipality_id
           WHERE o.municipality_id IS NOT NULL AND (m.kind <> 'MUNICIPALITY' OR o.kind IN ('INSPECTORATE','MUNICIPALITY'))`,
  },
  {
    name: 'organisation names are not blank and unique regardless of case',
    sql: `SELECT lower(name) FROM organisations GROUP BY lower(name) HAVING count(*) > 1
          UNION ALL SELECT name FROM organisations WHERE btrim(name) = ''`,
  },
  {
    name: 'e-mail addresses are lower-case, trimmed and unique',
    sql: `SELECT email FROM users WHERE email <> lower(email) OR email <> btrim(email) OR email !~ '^[^@[:space:]]+@[^@[:space:]]+$'
          UNION ALL SELECT lower(email) FROM users GROUP BY lower(email) HAVING count(*) > 1`,
  },
  {
    name: "an account's role matches its organisation's kind (administrators have none)",
    sql: `SELECT u.id, u.role, o.kind FROM users u LEFT JOIN organisations o ON o.id = u.organisation_id
           WHERE (u.role = 'ADMIN' AND u.organisation_id IS NOT NULL)
              OR (u.role = 'INSPECTOR' AND o.kind IS DISTINCT FROM 'INSPECTORATE')
              OR (u.role = 'MUNICIPALITY_REVIEWER' AND o.kind IS DISTINCT FROM 'MUNICIPALITY')
              OR (u.role = 'ORGANISATION_MEMBER' AND (o.kind IS NULL OR o.kind = 'INSPECTORATE'))`,
  },
  {
    name: 'there is an active administrator',
    sql: `SELECT 'none' WHERE NOT EXISTS (SELECT 1 FROM users WHERE role = 'ADMIN' AND active)`,
  },
  {
    name: 'account settings hold known values',
    sql:
      `SELECT id FROM users WHERE locale NOT IN ('nl','en') OR notification_mode NOT IN ('IMMEDIATE','DAILY_DIGEST') OR ` +
      `btrim(display_name) = ''`,
  },
  // --- extensions ---
  {
    name: 'a decided extension request has a decider; a granted one a date after the old one',
    sql: `SELECT e.id, e.status FROM extension_requests e
           WHERE (e.status IN ('GRANTED','REFUSED') AND (e.decided_by IS NULL OR e.decided_at IS NULL))
              OR (e.status = 'GRANTED' AND (e.granted_due_date IS NULL OR e.granted_due_date <= e.current_due_date))
              OR (e.status = 'PENDING' AND (e.decided_by IS NOT NULL OR e.granted_due_date IS NOT NULL))`,
  },
  {
    name: 'a due date change says why',
    sql: `SELECT id FROM due_date_changes WHERE btrim(reason) = ''`,
  },
];

/**
 * No text in any table holds a NUL character. PostgreSQL's text type cannot store one (it refuses
 * it with an error, which is why NUL input must be refused before it reaches the database); the
 * check guards against it being smuggled in some other way (e.g. an encoding round trip).
 */
export async function nulInvariant(em: EntityManager): Promise<Invariant> {
  const columns: Array<{ table_name: string; column_name: string }> = await em.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type IN ('text','character varying')
        AND c.table_name NOT IN ('history','history_access','schema_migrations','migrations')
      ORDER BY 1, 2`,
  );
  const parts = columns.map(
    (c) =>
      `SELECT '${c.table_name}.${c.column_name}' AS col FROM "${c.table_name}" WHERE encode(convert_to("${c.column_name}", 'UTF8'), ` +
      `'hex') ~ '^(..)*00'`,
  );
  return { name: 'no text column holds a NUL character', sql: parts.join('\nUNION ALL\n') };
}

export async function violations(em: EntityManager, invariants: Invariant[]): Promise<Array<{ name: string; rows: unknown[] }>> {
  const found: Array<{ name: string; rows: unknown[] }> = [];
  for (const inv of invariants) {
    const rows: unknown[] = await em.query(`SELECT * FROM (${inv.sql}) v LIMIT 5`);
    if (rows.length) found.push({ name: inv.name, rows });
  }
  return found;
}
