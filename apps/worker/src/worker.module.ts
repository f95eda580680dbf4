import { Module } from '@nestjs/common';
import { AuditsModule } from '@opvolging/audits';
import { ConfigModule } from '@opvolging/config';
import { DatabaseModule } from '@opvolging/database';
import { ExportsModule } from '@opvolging/exports';
import { HealthModule } from '@opvolging/health';
import { NotificationsModule } from '@opvolging/notifications';
import { JobHandlers, QueueModule } from '@opvolging/queue';
import { SharedModule } from '@opvolging/shared';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationsProcessor } from './notifications.processor';
import { WorkerJobs } from './worker-jobs';

/** The queue worker: same configuration and domain modules as the API, no GraphQL. */
@Module({
  imports: [ConfigModule, SharedModule.forRoot(), DatabaseModule, QueueModule, HealthModule, AuditsModule, NotificationsModule, ExportsModule],
  providers: [JobHandlers, MaintenanceProcessor, NotificationsProcessor, WorkerJobs],
})
export class WorkerModule {}
