import { Client } from 'pg';
import { describeStartupError } from '@opvolging/config';
import { waitForPostgres } from '@opvolging/health';
import { TEST_DATABASE_URL } from './support/test-database';
import { freePort } from './support/worker-process';

/** The launcher's one-line messages, from the errors the real drivers give against the real servers. */
describe('start-up errors', () => {
  const base = TEST_DATABASE_URL;

  async function pgError(url: string): Promise<unknown> {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
    } catch (error) {
      return error;
    } finally {
      await client.end().catch(() => undefined);
    }
    throw new Error('expected the connection to fail');
  }

  it('a missing database: one line with the createdb command', async () => {
    const url = base.replace(/\/[^/]*$/, '/opvolging_does_not_exist');
    const line = describeStartupError(await pgError(url), { DATABASE_URL: url });
    expect(line).toMatch(
      /^PostgreSQL at 127\.0\.0\.1:5432 has no database "opvolging_does_not_exist"\. Create it first, e\.g\. `createdb /,
    );
    expect(line).not.toContain('\n');
  });

  it('a closed port: one line saying PostgreSQL refuses connections, password hidden', async () => {
    const url = `postgres://app:pg-secret@127.0.0.1:${await freePort()}/opvolging`;
    const line = describeStartupError(await pgError(url), { DATABASE_URL: url });
    expect(line).toMatch(/^PostgreSQL at 127\.0\.0\.1:\d+ refuses connections\. Is it running, and does DATABASE_URL point at it\?$/);
    expect(line).not.toContain('pg-secret');
  });

  it('waiting for PostgreSQL retries with back-off, then gives up with the last error', async () => {
    const url = `postgres://postgres@127.0.0.1:${await freePort()}/opvolging`;
    const lines: string[] = [];
    await expect(waitForPostgres(url, (l) => lines.push(l), 3500)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(lines).toEqual([
      expect.stringMatching(/^PostgreSQL is unreachable \(attempt 1\): PostgreSQL at .* refuses connections\..* Retrying in 1 s\.$/),
      expect.stringMatching(/\(attempt 2\).* Retrying in 2 s\.$/),
    ]);
  });

  it('does not wait for what waiting cannot cure (a missing database)', async () => {
    const url = base.replace(/\/[^/]*$/, '/opvolging_does_not_exist');
    const started = Date.now();
    await expect(waitForPostgres(url, () => undefined)).rejects.toMatchObject({ code: '3D000' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
