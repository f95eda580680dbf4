import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { BatchRead, returnedRows } from '@opvolging/database';
import { planContentScope, planScope, viaPlan } from '@opvolging/access';
import { Investigation } from '@opvolging/investigations';
import { Actor, openSql, overdueSql } from '@opvolging/shared';
import { ImprovementPlan, ImprovementPlanStatus, Measure, MeasurePoint, PlanAssessment, PlanSnapshot, PlanVersion } from './plan.entity';

export interface PlanFilter {
  investigationId?: string;
  organisationId?: string;
  status?: ImprovementPlanStatus;
  overdue?: boolean;
}

/** The SQL of this library's plans (their versions and assessments): read and written only through here. */
export const planRepository = {
  /** One DRAFT plan per organisation; a plan that exists already is left alone. */
  async insertDrafts(
    em: EntityManager,
    data: { investigationId: string; organisationIds: readonly string[]; dueDate: string },
  ): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(ImprovementPlan)
      .values(
        data.organisationIds.map((organisationId) => ({
          investigationId: data.investigationId,
          organisationId,
          status: ImprovementPlanStatus.DRAFT,
          dueDate: data.dueDate,
          originalDueDate: data.dueDate,
        })),
      )
      .orIgnore()
      .execute();
  },

  filtered(em: EntityManager, actor: Actor, filter: PlanFilter, today: string): SelectQueryBuilder<ImprovementPlan> {
    const scope = planScope(actor, 'p');
    const qb = em.getRepository(ImprovementPlan).createQueryBuilder('p').where(scope.sql, scope.params);
    if (filter.investigationId) qb.andWhere('p.investigation_id = :investigationId', { investigationId: filter.investigationId });
    if (filter.organisationId) qb.andWhere('p.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
    if (filter.overdue !== undefined) {
      qb.andWhere(`${filter.overdue ? '' : 'NOT '}(${overdueSql.plan('p')} OR ${overdueSql.assessment('p')})`, { today });
    }
    return qb;
  },

  byIds(em: EntityManager, actor: Actor, ids: readonly string[]): Promise<ImprovementPlan[]> {
    const scope = planScope(actor, 'p');
    return em
      .getRepository(ImprovementPlan)
      .createQueryBuilder('p')
      .where('p.id IN (:...ids)', { ids })
      .andWhere(scope.sql, scope.params)
      .getMany();
  },

  /** The plan in the actor's scope, its row locked until the transaction ends. */
  lockInScope(em: EntityManager, actor: Actor, planId: string): Promise<ImprovementPlan | null> {
    const scope = planScope(actor, 'p');
    return em
      .getRepository(ImprovementPlan)
      .createQueryBuilder('p')
      .where('p.id = :planId', { planId })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write')
      .getOne();
  },

  investigation(em: EntityManager, id: string): Promise<Investigation> {
    return em.getRepository(Investigation).findOneByOrFail({ id });
  },

  byInvestigation(actor: Actor): BatchRead<ImprovementPlan, ImprovementPlan> {
    return {
      entity: ImprovementPlan,
      alias: 'p',
      column: 'investigation_id',
      key: (p) => p.investigationId,
      scope: planScope(actor, 'p'),
      orderBy: ['p.created_at', 'p.id'],
    };
  },

  versionsByPlan(actor: Actor): BatchRead<PlanVersion, PlanVersion> {
    return {
      entity: PlanVersion,
      alias: 'v',
      column: 'plan_id',
      key: (v) => v.planId,
      scope: viaPlan(actor, 'v'),
      orderBy: ['v.number'],
    };
  },

  assessmentsByPlan(actor: Actor): BatchRead<PlanAssessment, PlanAssessment> {
    return {
      entity: PlanAssessment,
      alias: 'a',
      column: 'plan_id',
      key: (a) => a.planId,
      scope: viaPlan(actor, 'a'),
      orderBy: ['a.plan_version_number'],
    };
  },

  /** Pairs of a plan and a point addressed to its organisation that no measure of the plan covers, where the actor sees the content. */
  uncoveredPoints(em: EntityManager, actor: Actor, planIds: readonly string[]): Promise<Array<{ plan_id: string; point_id: string }>> {
    const scope = planContentScope(actor, 'p');
    return em
      .createQueryBuilder()
      .select('p.id', 'plan_id')
      .addSelect('pt.id', 'point_id')
      .from(ImprovementPlan, 'p')
      .innerJoin('improvement_point_addressees', 'a', 'a.organisation_id = p.organisation_id')
      .innerJoin('improvement_points', 'pt', 'pt.id = a.point_id AND pt.investigation_id = p.investigation_id')
      .where('p.id IN (:...ids)', { ids: planIds })
      .andWhere(scope.sql, scope.params)
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM measure_points mp JOIN measures m ON m.id = mp.measure_id WHERE mp.point_id = pt.id AND ' +
          'm.plan_id = p.id)',
      )
      .orderBy('pt.position')
      .getRawMany();
  },

  /** The plan's measures, oldest first. */
  measuresOf(em: EntityManager, planId: string): Promise<Measure[]> {
    return em.getRepository(Measure).find({ where: { planId }, order: { createdAt: 'ASC', id: 'ASC' } });
  },

  /** The points each of these measures covers (no statement for no measures). */
  async pointLinks(em: EntityManager, measureIds: readonly string[]): Promise<MeasurePoint[]> {
    return measureIds.length ? em.getRepository(MeasurePoint).findBy({ measureId: In([...measureIds]) }) : [];
  },

  async insertVersion(
    em: EntityManager,
    version: { planId: string; number: number; submittedAt: Date; submittedBy: string; snapshot: PlanSnapshot },
  ): Promise<void> {
    await em.insert(PlanVersion, version);
  },

  insertAssessment(em: EntityManager, data: Omit<PlanAssessment, 'id'>): Promise<PlanAssessment> {
    const repo = em.getRepository(PlanAssessment);
    return repo.save(repo.create(data));
  },

  async moveDueDate(em: EntityManager, id: string, to: string): Promise<number> {
    return returnedRows(
      await em.query(
        `UPDATE improvement_plans SET due_date = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ` +
          `${openSql.plan()} RETURNING id`,
        [id, to],
      ),
    ).length;
  },

  async moveAssessmentDueDate(em: EntityManager, id: string, to: string): Promise<number> {
    return returnedRows(
      await em.query(
        `UPDATE improvement_plans SET assessment_due_date = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ` +
          `${openSql.assessment()} RETURNING id`,
        [id, to],
      ),
    ).length;
  },
};
