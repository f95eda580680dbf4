import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { JobHandlers } from './job-handlers';
import { QUEUES } from './job-registry';
import { redisOptions } from './redis';

/** BullMQ on Redis, shared by the API (producers) and the worker (consumers). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: redisOptions(config.REDIS_URL, 'worker'), prefix: config.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue({ name: QUEUES.maintenance }, { name: QUEUES.notifications }),
  ],
  providers: [JobHandlers],
  exports: [BullModule, JobHandlers],
})
export class QueueModule {}
