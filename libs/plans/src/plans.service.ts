import { Injectable, OnModuleInit } from '@nestjs/common';
import { Database, Page, PageArgs, paginate, SortSpec, Tx, updateVersioned, batchRead } from '@opvolging/database';
import { DeadlineKind, recordDueDateChange } from '@opvolging/deadlines';
import { INVESTIGATION_PUBLISHED, InvestigationPublished, publicationDeadlines, ReportContentService } from '@opvolging/investigations';
import {
  Actor,
  addDays,
  Clock,
  dates,
  DomainError,
  DomainEvent,
  DomainEvents,
  EventAudience,
  EventKind,
  group,
  PROCESS_EVENT,
  ProcessEvent,
  Role,
  requireRole,
} from '@opvolging/shared';
import { lockPlan } from './plan-lock';
import { AssessmentOutcome, ImprovementPlan, Judgement, PlanAssessment, PlanSnapshot, PlanVersion } from './plan.entity';
import { PLAN_ACCEPTED, PlanAccepted } from './plan.events';
import { planStateMachine } from './plan.state-machine';
import { PlanFilter, planRepository as rows } from './plan.repository';

export type { PlanFilter } from './plan.repository';

export enum PlanSort {
  DUE_DATE = 'DUE_DATE',
  CREATED_AT = 'CREATED_AT',
}

const planSorts: Record<PlanSort, Omit<SortSpec, 'direction'>> = {
  [PlanSort.DUE_DATE]: { expression: 'p.due_date', type: 'date' },
  [PlanSort.CREATED_AT]: { expression: 'p.created_at', type: 'timestamptz' },
};

export interface QuestionAnswer {
  judgement: Judgement;
  rationale: string;
}

export interface AssessData {
  planId: string;
  expectedVersion: number;
  aimedAtShortcomings: QuestionAnswer;
  chanceOfSuccess: QuestionAnswer;
  pace: QuestionAnswer;
}

export interface MeasureChange {
  measureId: string;
  description?: string;
  changes: Array<{ field: string; from: string; to: string }>;
}

export interface PlanVersionDiff {
  planId: string;
  fromVersion: number;
  toVersion: number;
  added: PlanSnapshot['measures'];
  removed: PlanSnapshot['measures'];
  changed: MeasureChange[];
}

