import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { redisOptions } from './redis';

export const QUEUES = {
  /** Deadline sweeps, reminders and notifications (see the reminders work). */
  maintenance: 'maintenance',
} as const;

/** BullMQ on Redis, shared by the API (producers) and the worker (consumers). */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ connection: redisOptions(config.REDIS_URL, 'worker'), prefix: config.QUEUE_PREFIX }),
    }),
    BullModule.registerQueue({ name: QUEUES.maintenance }),
  ],
  exports: [BullModule],
})
export class QueueModule {}
