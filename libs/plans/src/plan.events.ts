import { DomainEvent } from '@opvolging/shared';
import { Investigation } from '@opvolging/investigations';
import { ImprovementPlan } from './plan.entity';

export const PLAN_ACCEPTED = 'plan.accepted';

/** Raised inside the accepting transaction; the audits context schedules the internal audit. */
export interface PlanAccepted {
  plan: ImprovementPlan;
  investigation: Investigation;
}

export type PlanAcceptedEvent = DomainEvent<typeof PLAN_ACCEPTED, PlanAccepted>;
