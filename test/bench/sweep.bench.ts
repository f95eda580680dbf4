import { getQueueToken } from '@nestjs/bullmq';
import { Test, TestingModule } from '@nestjs/testing';
import { Queue } from 'bullmq';
import { randomBytes } from 'crypto';
import { mkdirSync, writeFileSync } from 'fs';
import { Redis } from 'ioredis';
import { cpus, loadavg, totalmem } from 'os';
import { Client } from 'pg';
import { MaintenanceProcessor } from '../../apps/worker/src/maintenance.processor';
import { NotificationsProcessor } from '../../apps/worker/src/notifications.processor';
import { WorkerJobs } from '../../apps/worker/src/worker-jobs';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { AppConfig, loadConfig } from '@opvolging/config';
import { runMigrations } from '@opvolging/database';
import { MIGRATIONS } from '../../apps/composition/src/persistence';
import { DeadlineSweeper, SweepResult } from '@opvolging/notifications';
import { DeadlineKind, lateStepSql, noticeDue, resolvePolicy } from '@opvolging/deadlines';
import { QUEUES, redisOptions } from '@opvolging/queue';
import { Clock, dates, DeadlineUnit, ManualClock } from '@opvolging/shared';
import {
  ADMIN_URL,
  codeVersion,
  databaseUrl,
  deleteKeys,
  measureInProcess,
  ms,
  OUT_DIR,
  type ProcessHealth,
  REDIS_URL,
  round,
  stats,
  withClient,
} from './common';
import type { Benchmark, BenchRow } from './run';

/**
 * The baseline: the one statement with which every sweep before issue 16 read its candidates (all
 * open deadlines up to the horizon: late ones whose current step has no notice yet, coming ones
 * with the steps already sent). The sweeper now reads only what time or a change brought; this
 * statement, run bare in the same run, shows what reading everything costs on the same data.
 */
const CANDIDATES_SQL = `
  SELECT d.kind, d.subject_id, d.investigation_id, d.organisation_id, d.owner_id, d.due_date::text AS due_date,
         i.deadline_unit, i.reminder_policy, i.lead_inspectorate_id, i.title AS investigation_title, NULL::text[] AS sent
    FROM open_deadlines d JOIN investigations i ON i.id = d.investigation_id
   WHERE d.due_date < $1::date
     AND NOT EXISTS (SELECT 1 FROM deadline_notices n
                      WHERE n.kind = d.kind AND n.subject_id = d.subject_id AND n.due_date = d.due_date
                        AND n.step = ${lateStepSql('($1::date - d.due_date)', 'd', 'i.reminder_policy')})
  UNION ALL
  SELECT d.kind, d.subject_id, d.investigation_id, d.organisation_id, d.owner_id, d.due_date::text,
         i.deadline_unit, i.reminder_policy, i.lead_inspectorate_id, i.title,
         (SELECT array_agg(n.step) FROM deadline_notices n WHERE n.kind = d.kind AND n.subject_id = d.subject_id AND n.due_date =
         d.due_date)
    FROM open_deadlines d JOIN investigations i ON i.id = d.investigation_id
   WHERE d.due_date >= $1::date AND d.due_date <= $2::date`;

/**
 * The deadline sweep over 1,000,000 open deadlines: the time the worker's DeadlineSweeper needs to
 * find and enqueue what is due, against the bare statement with which sweeps read their candidates
 * before they followed what is due (CANDIDATES_SQL), measured in the same run on the same data.
 *
 * Scenarios (BENCH_SCENARIO):
 * - `daily` (default): the sweeper has run every day before; deadline_notices holds every step that
 *   earlier sweeps recorded up to yesterday, so the first sweep of "today" records and enqueues one
 *   day's worth of reminders and overdue notices — the production shape.
 * - `backlog`: nothing was ever noticed; the first sweep catches up on every reminder and overdue
 *   notice at once (hundreds of thousands of mails). Opt-in: it enqueues ~1M jobs in Redis.
 *
 * Environment: BENCH_MEASURES (default 1000000), BENCH_RUNS (baseline repetitions, default 5),
 * BENCH_STEADY_RUNS (default 1), BENCH_KEEP_DB=1 (keep database opvolging_bench),
 * BENCH_ADMIN_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres), REDIS_URL.
 */

