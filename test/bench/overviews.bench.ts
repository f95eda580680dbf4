import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Redis } from 'ioredis';
import { execSync } from 'child_process';
import { randomBytes } from 'crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { AddressInfo } from 'net';
import { cpus, loadavg, tmpdir, totalmem } from 'os';
import { join } from 'path';
import { Client } from 'pg';
import { AppModule } from '../../apps/api/src/app.module';
import { AppConfig, loadConfig } from '@opvolging/config';
import { SystemClock } from '@opvolging/shared';
import { StatementCounter } from '../support/statement-counter';
import {
  ADMIN_URL,
  Api,
  codeVersion,
  deleteKeys,
  flag,
  gql,
  graphqlClient,
  load,
  ms,
  OUT_DIR,
  REDIS_URL,
  ROOT,
  round,
  rssMiB,
  scrapeHealth,
  startApi,
  stats,
  withClient,
} from './common';
import { BENCH_PASSWORD, census, DB_NAME, prepareDatabase, SHAPE, signIn } from './overview-data';
import { launchBrowser, openFromMenu, readOperation, requestInPage, signInInBrowser } from './browser';
import type { Benchmark, BenchRow } from './run';

/**
 * The overviews at scale (issue: "speed at scale"): on 2,000 investigations, 100,000 improvement
 * points and 300,000 measures across 342 municipalities,
 * - the municipality overview and the inspectorate portfolio through the full stack (HTTP, Apollo,
 *   guards, TypeORM, row-level security) against the bare SQL aggregate each needs, replayed on a
 *   plain pg connection as the same actor in the same run (ratio of p95s);
 * - SQL statements for a page of 10, 50 and 100 improvement points with organisation, plan,
 *   measures and deadlines nested (must not grow with the page);
 * - requests per second with 20 concurrent clients (autocannon) for a typical authenticated query,
 *   against the same server's liveness endpoint as the baseline, in rounds, with the API's
 *   event-loop delay (from its /metrics) and RSS after every run;
 * - the plans (EXPLAIN ANALYZE) of the aggregates.
 *
 * The API under measurement runs as its own process (as in production); the statement counts come
 * from an in-process instance of the same AppModule whose pg client is counted.
 *
 * Environment: BENCH_SAMPLES (per measured query, default 200), BENCH_AUTOCANNON_SECONDS (default
 * 10), BENCH_LOAD_ROUNDS (rounds of the three loads, default 3), BENCH_REUSE_DB=1 (keep database
 * opvolging_bench_overviews and reuse it when it was made by the same generator on the same day),
 * BENCH_ADMIN_DATABASE_URL, REDIS_URL.
 */

const REUSE = flag('BENCH_REUSE_DB');
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const ROUNDS = 10;
const LOAD_ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);

/** Today in the Netherlands, as the API's clock will see it. */
const TODAY = new SystemClock().today();

// ---- the queries users send -----------------------------------------------------------------------

const TOTALS = `fragment Totals on ProgressTotals {
  plansNotSubmitted plansSubmitted plansInRevision plansAccepted plansClosed plansOverdue
  measuresTotal measuresCompleted measuresLate auditsOpen auditsOverdue grades { grade count }
}`;
const INVESTIGATION_PROGRESS = `
  investigationId title status publicationDate trajectoryEndDate daysUntilTrajectoryEnd
  totals { ...Totals }
  plans {
    planId planStatus planDueDate planOriginalDueDate planOverdue assessmentOverdue
    measuresTotal measuresCompleted measuresCancelled measuresLate auditStatus auditDueDate auditOverdue
    organisation { id name kind } grades { grade count }
  }`;
