import { execSync } from 'child_process';
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
