import { Injectable, OnModuleInit } from '@nestjs/common';
import { DeadlineKind, DueDateMovers } from '@opvolging/deadlines';
import { auditRepository } from './audit.repository';

/** Moves an internal audit's due date and its verification's (only while open: the audit open and its plan accepted). */
@Injectable()
export class AuditDueDates implements OnModuleInit {
  constructor(private readonly movers: DueDateMovers) {}

  onModuleInit(): void {
    this.movers.register(DeadlineKind.AUDIT_DUE, (em, id, to) => auditRepository.moveDueDate(em, id, to));
    this.movers.register(DeadlineKind.VERIFICATION_DUE, (em, id, to) => auditRepository.moveVerificationDueDate(em, id, to));
  }
}
