import { Module } from '@nestjs/common';
import { DeadlinesService } from './deadlines.service';
import { DueDateMovers } from './due-date-movers';

@Module({ providers: [DeadlinesService, DueDateMovers], exports: [DeadlinesService, DueDateMovers] })
export class DeadlinesModule {}
