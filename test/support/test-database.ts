import { randomBytes } from 'crypto';
import { Client } from 'pg';

/** Where tests find PostgreSQL; a database per test file is cloned from the migrated template. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Per run, so two test runs on one machine do not share or drop each other's template. */
export const TEMPLATE_DATABASE =
  process.env.OPVOLGING_TEST_TEMPLATE ?? (process.env.OPVOLGING_TEST_TEMPLATE = `opvolging_test_template_${process.pid}`);

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** `CREATE DATABASE x TEMPLATE t`: a fresh, migrated database in milliseconds. */
export async function createTestDatabase(): Promise<{ name: string; url: string }> {
  // The creating process id is part of the name, so cleanup can tell live databases from leftovers.
  const name = `opvolging_test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await withAdminClient((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`));
  return { name, url: databaseUrl(name) };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await withAdminClient((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