@Injectable()
export class PlansService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly events: DomainEvents<Tx>,
    private readonly content: ReportContentService,
  ) {}

  onModuleInit(): void {
    this.events.on<InvestigationPublished>(INVESTIGATION_PUBLISHED, (tx, event) => this.createPlans(tx, event));
  }

  /** One plan per addressed organisation, due a policy-defined number of days after publication. */
  private async createPlans(tx: Tx, event: DomainEvent<string, InvestigationPublished>): Promise<void> {
    const { investigation, addresseeIds } = event.payload;
    const dueDate = publicationDeadlines(investigation, investigation.publicationDate!).planDueDate;
    await rows.insertDrafts(tx.em, { investigationId: investigation.id, organisationIds: addresseeIds, dueDate });
  }

  // ---- reads -------------------------------------------------------------------------------

  list(
    actor: Actor,
    filter: PlanFilter,
    sort: { field: PlanSort; direction: 'ASC' | 'DESC' },
    page: PageArgs,
  ): Promise<Page<ImprovementPlan>> {
    return paginate(
      this.db,
      actor,
      (em) => rows.filtered(em, actor, filter, this.clock.today()),
      'p.id',
      { ...planSorts[sort.field], direction: sort.direction },
      page,
    );
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<ImprovementPlan[]> {
    return this.db.read(actor, ({ em }) => rows.byIds(em, actor, ids));
  }

  async get(actor: Actor, id: string): Promise<ImprovementPlan> {
    const [plan] = await this.byIds(actor, [id]);
    if (!plan) throw DomainError.notFound('ImprovementPlan', id);
    return plan;
  }

  async byInvestigation(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, ImprovementPlan[]>> {
    return batchRead(this.db, actor, investigationIds, rows.byInvestigation(actor));
  }

  async versionsByPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, PlanVersion[]>> {
    return batchRead(this.db, actor, planIds, rows.versionsByPlan(actor));
  }

  async assessmentsByPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, PlanAssessment[]>> {
    return batchRead(this.db, actor, planIds, rows.assessmentsByPlan(actor));
  }

  /**
   * Points addressed to each plan's organisation that no measure of the plan covers yet; only where the actor may see the plan's content.
   */
  async uncoveredPointIds(actor: Actor, planIds: readonly string[]): Promise<Map<string, string[]>> {
    const pairs = await this.db.read(actor, ({ em }) => rows.uncoveredPoints(em, actor, planIds));
    return group(
      pairs,
      (r) => r.plan_id,
      (r) => r.point_id,
    );
  }

  /** What changed between two submitted versions, measure by measure. */
  async compareVersions(actor: Actor, planId: string, fromVersion: number, toVersion: number): Promise<PlanVersionDiff> {
    const versions = (await this.versionsByPlan(actor, [planId])).get(planId);
    if (!versions) {
      await this.get(actor, planId); // NOT_FOUND when the plan is out of scope
      throw DomainError.badInput('This plan has no submitted versions yet.', [{ path: 'planId', message: 'no versions' }]);
    }
    const pick = (number: number, path: string) => {
      const version = versions.find((v) => v.number === number);
      if (!version)
        throw DomainError.badInput(`Version ${number} does not exist; this plan has versions 1 to ${versions.length}.`, [
          { path, message: 'unknown version' },
        ]);
      return version.snapshot.measures;
    };
    const before = pick(fromVersion, 'fromVersion');
    const after = pick(toVersion, 'toVersion');
    const beforeById = new Map(before.map((m) => [m.id, m]));
    const afterIds = new Set(after.map((m) => m.id));
    const fields = ['description', 'successIndicator', 'ownerId', 'dueDate', 'pointIds'] as const;
    const changed: MeasureChange[] = [];
    for (const measure of after) {
      const old = beforeById.get(measure.id);
      if (!old) continue;
      const changes = fields.map((field) => ({ field, from: show(old[field]), to: show(measure[field]) })).filter((c) => c.from !== c.to);
      if (changes.length) changed.push({ measureId: measure.id, description: measure.description, changes });
    }
    return {
      planId,
      fromVersion,
      toVersion,
      added: after.filter((m) => !beforeById.has(m.id)),
      removed: before.filter((m) => !afterIds.has(m.id)),
      changed,
    };
  }

  // ---- writes ------------------------------------------------------------------------------

  /**
   * Freezes the current measures as a new version and hands the plan to the inspectorate.
   * Refused while any improvement point addressed to the organisation has no measure covering it.
   */
  submit(actor: Actor, data: { planId: string; expectedVersion: number }): Promise<ImprovementPlan> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'submit improvement plans');
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      const { plan, investigation } = await lockPlan(em, actor, data.planId);
      if (plan.version !== data.expectedVersion) throw DomainError.conflict('ImprovementPlan', plan.id, data.expectedVersion, plan.version);
      const status = planStateMachine.next(plan.status, 'submit');
      const measures = await rows.measuresOf(em, plan.id);
      const links = await rows.pointLinks(
        em,
        measures.map((m) => m.id),
      );
      const pointsByMeasure = group(
        links,
        (l) => l.measureId,
        (l) => l.pointId,
      );
      const covered = new Set(links.map((l) => l.pointId));
      const points = await this.content.pointsAddressedTo(em, plan.investigationId, plan.organisationId);
      const uncovered = points.filter((p) => !covered.has(p.id));
      if (uncovered.length) {
        throw DomainError.badInput(
          `The plan cannot be submitted: ${uncovered.length} improvement point(s) have no measure covering them (point ` +
            `${uncovered.map((p) => p.position).join(', ')}).`,
          uncovered.map((p) => ({ path: `uncoveredPoints.${p.id}`, message: `point ${p.position} is not covered by a measure` })),
          { uncoveredPointIds: uncovered.map((p) => p.id) },
        );
      }
      const number = plan.submittedVersions + 1;
      const snapshot: PlanSnapshot = {
        measures: measures.map((m) => ({
          id: m.id,
          description: m.description,
          successIndicator: m.successIndicator,
          ownerId: m.ownerId,
          dueDate: m.dueDate,
          pointIds: (pointsByMeasure.get(m.id) ?? []).sort(),
        })),
      };
      const now = this.clock.now();
      await rows.insertVersion(em, { planId: plan.id, number, submittedAt: now, submittedBy: actor.userId, snapshot });
      const assessmentDueDate = addDays(dates.dateOf(now), investigation.assessmentDueDays, investigation.deadlineUnit);
      const submitted = await updateVersioned(em, ImprovementPlan, 'ImprovementPlan', plan.id, data.expectedVersion, {
        status,
        submittedVersions: number,
        submittedAt: now,
        assessmentDueDate,
        originalAssessmentDueDate: assessmentDueDate,
      });
      await this.tell(tx, EventKind.PLAN_SUBMITTED, submitted, ['INSPECTORS'], { version: String(number), assessmentDueDate });
      return submitted;
    });
  }

  /**
   * The inspectorate's judgement of the submitted version on three questions; the plan is accepted
   * only if all three are sufficient, otherwise it goes back to the organisation for revision.
   */
  assess(actor: Actor, data: AssessData): Promise<{ plan: ImprovementPlan; assessment: PlanAssessment }> {
    requireRole(actor, [Role.INSPECTOR], 'assess improvement plans');
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      const { plan, investigation } = await lockPlan(em, actor, data.planId);
      if (plan.version !== data.expectedVersion) throw DomainError.conflict('ImprovementPlan', plan.id, data.expectedVersion, plan.version);
      const answers = [data.aimedAtShortcomings, data.chanceOfSuccess, data.pace];
      const accepted = answers.every((a) => a.judgement === Judgement.SUFFICIENT);
      const status = planStateMachine.next(plan.status, accepted ? 'accept' : 'request_revision');
      const now = this.clock.now();
      const assessment = await rows.insertAssessment(em, {
        planId: plan.id,
        planVersionNumber: plan.submittedVersions,
        inspectorId: actor.userId,
        aimedAtShortcomings: data.aimedAtShortcomings.judgement,
        aimedAtShortcomingsRationale: data.aimedAtShortcomings.rationale.trim(),
        chanceOfSuccess: data.chanceOfSuccess.judgement,
        chanceOfSuccessRationale: data.chanceOfSuccess.rationale.trim(),
        pace: data.pace.judgement,
        paceRationale: data.pace.rationale.trim(),
        outcome: accepted ? AssessmentOutcome.ACCEPTED : AssessmentOutcome.REVISION_REQUESTED,
        assessedAt: now,
      });
      // The revised plan gets a new due date; the original one stays visible beside it.
      const revisionDueDate = accepted ? null : addDays(dates.dateOf(now), investigation.revisionDueDays, investigation.deadlineUnit);
      const updated = await updateVersioned(em, ImprovementPlan, 'ImprovementPlan', plan.id, data.expectedVersion, {
        status,
        ...(revisionDueDate === null ? { acceptedAt: now } : { dueDate: revisionDueDate }),
      });
      if (revisionDueDate !== null && revisionDueDate !== plan.dueDate) {
        // A moved due date is never silent: recorded like an extension's move.
        await recordDueDateChange(em, {
          kind: DeadlineKind.PLAN_DUE,
          subjectId: plan.id,
          investigationId: plan.investigationId,
          fromDate: plan.dueDate,
          toDate: revisionDueDate,
          reason:
            `Herziening gevraagd bij de beoordeling van versie ${plan.submittedVersions} (revision requested at the assessment of ` +
            `version ${plan.submittedVersions}).`,
          decidedBy: actor.userId,
          extensionRequestId: null,
          extensionDecisionId: null,
        });
      }
      if (accepted) {
        const payload: PlanAccepted = { plan: updated, investigation };
        await this.events.emit(tx, { type: PLAN_ACCEPTED, payload });
      }
      await this.tell(tx, EventKind.PLAN_ASSESSED, updated, ['ORGANISATION'], {
        outcome: assessment.outcome,
        dueDate: accepted ? null : updated.dueDate,
      });
      return { plan: updated, assessment };
    });
  }

  /** Event notifications of a step of the plan (recorded in this transaction). */
  private tell(tx: Tx, kind: EventKind, plan: ImprovementPlan, audiences: EventAudience[], details: Record<string, string | null>) {
    const payload: ProcessEvent = {
      kind,
      investigationId: plan.investigationId,
      organisationId: plan.organisationId,
      subjectId: plan.id,
      planId: plan.id,
      audiences,
      details,
    };
    return this.events.emit(tx, { type: PROCESS_EVENT, payload });
  }
}

function show(value: string | string[]): string {
  return Array.isArray(value) ? value.join(',') : value;
}
