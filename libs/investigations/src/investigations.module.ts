import { Module } from '@nestjs/common';
import { InvestigationsService } from './investigations.service';
import { ReportContentService } from './report-content.service';

@Module({ providers: [InvestigationsService, ReportContentService], exports: [InvestigationsService, ReportContentService] })
export class InvestigationsModule {}
