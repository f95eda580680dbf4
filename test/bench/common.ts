import autocannon from 'autocannon';
import { ChildProcess, execSync, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { readFileSync } from 'fs';
import { Agent, request } from 'http';
import { monitorEventLoopDelay } from 'perf_hooks';
import { Redis } from 'ioredis';
import { join } from 'path';
import { Client } from 'pg';

/** Helpers every benchmark shares: database URLs, timing, percentiles, which code was measured. */

export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const OUT_DIR = '/tmp/opvolging-bench';
export const ROOT = join(__dirname, '..', '..');

export const flag = (name: string) => ['1', 'true', 'yes'].includes((process.env[name] ?? '').toLowerCase());

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'opvolging-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Milliseconds since `start` (process.hrtime.bigint()). */
export const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return {
    runs: sorted.length,
    min: round(sorted[0]),
    median: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted[sorted.length - 1]),
  };
}

/** Which code was measured: the commit, and the files under `paths` changed since it (figures belong to a version). */
export function codeVersion(paths: string[]): { commit: string; uncommitted: string[] } {
  try {
    const git = (args: string) =>
      execSync(`git ${args}`, { cwd: `${__dirname}/../..`, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const uncommitted = git(`status --porcelain -- ${paths.join(' ')}`)
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    return { commit: git('rev-parse --short HEAD'), uncommitted };
  } catch {
    return { commit: 'unknown', uncommitted: [] };
  }
}

/** Deletes every Redis key under `prefix:` (a benchmark's queues, counters); returns how many. */
export async function deleteKeys(redis: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (batch.length) deleted += await redis.unlink(...batch);
  } while (cursor !== '0');
  return deleted;
}

// ---- a server under measurement, as its own process -----------------------------------------------

export interface Api {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * The node flags the product's own start command gives the API (`npm run start:api` in
 * package.json, the same as the Docker image's NODE_OPTIONS): every server a benchmark starts runs
 * with them, the peer too, so a ratio compares code, not runtime settings.
 */
export const NODE_FLAGS: string[] = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts['start:api'] as string)
  .split(/\s+/)
  .filter((word) => word.startsWith('--'));

/** Spawns `args` (a ts-node entry point) with `NODE_FLAGS` and waits until `${url}${readyPath}` answers 2xx. */
export async function startProcess(
  label: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  readyPath: string,
  log: (m: string) => void,
): Promise<Api> {
  const child = spawn(
    process.execPath,
    [...NODE_FLAGS, '-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label} exited with code ${child.exitCode} before it answered`);
    try {
      if ((await fetch(`${url}${readyPath}`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${label} did not answer ${readyPath} within 120 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  log(`${label} process ${child.pid} answers on ${url}`);
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

/**
 * The API (apps/api/src/main.ts) as in production; `env` adds to or overrides its settings (e.g.
 * JWT_SECRET), `preload` are modules loaded first (`node -r`).
 */
export function startApi(
  dbUrl: string,
  port: number,
  prefix: string,
  log: (m: string) => void,
  env: NodeJS.ProcessEnv = {},
  preload: string[] = [],
): Promise<Api> {
  return startProcess(
    'API',
    [...preload.flatMap((module) => ['-r', module]), 'apps/api/src/main.ts'],
    {
      NODE_ENV: 'production',
      DATABASE_URL: dbUrl,
      REDIS_URL,
      PORT: String(port),
      // The browser's session requests must come from the API's own origin.
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      QUEUE_PREFIX: prefix,
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    port,
    '/health',
    log,
  );
}

export async function gql<T = any>(base: string, token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
  return body.data as T;
}

/**
 * A GraphQL client for latency samples: one keep-alive connection, `http.request`, the answer
 * parsed as JSON, an answer with errors thrown (as `gql`). Node's fetch (undici) spent about 1 ms
 * more CPU per request in the benchmark's own process (0.63 against 1.50 ms for the median
 * municipality's overview, 1.50 against 2.53 ms for a portfolio of 50), which a latency sample
 * counted as the API's; a browser's fetch is native code.
 */
export function graphqlClient(base: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(`${base}/graphql`);
  return <T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const headers: Record<string, string | number> = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (token) headers.authorization = `Bearer ${token}`;
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          try {
            const answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
              data?: T;
              errors?: Array<{ message: string; extensions?: { code?: string } }>;
            };
            if (answer.errors?.length)
              throw new Error(`GraphQL: ${answer.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')}`);
            resolve(answer.data as T);
          } catch (error) {
            reject(error);
          }
        });
      });
      req.on('error', reject);
      req.end(body);
    });
}

// ---- load -----------------------------------------------------------------------------------------

export const AUTOCANNON_SECONDS = Number(process.env.BENCH_AUTOCANNON_SECONDS ?? 10);
export const CONNECTIONS = 20;

/** autocannon against `url`: `CONNECTIONS` connections for `seconds` (default `AUTOCANNON_SECONDS`). */
export async function load(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  log: (m: string) => void,
  label: string,
  seconds = AUTOCANNON_SECONDS,
) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    method: (init.method ?? 'GET') as 'GET',
    headers: init.headers,
    body: init.body,
  });
  const summary = {
    requestsPerSecond: round(result.requests.average),
    latencyP50: result.latency.p50,
    latencyP97_5: result.latency.p97_5,
    latencyP99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  log(
    `${label}: ${summary.requestsPerSecond} req/s, p50 ${summary.latencyP50} ms, p99 ${summary.latencyP99} ms, non-2xx ` +
      `${summary.non2xx}, errors ${summary.errors}`,
  );
  return summary;
}

export function rssMiB(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

/** A process's health during a measured run: event-loop delay (p99 and max, ms) and resident memory afterwards. */
export interface ProcessHealth {
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number | null;
  rssMiB: number;
}

/**
 * This process's event-loop delay while `work` runs (`perf_hooks.monitorEventLoopDelay`, 10 ms
 * resolution, as prom-client measures it for /metrics) and its RSS when it is done. For work that
 * runs in the benchmark's own process, such as the worker's sweep.
 */
export async function measureInProcess<T>(work: () => Promise<T>): Promise<{ value: T; health: ProcessHealth }> {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  try {
    const value = await work();
    delay.disable();
    return {
      value,
      health: {
        eventLoopDelayP99Ms: round(delay.percentile(99) / 1e6),
        eventLoopDelayMaxMs: round(delay.max / 1e6),
        rssMiB: round(process.memoryUsage().rss / 2 ** 20),
      },
    };
  } finally {
    delay.disable();
  }
}

const METRIC_PREFIX = 'opvolging_';
function metricValue(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${METRIC_PREFIX}${name} `));
  if (!line) throw new Error(`/metrics has no ${METRIC_PREFIX}${name}`);
  return Number(line.slice(line.indexOf(' ') + 1));
}

/**
 * Another process's health from its GET /metrics (prom-client's default metrics). prom-client
 * resets its event-loop histogram at every read, so call it once before the run (to start the
 * window) and once after: the second answer covers the run alone.
 */
export async function scrapeHealth(base: string): Promise<ProcessHealth> {
  const response = await fetch(`${base}/metrics`);
  if (!response.ok) throw new Error(`GET ${base}/metrics answered ${response.status}`);
  const text = await response.text();
  return {
    eventLoopDelayP99Ms: round(metricValue(text, 'nodejs_eventloop_lag_p99_seconds') * 1000),
    eventLoopDelayMaxMs: round(metricValue(text, 'nodejs_eventloop_lag_max_seconds') * 1000),
    rssMiB: round(metricValue(text, 'process_resident_memory_bytes') / 2 ** 20),
  };
}
