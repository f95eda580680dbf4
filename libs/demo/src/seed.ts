import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';

import { loadDemoData } from './demo-scenario';
import { DemoModule } from './demo.module';

// Held while checking and loading, so replicas starting together load the demo once.
const DEMO_LOCK_KEY = 7_310_652_119;

/** Loads the demo scenario if the database has no organisations yet. Returns whether it did. */
export async function seedDemoIfEmpty(): Promise<boolean> {
  const app = await NestFactory.createApplicationContext(DemoModule, { logger: ['error', 'warn', 'log'] });
  try {
    const dataSource = app.get(DataSource);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [DEMO_LOCK_KEY]);
      const [{ count }] = await runner.query('SELECT count(*)::int AS count FROM organisations');
      if (count > 0) return false;
      await loadDemoData(app);
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
