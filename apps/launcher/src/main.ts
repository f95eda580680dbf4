import 'reflect-metadata';
import { ChildProcess, fork } from 'child_process';
import { join } from 'path';
import { describeStartupError, loadConfig } from '@opvolging/config';
import { runMigrations } from '@opvolging/database';
import { seedDemoIfEmpty } from '@opvolging/demo';
import { processLogger } from '@opvolging/observability';
import { ENTITIES, MIGRATIONS } from '../../composition/src/persistence';

/**
 * `npm start`: migrate, load the demo on an empty database, then run the API and the worker as
 * two processes (as they run in production, where each may have several replicas). If either stops
 * unexpectedly the other is stopped too, so a supervisor sees the failure.
 */
let log = (message: string) => console.log(`[launcher] ${message}`);

async function main() {
  const config = loadConfig();
  // The same format as the API and worker (JSON in production), so one log collector reads all three.
  const logger = processLogger(config, 'launcher');
  log = (message) => logger.info(message);
  const applied = await runMigrations(config.DATABASE_URL, MIGRATIONS);
  log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  if (config.DEMO_DATA && (await seedDemoIfEmpty(ENTITIES)))
    log(
      config.isProduction
        ? 'demo data loaded (accounts and their random passwords printed above)'
        : 'demo data loaded (accounts in README.md)',
    );

  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 10_000).unref();
  };
  for (const name of ['api', 'worker']) {
    const child = fork(join(__dirname, '..', '..', name, 'src', 'main.js'), { stdio: 'inherit' });
    child.on('exit', (code, signal) => {
      if (!stopping) {
        log(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
        stop(code || 1);
      } else if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) {
        process.exit(0);
      }
    });
    children.push(child);
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(0));
}

main().catch((error) => {
  console.error(describeStartupError(error));
  process.exit(1);
});
