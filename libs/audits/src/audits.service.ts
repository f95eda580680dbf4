import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Database, Tx, updateVersioned } from '@opvolging/database';
import { seesDrafts, viaPlan } from '@opvolging/identity';
import { lockPlan, Measure, MeasureStatus, PLAN_ACCEPTED, PlanAccepted } from '@opvolging/plans';
import { Actor, addMonths, Clock, dates, DomainError, DomainEvents, FieldProblem, group, Role, requireRole, unique } from '@opvolging/shared';
import { AuditQuality, Implementation, InternalAudit, InternalAuditJudgement, InternalAuditResult, InternalAuditStatus } from './audit.entity';
import { auditStateMachine } from './audit.state-machine';

export interface AuditResultData {
  measureId: string;
  implementation: Implementation;
  evidence: string;
}

export interface SaveAuditData {
  id: string;
  expectedVersion: number;
  conclusion?: string;
  /** The full set of results; replaces what was saved before. */
  results?: AuditResultData[];
}

/** The organisation's own check, about six months after acceptance, that the measures work. */
@Injectable()
export class AuditsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly events: DomainEvents<Tx>,
  ) {}

  onModuleInit(): void {
    this.events.on<PlanAccepted>(PLAN_ACCEPTED, (tx, event) => this.schedule(tx, event.payload));
  }

  /** The audit falls due a policy-defined number of months after the plan was accepted. */
  private async schedule(tx: Tx, { plan, investigation }: PlanAccepted): Promise<void> {
    const dueDate = addMonths(dates.dateOf(plan.acceptedAt!), investigation.auditDueMonths, investigation.deadlineUnit);
    await tx.em
      .createQueryBuilder()
      .insert()
      .into(InternalAudit)
      .values({ planId: plan.id, status: InternalAuditStatus.DRAFT, dueDate, originalDueDate: dueDate })
      .orIgnore()
      .execute();
  }

  // ---- reads -------------------------------------------------------------------------------

  async byPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, InternalAudit>> {
    const rows = await this.db.transaction(actor, ({ em }) => {
      const scope = viaPlan(actor, 'a');
      return em.getRepository(InternalAudit).createQueryBuilder('a').where('a.plan_id IN (:...ids)', { ids: planIds }).andWhere(scope.sql, scope.params).getMany();
    });
    return new Map(rows.map((a) => [a.planId, a]));
  }

  async byIds(actor: Actor, ids: readonly string[]): Promise<InternalAudit[]> {
    return this.db.transaction(actor, ({ em }) => {
      const scope = viaPlan(actor, 'a');
      return em.getRepository(InternalAudit).createQueryBuilder('a').where('a.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    });
  }

  /** Results per audit; an unsubmitted audit's results are the organisation's own draft. */
  async resultsByAudit(actor: Actor, audits: readonly InternalAudit[]): Promise<Map<string, InternalAuditResult[]>> {
    const visible = audits.filter((a) => seesDrafts(actor) || a.submittedAt !== null).map((a) => a.id);
    if (!visible.length) return new Map();
    const rows = await this.db.transaction(actor, ({ em }) =>
      em.getRepository(InternalAuditResult).find({ where: { auditId: In(visible) }, order: { measureId: 'ASC' } }),
    );
    return group(rows, (r) => r.auditId, (r) => r);
  }

  async judgementsByAudit(actor: Actor, auditIds: readonly string[]): Promise<Map<string, InternalAuditJudgement[]>> {
    const rows = await this.db.transaction(actor, ({ em }) =>
      em.getRepository(InternalAuditJudgement).find({ where: { auditId: In([...auditIds]) }, order: { judgedAt: 'ASC' } }),
    );
    return group(rows, (r) => r.auditId, (r) => r);
  }

  // ---- writes ------------------------------------------------------------------------------

  save(actor: Actor, data: SaveAuditData): Promise<InternalAudit> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'write internal audits');
    return this.db.transaction(actor, async ({ em }) => {
      const audit = await this.lockAudit(em, actor, data.id);
      auditStateMachine.next(audit.status, 'edit');
      if (data.results !== undefined) {
        const measures = await em.getRepository(Measure).findBy({ planId: audit.planId });
        const known = new Set(measures.map((m) => m.id));
        const problems: FieldProblem[] = [];
        data.results.forEach((r, index) => {
          if (!known.has(r.measureId)) problems.push({ path: `input.results.${index}.measureId`, message: 'not a measure of this plan' });
        });
        if (unique(data.results.map((r) => r.measureId)).length !== data.results.length) {
          problems.push({ path: 'input.results', message: 'each measure appears at most once' });
        }
        if (problems.length) throw DomainError.badInput('The audit results are not valid.', problems);
        await em.delete(InternalAuditResult, { auditId: audit.id });
        if (data.results.length) {
          await em.insert(
            InternalAuditResult,
            data.results.map((r) => ({ auditId: audit.id, measureId: r.measureId, implementation: r.implementation, evidence: r.evidence.trim() })),
          );
        }
      }
      return updateVersioned(em, InternalAudit, 'InternalAudit', audit.id, data.expectedVersion, {
        ...(data.conclusion !== undefined ? { conclusion: data.conclusion.trim() } : {}),
      });
    });
  }

  /** Hands the audit to the inspectorate: needs a conclusion and a result for every measure not cancelled. */
  submit(actor: Actor, data: { id: string; expectedVersion: number }): Promise<InternalAudit> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'submit internal audits');
    return this.db.transaction(actor, async ({ em }) => {
      const audit = await this.lockAudit(em, actor, data.id);
      if (audit.version !== data.expectedVersion) throw DomainError.conflict('InternalAudit', audit.id, data.expectedVersion, audit.version);
      const status = auditStateMachine.next(audit.status, 'submit');
      const problems: FieldProblem[] = [];
      if (!audit.conclusion?.trim()) problems.push({ path: 'conclusion', message: 'write a conclusion first' });
      const measures = await em.getRepository(Measure).findBy({ planId: audit.planId });
      const reported = new Set((await em.getRepository(InternalAuditResult).findBy({ auditId: audit.id })).map((r) => r.measureId));
      for (const m of measures) {
        if (m.status !== MeasureStatus.CANCELLED && !reported.has(m.id)) problems.push({ path: `results.${m.id}`, message: `no result for measure "${m.description}"` });
      }
      if (problems.length) throw DomainError.badInput('The audit cannot be submitted yet.', problems);
      return updateVersioned(em, InternalAudit, 'InternalAudit', audit.id, data.expectedVersion, { status, submittedAt: this.clock.now() });
    });
  }

  /** The inspector's judgement of the audit's quality; an insufficient audit goes back for revision. */
  judge(actor: Actor, data: { id: string; expectedVersion: number; quality: AuditQuality; rationale: string }): Promise<InternalAudit> {
    requireRole(actor, [Role.INSPECTOR], 'judge internal audits');
    return this.db.transaction(actor, async ({ em }) => {
      const audit = await this.lockAudit(em, actor, data.id);
      const status = auditStateMachine.next(audit.status, data.quality === AuditQuality.SUFFICIENT ? 'approve' : 'request_revision');
      await em.insert(InternalAuditJudgement, {
        auditId: audit.id,
        quality: data.quality,
        rationale: data.rationale.trim(),
        inspectorId: actor.userId,
        judgedAt: this.clock.now(),
      });
      return updateVersioned(em, InternalAudit, 'InternalAudit', audit.id, data.expectedVersion, { status });
    });
  }

  async lockAudit(em: EntityManager, actor: Actor, id: string): Promise<InternalAudit> {
    const found = await em.getRepository(InternalAudit).findOneBy({ id });
    if (!found) throw DomainError.notFound('InternalAudit', id);
    await lockPlan(em, actor, found.planId).catch((error: DomainError) => {
      throw error.code === 'NOT_FOUND' ? DomainError.notFound('InternalAudit', id) : error;
    });
    return em.getRepository(InternalAudit).findOneByOrFail({ id });
  }
}
