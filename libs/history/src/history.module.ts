import { Module } from '@nestjs/common';
import { AuditsModule } from '@opvolging/audits';
import { EnforcementModule } from '@opvolging/enforcement';
import { InvestigationsModule } from '@opvolging/investigations';
import { PlansModule } from '@opvolging/plans';
import { HistoryService } from './history.service';

@Module({
  imports: [InvestigationsModule, PlansModule, AuditsModule, EnforcementModule],
  providers: [HistoryService],
  exports: [HistoryService],
})
export class HistoryModule {}
