import { EntityManager } from 'typeorm';
import { planScope } from '@opvolging/identity';
import { Investigation, investigationStateMachine } from '@opvolging/investigations';
import { Actor, DomainError } from '@opvolging/shared';
import { ImprovementPlan } from './plan.entity';

/**
 * Loads a plan for a change and locks its row until the transaction ends, so measure edits and a
 * submission of the same plan are serialised. Out of the actor's scope reads as NOT_FOUND.
 */
export async function lockPlan(em: EntityManager, actor: Actor, planId: string): Promise<{ plan: ImprovementPlan; investigation: Investigation }> {
  const scope = planScope(actor, 'p');
  const plan = await em
    .getRepository(ImprovementPlan)
    .createQueryBuilder('p')
    .where('p.id = :planId', { planId })
    .andWhere(scope.sql, scope.params)
    .setLock('pessimistic_write')
    .getOne();
  if (!plan) throw DomainError.notFound('ImprovementPlan', planId);
  const investigation = await em.getRepository(Investigation).findOneByOrFail({ id: plan.investigationId });
  investigationStateMachine.next(investigation.status, 'follow_up');
  return { plan, investigation };
}