const MUNICIPALITY_QUERY = `query MunicipalityOverview {
  municipalityOverview {
    municipality { name }
    totals { ...Totals }
    investigations { ${INVESTIGATION_PROGRESS} }
    changesSinceLastVisit { since count entries { occurredAt entityType operation changedFields organisation { name } } }
  }
} ${TOTALS}`;
const PORTFOLIO_QUERY = `query Portfolio($first: Int, $filter: PortfolioFilterInput) {
  inspectoratePortfolio(first: $first, filter: $filter) { nextCursor totals { ...Totals } investigations { ${INVESTIGATION_PROGRESS} } }
} ${TOTALS}`;
const POINTS_QUERY = `query Points($first: Int) {
  improvementPoints(first: $first) {
    totalCount
    nodes {
      id position text themes collective
      investigation { id title }
      addressees { id name kind }
      coordinatingOrganisation { name }
      measures {
        id description status dueDate originalDueDate overdue
        owner { displayName }
        deadline { dueDate daysLeft overdue changes { fromDate toDate reason } }
        plan { id status dueDate overdue organisation { name } deadline { dueDate daysLeft } internalAudit { status dueDate } }
      }
    }
  }
}`;
/** What an organisation member's start page asks: their open deadlines, soonest first. */
const DEADLINES_QUERY = `query MyDeadlines {
  deadlines(first: 20) { totalCount nodes { id kind dueDate daysLeft overdue plan { status } measure { description status }
  investigation { title } } }
}`;

// ---- signing in -----------------------------------------------------------------------------------

/** A bearer token for each measured user. */
async function signInAll(base: string, who: Awaited<ReturnType<typeof subjects>>) {
  return {
    big: await signIn(base, who.bigMunicipality.email),
    median: await signIn(base, who.medianMunicipality.email),
    inspector: await signIn(base, who.inspector.email),
    member: await signIn(base, who.member.email),
  };
}

// ---- the data set ---------------------------------------------------------------------------------

/** Who is measured: the busiest and the median municipality, the busiest inspectorate and organisation. */
async function subjects(c: Client) {
  const municipalities = (
    await c.query(`SELECT m.id, u.email, count(i.id)::int AS investigations
                     FROM organisations m JOIN users u ON u.organisation_id = m.id AND u.role = 'MUNICIPALITY_REVIEWER'
                     JOIN investigations i ON i.municipality_id = m.id AND i.status <> 'DRAFT'
                    GROUP BY m.id, u.email ORDER BY 3 DESC, 1`)
  ).rows;
  const inspector = (
    await c.query(`SELECT u.email, count(*)::int AS investigations FROM users u JOIN investigations i ON i.lead_inspectorate_id =
    u.organisation_id
                    WHERE u.role = 'INSPECTOR' GROUP BY u.email ORDER BY 2 DESC, 1 LIMIT 1`)
  ).rows[0];
  const member = (
    await c.query(`SELECT u.email, count(*)::int AS plans FROM users u JOIN improvement_plans p ON p.organisation_id = u.organisation_id
                    WHERE u.role = 'ORGANISATION_MEMBER' GROUP BY u.email ORDER BY 2 DESC, 1 LIMIT 1`)
  ).rows[0];
  return {
    bigMunicipality: municipalities[0] as { id: string; email: string; investigations: number },
    medianMunicipality: municipalities[Math.floor(municipalities.length / 2)] as { id: string; email: string; investigations: number },
    municipalitiesWithCases: municipalities.length,
    inspector: inspector as { email: string; investigations: number },
    member: member as { email: string; plans: number },
  };
}

// ---- capturing what a request sends to PostgreSQL -------------------------------------------------

interface Captured {
  total: number;
  data: Array<{ text: string; values: unknown[] }>;
  /** The actor's transaction settings (the last set_config call of the request). */
  settings: { text: string; values: unknown[] };
}

const isControl = (text: string) => /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b/i.test(text);

/** The same AppModule in this process, its pg client counted; for statement counts and the SQL to replay. */
async function inProcessApi(dbUrl: string, prefix: string): Promise<{ app: INestApplication; url: string; counter: StatementCounter }> {
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', DATABASE_URL: dbUrl, REDIS_URL, QUEUE_PREFIX: prefix, LOG_LEVEL: 'error' });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, counter: StatementCounter.install() };
}

