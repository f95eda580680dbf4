import { Redis } from 'ioredis';
import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { cpus, loadavg, tmpdir, totalmem } from 'os';
import { join } from 'path';
import { Client, Pool, PoolClient } from 'pg';
import { ActingQuery } from '../../libs/database/src/acting-query';
import { SystemClock } from '@opvolging/shared';
import {
  ADMIN_URL,
  Api,
  AUTOCANNON_SECONDS,
  codeVersion,
  CONNECTIONS,
  deleteKeys,
  flag,
  gql,
  load,
  OUT_DIR,
  type ProcessHealth,
  REDIS_URL,
  ROOT,
  round,
  scrapeHealth,
  startApi,
  startProcess,
  withClient,
} from './common';
import { census, DB_NAME, prepareDatabase, signIn } from './overview-data';
import type { Call } from './peer/count-queries';
import { PEER_SCHEMA, PEER_SQL } from './peer/peer-schema';
import type { Benchmark, BenchRow } from './run';

/**
 * The request path against a peer (issue 16): the Opvolging API and PostGraphile 5
 * (test/bench/peer/postgraphile-server.ts), each as its own process, on the overview data set
 * (2,000 investigations, 100,000 points, 300,000 measures), with the same security work per
 * request: the project's HS256 token verified, the account looked up (one statement), then a
 * transaction with role opvolging_app and the same app.* settings, so the same row-level security
 * policies apply; where Opvolging scopes in application SQL, the peer's query applies the same
 * conditions (test/bench/peer/peer-schema.ts). Both answers are checked to hold the same rows.
 *
 * Per request, `ROUNDS` rounds, each an autocannon run (20 connections × BENCH_AUTOCANNON_SECONDS)
 * against each server in turn (which goes first alternates by round); medians over the rounds,
 * and each server's event-loop delay p99 and RSS after every run. Before the rounds, each server
 * serves each request for BENCH_WARM_UP_SECONDS (default 3) unmeasured. Before the load, the SQL
 * statements and round trips of one request of each kind are counted on both servers. In every
 * round, after the two servers, the API's own statements for the request are replayed bare
 * (`replayLoad`) for as long, with as many connections: the ratio to that is the share of its
 * SQL's ceiling the API reaches.
 *
 * Environment: BENCH_AUTOCANNON_SECONDS (default 10), BENCH_LOAD_ROUNDS (default 3; 0: only the
 * checks and counts), BENCH_WARM_UP_SECONDS (default 3), BENCH_REUSE_DB=1 (reuse
 * opvolging_bench_overviews, as the overviews benchmark), BENCH_ADMIN_DATABASE_URL, REDIS_URL.
 */

const REUSE = flag('BENCH_REUSE_DB');
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);
/** Unmeasured load on each server with each request first (JIT, pools, plan caches), in seconds. */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const TODAY = new SystemClock().today();

// ---- the requests ---------------------------------------------------------------------------------

const OPV_ME = `{ me { id displayName role organisation { id name kind } } }`;
const PEER_ME = `{ me { rowId displayName role organisationByOrganisationId { rowId name kind } } }`;

const OPV_POINTS = (byInvestigation: boolean) => `query Points($first: Int${byInvestigation ? ', $investigationId: ID' : ''}) {
  improvementPoints(first: $first${byInvestigation ? ', filter: { investigationId: $investigationId }' : ''}) {
    nodes { id position text measures { id description status dueDate } }
  }
}`;
const PEER_POINTS = (byInvestigation: boolean) => `query Points($first: Int${byInvestigation ? ', $investigationId: UUID' : ''}) {
  inspectorPoints(first: $first, orderBy: [CREATED_AT_ASC, PRIMARY_KEY_ASC]${
    byInvestigation ? ', condition: { investigationId: $investigationId }' : ''
  }) {
    nodes { rowId position text inspectorMeasures { nodes { rowId description status dueDate } } }
  }
}`;

