import { hash } from 'argon2';
import { Client } from 'pg';
import { runMigrations } from '@opvolging/database';
import { Theme } from '@opvolging/shared';
import { MIGRATIONS } from '../../apps/composition/src/persistence';
import { ADMIN_URL, databaseUrl, gql, ms, round, withClient } from './common';

/**
 * A realistic large data set for the overview benchmark, generated set-based (a few dozen
 * statements, no row-by-row inserts) and deterministic: the same numbers every run, relative to
 * `today`. Every table the overviews read is filled, and history is recorded by the real triggers
 * (as the product would have), so "changes since your last visit" reads a history of realistic size.
 *
 * Shape: 5 inspectorates; 342 municipalities; 3,000 organisations; 2,000 published investigations
 * (plus 20 drafts), skewed over the municipalities as cases are in life (a big city has ~100, the
 * median municipality ~4); per investigation 5 organisations, 10 findings and 50 improvement points
 * (one in ten collective); per organisation a plan with 30 measures covering its points (10,000
 * plans, 300,000 measures); audits for accepted plans, verifications with grades for closed ones.
 */
export const SHAPE = {
  inspectorates: 5,
  municipalities: 342,
  organisations: 3_000,
  investigations: 2_000,
  draftInvestigations: 20,
  organisationsPerInvestigation: 5,
  findingsPerInvestigation: 10,
  pointsPerInvestigation: 50,
  measuresPerPlan: 30,
} as const;

/** Bump when the generator changes: a kept database is only reused when its version matches. */
export const DATA_VERSION = 'overviews-v3';

/** The password of every generated account (argon2 hash passed in). */
export const BENCH_PASSWORD = 'Opvolging-bench-2026';

const KINDS = [
  'YOUTH_CARE',
  'CERTIFIED_CHILD_PROTECTION',
  'VEILIG_THUIS',
  'YOUTH_HEALTH_CARE',
  'SOCIAL_TEAM',
  'SCHOOL',
  'POLICE',
  'MENTAL_HEALTH_CARE',
  'GP',
  'OTHER',
];
const INSPECTORATE_NAMES = [
  'Inspectie Justitie en Veiligheid',
  'Inspectie Gezondheidszorg en Jeugd',
  'Inspectie van het Onderwijs',
  'Nederlandse Arbeidsinspectie',
  'Inspectie Jeugdzorg Caribisch Nederland',
];
const THEMES = Object.values(Theme);
const GRADES = ['FULLY', 'MOSTLY', 'PARTLY', 'NOT_IMPLEMENTED', 'NO_LONGER_RELEVANT'];
const arr = (xs: readonly string[]) => `ARRAY['${xs.join("','")}']`;

