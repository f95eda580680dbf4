import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@opvolging/config';
import { exitGracefullyOnSignal, waitForPostgres } from '@opvolging/health';
import { processLogger } from '@opvolging/observability';
import { Logger } from 'nestjs-pino';

interface Shutdown {
  /** Flushes the traces last (the process's tracing SDK, when OTEL_* turned it on). */
  tracing?: { shutdown(): Promise<void> };
  /** On SIGTERM, before the application closes: stop taking work and finish what is in hand. */
  stopWork(app: INestApplication): Promise<unknown>;
}

/**
 * Options of every Nest application of the product (and of the tests' TestApp). No body parsers of
 * Nest's own: the API reads JSON bodies with its limit (`mountBodyParser`) and the queue
 * dashboard's form with its own parser; the worker takes no bodies. Nest's pair would only look at
 * every request's content type again.
 */
export const APPLICATION_OPTIONS = { bodyParser: false } as const;

/**
 * How the API and the worker start: configuration validated first (a wrong variable stops start-up
 * with a message that names it), a process logger, PostgreSQL waited for with back-off, the Nest
 * application on the structured logger, and a graceful exit on SIGTERM within
 * SHUTDOWN_TIMEOUT_SECONDS. The caller mounts its own routes and listens.
 */
export async function createProcess(
  module: Type<unknown>,
  name: 'api' | 'worker',
  shutdown: Shutdown,
): Promise<{ app: INestApplication; config: AppConfig; logger: ReturnType<typeof processLogger> }> {
  const config = loadConfig();
  const logger = processLogger(config, name);
  await waitForPostgres(config.DATABASE_URL, (line) => logger.warn(line));
  const app = await NestFactory.create(module, { ...APPLICATION_OPTIONS, bufferLogs: true });
  app.useLogger(app.get(Logger));
  exitGracefullyOnSignal(
    {
      close: async () => {
        await app.close();
        await shutdown.tracing?.shutdown();
      },
    },
    config.SHUTDOWN_TIMEOUT_SECONDS,
    (line) => logger.info(line),
    () => shutdown.stopWork(app),
  );
  return { app, config, logger };
}
