import { DataSource, DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

// Any constant works; it only has to be the same for every replica that migrates.
const MIGRATION_LOCK_KEY = 7_310_652_118;

/**
 * Applies pending migrations under a PostgreSQL advisory lock, so replicas starting together
 * migrate once and the others wait. Returns the names of the migrations it applied.
 */
export async function runMigrations(databaseUrl: string, migrations: NonNullable<DataSourceOptions['migrations']>): Promise<string[]> {
  // Two connections: one holds the lock, the other runs the migrations.
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, { migrations, extra: { max: 2 } }));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
