import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, Tx, updateVersioned } from '@opvolging/database';
import { DeadlineKind, recordDueDateChange } from '@opvolging/deadlines';
import { investigationStateMachine } from '@opvolging/investigations';
import {
  Actor,
  addMonths,
  Clock,
  DeadlineUnit,
  DomainError,
  DomainEvents,
  ErrorCode,
  EventKind,
  FieldProblem,
  group,
  PROCESS_EVENT,
  ProcessEvent,
  Role,
  requireRole,
} from '@opvolging/shared';
import {
  AmountBasis,
  EnforcementForfeit,
  EnforcementMeasure,
  EnforcementProgressReport,
  EnforcementStatus,
  EnforcementType,
  ProgressReportStatus,
} from './enforcement.entity';
import {
  ACTIONS_BY_TYPE,
  EnforcementAction,
  enforcementStateMachine,
  ESCALATES_WHILE_ACTIVE,
  nextEnforcementTypes,
  openEnforcementStep,
  progressReportStateMachine,
} from './enforcement.state-machine';
import { enforcementRepository as rows } from './enforcement.repository';
import {
  checkDecidedOn,
  DEFAULT_SUPERVISION_MONTHS,
  enforcementFieldProblems,
  MAX_SUPERVISION_MONTHS,
  RecordEnforcementData,
} from './enforcement-rules';

export { DEFAULT_SUPERVISION_MONTHS, MAX_SUPERVISION_MONTHS } from './enforcement-rules';
export type { RecordEnforcementData } from './enforcement-rules';

/**
 * Enforcement (handhaving) when a case stalls: the inspectorate records measures on a ladder, one
 * in force at a time per organisation and investigation. Each has its own deadlines (progress
 * reports and the period end, or the compliance deadline), reminded like every other deadline.
 */