async function capture(counter: StatementCounter, send: () => Promise<unknown>): Promise<Captured> {
  counter.reset();
  await send();
  const calls = [...counter.calls];
  // Every statement that sets the acting user sends the settings in its own round trip (a read's
  // statements, read-only; a transaction's first statement). The replay runs all the request's
  // statements in one transaction: with a transaction's settings where there are any (an
  // overview records that it was read), else with a read's.
  const sent = [...counter.sent].reverse().filter((s) => s.settings);
  const settings = (sent.find((s) => !s.settings!.text.includes('transaction_read_only')) ?? sent[0])?.settings;
  if (!settings) throw new Error('no transaction settings were captured');
  return { total: calls.length, data: calls.filter((c) => !isControl(c.text)), settings };
}

// ---- the bare SQL baseline ------------------------------------------------------------------------

/** Runs `statements` as the captured actor on a plain connection; returns the time of the statements alone. */
async function replay(c: Client, settings: Captured['settings'], statements: Captured['data']): Promise<number> {
  await c.query('BEGIN');
  try {
    await c.query(settings.text, settings.values);
    const start = process.hrtime.bigint();
    for (const s of statements) await c.query(s.text, s.values);
    return ms(start);
  } finally {
    await c.query('ROLLBACK'); // the overview's read is logged (history_access): keep the table as it was
  }
}

async function explain(c: Client, settings: Captured['settings'], statement: Captured['data'][number]): Promise<string[]> {
  await c.query('BEGIN');
  try {
    await c.query(settings.text, settings.values);
    return (await c.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values)).rows.map((r) => r['QUERY PLAN']);
  } finally {
    await c.query('ROLLBACK');
  }
}

/**
 * p95 of the full stack against the bare aggregate and against all the request's statements,
 * interleaved in rounds so that drift on a shared machine hits both alike.
 */
async function compare(
  c: Client,
  name: string,
  captured: Captured,
  aggregate: Captured['data'][number],
  viaApi: () => Promise<unknown>,
  viaFetch: () => Promise<unknown>,
  log: (m: string) => void,
) {
  const sql: number[] = [];
  const all: number[] = [];
  const api: number[] = [];
  const fetched: number[] = [];
  for (let i = 0; i < 10; i++) {
    await replay(c, captured.settings, [aggregate]);
    await viaApi();
    await viaFetch();
  }
  const per = Math.max(1, Math.round(SAMPLES / ROUNDS));
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < per; i++) sql.push(await replay(c, captured.settings, [aggregate]));
    for (let i = 0; i < per; i++) all.push(await replay(c, captured.settings, captured.data));
    for (let i = 0; i < per; i++) {
      const start = process.hrtime.bigint();
      await viaApi();
      api.push(ms(start));
    }
    for (let i = 0; i < per; i++) {
      const start = process.hrtime.bigint();
      await viaFetch();
      fetched.push(ms(start));
    }
  }
  const result = { aggregate: stats(sql), allStatements: stats(all), graphql: stats(api), graphqlFetch: stats(fetched) };
  log(
    `${name}: GraphQL p95 ${result.graphql.p95} ms (with Node's fetch ${result.graphqlFetch.p95} ms), bare aggregate p95 ` +
      `${result.aggregate.p95} ms, all ${captured.data.length} statements p95 ${result.allStatements.p95} ms`,
  );
  return {
    ...result,
    ratioToAggregate: round(result.graphql.p95 / result.aggregate.p95, 2),
    ratioToAllStatements: round(result.graphql.p95 / result.allStatements.p95, 2),
    ratioToAllStatementsFetch: round(result.graphqlFetch.p95 / result.allStatements.p95, 2),
  };
}

// ---- the run --------------------------------------------------------------------------------------

/** The municipality overview page, as the reviewer of the largest municipality opens it from the menu. */
const OVERVIEW_ROWS = 'main table tbody tr';
const PAGE_SAMPLES = Number(process.env.BENCH_PAGE_SAMPLES ?? 20);

/**
 * In Chromium, against the API process (which serves the built web app): the overview page opened
 * from the menu until its table is drawn, against its GraphQL request sent from the same page with
 * the same token, alternating, `PAGE_SAMPLES` times each.
 */
