import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

const ROOT = join(__dirname, '..', '..', '..');
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Lets the expiry test see a token run out within the suite (60 s is the configured minimum). */
export const ACCESS_TOKEN_TTL_SECONDS = 60;

/**
 * Builds the app (`npm run build`: API, worker and web app) and starts the real launcher on a fresh
 * database `opvolging_web_<pid>` with free ports and its own Redis key prefix. Returns the teardown.
 * WEB_TEST_SKIP_BUILD=1 reuses an existing dist/ while working on the tests.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!process.env.WEB_TEST_SKIP_BUILD) execSync('npm run build', { cwd: ROOT, stdio: 'inherit' });

  const database = `opvolging_web_${process.pid}`;
  await admin(async (c) => {
    // Leftovers of interrupted runs: databases whose creating process is gone.
    const stale = await c.query(`SELECT datname FROM pg_database WHERE datname ~ '^opvolging_web_[0-9]+$'`);
    for (const { datname } of stale.rows as Array<{ datname: string }>) {
      if (!alive(Number(datname.slice('opvolging_web_'.length))))
        await c.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`).catch(() => undefined);
    }
    await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${database}`);
  });

  const [port, workerPort] = [await freePort(), await freePort()];
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/apps/launcher/src/main.js'], {
    cwd: ROOT,
    detached: true, // its own process group: the teardown stops the API and the worker with it
    stdio: ['ignore', process.env.WEB_TEST_LOGS ? 'inherit' : 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: url.toString(),
      PORT: String(port),
      WORKER_PORT: String(workerPort),
      PUBLIC_URL: baseURL,
      QUEUE_PREFIX: `web${process.pid}${randomBytes(3).toString('hex')}`,
      DEMO_DATA: 'true',
      ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
      LOG_LEVEL: 'warn',
      // Many sign-ins from one address in one run.
      RATE_LIMIT_SIGN_IN_PER_ADDRESS: '1000',
      RATE_LIMIT_SIGN_IN_PER_EMAIL: '1000',
      RATE_LIMIT_MUTATIONS_PER_ADDRESS: '100000',
      RATE_LIMIT_MUTATIONS_PER_ACCOUNT: '100000',
    },
  });
  let exited = false;
  child.on('exit', () => (exited = true));

  const deadline = Date.now() + 120_000;
  for (;;) {
    if (exited) throw new Error('The launcher stopped before the API answered; run with WEB_TEST_LOGS=1 to see why.');
    if (Date.now() > deadline) throw new Error('The API did not answer within 120 s.');
    if (await demoLoaded(baseURL)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  process.env.WEB_BASE_URL = baseURL;

  return async () => {
    if (!exited && child.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* gone */
          }
          resolve();
        }, 10_000);
        child.on('exit', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    await admin((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  };
}

/** The demo accounts can sign in once the launcher migrated and loaded the demo. */
async function demoLoaded(baseURL: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseURL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
        variables: { input: { email: 'beheer@opvolging.demo', password: 'Opvolging-demo-2026' } },
      }),
    });
    const body = (await res.json()) as { data?: { signIn?: { accessToken?: string } } };
    return !!body.data?.signIn?.accessToken;
  } catch {
    return false;
  }
}

async function admin<T>(work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
