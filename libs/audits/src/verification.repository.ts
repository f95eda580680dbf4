import { EntityManager } from 'typeorm';
import { BatchRead } from '@opvolging/database';
import { viaPlan } from '@opvolging/access';
import { Actor } from '@opvolging/shared';
import { InternalAudit, InternalAuditJudgement, Verification, VerificationGrade } from './audit.entity';

/** The SQL of the inspectorate's verifications and their grades: read and written only through here. */
export const verificationRepository = {
  byPlan(em: EntityManager, actor: Actor, planIds: readonly string[]): Promise<Verification[]> {
    const scope = viaPlan(actor, 'v');
    return em
      .getRepository(Verification)
      .createQueryBuilder('v')
      .where('v.plan_id IN (:...ids)', { ids: planIds })
      .andWhere(scope.sql, scope.params)
      .getMany();
  },

  gradesByVerification(): BatchRead<VerificationGrade, VerificationGrade> {
    return {
      entity: VerificationGrade,
      alias: 'x',
      column: 'verification_id',
      key: (g) => g.verificationId,
    };
  },

  auditOfPlan(em: EntityManager, planId: string): Promise<InternalAudit> {
    return em.getRepository(InternalAudit).findOneByOrFail({ planId });
  },

  auditJudged(em: EntityManager, auditId: string): Promise<boolean> {
    return em.getRepository(InternalAuditJudgement).existsBy({ auditId });
  },

  /** The dates of the steps a verification follows: the publication and the audit's latest judgement (Amsterdam date). */
  async stepDates(
    em: EntityManager,
    investigationId: string,
    auditId: string,
  ): Promise<{ published: string | null; judged: string | null }> {
    const [steps]: Array<{ published: string | null; judged: string | null }> = await em.query(
      `SELECT i.publication_date::text AS published,
                ((SELECT max(j.judged_at) FROM internal_audit_judgements j WHERE j.audit_id = $2) AT TIME ZONE
                  'Europe/Amsterdam')::date::text AS judged
           FROM investigations i WHERE i.id = $1`,
      [investigationId, auditId],
    );
    return steps;
  },

  insert(em: EntityManager, data: Omit<Verification, 'id' | 'createdAt'>): Promise<Verification> {
    const repo = em.getRepository(Verification);
    return repo.save(repo.create(data));
  },

  async insertGrades(em: EntityManager, grades: VerificationGrade[]): Promise<void> {
    await em.insert(VerificationGrade, grades);
  },
};