export async function generate(c: Client, today: string, passwordHash: string, log: (m: string) => void) {
  const S = SHAPE;
  const T = `DATE '${today}'`;
  const N = S.organisationsPerInvestigation;
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const start = Date.now();
    await c.query(sql, params);
    log(`${label} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  };
  await c.query(`SET synchronous_commit = off`); // this session only: loading, not measured

  await step(
    'organisations and accounts',
    `
    CREATE TEMP TABLE b_insp AS SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, ${S.inspectorates}) g;
    CREATE TEMP TABLE b_mun AS SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, ${S.municipalities}) g;
    -- Organisations lean towards the big municipalities too.
    CREATE TEMP TABLE b_org AS
      SELECT g AS n, gen_random_uuid() AS id, 1 + floor(${S.municipalities} * power(((g * 7919) % ${S.organisations})::numeric /
      ${S.organisations}, 2))::int AS mun_n
        FROM generate_series(0, ${S.organisations - 1}) g;
    INSERT INTO organisations (id, name, kind) SELECT id, (${arr(INSPECTORATE_NAMES)})[n], 'INSPECTORATE' FROM b_insp;
    INSERT INTO organisations (id, name, kind) SELECT id, 'Gemeente ' || n, 'MUNICIPALITY' FROM b_mun;
    INSERT INTO organisations (id, name, kind, municipality_id)
      SELECT o.id, 'Organisatie ' || o.n, (${arr(KINDS)})[1 + o.n % ${KINDS.length}], m.id FROM b_org o JOIN b_mun m ON m.n = o.mun_n;
    INSERT INTO users (email, display_name, role, organisation_id, password_hash)
      SELECT 'inspecteur' || n || '@bench.test', 'Inspecteur ' || n, 'INSPECTOR', id, $1 FROM b_insp;
    INSERT INTO users (email, display_name, role, organisation_id, password_hash)
      SELECT 'gemeente' || n || '@bench.test', 'Beoordelaar gemeente ' || n, 'MUNICIPALITY_REVIEWER', id, $1 FROM b_mun;
    INSERT INTO users (email, display_name, role, organisation_id, password_hash)
      SELECT 'lid' || n || '@bench.test', 'Medewerker ' || n, 'ORGANISATION_MEMBER', id, $1 FROM b_org;
    CREATE TEMP TABLE b_member AS SELECT DISTINCT ON (organisation_id) organisation_id, id FROM users WHERE role = 'ORGANISATION_MEMBER';
    CREATE TEMP TABLE b_inspector AS SELECT DISTINCT ON (organisation_id) organisation_id, id FROM users WHERE role = 'INSPECTOR';
  `.replace(/\$1/g, `'${passwordHash.replace(/'/g, "''")}'`),
  );

  // Investigation n: published (n*389 mod 1461) days ago (0 to 4 years), in municipality
  // 1 + floor(342 * u^2) with u = (n*7919 mod 2000)/2000 (skewed: low numbers are the big cities).
  await step(
    'investigations',
    `
    CREATE TEMP TABLE b_inv AS
      SELECT n, gen_random_uuid() AS id, n <= ${S.investigations} AS published,
             CASE WHEN n <= ${S.investigations} THEN 1 + floor(${S.municipalities} * power(((n * 7919) %
             ${S.investigations})::numeric / ${S.investigations}, 2))::int
                  ELSE 1 + n % ${S.municipalities} END AS mun_n,
             1 + n % ${S.inspectorates} AS insp_n,
             (n * 389) % 1461 AS age
        FROM generate_series(1, ${S.investigations + S.draftInvestigations}) n;
    ALTER TABLE b_inv ADD COLUMN status text, ADD COLUMN pub date;
    UPDATE b_inv SET status = CASE WHEN NOT published THEN 'DRAFT' WHEN age > 900 THEN 'CLOSED' ELSE 'FOLLOW_UP' END,
                     pub = CASE WHEN published THEN ${T} - age END;
    INSERT INTO investigations (id, title, summary, municipality_id, lead_inspectorate_id, status, publication_date,
    trajectory_end_date, closure_reason, closed_at)
      SELECT i.id, 'Calamiteitenonderzoek ' || i.n, 'Onderzoek naar de samenwerking rond een kind (benchmark ' || i.n || ').', m.id,
      ins.id, i.status,
             i.pub, (i.pub + interval '12 months')::date,
             CASE WHEN i.status = 'CLOSED' THEN 'Alle verbeterpunten geverifieerd.' END,
             CASE WHEN i.status = 'CLOSED' THEN (i.pub + 420)::timestamptz END
        FROM b_inv i JOIN b_mun m ON m.n = i.mun_n JOIN b_insp ins ON ins.n = i.insp_n;
    INSERT INTO investigation_inspectorates (investigation_id, inspectorate_id)
      SELECT i.id, ins.id FROM b_inv i JOIN b_insp ins ON ins.n = i.insp_n
      UNION ALL
      SELECT i.id, ins.id FROM b_inv i JOIN b_insp ins ON ins.n = 1 + (i.n + 1) % ${S.inspectorates} WHERE i.n % 10 = 0;
    CREATE TEMP TABLE b_part AS
      SELECT i.n AS inv_n, k, i.id AS investigation_id, i.status AS inv_status, i.pub, i.age, o.id AS organisation_id,
             (i.n - 1) * ${N} + k AS plan_n, gen_random_uuid() AS plan_id
        FROM b_inv i CROSS JOIN generate_series(0, ${N - 1}) k JOIN b_org o ON o.n = (i.n * 37 + k * 601) % ${S.organisations}
       WHERE i.published;
    CREATE INDEX ON b_part (inv_n, k);
    ANALYZE b_inv; ANALYZE b_part;
    INSERT INTO investigation_organisations (investigation_id, organisation_id) SELECT investigation_id, organisation_id FROM b_part;
  `,
  );

  await step(
    'findings and improvement points',
    `
    CREATE TEMP TABLE b_finding AS
      SELECT i.n AS inv_n, i.id AS investigation_id, j, gen_random_uuid() AS id,
             CASE WHEN (i.n * j) % 3 = 0 THEN ARRAY[(${arr(THEMES)})[1 + (i.n + j) % ${THEMES.length}], (${arr(THEMES)})[1 + (i.n +
             3 * j + 1) % ${THEMES.length}]]
                  ELSE ARRAY[(${arr(THEMES)})[1 + (i.n + j) % ${THEMES.length}]] END AS themes
        FROM b_inv i CROSS JOIN generate_series(0, ${S.findingsPerInvestigation - 1}) j WHERE i.published;
    INSERT INTO findings (id, investigation_id, position, text, themes)
      SELECT id, investigation_id, j + 1, 'Bevinding ' || (j + 1) || ': signalen werden niet gedeeld tussen de betrokken organisaties.',
             themes FROM b_finding;
    CREATE TEMP TABLE b_point AS
      SELECT f.inv_n, f.investigation_id, p.j, gen_random_uuid() AS id, f.id AS finding_id, f.themes, p.j % 10 = 9 AS collective
        FROM b_finding f CROSS JOIN LATERAL (SELECT f.j * ${S.pointsPerInvestigation / S.findingsPerInvestigation} + x AS j FROM
        generate_series(0, ${S.pointsPerInvestigation / S.findingsPerInvestigation - 1}) x) p;
    CREATE INDEX ON b_point (inv_n, j);
    ANALYZE b_point;
    INSERT INTO improvement_points (id, investigation_id, finding_id, position, text, themes, collective, coordinating_organisation_id)
      SELECT pt.id, pt.investigation_id, pt.finding_id, pt.j + 1,
             'Verbeterpunt ' || (pt.j + 1) || ': leg vast wie regie voert en deel signalen binnen vijf werkdagen.',
             pt.themes, pt.collective,
             CASE WHEN pt.collective THEN pa.organisation_id END
        FROM b_point pt JOIN b_part pa ON pa.inv_n = pt.inv_n AND pa.k = 0;
    INSERT INTO improvement_point_addressees (point_id, organisation_id)
      SELECT pt.id, pa.organisation_id FROM b_point pt JOIN b_part pa ON pa.inv_n = pt.inv_n AND pa.k = pt.j % ${N} WHERE NOT pt.collective
      UNION ALL
      SELECT pt.id, pa.organisation_id FROM b_point pt JOIN b_part pa ON pa.inv_n = pt.inv_n WHERE pt.collective;
  `,
  );

  // Plan status by the investigation's age and a hash of the plan number.
  await step(
    'plans',
    `
    ALTER TABLE b_part ADD COLUMN status text;
    UPDATE b_part SET status = CASE
      WHEN inv_status = 'CLOSED' THEN 'CLOSED'
      WHEN age < 42 THEN 'DRAFT'
      WHEN age < 70 THEN CASE WHEN plan_n % 2 = 0 THEN 'SUBMITTED' ELSE 'DRAFT' END
      ELSE CASE WHEN (plan_n * 37) % 100 < 6 THEN 'DRAFT' WHEN (plan_n * 37) % 100 < 10 THEN 'REVISION_REQUESTED'
                WHEN (plan_n * 37) % 100 < 18 THEN 'SUBMITTED' WHEN (plan_n * 37) % 100 < 88 OR age < 400 THEN 'ACCEPTED' ELSE
                'CLOSED' END END;
    INSERT INTO improvement_plans (id, investigation_id, organisation_id, status, due_date, original_due_date, submitted_versions,
    submitted_at,
                                   assessment_due_date, accepted_at, closed_at)
      SELECT plan_id, investigation_id, organisation_id, status,
             pub + CASE WHEN status = 'REVISION_REQUESTED' THEN 98 ELSE 42 END, pub + 42,
             CASE WHEN status = 'DRAFT' THEN 0 WHEN status = 'REVISION_REQUESTED' THEN 1 ELSE 1 + plan_n % 2 END,
             CASE WHEN status <> 'DRAFT' THEN (pub + 35)::timestamptz END,
             CASE WHEN status <> 'DRAFT' THEN pub + 63 END,
             CASE WHEN status IN ('ACCEPTED','CLOSED') THEN (pub + 60)::timestamptz END,
             CASE WHEN status = 'CLOSED' THEN (pub + 400)::timestamptz END
        FROM b_part;
  `,
  );

  // Measure k of a plan: due 90 + (13k mod 300) days after publication; covers point r + 5(k mod 10)
  // of its investigation (r = the organisation's place in it, so the point is addressed to it).
  await step(
    'measure keys',
    `
    CREATE TEMP TABLE b_measure AS
      SELECT gen_random_uuid() AS id, pa.plan_id, pa.plan_n, pa.inv_n, pa.k AS r, pa.organisation_id, pa.pub, g.mk AS k, pa.pub + 90
      + (13 * g.mk) % 300 AS due,
             CASE WHEN pa.status IN ('DRAFT','SUBMITTED','REVISION_REQUESTED') THEN 'PLANNED'
                  WHEN g.mk % 10 = 9 THEN 'CANCELLED'
                  WHEN pa.status = 'CLOSED' THEN 'COMPLETED'
                  WHEN (g.mk + pa.plan_n) % 7 <> 0 AND pa.pub + 90 + (13 * g.mk) % 300 < ${T} - 30 THEN 'COMPLETED'
                  WHEN pa.pub + 90 + (13 * g.mk) % 300 < ${T} + 60 THEN 'IN_PROGRESS'
                  ELSE 'PLANNED' END AS status
        FROM b_part pa CROSS JOIN generate_series(0, ${S.measuresPerPlan - 1}) AS g(mk);
    CREATE INDEX ON b_measure (plan_n);
    ANALYZE b_measure;
  `,
  );
  const parts = 5;
  const plans = S.investigations * N;
  for (let p = 0; p < parts; p++) {
    const [from, to] = [Math.floor((p * plans) / parts), Math.floor(((p + 1) * plans) / parts)];
    await step(
      `measures ${((p + 1) * plans * S.measuresPerPlan) / parts} / ${plans * S.measuresPerPlan}`,
      `
      INSERT INTO measures (id, plan_id, description, success_indicator, owner_id, due_date, original_due_date, status, evidence,
      cancellation_reason,
                            started_at, completed_at, cancelled_at, created_at)
        SELECT x.id, x.plan_id, 'Maatregel ' || (x.k + 1) || ': werkafspraak over het delen van signalen',
               'Binnen vijf werkdagen gedeeld in 90% van de casussen',
               mb.id, x.due, x.due - CASE WHEN x.k % 7 = 0 THEN 30 ELSE 0 END, x.status,
               CASE WHEN x.status = 'COMPLETED' THEN 'Werkafspraak vastgesteld en geëvalueerd.' END,
               CASE WHEN x.status = 'CANCELLED' THEN 'Vervangen door een regionale afspraak.' END,
               CASE WHEN x.status IN ('IN_PROGRESS','COMPLETED') THEN (x.pub + 70)::timestamptz END,
               CASE WHEN x.status = 'COMPLETED' THEN (least(x.due, ${T} - 1))::timestamptz END,
               CASE WHEN x.status = 'CANCELLED' THEN (x.pub + 120)::timestamptz END,
               (x.pub + 30)::timestamptz + make_interval(secs => x.k)
          FROM b_measure x JOIN b_member mb ON mb.organisation_id = x.organisation_id
         WHERE x.plan_n >= ${from} AND x.plan_n < ${to};
      INSERT INTO measure_points (measure_id, point_id)
        SELECT x.id, pt.id FROM b_measure x JOIN b_point pt ON pt.inv_n = x.inv_n AND pt.j = x.r + ${N} * (x.k % 10)
         WHERE x.plan_n >= ${from} AND x.plan_n < ${to};
    `,
    );
  }

  await step(
    'audits and verifications',
    `
    INSERT INTO internal_audits (plan_id, status, due_date, original_due_date, conclusion, submitted_at)
      SELECT plan_id, s.status, pub + 60 + 182, pub + 60 + 182,
             CASE WHEN s.status <> 'DRAFT' THEN 'De maatregelen zijn grotendeels uitgevoerd.' END,
             CASE WHEN s.status <> 'DRAFT' THEN (pub + 60 + 175)::timestamptz END
        FROM b_part CROSS JOIN LATERAL (SELECT CASE WHEN status = 'CLOSED' THEN 'JUDGED'
                                                    WHEN pub + 60 + 182 < ${T} - 30 AND plan_n % 3 = 0 THEN 'SUBMITTED'
                                                    WHEN pub + 60 + 182 < ${T} - 30 AND plan_n % 3 = 1 THEN 'JUDGED'
                                                    ELSE 'DRAFT' END AS status) s
       WHERE b_part.status IN ('ACCEPTED','CLOSED');
    INSERT INTO verifications (plan_id, method, verified_on, summary, inspector_id)
      SELECT pa.plan_id, 'DESK_REVIEW', pa.pub + 390, 'Verificatie op basis van de interne audit en stukken.', ir.id
        FROM b_part pa JOIN b_inv i ON i.n = pa.inv_n JOIN b_insp ins ON ins.n = i.insp_n JOIN b_inspector ir ON ir.organisation_id = ins.id
       WHERE pa.status = 'CLOSED';
    INSERT INTO verification_grades (verification_id, point_id, grade, reason)
      SELECT v.id, a.point_id, g.grade, CASE WHEN g.grade = 'NO_LONGER_RELEVANT' THEN 'Taak is belegd bij een andere organisatie.' END
        FROM verifications v JOIN improvement_plans p ON p.id = v.plan_id
        JOIN improvement_point_addressees a ON a.organisation_id = p.organisation_id
        JOIN improvement_points pt ON pt.id = a.point_id AND pt.investigation_id = p.investigation_id
        CROSS JOIN LATERAL (SELECT (${arr(GRADES)})[1 + least(4, (pt.position * 7 + length(p.id::text)) % 9 / 2)] AS grade) g;
  `,
  );
  log('VACUUM (ANALYZE)');
  await c.query('VACUUM (ANALYZE)');
}

