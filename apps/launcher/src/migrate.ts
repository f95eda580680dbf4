import 'reflect-metadata';
import { describeStartupError, loadConfig } from '@opvolging/config';
import { runMigrations } from '@opvolging/database';
import { seedDemoIfEmpty } from '@opvolging/demo';
import { ENTITIES, MIGRATIONS } from '../../composition/src/persistence';

/** `npm run migrate [-- --with-demo]`: apply pending migrations (and the demo on an empty database). */
async function main() {
  const config = loadConfig();
  const applied = await runMigrations(config.DATABASE_URL, MIGRATIONS);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database schema is up to date.');
  if (process.argv.includes('--with-demo') && config.DEMO_DATA) {
    console.log((await seedDemoIfEmpty(ENTITIES)) ? 'Demo data loaded.' : 'The database already holds data; no demo data loaded.');
  }
}

main().catch((error) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
