import { Injectable } from '@nestjs/common';
import { Database, Tx, batchRead } from '@opvolging/database';
import { ReportContentService } from '@opvolging/investigations';
import { closePlan, ImprovementPlan, lockPlan, planStateMachine } from '@opvolging/plans';
import {
  Actor,
  Clock,
  DomainError,
  DomainEvents,
  EventKind,
  FieldProblem,
  pastStepDateProblem,
  PROCESS_EVENT,
  ProcessEvent,
  Role,
  requireRole,
} from '@opvolging/shared';
import { ImplementationGrade, Verification, VerificationGrade, VerificationMethod } from './audit.entity';
import { auditStateMachine } from './audit.state-machine';
import { verificationRepository as rows } from './verification.repository';

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
    private readonly events: DomainEvents<Tx>,
  ) {}

  async byPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, Verification>> {
    const verifications = await this.db.read(actor, ({ em }) => rows.byPlan(em, actor, planIds));
    return new Map(verifications.map((v) => [v.planId, v]));
  }

  async gradesByVerification(actor: Actor, verificationIds: readonly string[]): Promise<Map<string, VerificationGrade[]>> {
    return batchRead(this.db, actor, verificationIds, rows.gradesByVerification());
  }

  record(actor: Actor, data: VerificationData): Promise<{ plan: ImprovementPlan; verification: Verification }> {
    requireRole(actor, [Role.INSPECTOR], 'verify improvements');
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      const { plan } = await lockPlan(em, actor, data.planId);
      if (plan.version !== data.expectedPlanVersion)
        throw DomainError.conflict('ImprovementPlan', plan.id, data.expectedPlanVersion, plan.version);
      const status = planStateMachine.next(plan.status, 'close');
      const audit = await rows.auditOfPlan(em, plan.id);
      auditStateMachine.next(audit.status, 'verify');
      if (!(await rows.auditJudged(em, audit.id))) {
        throw DomainError.badInput('Judge the internal audit before verifying.', [{ path: 'input.planId', message: 'audit not judged' }]);
      }
      // The progress series counts a point from verifiedOn: it cannot precede the steps it follows.
      const steps = await rows.stepDates(em, plan.investigationId, audit.id);
      const dateProblem = pastStepDateProblem('input.verifiedOn', data.verifiedOn, this.clock.today(), [
        { what: 'the publication', on: steps.published },
        { what: 'the internal audit was judged', on: steps.judged },
      ]);
      if (dateProblem)
        throw DomainError.badInput('A verification is dated on or after the steps it follows, and not in the future.', [dateProblem]);
      const points = await this.content.pointsAddressedTo(em, plan.investigationId, plan.organisationId);
      const expected = new Set(points.map((p) => p.id));
      const problems: FieldProblem[] = [];
      const seen = new Set<string>();
      data.grades.forEach((g, index) => {
        if (!expected.has(g.pointId))
          problems.push({ path: `input.grades.${index}.pointId`, message: 'not a point addressed to this organisation' });
        if (seen.has(g.pointId)) problems.push({ path: `input.grades.${index}.pointId`, message: 'graded twice' });
        seen.add(g.pointId);
        if (g.grade === ImplementationGrade.NO_LONGER_RELEVANT && !g.reason?.trim()) {
          problems.push({ path: `input.grades.${index}.reason`, message: 'say why the point is no longer relevant' });
        }
      });
      for (const p of points)
        if (!seen.has(p.id)) problems.push({ path: 'input.grades', message: `point ${p.position} (${p.id}) has no grade` });
      if (problems.length) throw DomainError.badInput('The verification must grade every improvement point of the plan once.', problems);
      const verification = await rows.insert(em, {
        planId: plan.id,
        method: data.method,
        verifiedOn: data.verifiedOn,
        summary: data.summary.trim(),
        inspectorId: actor.userId,
      });
      await rows.insertGrades(
        em,
        data.grades.map((g) => ({ verificationId: verification.id, pointId: g.pointId, grade: g.grade, reason: g.reason?.trim() || null })),
      );
      const closed = await closePlan(em, plan.id, data.expectedPlanVersion, { status, closedAt: this.clock.now() });
      const payload: ProcessEvent = {
        kind: EventKind.PLAN_VERIFIED,
        investigationId: plan.investigationId,
        organisationId: plan.organisationId,
        subjectId: verification.id,
        planId: plan.id,
        audiences: ['ORGANISATION', 'REVIEWERS'],
        details: { method: data.method, verifiedOn: data.verifiedOn },
      };
      await this.events.emit(tx, { type: PROCESS_EVENT, payload });
      return { plan: closed, verification };
    });
  }
}
