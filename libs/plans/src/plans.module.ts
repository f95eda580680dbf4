import { Module } from '@nestjs/common';
import { InvestigationsModule } from '@opvolging/investigations';
import { MeasuresService } from './measures.service';
import { PlansService } from './plans.service';

@Module({ imports: [InvestigationsModule], providers: [PlansService, MeasuresService], exports: [PlansService, MeasuresService] })
export class PlansModule {}