const OPV_PLANNED = `{
  measures(first: 100, filter: { status: PLANNED }, orderBy: { field: DUE_DATE, direction: ASC }) {
    nodes { id description status dueDate }
  }
}`;
const PEER_PLANNED = `{
  memberMeasures(first: 100, condition: { status: "PLANNED" }, orderBy: [DUE_DATE_ASC, PRIMARY_KEY_ASC]) {
    nodes { rowId description status dueDate }
  }
}`;

type Answer = Record<string, any>;
interface Side {
  query: string;
  variables: Record<string, unknown>;
  /** The rows of the answer as comparable strings, in answer order. */
  rows(data: Answer): string[];
}
interface Request {
  key: string;
  label: string;
  who: 'member' | 'inspector';
  /** Rows the answer must hold (it fails loudly with fewer). */
  expected: number;
  opvolging: Side;
  peer: Side;
}

const pointRows = (points: Array<{ id: string; measures: Array<{ id: string }> }>) =>
  points.map(
    (p) =>
      `${p.id}: ${p.measures
        .map((m) => m.id)
        .sort()
        .join(',')}`,
  );

function requests(investigationId: string): Request[] {
  const points = (key: string, label: string, first: number, byInvestigation: boolean): Request => ({
    key,
    label,
    who: 'inspector',
    expected: first,
    opvolging: {
      query: OPV_POINTS(byInvestigation),
      variables: byInvestigation ? { first, investigationId } : { first },
      rows: (d) => pointRows(d.improvementPoints.nodes),
    },
    peer: {
      query: PEER_POINTS(byInvestigation),
      variables: byInvestigation ? { first, investigationId } : { first },
      rows: (d) =>
        pointRows(
          d.inspectorPoints.nodes.map((p: Answer) => ({
            id: p.rowId,
            measures: p.inspectorMeasures.nodes.map((m: Answer) => ({ id: m.rowId })),
          })),
        ),
    },
  });
  return [
    {
      key: 'a',
      label: '(a) me with its organisation, member',
      who: 'member',
      expected: 2,
      opvolging: { query: OPV_ME, variables: {}, rows: (d) => [`user ${d.me.id}`, `organisation ${d.me.organisation?.id}`] },
      peer: {
        query: PEER_ME,
        variables: {},
        rows: (d) => [`user ${d.me.rowId}`, `organisation ${d.me.organisationByOrganisationId?.rowId}`],
      },
    },
    points('b', '(b) 50 points of one investigation with their measures, inspector', 50, true),
    {
      key: 'c',
      label: '(c) 100 PLANNED measures of the organisation by due date, member',
      who: 'member',
      expected: 100,
      opvolging: { query: OPV_PLANNED, variables: {}, rows: (d) => d.measures.nodes.map((m: Answer) => m.id) },
      peer: { query: PEER_PLANNED, variables: {}, rows: (d) => d.memberMeasures.nodes.map((m: Answer) => m.rowId) },
    },
    points('d10', '(d) as (b) with 10 points', 10, true),
    points('d100', '(d) 100 points with their measures, across investigations, inspector', 100, false),
  ];
}

// ---- the subjects ---------------------------------------------------------------------------------

