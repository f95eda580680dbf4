import { execSync } from 'child_process';
import { monitorEventLoopDelay } from 'perf_hooks';
import { Redis } from 'ioredis';
import { Client } from 'pg';

/** Helpers every benchmark shares: database URLs, timing, percentiles, which code was measured. */

export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const OUT_DIR = '/tmp/opvolging-bench';

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
