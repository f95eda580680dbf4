import { Injectable, OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { Database, Page, PageArgs, paginate, SortSpec, Tx, updateVersioned } from '@opvolging/database';
import { planScope, viaPlan } from '@opvolging/identity';
import { INVESTIGATION_PUBLISHED, InvestigationPublished, ReportContentService } from '@opvolging/investigations';
import { Actor, addDays, Clock, dates, DomainError, DomainEvent, DomainEvents, group, overdueSql, Role, requireRole } from '@opvolging/shared';
import { lockPlan } from './plan-lock';
import {
  AssessmentOutcome,
  ImprovementPlan,
  ImprovementPlanStatus,
  Judgement,
  Measure,
  MeasurePoint,
  PlanAssessment,
  PlanSnapshot,
  PlanVersion,
} from './plan.entity';
import { PLAN_ACCEPTED, PlanAccepted } from './plan.events';
import { planStateMachine } from './plan.state-machine';

export interface PlanFilter {
  investigationId?: string;
  organisationId?: string;
  status?: ImprovementPlanStatus;
  overdue?: boolean;
}

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
    const dueDate = addDays(investigation.publicationDate!, investigation.planDueDays, investigation.deadlineUnit);
    await tx.em
      .createQueryBuilder()
      .insert()
      .into(ImprovementPlan)
      .values(addresseeIds.map((organisationId) => ({ investigationId: investigation.id, organisationId, status: ImprovementPlanStatus.DRAFT, dueDate, originalDueDate: dueDate })))
      .orIgnore()
      .execute();
  }

  // ---- reads -------------------------------------------------------------------------------

  list(actor: Actor, filter: PlanFilter, sort: { field: PlanSort; direction: 'ASC' | 'DESC' }, page: PageArgs): Promise<Page<ImprovementPlan>> {
    return paginate(this.db, actor, (em) => {
      const scope = planScope(actor, 'p');
      const qb = em.getRepository(ImprovementPlan).createQueryBuilder('p').where(scope.sql, scope.params);
      if (filter.investigationId) qb.andWhere('p.investigation_id = :investigationId', { investigationId: filter.investigationId });
      if (filter.organisationId) qb.andWhere('p.organisation_id = :organisationId', { organisationId: filter.organisationId });
      if (filter.status) qb.andWhere('p.status = :status', { status: filter.status });
      if (filter.overdue !== undefined) {
        qb.andWhere(`${filter.overdue ? '' : 'NOT '}(${overdueSql.plan('p')} OR ${overdueSql.assessment('p')})`, { today: this.clock.today() });
      }
      return qb;
    }, 'p.id', { ...planSorts[sort.field], direction: sort.direction }, page);
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<ImprovementPlan[]> {
    return this.db.transaction(actor, ({ em }) => {
      const scope = planScope(actor, 'p');
      return em.getRepository(ImprovementPlan).createQueryBuilder('p').where('p.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    });
  }

  async get(actor: Actor, id: string): Promise<ImprovementPlan> {
    const [plan] = await this.byIds(actor, [id]);
    if (!plan) throw DomainError.notFound('ImprovementPlan', id);
    return plan;
  }

  async byInvestigation(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, ImprovementPlan[]>> {
    const rows = await this.db.transaction(actor, ({ em }) => {
      const scope = planScope(actor, 'p');
      return em
        .getRepository(ImprovementPlan)
        .createQueryBuilder('p')
        .where('p.investigation_id IN (:...ids)', { ids: investigationIds })
        .andWhere(scope.sql, scope.params)
        .orderBy('p.created_at')
        .addOrderBy('p.id')
        .getMany();
    });
    return group(rows, (p) => p.investigationId, (p) => p);
  }

  async versionsByPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, PlanVersion[]>> {
    const rows = await this.db.transaction(actor, ({ em }) => {
      const scope = viaPlan(actor, 'v');
      return em.getRepository(PlanVersion).createQueryBuilder('v').where('v.plan_id IN (:...ids)', { ids: planIds }).andWhere(scope.sql, scope.params).orderBy('v.number').getMany();
    });
    return group(rows, (v) => v.planId, (v) => v);
  }

  async assessmentsByPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, PlanAssessment[]>> {
    const rows = await this.db.transaction(actor, ({ em }) => {
      const scope = viaPlan(actor, 'a');
      return em
        .getRepository(PlanAssessment)
        .createQueryBuilder('a')
        .where('a.plan_id IN (:...ids)', { ids: planIds })
        .andWhere(scope.sql, scope.params)
        .orderBy('a.plan_version_number')
        .getMany();
    });
    return group(rows, (a) => a.planId, (a) => a);
  }

  /** Points addressed to each plan's organisation that no measure of the plan covers yet. */
  async uncoveredPointIds(actor: Actor, planIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows: Array<{ plan_id: string; point_id: string }> = await this.db.transaction(actor, ({ em }) => {
      const scope = planScope(actor, 'p');
      return em
        .createQueryBuilder()
        .select('p.id', 'plan_id')
        .addSelect('pt.id', 'point_id')
        .from(ImprovementPlan, 'p')
        .innerJoin('improvement_point_addressees', 'a', 'a.organisation_id = p.organisation_id')
        .innerJoin('improvement_points', 'pt', 'pt.id = a.point_id AND pt.investigation_id = p.investigation_id')
        .where('p.id IN (:...ids)', { ids: planIds })
        .andWhere(scope.sql, scope.params)
        .andWhere('NOT EXISTS (SELECT 1 FROM measure_points mp JOIN measures m ON m.id = mp.measure_id WHERE mp.point_id = pt.id AND m.plan_id = p.id)')
        .orderBy('pt.position')
        .getRawMany();
    });
    return group(rows, (r) => r.plan_id, (r) => r.point_id);
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
      if (!version) throw DomainError.badInput(`Version ${number} does not exist; this plan has versions 1 to ${versions.length}.`, [{ path, message: 'unknown version' }]);
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
      const changes = fields
        .map((field) => ({ field, from: show(old[field]), to: show(measure[field]) }))
        .filter((c) => c.from !== c.to);
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
    return this.db.transaction(actor, async ({ em }) => {
      const { plan, investigation } = await lockPlan(em, actor, data.planId);
      if (plan.version !== data.expectedVersion) throw DomainError.conflict('ImprovementPlan', plan.id, data.expectedVersion, plan.version);
      const status = planStateMachine.next(plan.status, 'submit');
      const measures = await em.getRepository(Measure).find({ where: { planId: plan.id }, order: { createdAt: 'ASC', id: 'ASC' } });
      const links = measures.length ? await em.getRepository(MeasurePoint).findBy({ measureId: In(measures.map((m) => m.id)) }) : [];
      const pointsByMeasure = group(links, (l) => l.measureId, (l) => l.pointId);
      const covered = new Set(links.map((l) => l.pointId));
      const points = await this.content.pointsAddressedTo(em, plan.investigationId, plan.organisationId);
      const uncovered = points.filter((p) => !covered.has(p.id));
      if (uncovered.length) {
        throw DomainError.badInput(
          `The plan cannot be submitted: ${uncovered.length} improvement point(s) have no measure covering them (point ${uncovered.map((p) => p.position).join(', ')}).`,
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
      await em.insert(PlanVersion, { planId: plan.id, number, submittedAt: now, submittedBy: actor.userId, snapshot });
      const assessmentDueDate = addDays(dates.dateOf(now), investigation.assessmentDueDays, investigation.deadlineUnit);
      return updateVersioned(em, ImprovementPlan, 'ImprovementPlan', plan.id, data.expectedVersion, {
        status,
        submittedVersions: number,
        submittedAt: now,
        assessmentDueDate,
        originalAssessmentDueDate: assessmentDueDate,
      });
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
      const repo = em.getRepository(PlanAssessment);
      const assessment = await repo.save(
        repo.create({
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
        }),
      );
      const updated = await updateVersioned(em, ImprovementPlan, 'ImprovementPlan', plan.id, data.expectedVersion, {
        status,
        ...(accepted
          ? { acceptedAt: now }
          : // The revised plan gets a new due date; the original one stays visible beside it.
            { dueDate: addDays(dates.dateOf(now), investigation.revisionDueDays, investigation.deadlineUnit) }),
      });
      if (accepted) {
        const payload: PlanAccepted = { plan: updated, investigation };
        await this.events.emit(tx, { type: PLAN_ACCEPTED, payload });
      }
      return { plan: updated, assessment };
    });
  }
}

function show(value: string | string[]): string {
  return Array.isArray(value) ? value.join(',') : value;
}
