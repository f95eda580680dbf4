import { Injectable, OnModuleInit } from '@nestjs/common';
import { DeadlineKind, DueDateMovers } from '@opvolging/deadlines';
import { measureRepository } from './measure.repository';
import { planRepository } from './plan.repository';

/** Moves the due dates this library owns: the plan, its assessment and its measures (only while open). */
@Injectable()
export class PlanDueDates implements OnModuleInit {
  constructor(private readonly movers: DueDateMovers) {}

  onModuleInit(): void {
    this.movers.register(DeadlineKind.PLAN_DUE, (em, id, to) => planRepository.moveDueDate(em, id, to));
    this.movers.register(DeadlineKind.ASSESSMENT_DUE, (em, id, to) => planRepository.moveAssessmentDueDate(em, id, to));
    this.movers.register(DeadlineKind.MEASURE_DUE, (em, id, to) => measureRepository.moveDueDate(em, id, to));
  }
}
