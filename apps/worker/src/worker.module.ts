import { Module } from '@nestjs/common';
import { AuditsModule } from '@opvolging/audits';
import { ConfigModule } from '@opvolging/config';
import { DatabaseModule } from '@opvolging/database';
import { HealthModule } from '@opvolging/health';
import { JobHandlers, QueueModule } from '@opvolging/queue';
import { SharedModule } from '@opvolging/shared';
import { MaintenanceProcessor } from './maintenance.processor';

/** The queue worker: same configuration and domain modules as the API, no GraphQL. */
@Module({
  imports: [ConfigModule, SharedModule.forRoot(), DatabaseModule, QueueModule, HealthModule, AuditsModule],
  providers: [JobHandlers, MaintenanceProcessor],
})
export class WorkerModule {}
