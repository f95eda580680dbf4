import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppConfig } from '@opvolging/config';

import { loadDemoData } from './demo-scenario';
import { DemoModule } from './demo.module';

// Held while checking and loading, so replicas starting together load the demo once.
const DEMO_LOCK_KEY = 7_310_652_119;

/** Loads the demo scenario if the database has no organisations yet. Returns whether it did. */
export async function seedDemoIfEmpty(entities: Parameters<typeof DemoModule.forRoot>[0]): Promise<boolean> {
  const app = await NestFactory.createApplicationContext(DemoModule.forRoot(entities), { logger: ['error', 'warn', 'log'] });
  try {
    const dataSource = app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [DEMO_LOCK_KEY]);
      const [{ count }] = await runner.query('SELECT count(*)::int AS count FROM organisations');
      if (count > 0) return false;
      // With NODE_ENV=production (reached only with DEMO_DATA=true set explicitly) the published
      // password would open a server anyone can reach: each account gets a random one, shown once here.
      const production = app.get(AppConfig).isProduction;
      const accounts = await loadDemoData(app, { passwords: production ? 'random' : 'published' });
      if (production) {
        process.stdout.write(
          `Demo accounts with random passwords (shown only now; change or disable them before real use):\n${accounts
            .map((a) => `  ${a.email}  ${a.password}`)
            .join('\n')}\n`,
        );
      }
      return true;
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [DEMO_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  } catch (error) {
    new Logger('Demo').error(`Loading the demo data failed: ${(error as Error).message}`);
    throw error;
  } finally {
    await app.close();
  }
}
