import { tracingSdk } from './tracing'; // first: instruments http, pg and ioredis when OTEL_* asks for it
import 'reflect-metadata';
import { describeStartupError } from '@opvolging/config';
import { stopAccepting } from '@opvolging/health';
import { createProcess } from '../../composition/src/process';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationsProcessor } from './notifications.processor';
import { WorkerModule } from './worker.module';

async function bootstrap() {
  const { app, config, logger } = await createProcess(WorkerModule, 'worker', {
    tracing: tracingSdk,
    // On SIGTERM the BullMQ workers finish the jobs in hand, while the database pool is still open.
    stopWork: (app) =>
      Promise.all([
        stopAccepting(app.getHttpServer()),
        ...[MaintenanceProcessor, NotificationsProcessor].map((p) => app.get(p).worker.close()),
      ]),
  });
  await app.listen(config.WORKER_PORT);
  logger.info(`Queue worker running; health on http://localhost:${config.WORKER_PORT}/health`);
}

bootstrap().catch((error) => {
  console.error(`The worker could not start. ${describeStartupError(error)}`);
  process.exit(1);
});
