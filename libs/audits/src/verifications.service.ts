import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Database, updateVersioned } from '@opvolging/database';
import { viaPlan } from '@opvolging/identity';
import { ReportContentService } from '@opvolging/investigations';
import { ImprovementPlan, lockPlan, planStateMachine } from '@opvolging/plans';
import { Actor, Clock, DomainError, FieldProblem, group, Role, requireRole } from '@opvolging/shared';
import { ImplementationGrade, InternalAudit, InternalAuditJudgement, Verification, VerificationGrade, VerificationMethod } from './audit.entity';
import { auditStateMachine } from './audit.state-machine';

export interface VerificationData {
  planId: string;
  expectedPlanVersion: number;
  method: VerificationMethod;
  verifiedOn: string;
  summary: string;
  grades: Array<{ pointId: string; grade: ImplementationGrade; reason?: string | null }>;
}

/**
 * The inspectorate's own check. It grades every improvement point addressed to the organisation
 * and closes the plan: nothing is closed on the organisation's word alone.
 */
@Injectable()
export class VerificationsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly content: ReportContentService,
  ) {}

  async byPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, Verification>> {
    const rows = await this.db.transaction(actor, ({ em }) => {
      const scope = viaPlan(actor, 'v');
      return em.getRepository(Verification).createQueryBuilder('v').where('v.plan_id IN (:...ids)', { ids: planIds }).andWhere(scope.sql, scope.params).getMany();
    });
    return new Map(rows.map((v) => [v.planId, v]));
  }

  async gradesByVerification(actor: Actor, verificationIds: readonly string[]): Promise<Map<string, VerificationGrade[]>> {
    const rows = await this.db.transaction(actor, ({ em }) => em.getRepository(VerificationGrade).findBy({ verificationId: In([...verificationIds]) }));
    return group(rows, (g) => g.verificationId, (g) => g);
  }

  record(actor: Actor, data: VerificationData): Promise<{ plan: ImprovementPlan; verification: Verification }> {
    requireRole(actor, [Role.INSPECTOR], 'verify improvements');
    return this.db.transaction(actor, async ({ em }) => {
      const { plan } = await lockPlan(em, actor, data.planId);
      if (plan.version !== data.expectedPlanVersion) throw DomainError.conflict('ImprovementPlan', plan.id, data.expectedPlanVersion, plan.version);
      const status = planStateMachine.next(plan.status, 'close');
      const audit = await em.getRepository(InternalAudit).findOneByOrFail({ planId: plan.id });
      auditStateMachine.next(audit.status, 'verify');
      if (!(await em.getRepository(InternalAuditJudgement).existsBy({ auditId: audit.id }))) {
        throw DomainError.badInput('Judge the internal audit before verifying.', [{ path: 'input.planId', message: 'audit not judged' }]);
      }
      if (data.verifiedOn > this.clock.today()) {
        throw DomainError.badInput('A verification cannot be dated in the future.', [{ path: 'input.verifiedOn', message: `after today (${this.clock.today()})` }]);
      }
      const points = await this.content.pointsAddressedTo(em, plan.investigationId, plan.organisationId);
      const expected = new Set(points.map((p) => p.id));
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      data.grades.forEach((g, index) => {
        if (!expected.has(g.pointId)) problems.push({ path: `input.grades.${index}.pointId`, message: 'not a point addressed to this organisation' });
        if (seen.has(g.pointId)) problems.push({ path: `input.grades.${index}.pointId`, message: 'graded twice' });
        seen.add(g.pointId);
        if (g.grade === ImplementationGrade.NO_LONGER_RELEVANT && !g.reason?.trim()) {
          problems.push({ path: `input.grades.${index}.reason`, message: 'say why the point is no longer relevant' });
        }
      });
      for (const p of points) if (!seen.has(p.id)) problems.push({ path: 'input.grades', message: `point ${p.position} (${p.id}) has no grade` });
      if (problems.length) throw DomainError.badInput('The verification must grade every improvement point of the plan once.', problems);
      const repo = em.getRepository(Verification);
      const verification = await repo.save(
        repo.create({ planId: plan.id, method: data.method, verifiedOn: data.verifiedOn, summary: data.summary.trim(), inspectorId: actor.userId }),
      );
      await em.insert(
        VerificationGrade,
        data.grades.map((g) => ({ verificationId: verification.id, pointId: g.pointId, grade: g.grade, reason: g.reason?.trim() || null })),
      );
      const closed = await updateVersioned(em, ImprovementPlan, 'ImprovementPlan', plan.id, data.expectedPlanVersion, { status, closedAt: this.clock.now() });
      return { plan: closed, verification };
    });
  }
}
