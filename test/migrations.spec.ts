import { createHash } from 'crypto';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { runMigrations } from '@opvolging/database';
import { MIGRATIONS } from '../apps/composition/src/persistence';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

const DIR = join(__dirname, '..', 'migrations');
const sha256 = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(DIR, file)))
    .digest('hex');

/** A released migration never changes: databases migrated before an edit would never get it. */
describe('released migrations', () => {
  const released: Record<string, string> = JSON.parse(readFileSync(join(DIR, 'checksums.json'), 'utf8'));
  const files = readdirSync(DIR).filter((f) => /^\d{13}-.+\.ts$/.test(f));

  it.each(Object.keys(released))('%s is unchanged (SHA-256 in migrations/checksums.json)', (file) => {
    expect(sha256(file)).toBe(released[file]);
  });

  it('lists every migration file in migrations/checksums.json', () => {
    const missing = files.filter((f) => !(f in released)).map((f) => `"${f}": "${sha256(f)}"`);
    expect(missing).toEqual([]);
  });

  it('brings a database migrated before 1764400000000 was edited to the same state (the portfolio index)', async () => {
    const db = await createTestDatabase();
    const client = new Client({ connectionString: db.url });
    await client.connect();
    try {
      const definition = async () =>
        (await client.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'investigations_portfolio_order_idx'`)).rows[0]?.indexdef;
      const fresh = await definition();
      expect(fresh).toContain('COALESCE(publication_date');
      // As migrated before the edit: the index missing, and the repairing migration not applied yet.
      // (Only that one is undone: later migrations are not written to run twice.)
      await client.query(`DROP INDEX investigations_portfolio_order_idx`);
      await client.query(`DELETE FROM schema_migrations WHERE timestamp = 1764621000000`);
      await runMigrations(db.url, MIGRATIONS);
      expect(await definition()).toBe(fresh);
    } finally {
      await client.end();
      await dropTestDatabase(db.name);
    }
  });
});