@Injectable()
export class EnforcementService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly events: DomainEvents<Tx>,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  async byIds(actor: Actor, ids: readonly string[]): Promise<EnforcementMeasure[]> {
    if (!ids.length) return [];
    return this.db.read(actor, ({ em }) => rows.byIds(em, actor, ids));
  }

  async get(actor: Actor, id: string): Promise<EnforcementMeasure> {
    const [found] = await this.byIds(actor, [id]);
    if (!found) throw DomainError.notFound('EnforcementMeasure', id);
    return found;
  }

  /** Measures per plan, oldest first. */
  async byPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, EnforcementMeasure[]>> {
    const measures = await this.db.read(actor, ({ em }) => rows.byPlans(em, actor, planIds));
    return group(
      measures,
      (r) => r.planId!,
      (r) => r,
    );
  }

  /** Measures per investigation (plan-level and investigation-level), oldest first. */
  async byInvestigation(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, EnforcementMeasure[]>> {
    const measures = await this.db.read(actor, ({ em }) => rows.byInvestigations(em, actor, investigationIds));
    return group(
      measures,
      (r) => r.investigationId,
      (r) => r,
    );
  }

  async reportsByMeasure(actor: Actor, measureIds: readonly string[]): Promise<Map<string, EnforcementProgressReport[]>> {
    const reports = await this.db.read(actor, ({ em }) => rows.reportsOf(em, measureIds));
    return group(
      reports,
      (r) => r.measureId,
      (r) => r,
    );
  }

  async forfeitsByMeasure(actor: Actor, measureIds: readonly string[]): Promise<Map<string, EnforcementForfeit[]>> {
    const forfeits = await this.db.read(actor, ({ em }) => rows.forfeitsOf(em, measureIds));
    return group(
      forfeits,
      (r) => r.measureId,
      (r) => r,
    );
  }

  /**
   * What the inspector may record next for each organisation in each investigation (keys
   * `investigationId:organisationId`), by the same rule `record` applies.
   */
  async nextTypes(actor: Actor, keys: readonly string[]): Promise<Map<string, readonly EnforcementType[]>> {
    if (actor.role !== Role.INSPECTOR) return new Map(keys.map((k) => [k, []])); // only inspectors record enforcement
    const pairs = keys.map((k) => k.split(':') as [string, string]);
    const latest = await this.db.read(actor, ({ em }) => rows.latestPer(em, pairs));
    return new Map(keys.map((k) => [k, nextEnforcementTypes(latest.get(k) ?? null)]));
  }

  // ---- writes ------------------------------------------------------------------------------

  /** An inspector of the case records the next step of the ladder, with its deadlines. */
  record(actor: Actor, data: RecordEnforcementData): Promise<EnforcementMeasure> {
    requireRole(actor, [Role.INSPECTOR], 'record enforcement measures');
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      const { investigation, organisationId, planId } = await this.target(em, actor, data);

      // The ladder: what is in force (or not complied with) decides what may follow.
      const latest = await rows.lockLatest(em, investigation.id, organisationId);
      const open = openEnforcementStep(latest);
      const allowed = nextEnforcementTypes(latest);
      if (open) {
        if (open.status === EnforcementStatus.ACTIVE && !ESCALATES_WHILE_ACTIVE.includes(open.type)) {
          throw new DomainError(
            ErrorCode.INVALID_TRANSITION,
            `The ${label(open.type)} is still in force: record whether it was complied with before the next step.`,
            { from: open.status, previousId: open.id },
          );
        }
        this.allow(open, 'escalate');
        if (!allowed.includes(data.type)) {
          throw DomainError.badInput(`After ${label(open.type)}, the next step is ${allowed.join(' or ') || 'none'}.`, [
            { path: 'input.type', message: `allowed after ${open.type}: ${allowed.join(', ') || 'none'}` },
          ]);
        }
      } else if (!allowed.includes(data.type)) {
        throw DomainError.badInput(`Enforcement starts with ${allowed.join(' or ')}.`, [
          { path: 'input.type', message: `the first step is ${allowed.join(' or ')}` },
        ]);
      }
      const problems = enforcementFieldProblems(data, investigation.publicationDate, this.clock.today());
      if (problems.length) throw DomainError.badInput('The enforcement measure is not complete.', problems);
      if (open) {
        await updateVersioned(em, EnforcementMeasure, 'EnforcementMeasure', open.id, open.version, {
          status: enforcementStateMachine.next(open.status, 'escalate'),
          decidedOn: data.decisionDate,
          decidedBy: actor.userId,
        });
      }

      const months = data.periodMonths ?? DEFAULT_SUPERVISION_MONTHS;
      const supervision = data.type === EnforcementType.INTENSIFIED_SUPERVISION;
      const periodEnd = supervision ? addMonths(data.decisionDate, months, DeadlineUnit.CALENDAR_DAYS) : null;
      const compliance = data.type === EnforcementType.BINDING_INSTRUCTION || data.type === EnforcementType.PENALTY_ORDER;
      const saved = await rows.insert(em, {
        investigationId: investigation.id,
        planId,
        organisationId,
        type: data.type,
        status: data.type === EnforcementType.ADMINISTRATIVE_FINE ? EnforcementStatus.IMPOSED : EnforcementStatus.ACTIVE,
        previousId: open?.id ?? null,
        decisionDate: data.decisionDate,
        rationale: data.rationale.trim(),
        inspectorId: actor.userId,
        periodEndDate: periodEnd,
        originalPeriodEndDate: periodEnd,
        requirements: compliance ? data.requirements!.trim() : null,
        complianceDueDate: compliance ? data.complianceDueDate! : null,
        originalComplianceDueDate: compliance ? data.complianceDueDate! : null,
        amountCents: data.amountCents != null ? String(data.amountCents) : null,
        amountBasis: data.type === EnforcementType.PENALTY_ORDER ? data.amountBasis! : null,
        maximumCents: data.type === EnforcementType.PENALTY_ORDER && data.maximumCents != null ? String(data.maximumCents) : null,
        version: 1,
      });
      if (supervision) await this.addReports(em, saved, 1, months);
      const measure = await rows.getById(em, saved.id);
      await this.tell(
        tx,
        measure,
        'RECORDED',
        measure.complianceDueDate ?? (supervision ? addMonths(data.decisionDate, 1, DeadlineUnit.CALENDAR_DAYS) : null),
      );
      return measure;
    });
  }

  /** An organisation member submits a progress report of intensified supervision. */
  submitReport(actor: Actor, data: { id: string; expectedVersion: number; report: string }): Promise<EnforcementProgressReport> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'submit progress reports');
    return this.db.transaction(actor, async (tx) => {
      const { report, measure } = await this.lockReport(tx.em, actor, data.id);
      this.allow(measure, 'submit_report');
      const status = progressReportStateMachine.next(report.status, 'submit');
      return updateVersioned(tx.em, EnforcementProgressReport, 'EnforcementProgressReport', report.id, data.expectedVersion, {
        status,
        report: data.report.trim(),
        submittedAt: this.clock.now(),
        submittedBy: actor.userId,
      });
    });
  }

  /** The inspector accepts a report, or asks for more by a new date (a deadline again). */
  reviewReport(
    actor: Actor,
    data: { id: string; expectedVersion: number; accepted: boolean; note: string; dueDate?: string | null },
  ): Promise<EnforcementProgressReport> {
    requireRole(actor, [Role.INSPECTOR], 'review progress reports');
    return this.db.transaction(actor, async (tx) => {
      const { report, measure } = await this.lockReport(tx.em, actor, data.id);
      this.allow(measure, 'review_report');
      const status = progressReportStateMachine.next(report.status, data.accepted ? 'accept' : 'ask_more');
      const today = this.clock.today();
      if (!data.accepted && (!data.dueDate || data.dueDate <= today)) {
        throw DomainError.badInput('Asking for more needs a new date for the report.', [
          { path: 'input.dueDate', message: `required, after today (${today})` },
        ]);
      }
      if (data.accepted && data.dueDate)
        throw DomainError.badInput('Only a report sent back gets a new date.', [
          { path: 'input.dueDate', message: 'only when more is needed' },
        ]);
      if (!data.accepted && data.dueDate !== report.dueDate) {
        await recordDueDateChange(tx.em, {
          kind: DeadlineKind.ENFORCEMENT_REPORT_DUE,
          subjectId: report.id,
          investigationId: report.investigationId,
          fromDate: report.dueDate,
          toDate: data.dueDate!,
          reason: `Meer nodig / more needed: ${data.note.trim()}`,
          decidedBy: actor.userId,
        });
      }
      return updateVersioned(tx.em, EnforcementProgressReport, 'EnforcementProgressReport', report.id, data.expectedVersion, {
        status,
        reviewNote: data.note.trim(),
        reviewedAt: this.clock.now(),
        reviewedBy: actor.userId,
        ...(data.accepted ? {} : { dueDate: data.dueDate! }),
      });
    });
  }

  /**
   * The end of a period of intensified supervision: lifted, or extended by some months (more
   * monthly reports, a later period end). The next step is recorded with `record`.
   */
  decideSupervision(
    actor: Actor,
    data: {
      id: string;
      expectedVersion: number;
      decision: 'LIFT' | 'EXTEND';
      extendMonths?: number | null;
      decidedOn: string;
      note: string;
    },
  ): Promise<EnforcementMeasure> {
    requireRole(actor, [Role.INSPECTOR], 'decide on intensified supervision');
    return this.db.transaction(actor, async (tx) => {
      const measure = await this.lock(tx.em, actor, data.id, data.expectedVersion);
      checkDecidedOn(measure, data.decidedOn, this.clock.today());
      if (data.decision === 'LIFT') {
        const status = this.allow(measure, 'lift');
        const open = await rows.countReports(tx.em, measure.id, ProgressReportStatus.SUBMITTED);
        if (open)
          throw DomainError.badInput('Review the submitted progress reports first.', [
            { path: 'input.id', message: `${open} report(s) waiting for review` },
          ]);
        return this.decide(tx, actor, measure, data, status, 'LIFTED');
      }
      this.allow(measure, 'extend');
      const months = data.extendMonths ?? 0;
      if (!Number.isInteger(months) || months < 1 || months > MAX_SUPERVISION_MONTHS) {
        throw DomainError.badInput('Say by how many months the supervision is extended.', [
          { path: 'input.extendMonths', message: `between 1 and ${MAX_SUPERVISION_MONTHS}` },
        ]);
      }
      const reports = await rows.countReports(tx.em, measure.id);
      const periodEnd = addMonths(measure.periodEndDate!, months, DeadlineUnit.CALENDAR_DAYS);
      await recordDueDateChange(tx.em, {
        kind: DeadlineKind.ENFORCEMENT_PERIOD_END,
        subjectId: measure.id,
        investigationId: measure.investigationId,
        fromDate: measure.periodEndDate!,
        toDate: periodEnd,
        reason: `Verlengd / extended: ${data.note.trim()}`,
        decidedBy: actor.userId,
      });
      await this.addReports(tx.em, measure, reports + 1, months, measure.periodEndDate!);
      const extended = await updateVersioned(tx.em, EnforcementMeasure, 'EnforcementMeasure', measure.id, data.expectedVersion, {
        periodEndDate: periodEnd,
        outcomeNote: data.note.trim(),
      });
      await this.tell(tx, extended, 'EXTENDED', periodEnd);
      return extended;
    });
  }

  /** On the compliance deadline of a binding instruction or penalty order: complied or not. */
  recordCompliance(
    actor: Actor,
    data: { id: string; expectedVersion: number; complied: boolean; decidedOn: string; note: string },
  ): Promise<EnforcementMeasure> {
    requireRole(actor, [Role.INSPECTOR], 'record compliance');
    return this.db.transaction(actor, async (tx) => {
      const measure = await this.lock(tx.em, actor, data.id, data.expectedVersion);
      const status = this.allow(measure, data.complied ? 'record_complied' : 'record_not_complied');
      checkDecidedOn(measure, data.decidedOn, this.clock.today());
      return this.decide(tx, actor, measure, data, status, data.complied ? 'COMPLIED' : 'NOT_COMPLIED');
    });
  }

  /** A forfeit of a penalty order: never more in total than its maximum (or its total amount). */
  recordForfeit(
    actor: Actor,
    data: { id: string; expectedVersion: number; forfeitedOn: string; amountCents: number; note: string },
  ): Promise<EnforcementMeasure> {
    requireRole(actor, [Role.INSPECTOR], 'record forfeits');
    return this.db.transaction(actor, async (tx) => {
      const measure = await this.lock(tx.em, actor, data.id, data.expectedVersion);
      this.allow(measure, 'record_forfeit');
      const problems: FieldProblem[] = [];
      const today = this.clock.today();
      if (data.forfeitedOn > today) problems.push({ path: 'input.forfeitedOn', message: `after today (${today})` });
      if (measure.complianceDueDate && data.forfeitedOn <= measure.complianceDueDate)
        problems.push({
          path: 'input.forfeitedOn',
          message: `a forfeit falls after the compliance deadline (${measure.complianceDueDate})`,
        });
      const sum = await rows.forfeited(tx.em, measure.id);
      const cap = Number(measure.amountBasis === AmountBasis.TOTAL ? measure.amountCents : measure.maximumCents);
      if (!Number.isSafeInteger(data.amountCents) || data.amountCents < 1)
        problems.push({ path: 'input.amountCents', message: 'a positive whole number of cents' });
      else if (sum + data.amountCents > cap)
        problems.push({ path: 'input.amountCents', message: `exceeds the maximum: ${cap - sum} cents remain` });
      if (problems.length) throw DomainError.badInput('The forfeit cannot be recorded.', problems);
      await rows.insertForfeit(tx.em, {
        measureId: measure.id,
        investigationId: measure.investigationId,
        planId: measure.planId,
        organisationId: measure.organisationId,
        forfeitedOn: data.forfeitedOn,
        amountCents: String(data.amountCents),
        note: data.note.trim(),
        recordedBy: actor.userId,
      });
      // The version moves: a forfeit is a change of the measure for whoever holds it.
      const updated = await updateVersioned(tx.em, EnforcementMeasure, 'EnforcementMeasure', measure.id, data.expectedVersion, {});
      await this.tell(tx, updated, 'FORFEIT', null);
      return updated;
    });
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The plan (its organisation) or the investigation and an involved organisation, in the inspector's scope. */
  private async target(em: EntityManager, actor: Actor, data: RecordEnforcementData) {
    const problems: FieldProblem[] = [];
    if (!!data.planId === !!data.investigationId) problems.push({ path: 'input.planId', message: 'give a planId or an investigationId' });
    if (data.investigationId && !data.organisationId)
      problems.push({ path: 'input.organisationId', message: 'required with investigationId' });
    if (data.planId && data.organisationId) problems.push({ path: 'input.organisationId', message: "a plan's organisation is its own" });
    if (problems.length) throw DomainError.badInput('Say what the enforcement measure is on.', problems);
    let investigationId = data.investigationId ?? null;
    let organisationId = data.organisationId ?? null;
    if (data.planId) {
      const plan = await rows.plan(em, actor, data.planId);
      if (!plan) throw DomainError.notFound('ImprovementPlan', data.planId);
      investigationId = plan.investigationId;
      organisationId = plan.organisationId;
    }
    // The investigation row is locked: ladder decisions of one case are serialised.
    const investigation = await rows.lockInvestigation(em, actor, investigationId);
    if (!investigation) throw DomainError.notFound('Investigation', investigationId!);
    investigationStateMachine.next(investigation.status, 'follow_up');
    if (!data.planId) {
      if (!(await rows.involved(em, investigation.id, organisationId)))
        throw DomainError.badInput('The organisation is not involved in this investigation.', [
          { path: 'input.organisationId', message: 'not involved' },
        ]);
    }
    return { investigation, organisationId: organisationId!, planId: data.planId ?? null };
  }

  /** The state machine, and whether the action fits the measure's type. */
  private allow(measure: EnforcementMeasure, action: EnforcementAction) {
    if (!ACTIONS_BY_TYPE[measure.type].includes(action)) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `A ${label(measure.type)} does not ${action.replace(/_/g, ' ')}.`, {
        aggregate: 'enforcement measure',
        action,
        type: measure.type,
      });
    }
    return enforcementStateMachine.next(measure.status, action);
  }

  private async addReports(em: EntityManager, measure: EnforcementMeasure, first: number, months: number, from = measure.decisionDate) {
    const reports = Array.from({ length: months }, (_, k) => {
      const due = addMonths(from, k + 1, DeadlineUnit.CALENDAR_DAYS);
      return {
        measureId: measure.id,
        investigationId: measure.investigationId,
        planId: measure.planId,
        organisationId: measure.organisationId,
        sequence: first + k,
        dueDate: due,
        originalDueDate: due,
        status: ProgressReportStatus.DUE,
        version: 1,
      };
    });
    await rows.insertReports(em, reports);
  }

  private async lock(em: EntityManager, actor: Actor, id: string, expectedVersion: number): Promise<EnforcementMeasure> {
    const found = await rows.lock(em, actor, id);
    if (!found) throw DomainError.notFound('EnforcementMeasure', id);
    if (found.version !== expectedVersion) throw DomainError.conflict('EnforcementMeasure', id, expectedVersion, found.version);
    return found;
  }

  private async lockReport(em: EntityManager, actor: Actor, id: string) {
    const report = await rows.report(em, id);
    if (!report) throw DomainError.notFound('EnforcementProgressReport', id);
    const measure = await rows.lock(em, actor, report.measureId);
    if (!measure) throw DomainError.notFound('EnforcementProgressReport', id);
    return { report: await rows.getReport(em, id), measure };
  }

  /** Every enforcement step is told to the organisation and the municipality's reviewers. */
  /** Records the inspector's decision that ends a step (lifted, complied, not complied), and tells who must know. */
  private async decide(
    tx: Tx,
    actor: Actor,
    measure: EnforcementMeasure,
    data: { expectedVersion: number; note: string; decidedOn: string },
    status: EnforcementMeasure['status'],
    step: string,
  ): Promise<EnforcementMeasure> {
    const decided = await updateVersioned(tx.em, EnforcementMeasure, 'EnforcementMeasure', measure.id, data.expectedVersion, {
      status,
      outcomeNote: data.note.trim(),
      decidedOn: data.decidedOn,
      decidedBy: actor.userId,
    });
    await this.tell(tx, decided, step, null);
    return decided;
  }

  private tell(tx: Tx, m: EnforcementMeasure, step: string, dueDate: string | null) {
    const payload: ProcessEvent = {
      kind: EventKind.ENFORCEMENT_STEP,
      investigationId: m.investigationId,
      organisationId: m.organisationId,
      subjectId: m.id,
      planId: m.planId,
      audiences: ['ORGANISATION', 'REVIEWERS'],
      details: { measureType: m.type, step, dueDate },
    };
    return this.events.emit(tx, { type: PROCESS_EVENT, payload });
  }
}

function label(type: EnforcementType): string {
  return type.toLowerCase().replace(/_/g, ' ');
}
