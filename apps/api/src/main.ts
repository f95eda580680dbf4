import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@opvolging/config';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { AppModule } from './app.module';

async function bootstrap() {
  // Validate first, so a wrong variable stops start-up with a message that names it.
  const config = loadConfig();
  const app = await NestFactory.create(AppModule, { logger: levels(config.LOG_LEVEL) });
  app.enableShutdownHooks();
  mountQueueDashboard(app);
  await app.listen(config.PORT);
  new Logger('Api').log(`GraphQL API on http://localhost:${config.PORT}/graphql`);
}

function levels(level: string) {
  const all = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return all.slice(0, all.indexOf(level as (typeof all)[number]) + 1);
}

bootstrap().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('The API could not start:', error);
  }
  process.exit(1);
});
