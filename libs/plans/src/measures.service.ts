import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, entityRows, Page, PageArgs, PageColumn, paginate, SortSpec, updateVersioned, batchRead } from '@opvolging/database';
import { ReportContentService } from '@opvolging/investigations';
import { Actor, Clock, DomainError, FieldProblem, group, Role, requireRole, unique } from '@opvolging/shared';
import { lockPlan } from './plan-lock';
import { ImprovementPlan, Measure, MeasureStatus } from './plan.entity';
import { measureStateMachine, planStateMachine } from './plan.state-machine';
import { MeasureFilter, measureRepository as rows } from './measure.repository';

export type { MeasureFilter } from './measure.repository';

export interface MeasureData {
  planId: string;
  description: string;
  successIndicator: string;
  ownerId: string;
  dueDate: string;
  pointIds: string[];
}

export interface UpdateMeasureData extends Partial<Omit<MeasureData, 'planId'>> {
  id: string;
  expectedVersion: number;
}

export enum MeasureSort {
  DUE_DATE = 'DUE_DATE',
  CREATED_AT = 'CREATED_AT',
}

const measureSorts: Record<MeasureSort, Omit<SortSpec, 'direction'>> = {
  [MeasureSort.DUE_DATE]: { expression: 'm.due_date', type: 'date' },
  [MeasureSort.CREATED_AT]: { expression: 'm.created_at', type: 'timestamptz' },
};

