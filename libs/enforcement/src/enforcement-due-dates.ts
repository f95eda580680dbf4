import { Injectable, OnModuleInit } from '@nestjs/common';
import { DeadlineKind, DueDateMovers } from '@opvolging/deadlines';
import { enforcementRepository } from './enforcement.repository';

/** Moves the due dates this library owns: progress reports, compliance deadlines and period ends (only while open). */
@Injectable()
export class EnforcementDueDates implements OnModuleInit {
  constructor(private readonly movers: DueDateMovers) {}

  onModuleInit(): void {
    this.movers.register(DeadlineKind.ENFORCEMENT_REPORT_DUE, (em, id, to) => enforcementRepository.moveReportDueDate(em, id, to));
    for (const [kind, column] of [
      [DeadlineKind.COMPLIANCE_DUE, 'compliance_due_date'],
      [DeadlineKind.ENFORCEMENT_PERIOD_END, 'period_end_date'],
    ] as const) {
      this.movers.register(kind, (em, id, to) => enforcementRepository.moveMeasureDate(em, column, id, to));
    }
  }
}
