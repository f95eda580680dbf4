import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@opvolging/config';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const config = loadConfig();
  const app = await NestFactory.create(WorkerModule, { logger: levels(config.LOG_LEVEL) });
  // On SIGTERM Nest closes the BullMQ worker, which finishes the job in hand before it exits.
  app.enableShutdownHooks();
  await app.listen(config.WORKER_PORT);
  new Logger('Worker').log(`Queue worker running; health on http://localhost:${config.WORKER_PORT}/health`);
}

function levels(level: string) {
  const all = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return all.slice(0, all.indexOf(level as (typeof all)[number]) + 1);
}

bootstrap().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