const DB_NAME = 'opvolging_bench';
const SCENARIO = (process.env.BENCH_SCENARIO ?? 'daily') as 'daily' | 'backlog';
if (!['daily', 'backlog'].includes(SCENARIO)) throw new Error(`BENCH_SCENARIO must be daily or backlog, not "${SCENARIO}"`);
const MEASURES_PER_PLAN = 50;
const PLANS_PER_INVESTIGATION = 10;
const MEASURES = Number(process.env.BENCH_MEASURES ?? 1_000_000);
const PLANS = Math.ceil(MEASURES / MEASURES_PER_PLAN);
const INVESTIGATIONS = Math.ceil(PLANS / PLANS_PER_INVESTIGATION);
const INSPECTORATES = 4;
const MUNICIPALITIES = 10;
const ORGANISATIONS = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** The superuser figure (no row-level security) is for comparison only: fewer runs. */
const SUPERUSER_RUNS = Math.min(2, RUNS);
const STEADY_RUNS = Number(process.env.BENCH_STEADY_RUNS ?? 1);
/** Investigations whose measures change between two sweeps of the day. */
const CHANGED_INVESTIGATIONS = Number(process.env.BENCH_CHANGED_INVESTIGATIONS ?? 20);
const KEEP_DB = ['1', 'true', 'yes'].includes((process.env.BENCH_KEEP_DB ?? '').toLowerCase());

/** A fixed instant (Monday, after DIGEST_HOUR) so the data and every figure are reproducible. */
const NOW = new Date('2026-03-02T09:00:00+01:00');
const TODAY = '2026-03-02';
const YESTERDAY = dates.addDays(TODAY, -1);
/** Must equal HORIZON_DAYS in libs/notifications/src/deadline-sweeper.ts (checked: the candidate counts must agree). */
const HORIZON_DAYS = 100;
const HORIZON = dates.addDays(TODAY, HORIZON_DAYS);

/**
 * The parameters DeadlineSweeper.sweep() passes to CANDIDATES_SQL: the horizon alone (one
 * placeholder), or today and the horizon (two). Anything else: this benchmark needs updating. The
 * candidate counts of baseline and sweep are compared, so a mismatch cannot go unnoticed.
 */
function candidateParams(): string[] {
  const placeholders = new Set(CANDIDATES_SQL.match(/\$\d+/g) ?? []).size;
  if (placeholders === 1) return [HORIZON];
  if (placeholders === 2) return [TODAY, HORIZON];
  throw new Error(`CANDIDATES_SQL has ${placeholders} parameters; teach test/bench/sweep.bench.ts what the sweeper passes`);
}

