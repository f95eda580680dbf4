import { Module } from '@nestjs/common';
import { DeadlinesModule } from '@opvolging/deadlines';
import { EnforcementDueDates } from './enforcement-due-dates';
import { EnforcementService } from './enforcement.service';

@Module({ imports: [DeadlinesModule], providers: [EnforcementService, EnforcementDueDates], exports: [EnforcementService] })
export class EnforcementModule {}
