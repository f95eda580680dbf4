import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { redisOptions } from './redis';

export const QUEUES = {
  /** Periodic work: the deadline sweep. */
  maintenance: 'maintenance',
  /** Mail: single notifications and daily digests. */
  notifications: 'notifications',
} as const;

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
  exports: [BullModule],
})
export class QueueModule {}
