import { EntityManager } from 'typeorm';
import { BatchRead, returnedRows } from '@opvolging/database';
import { viaPlan } from '@opvolging/access';
import { ImprovementPlan, Measure } from '@opvolging/plans';
import { Actor, AUDIT_DEADLINE_PLAN_STATUSES, auditOpenSql, openSql, statusInSql } from '@opvolging/shared';
import { InternalAudit, InternalAuditJudgement, InternalAuditResult, InternalAuditStatus } from './audit.entity';

/** The SQL of this library's internal audits (results, judgements): read and written only through here. */
export const auditRepository = {
  /** The plan's audit, DRAFT; an audit that exists already is left alone. */
  async insertDraft(em: EntityManager, data: { planId: string; dueDate: string }): Promise<void> {
    await em
      .createQueryBuilder()
      .insert()
      .into(InternalAudit)
      .values({ planId: data.planId, status: InternalAuditStatus.DRAFT, dueDate: data.dueDate, originalDueDate: data.dueDate })
      .orIgnore()
      .execute();
  },

  byPlan(em: EntityManager, actor: Actor, planIds: readonly string[]): Promise<InternalAudit[]> {
    const scope = viaPlan(actor, 'a');
    return em
      .getRepository(InternalAudit)
      .createQueryBuilder('a')
      .where('a.plan_id IN (:...ids)', { ids: planIds })
      .andWhere(scope.sql, scope.params)
      .getMany();
  },

  byIds(em: EntityManager, actor: Actor, ids: readonly string[]): Promise<InternalAudit[]> {
    const scope = viaPlan(actor, 'a');
    return em
      .getRepository(InternalAudit)
      .createQueryBuilder('a')
      .where('a.id IN (:...ids)', { ids })
      .andWhere(scope.sql, scope.params)
      .getMany();
  },

  resultsByAudit(): BatchRead<InternalAuditResult, InternalAuditResult> {
    return {
      entity: InternalAuditResult,
      alias: 'x',
      column: 'audit_id',
      key: (r) => r.auditId,
      orderBy: ['x.measure_id'],
    };
  },

  judgementsByAudit(): BatchRead<InternalAuditJudgement, InternalAuditJudgement> {
    return {
      entity: InternalAuditJudgement,
      alias: 'x',
      column: 'audit_id',
      key: (r) => r.auditId,
      orderBy: ['x.judged_at'],
    };
  },

  byId(em: EntityManager, id: string): Promise<InternalAudit | null> {
    return em.getRepository(InternalAudit).findOneBy({ id });
  },

  getById(em: EntityManager, id: string): Promise<InternalAudit> {
    return em.getRepository(InternalAudit).findOneByOrFail({ id });
  },

  plan(em: EntityManager, planId: string): Promise<ImprovementPlan> {
    return em.getRepository(ImprovementPlan).findOneByOrFail({ id: planId });
  },

  measuresOf(em: EntityManager, planId: string): Promise<Measure[]> {
    return em.getRepository(Measure).findBy({ planId });
  },

  resultsOf(em: EntityManager, auditId: string): Promise<InternalAuditResult[]> {
    return em.getRepository(InternalAuditResult).findBy({ auditId });
  },

  async deleteResults(em: EntityManager, auditId: string): Promise<void> {
    await em.delete(InternalAuditResult, { auditId });
  },

  async insertResults(em: EntityManager, results: InternalAuditResult[]): Promise<void> {
    await em.insert(InternalAuditResult, results);
  },

  async insertJudgement(em: EntityManager, judgement: Omit<InternalAuditJudgement, 'id'>): Promise<void> {
    await em.insert(InternalAuditJudgement, judgement);
  },

  async moveDueDate(em: EntityManager, id: string, to: string): Promise<number> {
    return returnedRows(
      await em.query(
        `UPDATE internal_audits SET due_date = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ` +
          `EXISTS (SELECT 1 FROM improvement_plans ap WHERE ap.id = internal_audits.plan_id AND ` +
          `${auditOpenSql('internal_audits', 'ap')}) ` +
          `RETURNING id`,
        [id, to],
      ),
    ).length;
  },

  async moveVerificationDueDate(em: EntityManager, id: string, to: string): Promise<number> {
    return returnedRows(
      await em.query(
        `UPDATE internal_audits SET verification_due_date = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ` +
          `${openSql.verification()} AND EXISTS (SELECT 1 FROM improvement_plans vp WHERE vp.id = internal_audits.plan_id AND ` +
          `${statusInSql('vp.status', AUDIT_DEADLINE_PLAN_STATUSES)}) RETURNING id`,
        [id, to],
      ),
    ).length;
  },
};
