import { EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { returnedRows } from '@opvolging/database';
import { investigationScope, planScope } from '@opvolging/access';
import { Investigation } from '@opvolging/investigations';
import { ImprovementPlan } from '@opvolging/plans';
import { Actor, openSql } from '@opvolging/shared';
import {
  EnforcementForfeit,
  EnforcementMeasure,
  EnforcementProgressReport,
  EnforcementStatus,
  EnforcementType,
  ProgressReportStatus,
} from './enforcement.entity';

/** Enforcement measures in the actor's scope (through their plan or investigation). */
function scoped(em: EntityManager, actor: Actor): SelectQueryBuilder<EnforcementMeasure> {
  const scope = planScope(actor, 'e');
  return em.getRepository(EnforcementMeasure).createQueryBuilder('e').where(scope.sql, scope.params);
}

/** The SQL of this library: enforcement measures, their progress reports and forfeits. */
export const enforcementRepository = {
  byIds(em: EntityManager, actor: Actor, ids: readonly string[]): Promise<EnforcementMeasure[]> {
    return scoped(em, actor).andWhere('e.id IN (:...ids)', { ids }).getMany();
  },

  /** Oldest first. */
  byPlans(em: EntityManager, actor: Actor, planIds: readonly string[]): Promise<EnforcementMeasure[]> {
    return scoped(em, actor)
      .andWhere('e.plan_id IN (:...ids)', { ids: planIds })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id')
      .getMany();
  },

  /** Oldest first. */
  byInvestigations(em: EntityManager, actor: Actor, investigationIds: readonly string[]): Promise<EnforcementMeasure[]> {
    return scoped(em, actor)
      .andWhere('e.investigation_id IN (:...ids)', { ids: investigationIds })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id')
      .getMany();
  },

  reportsOf(em: EntityManager, measureIds: readonly string[]): Promise<EnforcementProgressReport[]> {
    return em.getRepository(EnforcementProgressReport).find({ where: { measureId: In([...measureIds]) }, order: { sequence: 'ASC' } });
  },

  forfeitsOf(em: EntityManager, measureIds: readonly string[]): Promise<EnforcementForfeit[]> {
    return em
      .getRepository(EnforcementForfeit)
      .find({ where: { measureId: In([...measureIds]) }, order: { forfeitedOn: 'ASC', createdAt: 'ASC' } });
  },

  /** The plan in the actor's scope. */
  plan(em: EntityManager, actor: Actor, planId: string): Promise<ImprovementPlan | null> {
    const scope = planScope(actor, 'p');
    return em
      .getRepository(ImprovementPlan)
      .createQueryBuilder('p')
      .where('p.id = :id', { id: planId })
      .andWhere(scope.sql, scope.params)
      .getOne();
  },

  /** The investigation in the actor's scope, its row locked until the transaction ends. */
  lockInvestigation(em: EntityManager, actor: Actor, investigationId: string | null): Promise<Investigation | null> {
    const scope = investigationScope(actor, 'i');
    return em
      .getRepository(Investigation)
      .createQueryBuilder('i')
      .where('i.id = :id', { id: investigationId })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write')
      .getOne();
  },

  async involved(em: EntityManager, investigationId: string, organisationId: string | null): Promise<boolean> {
    const involved = await em.query(`SELECT 1 FROM investigation_organisations WHERE investigation_id = $1 AND organisation_id = $2`, [
      investigationId,
      organisationId,
    ]);
    return involved.length > 0;
  },

  /** The latest measure of an organisation in an investigation, its row locked until the transaction ends. */
  lockLatest(em: EntityManager, investigationId: string, organisationId: string): Promise<EnforcementMeasure | null> {
    return em
      .getRepository(EnforcementMeasure)
      .createQueryBuilder('e')
      .where('e.investigation_id = :inv AND e.organisation_id = :org', { inv: investigationId, org: organisationId })
      .orderBy('e.created_at', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .setLock('pessimistic_write')
      .getOne();
  },

  /**
   * The type and status of the latest measure per organisation and investigation (keyed
   * `investigationId:organisationId`), as `lockLatest` orders them; no locks: for reading what may follow.
   */
  async latestPer(
    em: EntityManager,
    pairs: ReadonlyArray<readonly [string, string]>,
  ): Promise<Map<string, Pick<EnforcementMeasure, 'type' | 'status'>>> {
    if (!pairs.length) return new Map();
    const found: Array<{ investigation_id: string; organisation_id: string; type: EnforcementType; status: EnforcementStatus }> =
      await em.query(
        `SELECT DISTINCT ON (e.investigation_id, e.organisation_id) e.investigation_id, e.organisation_id, e.type, e.status
           FROM enforcement_measures e
           JOIN unnest($1::uuid[], $2::uuid[]) AS k(investigation_id, organisation_id)
             ON k.investigation_id = e.investigation_id AND k.organisation_id = e.organisation_id
          ORDER BY e.investigation_id, e.organisation_id, e.created_at DESC, e.id DESC`,
        [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
    return new Map(found.map((r) => [`${r.investigation_id}:${r.organisation_id}`, { type: r.type, status: r.status }]));
  },

  /** The measure in the actor's scope, its row locked until the transaction ends. */
  lock(em: EntityManager, actor: Actor, id: string): Promise<EnforcementMeasure | null> {
    return scoped(em, actor).andWhere('e.id = :id', { id }).setLock('pessimistic_write').getOne();
  },

  insert(em: EntityManager, data: Partial<EnforcementMeasure>): Promise<EnforcementMeasure> {
    const repo = em.getRepository(EnforcementMeasure);
    return repo.save(repo.create(data));
  },

  getById(em: EntityManager, id: string): Promise<EnforcementMeasure> {
    return em.getRepository(EnforcementMeasure).findOneByOrFail({ id });
  },

  report(em: EntityManager, id: string): Promise<EnforcementProgressReport | null> {
    return em.getRepository(EnforcementProgressReport).findOneBy({ id });
  },

  getReport(em: EntityManager, id: string): Promise<EnforcementProgressReport> {
    return em.getRepository(EnforcementProgressReport).findOneByOrFail({ id });
  },

  countReports(em: EntityManager, measureId: string, status?: ProgressReportStatus): Promise<number> {
    return em.getRepository(EnforcementProgressReport).countBy(status === undefined ? { measureId } : { measureId, status });
  },

  async insertReports(
    em: EntityManager,
    reports: Array<
      Omit<
        EnforcementProgressReport,
        'id' | 'report' | 'submittedAt' | 'submittedBy' | 'reviewNote' | 'reviewedAt' | 'reviewedBy' | 'createdAt' | 'updatedAt'
      >
    >,
  ): Promise<void> {
    await em.insert(EnforcementProgressReport, reports);
  },

  /** The forfeits of a penalty order so far, in euro cents. */
  async forfeited(em: EntityManager, measureId: string): Promise<number> {
    const [{ sum }] = await em.query(
      `SELECT coalesce(sum(amount_cents), 0)::bigint AS sum FROM enforcement_forfeits WHERE measure_id = $1`,
      [measureId],
    );
    return Number(sum);
  },

  async insertForfeit(em: EntityManager, forfeit: Omit<EnforcementForfeit, 'id' | 'createdAt'>): Promise<void> {
    await em.insert(EnforcementForfeit, forfeit);
  },

  async moveReportDueDate(em: EntityManager, id: string, to: string): Promise<number> {
    return returnedRows(
      await em.query(
        `UPDATE enforcement_progress_reports SET due_date = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ` +
          `${openSql.enforcementReport()} AND EXISTS (SELECT 1 FROM enforcement_measures em WHERE ` +
          `em.id = enforcement_progress_reports.measure_id AND ${openSql.enforcement('em')}) RETURNING id`,
        [id, to],
      ),
    ).length;
  },

  async moveMeasureDate(em: EntityManager, column: 'compliance_due_date' | 'period_end_date', id: string, to: string): Promise<number> {
    return returnedRows(
      await em.query(
        `UPDATE enforcement_measures SET ${column} = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ` +
          `${openSql.enforcement()} RETURNING id`,
        [id, to],
      ),
    ).length;
  },
};