/** Measures of a plan: written by the organisation, progress reported once the plan is accepted. */
@Injectable()
export class MeasuresService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly content: ReportContentService,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  /** A page of measures: whole, or only the `properties` given (partial, as `byPointColumn`). */
  list(
    actor: Actor,
    filter: MeasureFilter,
    sort: { field: MeasureSort; direction: 'ASC' | 'DESC' },
    page: PageArgs,
    properties?: ReadonlySet<string>,
  ): Promise<Page<Measure>> {
    return paginate(
      this.db,
      actor,
      (em) => rows.filtered(em, actor, filter, this.clock.today()),
      'm.id',
      { ...measureSorts[sort.field], direction: sort.direction },
      page,
      {},
      properties,
    );
  }

  byIds(actor: Actor, ids: readonly string[]): Promise<Measure[]> {
    return this.db.read(actor, ({ em }) => rows.byIds(em, actor, ids));
  }

  async byPlan(actor: Actor, planIds: readonly string[]): Promise<Map<string, Measure[]>> {
    return batchRead(this.db, actor, planIds, rows.byPlan(actor));
  }

  /** Measures covering each point, limited to plans whose contents the actor may see. */
  async byPoint(actor: Actor, pointIds: readonly string[]): Promise<Map<string, Measure[]>> {
    const pairs = await this.db.read(actor, ({ em }) => rows.byPoint(em, actor, pointIds));
    return group(
      pairs,
      (p) => p.pointId,
      (p) => p.measure,
    );
  }

  /**
   * What `byPoint` reads for one point (`${point}.id`), as a column of a page of points (see
   * `fromColumn`): whole measures, or only the `properties` given (partial measures, for a caller
   * that knows what will be read of them; `isMeasureColumn` tells which exist).
   */
  byPointColumn(actor: Actor, point: string, properties?: ReadonlySet<string>): PageColumn {
    return rows.byPointColumn(this.db.dataSource, actor, point, properties);
  }

  /** Whether a measure has this property as a column (what `byPointColumn` can read alone). */
  isMeasureColumn(property: string): boolean {
    return entityRows(this.db.dataSource, Measure).hasProperty(property);
  }

  /** The measures of one row of a `byPointColumn` column, as `byPoint` returns them (partial if it was). */
  fromColumn(value: unknown): Measure[] {
    return entityRows(this.db.dataSource, Measure).fromJson(value as Array<Record<string, unknown>>);
  }

  async pointIds(actor: Actor, measureIds: readonly string[]): Promise<Map<string, string[]>> {
    return batchRead(this.db, actor, measureIds, rows.pointIds());
  }

  // ---- writes: the plan's contents ---------------------------------------------------------

  add(actor: Actor, data: MeasureData): Promise<Measure> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'write measures');
    return this.db.transaction(actor, async ({ em }) => {
      const { plan } = await lockPlan(em, actor, data.planId);
      planStateMachine.next(plan.status, 'edit_measures');
      await this.check(em, plan, data);
      const saved = await rows.insert(em, {
        planId: plan.id,
        description: data.description.trim(),
        successIndicator: data.successIndicator.trim(),
        ownerId: data.ownerId,
        dueDate: data.dueDate,
        originalDueDate: data.dueDate,
        status: MeasureStatus.PLANNED,
        version: 1,
      });
      await rows.insertPoints(em, saved.id, unique(data.pointIds));
      return rows.getById(em, saved.id);
    });
  }

  update(actor: Actor, data: UpdateMeasureData): Promise<Measure> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'change measures');
    return this.db.transaction(actor, async ({ em }) => {
      const { measure, plan } = await this.lockMeasure(em, actor, data.id);
      planStateMachine.next(plan.status, 'edit_measures');
      measureStateMachine.next(measure.status, 'edit');
      await this.check(em, plan, data);
      if (data.pointIds !== undefined) {
        await rows.deletePoints(em, measure.id);
        await rows.insertPoints(em, measure.id, unique(data.pointIds));
      }
      return updateVersioned(em, Measure, 'Measure', measure.id, data.expectedVersion, {
        ...(data.description !== undefined ? { description: data.description.trim() } : {}),
        ...(data.successIndicator !== undefined ? { successIndicator: data.successIndicator.trim() } : {}),
        ...(data.ownerId !== undefined ? { ownerId: data.ownerId } : {}),
        ...(data.dueDate !== undefined
          ? // Before the first submission nobody has seen a date yet, so "original" follows the draft.
            { dueDate: data.dueDate, ...(plan.submittedVersions === 0 ? { originalDueDate: data.dueDate } : {}) }
          : {}),
      });
    });
  }

  remove(actor: Actor, data: { id: string; expectedVersion: number }): Promise<Measure> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'remove measures');
    return this.db.transaction(actor, async ({ em }) => {
      const { measure, plan } = await this.lockMeasure(em, actor, data.id);
      planStateMachine.next(plan.status, 'edit_measures');
      if (measure.version !== data.expectedVersion)
        throw DomainError.conflict('Measure', measure.id, data.expectedVersion, measure.version);
      await rows.delete(em, measure.id, data.expectedVersion);
      return measure;
    });
  }

  // ---- writes: progress on an accepted plan ------------------------------------------------

  start(actor: Actor, data: { id: string; expectedVersion: number }): Promise<Measure> {
    return this.progress(actor, data, 'start', { startedAt: this.clock.now() });
  }

  complete(actor: Actor, data: { id: string; expectedVersion: number; evidence: string }): Promise<Measure> {
    return this.progress(actor, data, 'complete', { evidence: data.evidence.trim(), completedAt: this.clock.now() });
  }

  cancel(actor: Actor, data: { id: string; expectedVersion: number; reason: string }): Promise<Measure> {
    return this.progress(actor, data, 'cancel', { cancellationReason: data.reason.trim(), cancelledAt: this.clock.now() });
  }

  private progress(
    actor: Actor,
    data: { id: string; expectedVersion: number },
    action: 'start' | 'complete' | 'cancel',
    patch: Partial<Measure>,
  ) {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'report progress on measures');
    return this.db.transaction(actor, async ({ em }) => {
      const { measure, plan } = await this.lockMeasure(em, actor, data.id);
      planStateMachine.next(plan.status, 'report_progress');
      const status = measureStateMachine.next(measure.status, action);
      return updateVersioned(em, Measure, 'Measure', measure.id, data.expectedVersion, { ...patch, status });
    });
  }

  private async lockMeasure(em: EntityManager, actor: Actor, id: string) {
    const found = await rows.byId(em, id);
    if (!found) throw DomainError.notFound('Measure', id);
    const { plan } = await lockPlan(em, actor, found.planId).catch((error: DomainError) => {
      throw error.code === 'NOT_FOUND' ? DomainError.notFound('Measure', id) : error;
    });
    // Re-read under the plan lock so the status checked is the status changed.
    const measure = await rows.getById(em, id);
    return { measure, plan };
  }

  /** Points must be addressed to the plan's organisation; the owner a member of it; dates valid. */
  private async check(em: EntityManager, plan: ImprovementPlan, data: Partial<MeasureData>) {
    const problems: FieldProblem[] = [];
    if (data.pointIds !== undefined) {
      const addressed = new Set((await this.content.pointsAddressedTo(em, plan.investigationId, plan.organisationId)).map((p) => p.id));
      if (data.pointIds.length === 0) problems.push({ path: 'input.pointIds', message: 'a measure covers at least one improvement point' });
      data.pointIds.forEach((id, index) => {
        if (!addressed.has(id))
          problems.push({ path: `input.pointIds.${index}`, message: 'not an improvement point addressed to your organisation' });
      });
    }
    if (data.ownerId !== undefined) {
      const owner = data.ownerId ? await rows.user(em, data.ownerId) : null;
      if (!owner || owner.organisationId !== plan.organisationId || !owner.active || owner.role !== Role.ORGANISATION_MEMBER) {
        problems.push({ path: 'input.ownerId', message: 'the owner must be an active member of your organisation' });
      }
    }
    if (data.dueDate !== undefined && data.dueDate < this.clock.today()) {
      problems.push({ path: 'input.dueDate', message: `must not be in the past (today is ${this.clock.today()})` });
    }
    if (problems.length) throw DomainError.badInput('The measure is not valid.', problems);
  }
}
