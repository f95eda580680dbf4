import 'reflect-metadata';
import { ConfigError, loadConfig } from '@opvolging/config';
import { runMigrations } from '@opvolging/database';
import { seedDemoIfEmpty } from '@opvolging/demo';

/** `npm run migrate [-- --with-demo]`: apply pending migrations (and the demo on an empty database). */
async function main() {
  const config = loadConfig();
  const applied = await runMigrations(config.DATABASE_URL);
  console.log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'The database schema is up to date.');
  if (process.argv.includes('--with-demo') && config.DEMO_DATA) {
    console.log((await seedDemoIfEmpty()) ? 'Demo data loaded.' : 'The database already holds data; no demo data loaded.');
  }
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
