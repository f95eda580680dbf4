import { EntityManager } from 'typeorm';
import { updateVersioned } from '@opvolging/database';
import { ImprovementPlan, ImprovementPlanStatus } from './plan.entity';

/**
 * Closes a plan once the inspectorate has verified it (audits asks; this library writes its own
 * table). The caller holds the plan's lock (`lockPlan`) and has checked the transition.
 */
export function closePlan(
  em: EntityManager,
  planId: string,
  expectedVersion: number,
  closing: { status: ImprovementPlanStatus; closedAt: Date },
): Promise<ImprovementPlan> {
  return updateVersioned(em, ImprovementPlan, 'ImprovementPlan', planId, expectedVersion, closing);
}