const ORGANISATION_KINDS = [
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
/** Tables the data set fills whose history trigger is switched off while loading (the sweep never reads history). */
const LOADED_TABLES = [
  'organisations',
  'users',
  'investigations',
  'investigation_inspectorates',
  'investigation_organisations',
  'improvement_plans',
  'measures',
];

// ---- data set -----------------------------------------------------------------------------------

/** `YYYY-MM-DD` plus n days (UTC arithmetic; only to step through days while seeding). */
const plusDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The steps noticeDue gives a deadline of this kind and due date on each day from the horizon until yesterday. */
function earlierSteps(kind: DeadlineKind, due: string): string[] {
  const policy = resolvePolicy({})[kind];
  const steps = new Set<string>();
  for (let day = plusDays(due, -HORIZON_DAYS); day <= YESTERDAY; day = plusDays(day, 1)) {
    const notice = noticeDue(kind, due, day, DeadlineUnit.CALENDAR_DAYS, policy);
    if (notice) steps.add(notice.step);
  }
  return [...steps];
}

/** Set-based generation: a handful of statements, no row-by-row inserts. Deterministic. */
async function generate(c: Client, log: (m: string) => void) {
  const T = `DATE '${TODAY}'`;
  await c.query(`SET synchronous_commit = off`); // this session only: loading, not measured
  for (const t of LOADED_TABLES) await c.query(`ALTER TABLE ${t} DISABLE TRIGGER ${t}_history`);

  await c.query(`
    CREATE TEMP TABLE b_inspectorates AS SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, ${INSPECTORATES}) g;
    CREATE TEMP TABLE b_municipalities AS SELECT g AS n, gen_random_uuid() AS id FROM generate_series(1, ${MUNICIPALITIES}) g;
    CREATE TEMP TABLE b_orgs AS SELECT g AS n, gen_random_uuid() AS id, gen_random_uuid() AS member_id FROM generate_series(0,
    ${ORGANISATIONS - 1}) g;

    INSERT INTO organisations (id, name, kind) SELECT id, 'Inspectie ' || n, 'INSPECTORATE' FROM b_inspectorates;
    INSERT INTO organisations (id, name, kind) SELECT id, 'Gemeente ' || n, 'MUNICIPALITY' FROM b_municipalities;
    INSERT INTO organisations (id, name, kind, municipality_id)
      SELECT o.id, 'Organisatie ' || o.n, (ARRAY['${ORGANISATION_KINDS.join("','")}'])[1 + o.n % ${ORGANISATION_KINDS.length}], m.id
        FROM b_orgs o JOIN b_municipalities m ON m.n = 1 + o.n % ${MUNICIPALITIES};

    -- One inspector per inspectorate, one member per organisation (IMMEDIATE mail, no password).
    INSERT INTO users (email, display_name, role, organisation_id)
      SELECT 'inspecteur' || n || '@inspectie.bench.test', 'Inspecteur ' || n, 'INSPECTOR', id FROM b_inspectorates;
    INSERT INTO users (id, email, display_name, role, organisation_id)
      SELECT member_id, 'lid' || n || '@organisatie.bench.test', 'Lid ' || n, 'ORGANISATION_MEMBER', id FROM b_orgs;

    -- Published between 2 years and 2 months ago; the trajectory ends 12 months after publication.
    CREATE TEMP TABLE b_investigations AS
      SELECT g AS n, gen_random_uuid() AS id, ${T} - 60 - (g * 389) % 671 AS publication_date FROM generate_series(1, ${INVESTIGATIONS}) g;
    INSERT INTO investigations (id, title, summary, municipality_id, lead_inspectorate_id, status, publication_date, trajectory_end_date)
      SELECT i.id, 'Onderzoek ' || i.n, 'Benchmark', m.id, ins.id, 'FOLLOW_UP', i.publication_date, (i.publication_date + interval
      '12 months')::date
        FROM b_investigations i JOIN b_municipalities m ON m.n = 1 + i.n % ${MUNICIPALITIES} JOIN b_inspectorates ins ON ins.n = 1 +
        i.n % ${INSPECTORATES};
    INSERT INTO investigation_inspectorates (investigation_id, inspectorate_id)
      SELECT i.id, ins.id FROM b_investigations i JOIN b_inspectorates ins ON ins.n = 1 + i.n % ${INSPECTORATES};

    -- ${PLANS_PER_INVESTIGATION} accepted plans per investigation, from ${PLANS_PER_INVESTIGATION} different organisations.
    CREATE TEMP TABLE b_plans AS
      SELECT (i.n - 1) * ${PLANS_PER_INVESTIGATION} + k AS n, gen_random_uuid() AS id, i.id AS investigation_id, i.publication_date,
      o.id AS organisation_id, o.member_id
        FROM b_investigations i CROSS JOIN generate_series(0, ${PLANS_PER_INVESTIGATION - 1}) k
        JOIN b_orgs o ON o.n = ((i.n - 1) * ${PLANS_PER_INVESTIGATION} + k) % ${ORGANISATIONS}
       WHERE (i.n - 1) * ${PLANS_PER_INVESTIGATION} + k < ${PLANS};
    INSERT INTO investigation_organisations (investigation_id, organisation_id) SELECT investigation_id, organisation_id FROM b_plans;
    INSERT INTO improvement_plans (id, investigation_id, organisation_id, status, due_date, original_due_date, submitted_versions,
    submitted_at, assessment_due_date, accepted_at)
      SELECT id, investigation_id, organisation_id, 'ACCEPTED', publication_date + 42, publication_date + 42, 1,
             (publication_date + 30)::timestamptz, publication_date + 58, (publication_date + 50)::timestamptz
        FROM b_plans;
    CREATE INDEX ON b_plans (n);
  `);
  log(`reference data, ${INVESTIGATIONS.toLocaleString('en-US')} investigations and ${PLANS.toLocaleString('en-US')} plans inserted`);

  // Measure i (0-based) is due on today - 365 + (i * 389) mod 731: exactly uniform over 731 days.
  const chunk = Math.max(1, Math.ceil(PLANS / 10));
  for (let from = 0; from < PLANS; from += chunk) {
    await c.query(
      `INSERT INTO measures (plan_id, description, success_indicator, owner_id, due_date, original_due_date, status, started_at)
       SELECT p.id, 'Maatregel ' || k || ' van plan ' || p.n, 'Indicator ' || k, p.member_id, d.due, d.due,
              CASE WHEN k % 3 = 0 THEN 'IN_PROGRESS' ELSE 'PLANNED' END,
              CASE WHEN k % 3 = 0 THEN (p.publication_date + 60)::timestamptz END
         FROM b_plans p CROSS JOIN generate_series(0, ${MEASURES_PER_PLAN - 1}) k
         CROSS JOIN LATERAL (SELECT ${T} - 365 + ((p.n * ${MEASURES_PER_PLAN} + k)::bigint * 389 % 731)::int AS due) d
        WHERE p.n >= $1 AND p.n < $2 AND p.n * ${MEASURES_PER_PLAN} + k < ${MEASURES}`,
      [from, from + chunk],
    );
    log(
      `measures: ${Math.min(MEASURES, (from + chunk) * MEASURES_PER_PLAN).toLocaleString('en-US')} / ${MEASURES.toLocaleString('en-US')}`,
    );
  }

  if (SCENARIO === 'daily') {
    // Every notice the daily sweeps recorded up to yesterday. Which steps those were is asked of the
    // sweeper's own noticeDue (each earlier day, per kind and due date: the data set uses the default
    // policy in calendar days), so the history follows the code under test, not a copy of its rules.
    const Y = `DATE '${YESTERDAY}'`;
    const groups: Array<{ kind: DeadlineKind; due: string }> = (
      await c.query(`SELECT DISTINCT kind, due_date::text AS due FROM open_deadlines WHERE due_date <= ${Y} + ${HORIZON_DAYS} ORDER BY 2`)
    ).rows;
    const steps = groups.flatMap(({ kind, due }) => earlierSteps(kind, due).map((step) => ({ kind, due, step })));
    log(`earlier notices: ${steps.length} (kind, due date, step) combinations from noticeDue`);
    const parts = 5;
    for (let k = 0; k < parts; k++) {
      const part = steps.slice(Math.floor((k * steps.length) / parts), Math.floor(((k + 1) * steps.length) / parts));
      if (!part.length) continue;
      await c.query(
        `INSERT INTO deadline_notices (kind, subject_id, due_date, step, investigation_id, recipients, created_at)
         SELECT d.kind, d.subject_id, d.due_date, s.step, d.investigation_id, 1, ${Y}::timestamptz
           FROM unnest($1::text[], $2::date[], $3::text[]) AS s(kind, due_date, step)
           JOIN open_deadlines d ON d.kind = s.kind AND d.due_date = s.due_date
          WHERE d.due_date BETWEEN $4::date AND $5::date`,
        [part.map((x) => x.kind), part.map((x) => x.due), part.map((x) => x.step), part[0].due, part[part.length - 1].due],
      );
      log(`earlier notices: deadlines due ${part[0].due} .. ${part[part.length - 1].due} done`);
    }
    // Yesterday's sweep completed, and it read the marks the load's rows left (deadline_changes).
    await c.query(`DELETE FROM deadline_changes`);
    await c.query(`INSERT INTO deadline_sweep_state (swept_through) VALUES (${Y})`);
  }

  for (const t of LOADED_TABLES) await c.query(`ALTER TABLE ${t} ENABLE TRIGGER ${t}_history`);
  // As autovacuum would have done by now: statistics, and a visibility map for index-only scans.
  log('VACUUM (ANALYZE)');
  await c.query('VACUUM (ANALYZE)');
  const count = async (sql: string) => Number((await c.query(sql)).rows[0].n);
  return {
    organisations: await count(`SELECT count(*) n FROM organisations`),
    users: await count(`SELECT count(*) n FROM users`),
    investigations: await count(`SELECT count(*) n FROM investigations`),
    improvementPlans: await count(`SELECT count(*) n FROM improvement_plans`),
    measures: await count(`SELECT count(*) n FROM measures`),
    openDeadlines: await count(`SELECT count(*) n FROM open_deadlines`),
    openDeadlinesOverdue: await count(`SELECT count(*) n FROM open_deadlines WHERE due_date < ${T}`),
    openDeadlinesInWindow: await count(`SELECT count(*) n FROM open_deadlines WHERE due_date <= DATE '${HORIZON}'`),
    openDeadlinesNext14Days: await count(`SELECT count(*) n FROM open_deadlines WHERE due_date BETWEEN ${T} AND ${T} + 14`),
    earlierNotices: await count(`SELECT count(*) n FROM deadline_notices`),
    databaseBytes: await count(`SELECT pg_database_size(current_database()) n`),
  };
}

// ---- baseline -----------------------------------------------------------------------------------

/** What Database.transaction(null, ...) sets: the app role (row-level security applies) acting as SYSTEM. */
const AS_SWEEPER = `SELECT set_config('app.user_id', '', true), set_config('app.role', 'SYSTEM', true),
set_config('app.organisation_id', '', true),
                           set_config('app.on_behalf_of', 'system', true), set_config('role', 'opvolging_app', true)`;

async function candidatesQuery(c: Client, asSweeper: boolean): Promise<{ ms: number; rows: number }> {
  await c.query('BEGIN');
  await c.query('SET LOCAL jit = off'); // as the application's connections (libs/database data-source-options)
  try {
    if (asSweeper) await c.query(AS_SWEEPER);
    const start = process.hrtime.bigint();
    const result = await c.query(CANDIDATES_SQL, candidateParams());
    return { ms: ms(start), rows: result.rowCount ?? result.rows.length };
  } finally {
    await c.query('COMMIT');
  }
}

async function explain(c: Client, asSweeper = true): Promise<string[]> {
  await c.query('BEGIN');
  await c.query('SET LOCAL jit = off');
  try {
    if (asSweeper) await c.query(AS_SWEEPER);
    const result = await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${CANDIDATES_SQL}`, candidateParams());
    return result.rows.map((r) => r['QUERY PLAN']);
  } finally {
    await c.query('COMMIT');
  }
}

// ---- Redis --------------------------------------------------------------------------------------

async function redisState(redis: Redis, prefix: string) {
  const info = await redis.info('memory');
  const usedMemory = Number(/used_memory:(\d+)/.exec(info)?.[1]);
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  let prefixBytes = 0;
  for (let i = 0; i < keys.length; i += 1000) {
    const pipeline = redis.pipeline();
    for (const key of keys.slice(i, i + 1000)) pipeline.call('MEMORY', 'USAGE', key);
    for (const [error, bytes] of (await pipeline.exec()) ?? []) if (!error) prefixBytes += Number(bytes ?? 0);
  }
  return { usedMemory, keys: keys.length, prefixBytes };
}

// ---- the sweep ----------------------------------------------------------------------------------

async function timedSweep(sweeper: DeadlineSweeper) {
  const start = process.hrtime.bigint();
  const { value: result, health } = await measureInProcess<SweepResult>(() => sweeper.sweep());
  const total = ms(start);
  // The sweeper's own account of its phases (SweepResult.phases), each summed over its calls: the
  // next part is read while one is recorded on two connections, so together they exceed the wall time.
  const p = result.phases;
  return {
    ms: round(total),
    result,
    // The worker's event loop is this process's: its delay during the sweep, and RSS afterwards.
    health,
    phases: { read: round(p.readMs), record: round(p.recordMs), redisEnqueue: round(p.queueMs) },
  };
}

async function run(log: (message: string) => void) {
  const started = Date.now();
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const url = databaseUrl(DB_NAME);
  const redis = new Redis({ ...redisOptions(REDIS_URL, 'client'), maxRetriesPerRequest: 3, enableOfflineQueue: true });
  let moduleRef: TestingModule | undefined;
  let dbCreated = false;
  try {
    const versions = {
      postgres: await withClient(ADMIN_URL, async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string),
      redis: /redis_version:(\S+)/.exec(await redis.info('server'))?.[1] ?? '?',
      node: process.version,
      cpus: cpus().length,
      memoryGiB: round(totalmem() / 2 ** 30),
      /** 1-minute load average at the start; anything well above 0 means something else competed for the cores. */
      loadAtStart: round(loadavg()[0], 2),
    };
    const code = codeVersion(['libs/notifications', 'libs/deadlines', 'libs/shared', 'libs/database', 'libs/queue', 'migrations']);
    log(
      `scenario ${SCENARIO}, ${MEASURES.toLocaleString('en-US')} measures; PostgreSQL ${versions.postgres}, Redis ${versions.redis}, ` +
        `${versions.cpus} cores`,
    );

    await withClient(ADMIN_URL, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${DB_NAME}`);
    });
    dbCreated = true;
    const applied = await runMigrations(url, MIGRATIONS);
    log(`database ${DB_NAME} created, ${applied.length} migrations applied`);

    const genStart = process.hrtime.bigint();
    const dataSet = await withClient(url, (c) => generate(c, log));
    const generateSeconds = round(ms(genStart) / 1000);
    log(`data set ready in ${generateSeconds} s: ${JSON.stringify(dataSet)}`);

    // Baseline: the bare candidates query, as the sweeper runs it (app role, row-level security) and as superuser.
    const baseline = await withClient(url, async (c) => {
      const warm = await candidatesQuery(c, true); // warm the cache; not counted
      log(`baseline warm-up: ${warm.rows.toLocaleString('en-US')} rows in ${round(warm.ms)} ms`);
      const asSweeper: number[] = [];
      const asSuperuser: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        asSweeper.push((await candidatesQuery(c, true)).ms);
        if (i < SUPERUSER_RUNS) asSuperuser.push((await candidatesQuery(c, false)).ms);
      }
      const plan = await explain(c);
      const planAsSuperuser = await explain(c, false);
      return {
        rows: warm.rows,
        asSweeper: stats(asSweeper),
        asSuperuser: stats(asSuperuser),
        samples: { asSweeper: asSweeper.map((x) => round(x)), asSuperuser: asSuperuser.map((x) => round(x)) },
        plan,
        planAsSuperuser,
      };
    });
    log(
      `baseline: median ${baseline.asSweeper.median} ms, p95 ${baseline.asSweeper.p95} ms (${RUNS} runs; superuser median ` +
        `${baseline.asSuperuser.median} ms)`,
    );

    // The worker's DeadlineSweeper on this database, a queue prefix of its own and a fixed clock.
    // No consumers: the processors and the sweep scheduler are left out, so queued mail stays in Redis to be counted.
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url,
      REDIS_URL,
      QUEUE_PREFIX: prefix,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'error',
    });
    moduleRef = await Test.createTestingModule({ imports: [WorkerModule] })
      .overrideProvider(AppConfig)
      .useValue(config)
      .overrideProvider(Clock)
      .useValue(new ManualClock(NOW))
      .overrideProvider(NotificationsProcessor)
      .useValue({})
      .overrideProvider(MaintenanceProcessor)
      .useValue({})
      .overrideProvider(WorkerJobs)
      .useValue({})
      .compile();
    moduleRef.useLogger(['error']);
    await moduleRef.init();
    const sweeper = moduleRef.get(DeadlineSweeper);
    const mailQueue = moduleRef.get<Queue>(getQueueToken(QUEUES.notifications));

    const sweepsStarted = new Date();
    const redisBefore = await redisState(redis, prefix);
    log(`Redis before: used_memory ${redisBefore.usedMemory} B, ${redisBefore.keys} keys under ${prefix}`);
    log('first sweep ...');
    const first = await timedSweep(sweeper);
    log(`first sweep: ${first.ms} ms ${JSON.stringify(first.result)} ${JSON.stringify(first.phases)} ${JSON.stringify(first.health)}`);
    const redisAfterFirst = await redisState(redis, prefix);
    const jobCountsAfterFirst = await mailQueue.getJobCounts('waiting', 'delayed', 'active', 'completed', 'failed');

    const steady: Array<Awaited<ReturnType<typeof timedSweep>>> = [];
    for (let i = 0; i < STEADY_RUNS; i++) {
      steady.push(await timedSweep(sweeper));
      log(
        `steady-state sweep ${i + 1}: ${steady[i].ms} ms ${JSON.stringify(steady[i].result)} ${JSON.stringify(steady[i].phases)} ` +
          JSON.stringify(steady[i].health),
      );
    }
    const redisAfterSteady = await redisState(redis, prefix);

    // Rows of CHANGED_INVESTIGATIONS investigations change (one UPDATE, as a bulk edit would), then the next sweep of the day.
    await withClient(url, (c) =>
      c.query(
        `UPDATE measures SET description = description || ' (gewijzigd)' WHERE plan_id IN (SELECT id FROM improvement_plans WHERE
        investigation_id IN (SELECT id FROM investigations ORDER BY id LIMIT ${CHANGED_INVESTIGATIONS}))`,
      ),
    );
    const afterChanges = await timedSweep(sweeper);
    log(`sweep after changes: ${afterChanges.ms} ms ${JSON.stringify(afterChanges.result)} ${JSON.stringify(afterChanges.phases)}`);

    // The check of the incremental sweeps: a full reading of the same moment (no completed sweep to start from) finds nothing more.
    let full: Awaited<ReturnType<typeof timedSweep>> | null = null;
    if (!first.result.full) {
      await withClient(url, (c) => c.query(`UPDATE deadline_sweep_state SET swept_through = DATE '2000-01-01'`));
      full = await timedSweep(sweeper);
      log(`full sweep: ${full.ms} ms ${JSON.stringify(full.result)} ${JSON.stringify(full.phases)} ${JSON.stringify(full.health)}`);
    }

    const db = await withClient(url, async (c) => {
      const one = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows[0];
      return {
        noticesBySweeps: Number((await one(`SELECT count(*) n FROM deadline_notices WHERE created_at >= $1`, [sweepsStarted])).n),
        notificationsByStatus: Object.fromEntries(
          (await c.query(`SELECT email_status, count(*)::int n FROM notifications GROUP BY 1 ORDER BY 1`)).rows.map((r) => [
            r.email_status,
            r.n,
          ]),
        ),
        // Reminders go out at most 14 (measures) or 30 (trajectory ends) days ahead: nothing further out may be noticed.
        noticesTooEarly: Number(
          (
            await one(
              `SELECT count(*) n FROM deadline_notices WHERE due_date > DATE '${TODAY}' + CASE kind WHEN 'MEASURE_DUE' THEN 14 ELSE 30 END`,
            )
          ).n,
        ),
      };
    });

    // Consistency: the sweep read exactly the rows the baseline reads; the second sweep found nothing new;
    // Redis holds one job per mail due now (deterministic ids), nothing for deadlines further out.
    const problems: string[] = [];
    const fullReading = first.result.full ? first : full!;
    // A full reading reads every open deadline up to the horizon.
    if (fullReading.result.candidates !== dataSet.openDeadlinesInWindow)
      problems.push(
        `a full sweep read ${fullReading.result.candidates} deadlines, ${dataSet.openDeadlinesInWindow} are open up to the horizon: ` +
          `HORIZON_DAYS differs from ` +
          `deadline-sweeper.ts?`,
      );
    if (SCENARIO === 'daily' && first.result.full) problems.push('the first sweep of the day read everything: no completed sweep found');
    if (full && full.result.notices !== 0)
      problems.push(`the full reading found ${full.result.notices} notices the incremental sweeps left`);
    if (steady.some((s) => s.result.notices !== 0)) problems.push('a steady-state sweep recorded notices');
    if (afterChanges.result.full || afterChanges.result.notices !== 0)
      problems.push('the sweep after changes read everything or recorded notices');
    const pending = db.notificationsByStatus.PENDING ?? 0;
    // Redis holds what fits under MAIL_QUEUE_LIMIT; the rest waits in PostgreSQL for the top-ups.
    if (jobCountsAfterFirst.waiting !== Math.min(pending, config.MAIL_QUEUE_LIMIT))
      problems.push(
        `${jobCountsAfterFirst.waiting} mail jobs waiting in Redis, ${pending} notifications PENDING, limit ${config.MAIL_QUEUE_LIMIT}`,
      );
    if (db.noticesTooEarly) problems.push(`${db.noticesTooEarly} notices for deadlines further out than their first reminder`);

    const median = baseline.asSweeper.median;
    const steadyMedian = stats(steady.map((s) => s.ms)).median;
    const results = {
      benchmark: 'deadline sweep',
      scenario: SCENARIO,
      at: new Date().toISOString(),
      machine: versions,
      code,
      clock: { now: NOW.toISOString(), today: TODAY, horizon: HORIZON },
      dataSet: { ...dataSet, generateSeconds },
      baseline: {
        query: 'CANDIDATES_SQL',
        params: candidateParams(),
        rows: baseline.rows,
        asSweeper: baseline.asSweeper,
        asSuperuser: baseline.asSuperuser,
        samples: baseline.samples,
      },
      explain: baseline.plan,
      explainAsSuperuser: baseline.planAsSuperuser,
      firstSweep: { ...first, ratio: round(first.ms / median, 2) },
      steadySweeps: steady.map((s) => ({ ...s, ratio: round(s.ms / median, 2) })),
      steadySweepMedian: { ms: steadyMedian, ratio: round(steadyMedian / median, 2) },
      sweepAfterChanges: { ...afterChanges, investigations: CHANGED_INVESTIGATIONS, ratio: round(afterChanges.ms / median, 2) },
      fullSweep: full && { ...full, ratio: round(full.ms / median, 2) },
      redis: {
        prefix,
        before: redisBefore,
        afterFirst: redisAfterFirst,
        afterSteady: redisAfterSteady,
        mailJobsAfterFirst: jobCountsAfterFirst,
      },
      database: db,
      problems,
      loadAtEnd: round(loadavg()[0], 2),
      totalSeconds: round((Date.now() - started) / 1000),
    };
    mkdirSync(OUT_DIR, { recursive: true });
    const file = `${OUT_DIR}/sweep.json`;
    writeFileSync(file, JSON.stringify(results, null, 2) + '\n');
    log(`EXPLAIN (ANALYZE, BUFFERS), first lines:\n    ${baseline.plan.slice(0, 30).join('\n    ')}`);
    if (problems.length) throw new Error(`Inconsistent results (written to ${file}):\n  - ${problems.join('\n  - ')}`);
    return results;
  } finally {
    if (moduleRef) {
      for (const name of Object.values(QUEUES))
        await moduleRef
          .get<Queue>(getQueueToken(name))
          .obliterate({ force: true })
          .catch(() => undefined);
      await moduleRef.close();
    }
    const left = await deleteKeys(redis, prefix).catch(() => 0);
    log(`Redis keys under ${prefix} removed${left ? ` (${left} left after obliterate)` : ''}`);
    redis.disconnect();
    if (dbCreated && !KEEP_DB) {
      await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
      log(`database ${DB_NAME} dropped`);
    } else if (dbCreated) log(`database ${DB_NAME} kept (BENCH_KEEP_DB)`);
  }
}

