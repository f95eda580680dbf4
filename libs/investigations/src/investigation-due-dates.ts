import { Injectable, OnModuleInit } from '@nestjs/common';
import { DeadlineKind, DueDateMovers } from '@opvolging/deadlines';
import { investigationRepository as rows } from './investigation.repository';

/** Moves an investigation's trajectory end (only while in follow-up). */
@Injectable()
export class InvestigationDueDates implements OnModuleInit {
  constructor(private readonly movers: DueDateMovers) {}

  onModuleInit(): void {
    this.movers.register(DeadlineKind.TRAJECTORY_END, (em, id, to) => rows.moveTrajectoryEnd(em, id, to));
  }
}
