import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, Tx, updateVersioned, batchRead } from '@opvolging/database';
import { seesDrafts } from '@opvolging/access';
import { DeadlineKind, recordDueDateChange } from '@opvolging/deadlines';
import { lockPlan, MeasureStatus, PLAN_ACCEPTED, PlanAccepted } from '@opvolging/plans';
import {
  Actor,
  addMonths,
  Clock,
  dates,
  DomainError,
  DomainEvents,
  EventKind,
  FieldProblem,
  PROCESS_EVENT,
  ProcessEvent,
  Role,
  requireRole,
  unique,
} from '@opvolging/shared';
import {
  AuditQuality,
  Implementation,
  InternalAudit,
  InternalAuditJudgement,
  InternalAuditResult,
  InsufficientAuditFollowUp,
  VerificationMethod,
} from './audit.entity';
import { auditStateMachine } from './audit.state-machine';
import { checkFollowUp } from './audit-rules';
import { auditRepository as rows } from './audit.repository';

export interface AuditResultData {
  measureId: string;
  implementation: Implementation;
  evidence: string;
}

export interface JudgeAuditData {
  id: string;
  expectedVersion: number;
  quality: AuditQuality;
  rationale: string;
  /** Required when insufficient: what follows. */
  followUp?: InsufficientAuditFollowUp | null;
  /** REVISED_AUDIT: the revised audit's due date. */
  revisedDueDate?: string | null;
  /** OWN_VERIFICATION: desk review or site visit, and the date it is planned on. */
  verificationMethod?: VerificationMethod | null;
  verificationPlannedOn?: string | null;
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
    await rows.insertDraft(tx.em, { planId: plan.id, dueDate });
  }

  // ---- reads -------------------------------------------------------------------------------

  async byPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, InternalAudit>> {
    const audits = await this.db.read(actor, ({ em }) => rows.byPlan(em, actor, planIds));
    return new Map(audits.map((a) => [a.planId, a]));
  }

  async byIds(actor: Actor, ids: readonly string[]): Promise<InternalAudit[]> {
    return this.db.read(actor, ({ em }) => rows.byIds(em, actor, ids));
  }

  /** Results per audit; an unsubmitted audit's results are the organisation's own draft. */
  async resultsByAudit(actor: Actor, audits: readonly InternalAudit[]): Promise<Map<string, InternalAuditResult[]>> {
    const visible = audits.filter((a) => seesDrafts(actor) || a.submittedAt !== null).map((a) => a.id);
    if (!visible.length) return new Map();
    return batchRead(this.db, actor, visible, rows.resultsByAudit());
  }

  async judgementsByAudit(actor: Actor, auditIds: readonly string[]): Promise<Map<string, InternalAuditJudgement[]>> {
    return batchRead(this.db, actor, auditIds, rows.judgementsByAudit());
  }

  // ---- writes ------------------------------------------------------------------------------

  save(actor: Actor, data: SaveAuditData): Promise<InternalAudit> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'write internal audits');
    return this.db.transaction(actor, async ({ em }) => {
      const audit = await this.lockAudit(em, actor, data.id);
      auditStateMachine.next(audit.status, 'edit');
      if (data.results !== undefined) {
        const measures = await rows.measuresOf(em, audit.planId);
        const known = new Set(measures.map((m) => m.id));
        const problems: FieldProblem[] = [];
        data.results.forEach((r, index) => {
          if (!known.has(r.measureId)) problems.push({ path: `input.results.${index}.measureId`, message: 'not a measure of this plan' });
        });
        if (unique(data.results.map((r) => r.measureId)).length !== data.results.length) {
          problems.push({ path: 'input.results', message: 'each measure appears at most once' });
        }
        if (problems.length) throw DomainError.badInput('The audit results are not valid.', problems);
        await rows.deleteResults(em, audit.id);
        if (data.results.length) {
          await rows.insertResults(
            em,
            data.results.map((r) => ({
              auditId: audit.id,
              measureId: r.measureId,
              implementation: r.implementation,
              evidence: r.evidence.trim(),
            })),
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
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      const audit = await this.lockAudit(em, actor, data.id);
      if (audit.version !== data.expectedVersion)
        throw DomainError.conflict('InternalAudit', audit.id, data.expectedVersion, audit.version);
      const status = auditStateMachine.next(audit.status, 'submit');
      const problems: FieldProblem[] = [];
      if (!audit.conclusion?.trim()) problems.push({ path: 'conclusion', message: 'write a conclusion first' });
      const measures = await rows.measuresOf(em, audit.planId);
      const reported = new Set((await rows.resultsOf(em, audit.id)).map((r) => r.measureId));
      for (const m of measures) {
        if (m.status !== MeasureStatus.CANCELLED && !reported.has(m.id))
          problems.push({ path: `results.${m.id}`, message: `no result for measure "${m.description}"` });
      }
      if (problems.length) throw DomainError.badInput('The audit cannot be submitted yet.', problems);
      const submitted = await updateVersioned(em, InternalAudit, 'InternalAudit', audit.id, data.expectedVersion, {
        status,
        submittedAt: this.clock.now(),
      });
      await this.tell(tx, EventKind.AUDIT_SUBMITTED, submitted, { quality: null });
      return submitted;
    });
  }

  /**
   * The inspector's judgement of the audit's quality. An insufficient audit is followed, by the
   * inspector's choice, by a revised audit (new due date, the original kept) or by the
   * inspectorate's own verification on a planned date (a deadline for the inspector).
   */
  judge(actor: Actor, data: JudgeAuditData): Promise<InternalAudit> {
    requireRole(actor, [Role.INSPECTOR], 'judge internal audits');
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      const audit = await this.lockAudit(em, actor, data.id);
      const followUp = checkFollowUp(data, this.clock.today());
      const action = !followUp
        ? 'approve'
        : followUp === InsufficientAuditFollowUp.REVISED_AUDIT
          ? 'request_revision'
          : 'plan_own_verification';
      const status = auditStateMachine.next(audit.status, action);
      await rows.insertJudgement(em, {
        auditId: audit.id,
        quality: data.quality,
        rationale: data.rationale.trim(),
        inspectorId: actor.userId,
        judgedAt: this.clock.now(),
        followUp,
        revisedDueDate: followUp === InsufficientAuditFollowUp.REVISED_AUDIT ? data.revisedDueDate! : null,
        verificationMethod: followUp === InsufficientAuditFollowUp.OWN_VERIFICATION ? data.verificationMethod! : null,
        verificationPlannedOn: followUp === InsufficientAuditFollowUp.OWN_VERIFICATION ? data.verificationPlannedOn! : null,
      });
      const patch: Partial<InternalAudit> = { status };
      if (followUp === InsufficientAuditFollowUp.REVISED_AUDIT && data.revisedDueDate !== audit.dueDate) {
        // The revised audit's due date; original_due_date stays, and the move is recorded like every other.
        patch.dueDate = data.revisedDueDate!;
        const plan = await rows.plan(em, audit.planId);
        await recordDueDateChange(em, {
          kind: DeadlineKind.AUDIT_DUE,
          subjectId: audit.id,
          investigationId: plan.investigationId,
          fromDate: audit.dueDate,
          toDate: data.revisedDueDate!,
          reason: `Herziene audit gevraagd / revised audit requested: ${data.rationale.trim()}`,
          decidedBy: actor.userId,
        });
      }
      if (followUp === InsufficientAuditFollowUp.OWN_VERIFICATION) {
        patch.verificationMethod = data.verificationMethod!;
        patch.verificationDueDate = data.verificationPlannedOn!;
        patch.originalVerificationDueDate = data.verificationPlannedOn!;
      }
      const judged = await updateVersioned(em, InternalAudit, 'InternalAudit', audit.id, data.expectedVersion, patch);
      await this.tell(tx, EventKind.AUDIT_JUDGED, judged, {
        quality: data.quality,
        followUp,
        revisedDueDate: followUp === InsufficientAuditFollowUp.REVISED_AUDIT ? data.revisedDueDate! : null,
        method: followUp === InsufficientAuditFollowUp.OWN_VERIFICATION ? data.verificationMethod! : null,
        verificationPlannedOn: followUp === InsufficientAuditFollowUp.OWN_VERIFICATION ? data.verificationPlannedOn! : null,
      });
      return judged;
    });
  }

  /** Event notifications: a submitted audit to the inspectors, a judgement to the organisation. */
  private async tell(tx: Tx, kind: EventKind, audit: InternalAudit, details: Record<string, string | null>) {
    const plan = await rows.plan(tx.em, audit.planId);
    const payload: ProcessEvent = {
      kind,
      investigationId: plan.investigationId,
      organisationId: plan.organisationId,
      subjectId: audit.id,
      planId: plan.id,
      audiences: kind === EventKind.AUDIT_SUBMITTED ? ['INSPECTORS'] : ['ORGANISATION'],
      details,
    };
    await this.events.emit(tx, { type: PROCESS_EVENT, payload });
  }

  async lockAudit(em: EntityManager, actor: Actor, id: string): Promise<InternalAudit> {
    const found = await rows.byId(em, id);
    if (!found) throw DomainError.notFound('InternalAudit', id);
    await lockPlan(em, actor, found.planId).catch((error: DomainError) => {
      throw error.code === 'NOT_FOUND' ? DomainError.notFound('InternalAudit', id) : error;
    });
    return rows.getById(em, id);
  }
}
