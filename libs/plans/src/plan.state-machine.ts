import { StateMachine } from '@opvolging/shared';
import { ImprovementPlanStatus as P, MeasureStatus as M } from './plan.entity';

export type PlanAction = 'edit_measures' | 'submit' | 'accept' | 'request_revision' | 'report_progress' | 'close';

/**
 * DRAFT → SUBMITTED → ACCEPTED | REVISION_REQUESTED; REVISION_REQUESTED → SUBMITTED (a new version);
 * ACCEPTED → CLOSED after verification. Measures are edited only while the plan is with the
 * organisation, and progress is reported only on an accepted plan.
 */
export const planStateMachine = new StateMachine<P, PlanAction>('improvement plan', {
  edit_measures: { from: [P.DRAFT, P.REVISION_REQUESTED] },
  submit: { from: [P.DRAFT, P.REVISION_REQUESTED], to: P.SUBMITTED },
  accept: { from: [P.SUBMITTED], to: P.ACCEPTED },
  request_revision: { from: [P.SUBMITTED], to: P.REVISION_REQUESTED },
  report_progress: { from: [P.ACCEPTED] },
  close: { from: [P.ACCEPTED], to: P.CLOSED },
});

export type MeasureAction = 'edit' | 'start' | 'complete' | 'cancel';

/** PLANNED → IN_PROGRESS → COMPLETED (with evidence); PLANNED/IN_PROGRESS → CANCELLED (with a reason). */
export const measureStateMachine = new StateMachine<M, MeasureAction>('measure', {
  edit: { from: [M.PLANNED, M.IN_PROGRESS] },
  start: { from: [M.PLANNED], to: M.IN_PROGRESS },
  complete: { from: [M.PLANNED, M.IN_PROGRESS], to: M.COMPLETED },
  cancel: { from: [M.PLANNED, M.IN_PROGRESS], to: M.CANCELLED },
});