const benchmark: Benchmark = {
  name: 'sweep',
  async run(log) {
    const r = await run(log);
    const b = r.baseline.asSweeper;
    const kb = (bytes: number) => round(bytes / 1024, 0);
    const row = (metric: string, value: string | number, unit?: string, note?: string): BenchRow => ({ metric, value, unit, note });
    const sweepRow = (
      label: string,
      s: { ms: number; ratio: number; result: SweepResult; phases: Record<string, number>; health: ProcessHealth },
    ) => [
      row(`${label}`, s.ms, 'ms', `${s.ratio} × baseline median`),
      row(
        `  candidates / notices / notifications / mails queued`,
        `${s.result.candidates} / ${s.result.notices} / ${s.result.notifications} / ${s.result.mailsQueued}`,
      ),
      row(
        `  phases: read / record / Redis`,
        `${s.phases.read} / ${s.phases.record} / ${s.phases.redisEnqueue}`,
        'ms',
        'each summed over its calls; they overlap',
      ),
      row(
        `  worker event-loop delay p99 / max, RSS after`,
        `${s.health.eventLoopDelayP99Ms} / ${s.health.eventLoopDelayMaxMs} ms, ${s.health.rssMiB} MiB`,
        '',
        'delay includes the 10 ms timer resolution; goal p99 ≤ 50 ms',
      ),
    ];
    return {
      file: `${OUT_DIR}/sweep.json`,
      rows: [
        row('scenario', r.scenario, '', r.scenario === 'daily' ? 'earlier days already noticed' : 'nothing noticed before'),
        row(
          'open deadlines',
          r.dataSet.openDeadlines,
          '',
          `${r.dataSet.openDeadlinesOverdue} overdue, ${r.dataSet.openDeadlinesNext14Days} due in 0..14 days`,
        ),
        row('data set generated in', r.dataSet.generateSeconds, 's'),
        row(`baseline CANDIDATES_SQL(${r.baseline.params.join(', ')}) rows`, r.baseline.rows),
        row('baseline median / p95', `${b.median} / ${b.p95}`, 'ms', `${b.runs} runs as opvolging_app (RLS)`),
        row(
          'baseline median / p95, superuser',
          `${r.baseline.asSuperuser.median} / ${r.baseline.asSuperuser.p95}`,
          'ms',
          'no row-level security',
        ),
        ...sweepRow(`first sweep${r.firstSweep.result.full ? ' (full: no completed sweep before)' : ' of the day'}`, r.firstSweep),
        row(
          'steady-state sweep (median)',
          r.steadySweepMedian.ms,
          'ms',
          `${r.steadySweepMedian.ratio} × baseline median, ${r.steadySweeps.length} runs`,
        ),
        ...sweepRow('  steady-state sweep 1', r.steadySweeps[0]),
        ...sweepRow(`sweep after changes in ${r.sweepAfterChanges.investigations} investigations`, r.sweepAfterChanges),
        ...(r.fullSweep ? sweepRow('full sweep (check: finds nothing more)', r.fullSweep) : []),
        row(
          'Redis used_memory before / after first / after steady',
          `${kb(r.redis.before.usedMemory)} / ${kb(r.redis.afterFirst.usedMemory)} / ${kb(r.redis.afterSteady.usedMemory)}`,
          'KiB',
          'whole Redis',
        ),
        row(
          `Redis keys under prefix before / after first / after steady`,
          `${r.redis.before.keys} / ${r.redis.afterFirst.keys} / ${r.redis.afterSteady.keys}`,
        ),
        row('Redis memory of those keys after first sweep', kb(r.redis.afterFirst.prefixBytes), 'KiB', 'sum of MEMORY USAGE'),
        row('mail jobs waiting after first sweep', r.redis.mailJobsAfterFirst.waiting ?? 0),
        row(
          'total',
          r.totalSeconds,
          's',
          `load average ${r.machine.loadAtStart} at start, ${r.loadAtEnd} at end (${r.machine.cpus} cores)`,
        ),
      ],
    };
  },
};

export default benchmark;
