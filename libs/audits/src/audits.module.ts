import { Module } from '@nestjs/common';
import { InvestigationsModule } from '@opvolging/investigations';
import { PlansModule } from '@opvolging/plans';
import { AuditsService } from './audits.service';
import { VerificationsService } from './verifications.service';

@Module({ imports: [InvestigationsModule, PlansModule], providers: [AuditsService, VerificationsService], exports: [AuditsService, VerificationsService] })
export class AuditsModule {}