/** What the generated database holds, counted. */
export async function census(c: Client) {
  const count = async (sql: string) => Number((await c.query(sql)).rows[0].n);
  return {
    municipalities: await count(`SELECT count(*) n FROM organisations WHERE kind = 'MUNICIPALITY'`),
    organisations: await count(`SELECT count(*) n FROM organisations`),
    users: await count(`SELECT count(*) n FROM users`),
    investigations: await count(`SELECT count(*) n FROM investigations`),
    publishedInvestigations: await count(`SELECT count(*) n FROM investigations WHERE status <> 'DRAFT'`),
    findings: await count(`SELECT count(*) n FROM findings`),
    improvementPoints: await count(`SELECT count(*) n FROM improvement_points`),
    improvementPlans: await count(`SELECT count(*) n FROM improvement_plans`),
    measures: await count(`SELECT count(*) n FROM measures`),
    measurePoints: await count(`SELECT count(*) n FROM measure_points`),
    internalAudits: await count(`SELECT count(*) n FROM internal_audits`),
    verificationGrades: await count(`SELECT count(*) n FROM verification_grades`),
    historyRows: await count(`SELECT count(*) n FROM history`),
    databaseBytes: await count(`SELECT pg_database_size(current_database()) n`),
  };
}

// ---- the database, shared by the benchmarks that use this data set --------------------------------

