import { Module } from '@nestjs/common';
import { AuditsModule } from '@opvolging/audits';
import { ConfigModule } from '@opvolging/config';
import { DatabaseModule } from '@opvolging/database';
import { ENTITIES } from '../../composition/src/persistence';
import { ExportsModule } from '@opvolging/exports';
import { HealthModule } from '@opvolging/health';
import { IdentityModule } from '@opvolging/identity';
import { NotificationsModule } from '@opvolging/notifications';
import { LoggingModule, MetricsModule } from '@opvolging/observability';
import { QueueModule } from '@opvolging/queue';
import { SharedModule } from '@opvolging/shared';
import { MaintenanceProcessor } from './maintenance.processor';
import { NotificationsProcessor } from './notifications.processor';
import { WorkerJobs } from './worker-jobs';

/** The queue worker: same configuration and domain modules as the API, no GraphQL. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule.forService('worker'),
    SharedModule.forRoot(),
    DatabaseModule.forRoot(ENTITIES),
    QueueModule,
    HealthModule,
    MetricsModule,
    // Registers its retention (password-reset links).
    IdentityModule,
    AuditsModule,
    NotificationsModule,
    ExportsModule,
  ],
  providers: [MaintenanceProcessor, NotificationsProcessor, WorkerJobs],
})
export class WorkerModule {}
