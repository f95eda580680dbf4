import { register } from 'tsconfig-paths';
import { databaseUrl, TEMPLATE_DATABASE, withAdminClient } from './test-database';

/** Runs the real migrations once into a template database; each test file clones it. */
export default async function globalSetup(): Promise<void> {
  // Jest's moduleNameMapper does not apply to global setup, so resolve the path aliases here.
  const { compilerOptions } = require('../../tsconfig.json');
  register({ baseUrl: `${__dirname}/../..`, paths: compilerOptions.paths });
  const { runMigrations } = require('../../libs/database/src/migrate') as typeof import('../../libs/database/src/migrate');
  await withAdminClient(async (c) => {
    // Leftovers of interrupted earlier runs: test databases nobody is connected to.
    const stale = await c.query(
      `SELECT datname FROM pg_database d WHERE datname LIKE 'opvolging_test_%' AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname)`,
    );
    for (const row of stale.rows) await c.query(`DROP DATABASE IF EXISTS ${row.datname}`).catch(() => undefined);
    await c.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  });
  await runMigrations(databaseUrl(TEMPLATE_DATABASE));
}
