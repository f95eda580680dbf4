import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@opvolging/deadlines';
import { InvestigationDueDates } from './investigation-due-dates';
import { InvestigationsService } from './investigations.service';
import { ReportContentService } from './report-content.service';

@Module({
  imports: [DeadlinesModule],
  providers: [InvestigationsService, ReportContentService, InvestigationDueDates],
  exports: [InvestigationsService, ReportContentService],
})
export class InvestigationsModule {}