/** A member of an organisation with ≥ 100 planned measures; the inspector leading the most investigations, and their busiest one. */
async function subjects(c: Client) {
  const member = (
    await c.query(`SELECT u.email, u.organisation_id AS "organisationId", count(*)::int AS planned
                     FROM users u JOIN improvement_plans p ON p.organisation_id = u.organisation_id
                     JOIN measures m ON m.plan_id = p.id AND m.status = 'PLANNED'
                    WHERE u.role = 'ORGANISATION_MEMBER' AND u.active
                    GROUP BY 1, 2 HAVING count(*) >= 100 ORDER BY 3 DESC, 1 LIMIT 1`)
  ).rows[0] as { email: string; organisationId: string; planned: number } | undefined;
  const inspector = (
    await c.query(`SELECT u.email, u.organisation_id AS "organisationId", count(*)::int AS investigations
                     FROM users u JOIN investigations i ON i.lead_inspectorate_id = u.organisation_id
                    WHERE u.role = 'INSPECTOR' AND u.active GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1`)
  ).rows[0] as { email: string; organisationId: string; investigations: number } | undefined;
  if (!member || !inspector) throw new Error('the data set has no member with ≥ 100 planned measures or no inspector');
  // Their investigation with the most measures on its points in submitted plans (what an inspector sees).
  const investigation = (
    await c.query(
      `SELECT i.id, count(DISTINCT pt.id)::int AS points, count(m.id)::int AS "visibleMeasures"
         FROM investigations i JOIN improvement_points pt ON pt.investigation_id = i.id
         LEFT JOIN measure_points mp ON mp.point_id = pt.id
         LEFT JOIN measures m ON m.id = mp.measure_id
          AND EXISTS (SELECT 1 FROM improvement_plans p WHERE p.id = m.plan_id AND p.status IN ('SUBMITTED', 'ACCEPTED', 'CLOSED'))
        WHERE i.lead_inspectorate_id = $1 AND i.status <> 'DRAFT'
        GROUP BY i.id HAVING count(DISTINCT pt.id) >= 50 ORDER BY 3 DESC, 1 LIMIT 1`,
      [inspector.organisationId],
    )
  ).rows[0] as { id: string; points: number; visibleMeasures: number } | undefined;
  if (!investigation) throw new Error(`no investigation with ≥ 50 points led by ${inspector.email}'s inspectorate`);
  return { member, inspector, investigation };
}

// ---- the peer -------------------------------------------------------------------------------------

