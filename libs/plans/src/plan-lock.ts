import { EntityManager } from 'typeorm';
import { Investigation, investigationStateMachine } from '@opvolging/investigations';
import { Actor, DomainError } from '@opvolging/shared';
import { ImprovementPlan } from './plan.entity';
import { planRepository as rows } from './plan.repository';

/**
 * Loads a plan for a change and locks its row until the transaction ends, so measure edits and a
 * submission of the same plan are serialised. Out of the actor's scope reads as NOT_FOUND.
 */
export async function lockPlan(
  em: EntityManager,
  actor: Actor,
  planId: string,
): Promise<{ plan: ImprovementPlan; investigation: Investigation }> {
  const plan = await rows.lockInScope(em, actor, planId);
  if (!plan) throw DomainError.notFound('ImprovementPlan', planId);
  const investigation = await rows.investigation(em, plan.investigationId);
  investigationStateMachine.next(investigation.status, 'follow_up');
  return { plan, investigation };
}
