import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@opvolging/deadlines';
import { InvestigationsModule } from '@opvolging/investigations';
import { MeasuresService } from './measures.service';
import { PlanDueDates } from './plan-due-dates';
import { PlansService } from './plans.service';

@Module({
  imports: [InvestigationsModule, DeadlinesModule],
  providers: [PlansService, MeasuresService, PlanDueDates],
  exports: [PlansService, MeasuresService],
})
export class PlansModule {}