/** The peer's event-loop delay since the previous read (its own histogram, reset on read) and RSS, as `scrapeHealth` reads the API's. */
async function peerHealth(base: string): Promise<ProcessHealth> {
  const h = (await (await fetch(`${base}/health-metrics`)).json()) as ProcessHealth;
  return {
    eventLoopDelayP99Ms: round(h.eventLoopDelayP99Ms),
    eventLoopDelayMaxMs: h.eventLoopDelayMaxMs === null ? null : round(h.eventLoopDelayMaxMs),
    rssMiB: round(h.rssMiB),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

// ---- round trips ---------------------------------------------------------------------------------

const COUNTER = join(ROOT, 'test/bench/peer/count-queries.ts');

async function waitForFile(file: string, counting: boolean): Promise<{ counting: boolean; texts?: string[]; calls?: Call[] }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (existsSync(file)) {
      try {
        const content = JSON.parse(readFileSync(file, 'utf8'));
        if (content.counting === counting) return content;
      } catch {
        /* being written */
      }
    }
    if (Date.now() > deadline) throw new Error(`no answer in ${file} from the statement counter`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * What one request sends to PostgreSQL from `server` (count-queries.ts, toggled by SIGUSR2): round
 * trips (pg query calls) and statements (their texts split at semicolons; none of the texts here
 * holds a semicolon in a literal).
 */
async function roundTrips(server: Api, file: string, send: () => Promise<unknown>) {
  rmSync(file, { force: true });
  server.process.kill('SIGUSR2');
  await waitForFile(file, true);
  await send();
  rmSync(file, { force: true });
  server.process.kill('SIGUSR2');
  const counted = await waitForFile(file, false);
  const texts = counted.texts ?? [];
  return {
    roundTrips: texts.length,
    statements: texts.reduce((n, t) => n + t.split(';').filter((part) => part.trim()).length, 0),
    texts,
    calls: counted.calls ?? [],
  };
}

/**
 * The project's own statements for one request, replayed bare: `CONNECTIONS` loops on a pool of as
 * many connections, each sending the round trips the API sent for that request (captured by
 * count-queries.ts, values included) one after the other as fast as PostgreSQL answers, each
 * statement of the API's reads with the same settings in the same round trip (the API's own
 * `ActingQuery`), for `seconds`. No HTTP, no GraphQL, no object mapping: the ceiling the API
 * could reach with its SQL as it is. Returns replays (requests) per second.
 */
async function replayLoad(url: string, calls: Call[], label: string, log: (m: string) => void, seconds = AUTOCANNON_SECONDS) {
  const pool = new Pool({ connectionString: url, max: CONNECTIONS });
  const send = (c: PoolClient, call: Call) =>
    call.settings
      ? new Promise<unknown>((resolve, reject) =>
          c.query(new ActingQuery(call.settings!, call.text, call.values, (e, r) => (e ? reject(e) : resolve(r)), call.begin)),
        )
      : c.query(call.text, call.values);
  let done = 0;
  const until = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        const c = await pool.connect();
        try {
          while (Date.now() < until) {
            for (const call of calls) await send(c, call);
            done++;
          }
        } finally {
          c.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
  const requestsPerSecond = round(done / (Number(process.hrtime.bigint() - started) / 1e9));
  log(`${label}: ${requestsPerSecond} replays/s (${calls.length} round trips each)`);
  return { requestsPerSecond };
}

// ---- the run --------------------------------------------------------------------------------------

async function run(log: (message: string) => void) {
  const started = Date.now();
  const versions = {
    postgres: await withClient(ADMIN_URL, async (c) => (await c.query('SHOW server_version')).rows[0].server_version as string),
    node: process.version,
    cpus: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30),
    loadAtStart: round(loadavg()[0], 2),
  };
  const code = codeVersion(['apps/api', 'libs', 'migrations', 'test/bench']);
  const db = await prepareDatabase(TODAY, REUSE, log);
  const dataSet = await withClient(db.url, census);
  log(`data set: ${JSON.stringify(dataSet)}`);
  await withClient(db.url, (c) => c.query(PEER_SQL));
  const who = await withClient(db.url, subjects);
  log(`measured as: ${JSON.stringify(who)}`);

  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  let api: Api | undefined;
  let peer: Api | undefined;
  const apiCounts = join(tmpdir(), `${prefix}-api-queries.json`);
  const peerCounts = join(tmpdir(), `${prefix}-peer-queries.json`);
  try {
    api = await startApi(db.url, 4000 + Math.floor(Math.random() * 50), prefix, log, { JWT_SECRET: secret, BENCH_COUNT_FILE: apiCounts }, [
      COUNTER,
    ]);
    const peerPort = 4050 + Math.floor(Math.random() * 50);
    peer = await startProcess(
      'PostGraphile',
      ['-r', COUNTER, 'test/bench/peer/postgraphile-server.ts'],
      {
        NODE_ENV: 'production',
        DATABASE_URL: db.url,
        JWT_SECRET: secret,
        PORT: String(peerPort),
        GRAPHILE_ENV: 'production',
        BENCH_COUNT_FILE: peerCounts,
      },
      peerPort,
      '/health-metrics',
      log,
    );
    // One token per user, signed by the API; the peer verifies it with the same secret.
    const tokens = { member: await signIn(api.url, who.member.email), inspector: await signIn(api.url, who.inspector.email) };
    const list = requests(who.investigation.id);
    const servers = { opvolging: api, peer } as const;

    // ---- same rows in both answers ----
    const check = async (r: Request) => {
      const opv = r.opvolging.rows(await gql(api!.url, tokens[r.who], r.opvolging.query, r.opvolging.variables));
      const other = r.peer.rows(await gql(peer!.url, tokens[r.who], r.peer.query, r.peer.variables));
      if (opv.length < r.expected) throw new Error(`${r.label}: Opvolging answered ${opv.length} rows, expected ${r.expected}`);
      if (JSON.stringify(opv) !== JSON.stringify(other)) {
        const first = opv.findIndex((row, i) => row !== other[i]);
        throw new Error(
          `${r.label}: the answers differ (${opv.length} vs ${other.length} rows; first difference at row ${first}: ` +
            `${opv[first]} vs ${other[first]})`,
        );
      }
      return opv.length;
    };
    const checked: Record<string, number> = {};
    const sent: Record<string, Record<'opvolging' | 'peer', Awaited<ReturnType<typeof roundTrips>>>> = {};
    for (const r of list) {
      checked[r.key] = await check(r);
      log(`${r.label}: both answer the same ${checked[r.key]} rows`);
      sent[r.key] = {
        opvolging: await roundTrips(api, apiCounts, () => gql(api!.url, tokens[r.who], r.opvolging.query, r.opvolging.variables)),
        peer: await roundTrips(peer, peerCounts, () => gql(peer!.url, tokens[r.who], r.peer.query, r.peer.variables)),
      };
      log(
        `${r.key}: Opvolging ${sent[r.key].opvolging.statements} statements in ${sent[r.key].opvolging.roundTrips} round trips, ` +
          `PostGraphile ${sent[r.key].peer.statements} in ${sent[r.key].peer.roundTrips}`,
      );
    }

    // ---- load ----
    const init = (r: Request, spec: Side) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[r.who]}` },
      body: JSON.stringify({ query: spec.query, variables: spec.variables }),
    });
    if (ROUNDS && WARM_UP_SECONDS) {
      for (const r of list) {
        await load(`${api.url}/graphql`, init(r, r.opvolging), log, `${r.key} opvolging warm-up`, WARM_UP_SECONDS);
        await load(`${peer.url}/graphql`, init(r, r.peer), log, `${r.key} peer warm-up`, WARM_UP_SECONDS);
      }
    }
    await scrapeHealth(api.url);
    await peerHealth(peer.url);
    const results = [];
    for (const r of list) {
      const rounds: Array<
        Record<'opvolging' | 'peer', Awaited<ReturnType<typeof load>> & { health: ProcessHealth }> & {
          replay: Awaited<ReturnType<typeof replayLoad>>;
        }
      > = [];
      for (let round_ = 0; round_ < ROUNDS; round_++) {
        const order = round_ % 2 === 0 ? (['opvolging', 'peer'] as const) : (['peer', 'opvolging'] as const);
        const one = {} as (typeof rounds)[number];
        for (const side of order) {
          const spec = side === 'opvolging' ? r.opvolging : r.peer;
          const base = servers[side].url;
          await (side === 'opvolging' ? scrapeHealth(base) : peerHealth(base)); // a fresh event-loop window
          const result = await load(`${base}/graphql`, init(r, spec), log, `${r.key} ${side} round ${round_ + 1}`);
          const health = await (side === 'opvolging' ? scrapeHealth(base) : peerHealth(base));
          log(`${r.key} ${side} round ${round_ + 1}: event-loop delay p99 ${health.eventLoopDelayP99Ms} ms, RSS ${health.rssMiB} MiB`);
          if (result.non2xx || result.errors || result.timeouts) {
            throw new Error(`${r.label}, ${side}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
          }
          one[side] = { ...result, health };
        }
        one.replay = await replayLoad(db.url, sent[r.key].opvolging.calls, `${r.key} bare replay round ${round_ + 1}`, log);
        rounds.push(one);
      }
      // The answers still hold the same rows after the load.
      await check(r);
      const summary = (side: 'opvolging' | 'peer') => ({
        requestsPerSecond: round(median(rounds.map((x) => x[side].requestsPerSecond))),
        latencyP50: median(rounds.map((x) => x[side].latencyP50)),
        latencyP97_5: median(rounds.map((x) => x[side].latencyP97_5)),
        latencyP99: median(rounds.map((x) => x[side].latencyP99)),
        eventLoopDelayP99MsMax: Math.max(...rounds.map((x) => x[side].health.eventLoopDelayP99Ms)),
        rssMiBPerRound: rounds.map((x) => x[side].health.rssMiB),
      });
      const opvolging = summary('opvolging');
      const other = summary('peer');
      const replayed = round(median(rounds.map((x) => x.replay.requestsPerSecond)));
      results.push({
        key: r.key,
        label: r.label,
        rows: checked[r.key],
        sent: sent[r.key],
        opvolging,
        peer: other,
        ratio: round(opvolging.requestsPerSecond / other.requestsPerSecond, 2),
        replay: { requestsPerSecond: replayed, ratio: round(opvolging.requestsPerSecond / replayed, 2) },
        rounds,
      });
    }

    mkdirSync(OUT_DIR, { recursive: true });
    const file = `${OUT_DIR}/requests-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
    const output = {
      code,
      versions: { ...versions, loadAtEnd: round(loadavg()[0], 2) },
      today: TODAY,
      dataSet,
      reusedDatabase: db.reused,
      who,
      method: { connections: CONNECTIONS, seconds: AUTOCANNON_SECONDS, rounds: ROUNDS, warmUpSeconds: WARM_UP_SECONDS },
      queries: list.map((r) => ({ key: r.key, label: r.label, opvolging: r.opvolging, peer: r.peer })),
      results,
      seconds: round((Date.now() - started) / 1000),
    };
    writeFileSync(file, JSON.stringify(output, null, 2));

    const rows: BenchRow[] = [
      {
        metric: 'data set',
        value: `${dataSet.publishedInvestigations} investigations, ${dataSet.improvementPoints} points, ${dataSet.measures} measures`,
        note:
          `${db.reused ? 'reused' : `generated in ${db.generateSeconds} s`}; load average ${versions.loadAtStart} at start, ` +
          `${output.versions.loadAtEnd} at end`,
      },
    ];
    for (const r of results) {
      rows.push({
        metric: `${r.label}: Opvolging / PostGraphile req/s`,
        value: r.ratio,
        unit: 'x',
        note:
          `${r.opvolging.requestsPerSecond} vs ${r.peer.requestsPerSecond} req/s; p97.5 ${r.opvolging.latencyP97_5} vs ` +
          `${r.peer.latencyP97_5} ms; p99 ${r.opvolging.latencyP99} vs ${r.peer.latencyP99} ms; ${r.rows} rows; target ≥ 1.0x: ` +
          `${r.ratio >= 1 ? 'met' : 'NOT met'}`,
      });
      rows.push({
        metric: `${r.key}: Opvolging / the bare replay of its own statements`,
        value: r.replay.ratio,
        unit: 'x',
        note:
          `${r.opvolging.requestsPerSecond} req/s vs ${r.replay.requestsPerSecond} replays/s; ` +
          `target ≥ 0.8x: ${r.replay.ratio >= 0.8 ? 'met' : 'NOT met'}`,
      });
      rows.push({
        metric: `${r.key}: SQL statements / round trips per request (Opvolging; PostGraphile)`,
        value: `${r.sent.opvolging.statements} / ${r.sent.opvolging.roundTrips}; ${r.sent.peer.statements} / ${r.sent.peer.roundTrips}`,
        note: 'target ≤ 3 round trips',
      });
      rows.push({
        metric: `${r.key}: event-loop delay p99, worst round (Opvolging / PostGraphile)`,
        value: `${r.opvolging.eventLoopDelayP99MsMax} / ${r.peer.eventLoopDelayP99MsMax}`,
        unit: 'ms',
        note: `RSS after each round: ${r.opvolging.rssMiBPerRound.join(', ')} / ${r.peer.rssMiBPerRound.join(', ')} MiB`,
      });
    }
    return { rows, file };
  } finally {
    await api?.stop();
    await peer?.stop();
    rmSync(apiCounts, { force: true });
    rmSync(peerCounts, { force: true });
    await withClient(db.url, (c) => c.query(`DROP SCHEMA IF EXISTS ${PEER_SCHEMA} CASCADE`)).catch(() => undefined);
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 3 });
    const deleted = await deleteKeys(redis, prefix).catch(() => 0);
    redis.disconnect();
    log(`stopped both servers, dropped schema ${PEER_SCHEMA}, deleted ${deleted} Redis keys under ${prefix}:`);
    if (!REUSE) await withClient(ADMIN_URL, (c) => c.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`));
  }
}

const benchmark: Benchmark = { name: 'requests against PostGraphile', run };
export default benchmark;
