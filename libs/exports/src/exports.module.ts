import { Module } from '@nestjs/common';
import { AuditsModule } from '@opvolging/audits';
import { ConversationModule } from '@opvolging/conversation';
import { DeadlinesModule } from '@opvolging/deadlines';
import { InvestigationsModule } from '@opvolging/investigations';
import { OrganisationsModule } from '@opvolging/organisations';
import { OverviewsModule } from '@opvolging/overviews';
import { PlansModule } from '@opvolging/plans';
import { ExportJobs } from './export-jobs';
import { ExportRetention } from './export-retention';
import { ExportGenerator } from './export-generator';
import { ExportSources } from './export-sources';
import { ExportsService } from './exports.service';

/** CSV, XLSX and PDF exports: requested through the API, made by the worker. */
@Module({
  imports: [OverviewsModule, PlansModule, InvestigationsModule, DeadlinesModule, OrganisationsModule, AuditsModule, ConversationModule],
  providers: [ExportsService, ExportSources, ExportGenerator, ExportJobs, ExportRetention],
  exports: [ExportsService, ExportGenerator],
})
export class ExportsModule {}
