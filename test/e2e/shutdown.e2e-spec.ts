import { ChildProcess, spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { resolve } from 'path';
import { Client } from 'pg';
import * as argon2 from 'argon2';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';
import { freePort } from '../support/worker-process';

const ROOT = resolve(__dirname, '../..');

function start(script: string, env: Record<string, string>): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exit };
}

async function until(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`${what} not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** SIGTERM as an orchestrator sends it: in-flight requests finish, then the process exits 0; a stuck close is bounded. */
describe('graceful shutdown', () => {
  let database: { name: string; url: string };
  afterAll(async () => {
    if (database) await dropTestDatabase(database.name);
  });

  it('the API finishes the requests in flight, then exits 0 and accepts no more', async () => {
    database = await createTestDatabase();
    const pg = new Client({ connectionString: database.url });
    await pg.connect();
    const password = 'shutdown-password-123';
    await pg.query(
      `INSERT INTO users (email, display_name, role, organisation_id, locale, active, token_version, version, password_hash)
       VALUES ('beheer.shutdown@example.test', 'Beheer', 'ADMIN', NULL, 'nl', true, 0, 1, $1)`,
      [await argon2.hash(password, { type: argon2.argon2id })],
    );
    await pg.end();
    const port = await freePort();
    const api = start('apps/api/src/main.ts', {
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      PORT: String(port),
      QUEUE_PREFIX: `test-shutdown-${randomBytes(4).toString('hex')}`,
      DEMO_DATA: 'false',
      LOG_FORMAT: 'json',
      LOG_LEVEL: 'log',
      SHUTDOWN_TIMEOUT_SECONDS: '15',
    });
    try {
      const url = `http://127.0.0.1:${port}`;
      await until(
        async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200,
        60_000,
        `API ready:\n${api.output()}`,
      );
      // Sign-ins hash with argon2 (tens of ms each, longer side by side): in flight when SIGTERM arrives.
      const signIns = Array.from({ length: 4 }, () =>
        fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }',
            variables: { input: { email: 'beheer.shutdown@example.test', password } },
          }),
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as any })),
      );
      await new Promise((r) => setTimeout(r, 30));
      api.child.kill('SIGTERM');
      const answers = await Promise.all(signIns);
      for (const answer of answers) {
        expect(answer.status).toBe(200);
        expect(answer.body.data.signIn.accessToken).toEqual(expect.any(String));
      }
      expect(await api.exit).toBe(0);
      expect(api.output()).toMatch(/SIGTERM received: no new work accepted/);
      expect(api.output()).toMatch(/stopped cleanly/);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    } finally {
      if (api.child.exitCode === null) api.child.kill('SIGKILL');
    }
  });

  it('a close that does not finish is cut off after SHUTDOWN_TIMEOUT_SECONDS, with exit 1', async () => {
    const p = start('test/support/hanging-close.ts', {});
    await until(() => p.output().includes('ready'), 30_000, 'hanging-close ready');
    const started = Date.now();
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(p.output()).toMatch(/in-flight work did not finish within 1 s; exiting anyway/);
  });
});
