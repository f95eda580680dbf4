import { tracingSdk } from './tracing'; // first: instruments http, pg and ioredis when OTEL_* asks for it
import 'reflect-metadata';
import { describeStartupError } from '@opvolging/config';
import { stopAccepting } from '@opvolging/health';
import { createProcess } from '../../composition/src/process';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { AppModule } from './app.module';
import { mountWebApp } from './web/web-app';
import { mountBodyParser } from './graphql/body-limit';

async function bootstrap() {
  const { app, config, logger } = await createProcess(AppModule, 'api', {
    tracing: tracingSdk,
    stopWork: (app) => stopAccepting(app.getHttpServer()),
  });
  mountBodyParser(app);
  mountQueueDashboard(app);
  mountWebApp(app); // before the API's routes are registered; passes API paths through
  await app.listen(config.PORT);
  logger.info(`GraphQL API on http://localhost:${config.PORT}/graphql`);
}

bootstrap().catch((error) => {
  console.error(`The API could not start. ${describeStartupError(error)}`);
  process.exit(1);
});