async function overviewPage(base: string, email: string, token: string, log: (m: string) => void) {
  const query = readOperation('apps/web/src/features/municipality-overview/api/operations.ts', 'MunicipalityOverview');
  const profile = mkdtempSync(join(tmpdir(), 'opvolging-bench-chromium-'));
  const context = await launchBrowser(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signInInBrowser(page, base, email, BENCH_PASSWORD);
    await page.goto(`${base}/overview`);
    await page.locator(OVERVIEW_ROWS).first().waitFor({ timeout: 120_000 });
    await page.waitForLoadState('networkidle');
    const rows = await page.locator(OVERVIEW_ROWS).count();
    log(`overview page: ${rows} table rows for ${email}`);
    await requestInPage(page, token, query); // warm-up
    const request: number[] = [];
    const opened: number[] = [];
    for (let i = 0; i < PAGE_SAMPLES; i++) {
      await page.goto(`${base}/account`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      request.push(await requestInPage(page, token, query));
      opened.push((await openFromMenu(page, '/overview', OVERVIEW_ROWS, rows)).ms);
    }
    const result = { rows, request: stats(request), page: stats(opened) };
    log(`overview page: ${JSON.stringify(result)}`);
    return {
      ...result,
      ratioMedian: round(result.page.median / result.request.median, 2),
      ratioP95: round(result.page.p95 / result.request.p95, 2),
    };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

async function run(log: (message: string) => void) {
  const started = Date.now();
  const versions = {
    postgres: await withClient(ADMIN_URL, async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string),
    node: process.version,
    cpus: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30),
    loadAtStart: round(loadavg()[0], 2),
  };
  const code = codeVersion(['apps/api', 'apps/web', 'libs', 'migrations']);
  if (!flag('BENCH_SKIP_BUILD')) {
    log('building the web app (npm run build:web), which the API serves for the overview page');
    execSync('npm run build:web', { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const db = await prepareDatabase(TODAY, REUSE, log);
  const dataSet = await withClient(db.url, census);
  log(`data set: ${JSON.stringify(dataSet)}`);
  const who = await withClient(db.url, subjects);
  log(`measured as: ${JSON.stringify(who)}`);

  // Both API instances keep their queues and counters under this prefix; deleted at the end.
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const inProcess = await inProcessApi(db.url, prefix);
  let api: Api | undefined;
  const admin = new Client({ connectionString: db.url, application_name: 'opvolging-bench' });
  await admin.connect();
  await admin.query(`SET jit = off`); // as the API's connections (libs/database data-source-options)
  try {
    // ---- statement counts (in-process, counted) ----
    const local = inProcess.url;
    const tokens = await signInAll(local, who);
    // Returning visitors: the bookmark is set, as after any earlier visit.
    for (const [token, id] of [
      [tokens.big, who.bigMunicipality.id],
      [tokens.median, who.medianMunicipality.id],
    ]) {
      await gql(local, token, `mutation($id: ID!) { markOverviewSeen(subjectId: $id) }`, { id });
    }

    const statementCounts: Record<string, unknown> = {};
    for (const [role, token] of [
      ['inspector', tokens.inspector],
      ['organisation member', tokens.member],
    ] as const) {
      for (const first of [10, 50, 100]) {
        let nested = { points: 0, measures: 0, addressees: 0, plans: 0 };
        const captured = await capture(inProcess.counter, async () => {
          const data = await gql<{ improvementPoints: { nodes: Array<{ addressees: unknown[]; measures: Array<{ plan: unknown }> }> } }>(
            local,
            token,
            POINTS_QUERY,
            { first },
          );
          const nodes = data.improvementPoints.nodes;
          nested = {
            points: nodes.length,
            measures: nodes.reduce((n, p) => n + p.measures.length, 0),
            addressees: nodes.reduce((n, p) => n + p.addressees.length, 0),
            plans: new Set(nodes.flatMap((p) => p.measures.map((m) => JSON.stringify(m.plan)))).size,
          };
        });
        statementCounts[`${role}, first ${first}`] = { statements: captured.total, dataStatements: captured.data.length, ...nested };
        log(
          `improvementPoints(first: ${first}) as ${role}: ${captured.total} statements (${captured.data.length} reading rows) for ` +
            `${JSON.stringify(nested)}`,
        );
      }
    }

    const bigCapture = await capture(inProcess.counter, () => gql(local, tokens.big, MUNICIPALITY_QUERY));
    const medianCapture = await capture(inProcess.counter, () => gql(local, tokens.median, MUNICIPALITY_QUERY));
    const portfolioCapture = await capture(inProcess.counter, () => gql(local, tokens.inspector, PORTFOLIO_QUERY, { first: 50 }));
    const filteredCapture = await capture(inProcess.counter, () =>
      gql(local, tokens.inspector, PORTFOLIO_QUERY, { first: 50, filter: { late: true, theme: 'INFORMATION_SHARING' } }),
    );
    const aggregateOf = (c: Captured) => {
      const found = c.data.filter((s) => s.text.includes('AS "measuresTotal"'));
      if (found.length !== 1) throw new Error(`expected one plan aggregate among the captured statements, found ${found.length}`);
      return found[0];
    };
    /** The portfolio needs its page of investigations and the aggregate over them. */
    const portfolioStatements = (c: Captured) =>
      c.data.filter((s) => s.text.includes('AS "measuresTotal"') || /FROM investigations i WHERE/.test(s.text));
    for (const [name, c] of Object.entries({
      big: bigCapture,
      median: medianCapture,
      portfolio: portfolioCapture,
      filtered: filteredCapture,
    })) {
      statementCounts[`overview ${name}`] = { statements: c.total, dataStatements: c.data.length };
    }
    inProcess.counter.uninstall();
    await inProcess.app.close();

    // ---- latency (separate API process) ----
    api = await startApi(db.url, 3900 + Math.floor(Math.random() * 90), prefix, log);
    const remote = api.url;
    const remoteTokens = await signInAll(remote, who);
    // Same answers from both: the baseline replays what the measured server sends.
    const client = graphqlClient(remote);
    const bigAnswer = await gql(remote, remoteTokens.big, MUNICIPALITY_QUERY);
    const investigationsShown = (bigAnswer as { municipalityOverview: { investigations: unknown[] } }).municipalityOverview.investigations
      .length;
    if (investigationsShown !== who.bigMunicipality.investigations) {
      throw new Error(
        `the municipality overview shows ${investigationsShown} investigations; the database has ${who.bigMunicipality.investigations}`,
      );
    }

    const latency = {
      municipalityBig: await compare(
        admin,
        `municipality overview (${who.bigMunicipality.investigations} investigations)`,
        bigCapture,
        aggregateOf(bigCapture),
        () => client(remoteTokens.big, MUNICIPALITY_QUERY),
        () => gql(remote, remoteTokens.big, MUNICIPALITY_QUERY),
        log,
      ),
      municipalityMedian: await compare(
        admin,
        `municipality overview (${who.medianMunicipality.investigations} investigations)`,
        medianCapture,
        aggregateOf(medianCapture),
        () => client(remoteTokens.median, MUNICIPALITY_QUERY),
        () => gql(remote, remoteTokens.median, MUNICIPALITY_QUERY),
        log,
      ),
      portfolio: await compare(
        admin,
        'inspectorate portfolio (first 50)',
        { ...portfolioCapture, data: portfolioStatements(portfolioCapture) },
        aggregateOf(portfolioCapture),
        () => client(remoteTokens.inspector, PORTFOLIO_QUERY, { first: 50 }),
        () => gql(remote, remoteTokens.inspector, PORTFOLIO_QUERY, { first: 50 }),
        log,
      ),
      portfolioFiltered: await compare(
        admin,
        'inspectorate portfolio (first 50, late, theme)',
        { ...filteredCapture, data: portfolioStatements(filteredCapture) },
        aggregateOf(filteredCapture),
        () => client(remoteTokens.inspector, PORTFOLIO_QUERY, { first: 50, filter: { late: true, theme: 'INFORMATION_SHARING' } }),
        () => gql(remote, remoteTokens.inspector, PORTFOLIO_QUERY, { first: 50, filter: { late: true, theme: 'INFORMATION_SHARING' } }),
        log,
      ),
    };

    const plans = {
      municipalityBig: await explain(admin, bigCapture.settings, aggregateOf(bigCapture)),
      portfolioPage: await explain(admin, portfolioCapture.settings, portfolioStatements(portfolioCapture)[0]),
      portfolioAggregate: await explain(admin, portfolioCapture.settings, aggregateOf(portfolioCapture)),
      portfolioFilteredPage: await explain(admin, filteredCapture.settings, portfolioStatements(filteredCapture)[0]),
      changesSince: await explain(
        admin,
        bigCapture.settings,
        bigCapture.data.find((s) => /FROM history h/.test(s.text))!,
      ),
    };

    // ---- throughput ----
    await gql(remote, remoteTokens.member, DEADLINES_QUERY); // answers without errors
    const graphqlInit = (token: string, query: string) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    /** One load run with the API's event-loop delay over it (prom-client resets its window at every read) and RSS after. */
    const measured = async (url: string, init: Parameters<typeof load>[1], label: string) => {
      await scrapeHealth(remote);
      const summary = await load(url, init, log, label);
      const health = await scrapeHealth(remote);
      log(
        `${label}: API event-loop delay p99 ${health.eventLoopDelayP99Ms} ms (max ${health.eventLoopDelayMaxMs}), RSS ${health.rssMiB} MiB`,
      );
      return { ...summary, api: health };
    };
    // LOAD_ROUNDS rounds of the three loads, alternating; each figure is the median round's.
    const loadRounds: Array<Record<'liveness' | 'me' | 'deadlines', Awaited<ReturnType<typeof measured>>>> = [];
    for (let r = 0; r < LOAD_ROUNDS; r++) {
      loadRounds.push({
        liveness: await measured(`${remote}/health`, {}, `round ${r + 1}: GET /health (baseline)`),
        me: await measured(`${remote}/graphql`, graphqlInit(remoteTokens.member, '{ me { id displayName role } }'), `round ${r + 1}: me`),
        deadlines: await measured(
          `${remote}/graphql`,
          graphqlInit(remoteTokens.member, DEADLINES_QUERY),
          `round ${r + 1}: deadlines(first: 20), organisation member`,
        ),
      });
    }
    const medianRound = (kind: 'liveness' | 'me' | 'deadlines') =>
      [...loadRounds.map((each) => each[kind])].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond)[Math.floor(LOAD_ROUNDS / 2)];
    const runs = loadRounds.flatMap((each) => [each.liveness, each.me, each.deadlines]);
    const throughput = {
      liveness: medianRound('liveness'),
      me: medianRound('me'),
      deadlines: medianRound('deadlines'),
      apiRssMiB: rssMiB(api.process.pid),
      // Issue goals: event-loop delay p99 ≤ 50 ms in every run; no memory growth between rounds.
      apiEventLoopDelayP99MsWorst: Math.max(...runs.map((run) => run.api.eventLoopDelayP99Ms)),
      apiRssMiBAfterEachRound: loadRounds.map((each) => each.deadlines.api.rssMiB),
    };

    // ---- the overview page in the browser ----
    const page = await overviewPage(remote, who.bigMunicipality.email, remoteTokens.big, log);

    mkdirSync(OUT_DIR, { recursive: true });
    const file = `${OUT_DIR}/overviews-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    const results = {
      code,
      versions,
      today: TODAY,
      shape: SHAPE,
      dataSet,
      generateSeconds: db.generateSeconds,
      reusedDatabase: db.reused,
      who,
      statementCounts,
      latency,
      throughput,
      page,
      plans,
      seconds: round((Date.now() - started) / 1000),
    };
    writeFileSync(file, JSON.stringify(results, null, 2));

    const rows: BenchRow[] = [
      {
        metric: 'data set',
        value:
          `${dataSet.publishedInvestigations} investigations, ${dataSet.improvementPoints} points, ` +
          `${dataSet.measures} measures, ${dataSet.municipalities} municipalities`,
        note: db.reused ? 'reused' : `generated in ${db.generateSeconds} s`,
      },
    ];
    for (const [name, l] of Object.entries(latency)) {
      rows.push({
        metric: `${name}: GraphQL p95 / bare aggregate p95`,
        value: l.ratioToAggregate,
        unit: 'x',
        note: `${l.graphql.p95} ms vs ${l.aggregate.p95} ms (median ${l.graphql.median} vs ${l.aggregate.median})`,
      });
      rows.push({
        metric: `${name}: GraphQL p95 / all its statements p95`,
        value: l.ratioToAllStatements,
        unit: 'x',
        note: `${l.graphql.p95} ms vs ${l.allStatements.p95} ms`,
      });
      rows.push({
        metric: `${name}: the same with Node's fetch as the client`,
        value: l.ratioToAllStatementsFetch,
        unit: 'x',
        note: `${l.graphqlFetch.p95} ms vs ${l.allStatements.p95} ms (median ${l.graphqlFetch.median} vs ${l.graphql.median} ms)`,
      });
    }
    for (const [name, s] of Object.entries(statementCounts)) {
      const v = s as { statements: number; dataStatements: number; points?: number; measures?: number };
      rows.push({
        metric: `statements: ${name}`,
        value: v.statements,
        note: `${v.dataStatements} reading rows${v.points !== undefined ? `; ${v.points} points, ${v.measures} measures nested` : ''}`,
      });
    }
    rows.push({
      metric: 'GET /health (baseline)',
      value: throughput.liveness.requestsPerSecond,
      unit: 'req/s',
      note: `p99 ${throughput.liveness.latencyP99} ms`,
    });
    rows.push({
      metric: 'me',
      value: throughput.me.requestsPerSecond,
      unit: 'req/s',
      note:
        `p99 ${throughput.me.latencyP99} ms; ` +
        `${round(throughput.me.requestsPerSecond / throughput.liveness.requestsPerSecond, 3)} of baseline`,
    });
    rows.push({
      metric: 'deadlines(first: 20) as a member',
      value: throughput.deadlines.requestsPerSecond,
      unit: 'req/s',
      note:
        `p99 ${throughput.deadlines.latencyP99} ms; ` +
        `${round(throughput.deadlines.requestsPerSecond / throughput.liveness.requestsPerSecond, 3)} of baseline; errors ` +
        `${throughput.deadlines.errors + throughput.deadlines.non2xx}`,
    });
    rows.push({
      metric: `overview page in Chromium, largest municipality (${page.rows} rows) / its request (median)`,
      value: page.ratioMedian,
      unit: 'x',
      note:
        `${page.page.median} ms vs ${page.request.median} ms; p95 ${page.page.p95} vs ${page.request.p95} ms (${page.ratioP95}x); ` +
        `target ≤ 1.5x: ${page.ratioMedian <= 1.5 ? 'met' : 'NOT met'}`,
    });
    rows.push({ metric: 'API resident memory after load', value: throughput.apiRssMiB ?? 'n/a', unit: 'MiB' });
    rows.push({
      metric: `API event-loop delay p99, worst of ${LOAD_ROUNDS * 3} load runs`,
      value: throughput.apiEventLoopDelayP99MsWorst,
      unit: 'ms',
      note: `includes the 10 ms timer resolution; goal ≤ 50 ms: ${throughput.apiEventLoopDelayP99MsWorst <= 50 ? 'met' : 'NOT met'}`,
    });
    rows.push({
      metric: 'API RSS after each round',
      value: throughput.apiRssMiBAfterEachRound.join(' / '),
      unit: 'MiB',
      note: 'goal: no growth between rounds',
    });
    return { rows, file };
  } finally {
    inProcess.counter.uninstall();
    await inProcess.app.close().catch(() => undefined);
    await api?.stop();
    await admin.end();
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
    await deleteKeys(redis, prefix).catch(() => 0);
    redis.disconnect();
    if (!REUSE) await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
  }
}

const benchmark: Benchmark = { name: 'overviews at scale', run };
export default benchmark;
