import { register } from 'tsconfig-paths';
import { databaseUrl, TEMPLATE_DATABASE, withAdminClient } from './test-database';

/** Runs the real migrations once into a template database; each test file clones it. */
export default async function globalSetup(): Promise<void> {
  // Jest's moduleNameMapper does not apply to global setup, so resolve the path aliases here.
  const { compilerOptions } = require('../../tsconfig.json');
  register({ baseUrl: `${__dirname}/../..`, paths: compilerOptions.paths });
  const { runMigrations } = require('../../libs/database/src/migrate') as typeof import('../../libs/database/src/migrate');
  const { migrations } = require('../../migrations') as typeof import('../../migrations');
  await withAdminClient(async (c) => {
    // Leftovers of interrupted earlier runs: test databases whose creating process is gone.
    const stale = await c.query(`SELECT datname FROM pg_database WHERE datname ~ '^opvolging_test_(template_)?[0-9]+'`);
    for (const row of stale.rows as Array<{ datname: string }>) {
      const pid = Number(/^opvolging_test_(?:template_)?(\d+)/.exec(row.datname)![1]);
      if (!alive(pid)) await c.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`).catch(() => undefined);
    }
    await c.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await runMigrations(databaseUrl(TEMPLATE_DATABASE), migrations);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
