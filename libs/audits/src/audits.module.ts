import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@opvolging/deadlines';
import { InvestigationsModule } from '@opvolging/investigations';
import { PlansModule } from '@opvolging/plans';
import { AuditDueDates } from './audit-due-dates';
import { AuditsService } from './audits.service';
import { VerificationsService } from './verifications.service';

@Module({
  imports: [InvestigationsModule, PlansModule, DeadlinesModule],
  providers: [AuditsService, VerificationsService, AuditDueDates],
  exports: [AuditsService, VerificationsService],
})
export class AuditsModule {}
