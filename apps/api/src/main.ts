import { tracingSdk } from './tracing'; // first: instruments http, pg and ioredis when OTEL_* asks for it
import 'reflect-metadata';
import { describeStartupError } from '@opvolging/config';
import { stopAccepting } from '@opvolging/health';
import { createProcess } from '../../composition/src/process';
import { AppModule } from './app.module';
import { mountHttp } from './http/mount';

async function bootstrap() {
  const { app, config, logger } = await createProcess(AppModule, 'api', {
    tracing: tracingSdk,
    stopWork: (app) => stopAccepting(app.getHttpServer()),
  });
  mountHttp(app);
  await app.listen(config.PORT);
  logger.info(`GraphQL API on http://localhost:${config.PORT}/graphql`);
}

bootstrap().catch((error) => {
  console.error(`The API could not start. ${describeStartupError(error)}`);
  process.exit(1);
});