export const DB_NAME = 'opvolging_bench_overviews';

/**
 * The data set database: with `reuse`, kept from an earlier run when made by the same generator on
 * the same day (migrated to the current schema); otherwise dropped and generated anew (~3 minutes).
 */
export async function prepareDatabase(today: string, reuse: boolean, log: (m: string) => void) {
  const url = databaseUrl(DB_NAME);
  const marker = `${DATA_VERSION} ${today}`;
  const existing = await withClient(
    ADMIN_URL,
    async (c) =>
      (await c.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [DB_NAME])).rows[0],
  );
  if (reuse && existing?.comment === marker) {
    await runMigrations(url, MIGRATIONS);
    log(`reusing database ${DB_NAME} (${marker})`);
    return { url, generateSeconds: 0, reused: true };
  }
  await withClient(ADMIN_URL, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${DB_NAME}`);
  });
  const applied = await runMigrations(url, MIGRATIONS);
  log(`database ${DB_NAME} created, ${applied.length} migrations applied; generating (history triggers on)`);
  const start = process.hrtime.bigint();
  await withClient(url, async (c) => generate(c, today, await hash(BENCH_PASSWORD), log));
  await withClient(ADMIN_URL, (c) => c.query(`COMMENT ON DATABASE ${DB_NAME} IS '${marker}'`));
  return { url, generateSeconds: round(ms(start) / 1000), reused: false };
}

/** A bearer token for a generated user (every one has BENCH_PASSWORD). */
export const signIn = async (base: string, email: string) =>
  (
    await gql<{ signIn: { accessToken: string } }>(base, null, `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
      input: { email, password: BENCH_PASSWORD },
    })
  ).signIn.accessToken;
