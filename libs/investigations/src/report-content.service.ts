import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, entityRows, Page, PageArgs, PageColumn, paginate, updateVersioned, batchRead } from '@opvolging/database';
import { Actor, Clock, DomainError, FieldProblem, Role, requireRole, Theme, unique } from '@opvolging/shared';
import { Finding, ImprovementPoint } from './investigation.entity';
import { investigationRepository } from './investigation.repository';
import { investigationStateMachine } from './investigation.state-machine';
import { InvestigationsService } from './investigations.service';
import { PointFilter, reportContentRepository as rows } from './report-content.repository';

export type { PointFilter } from './report-content.repository';

export interface FindingData {
  investigationId: string;
  text: string;
  themes?: Theme[];
}

export interface PointData {
  investigationId: string;
  findingId?: string | null;
  text: string;
  themes?: Theme[];
  /** One organisation, or several for a collective point. */
  addresseeIds: string[];
  /** Required for a collective point: the addressee that coordinates it. */
  coordinatingOrganisationId?: string | null;
}

/**
 * The report's content: findings and improvement points. Written by inspectors of the
 * investigation while it is a draft; frozen once published, because plans refer to it.
 */
@Injectable()
export class ReportContentService {
  constructor(
    private readonly db: Database,
    private readonly investigations: InvestigationsService,
    private readonly clock: Clock,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  async findingsByInvestigation(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, Finding[]>> {
    return batchRead(this.db, actor, investigationIds, rows.findingsByInvestigation(actor));
  }

  async findingsByIds(actor: Actor, ids: readonly string[]): Promise<Finding[]> {
    return this.db.read(actor, ({ em }) => rows.findingsByIds(em, actor, ids));
  }

  async pointsByInvestigation(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, ImprovementPoint[]>> {
    return batchRead(this.db, actor, investigationIds, rows.pointsByInvestigation(actor));
  }

  async pointsByIds(actor: Actor, ids: readonly string[]): Promise<ImprovementPoint[]> {
    return this.db.read(actor, ({ em }) => rows.pointsByIds(em, actor, ids));
  }

  async getPoint(actor: Actor, id: string): Promise<ImprovementPoint> {
    const [point] = await this.pointsByIds(actor, [id]);
    if (!point) throw DomainError.notFound('ImprovementPoint', id);
    return point;
  }

  /** Points addressed to an organisation in an investigation (used by plans for coverage). */
  async pointsAddressedTo(em: EntityManager, investigationId: string, organisationId: string): Promise<ImprovementPoint[]> {
    return rows.pointsAddressedTo(em, investigationId, organisationId);
  }

  async addresseeIds(actor: Actor, pointIds: readonly string[]): Promise<Map<string, string[]>> {
    return batchRead(this.db, actor, pointIds, rows.addresseeIds());
  }

  /**
   * A page of points; `include` adds columns computed per point in the same statement, given the
   * points' alias; `properties`, when given, are all that is read of each point (partial points).
   */
  listPoints(
    actor: Actor,
    filter: PointFilter,
    page: PageArgs,
    include: (point: string) => Record<string, PageColumn> = () => ({}),
    properties?: ReadonlySet<string>,
  ): Promise<Page<ImprovementPoint>> {
    return paginate(
      this.db,
      actor,
      (em) => rows.filteredPoints(em, actor, filter, this.clock.today()),
      'pt.id',
      { expression: 'pt.created_at', type: 'timestamptz', direction: 'ASC' },
      page,
      include('pt'),
      properties,
    );
  }

  /** Whether a point has this property as a column (what `listPoints` can read alone). */
  isPointColumn(property: string): boolean {
    return entityRows(this.db.dataSource, ImprovementPoint).hasProperty(property);
  }

  // ---- writes ------------------------------------------------------------------------------

  addFinding(actor: Actor, data: FindingData): Promise<Finding> {
    requireRole(actor, [Role.INSPECTOR], 'record findings');
    return this.db.transaction(actor, async ({ em }) => {
      const investigation = await this.investigations.loadForWrite(em, actor, data.investigationId);
      investigationStateMachine.next(investigation.status, 'edit');
      const saved = await rows.insertFinding(em, {
        investigationId: investigation.id,
        position: await rows.nextPosition(em, 'findings', investigation.id),
        text: data.text.trim(),
        themes: unique(data.themes ?? []),
        version: 1,
      });
      return rows.rereadFinding(em, saved.id);
    });
  }

  updateFinding(actor: Actor, data: { id: string; expectedVersion: number; text?: string; themes?: Theme[] }): Promise<Finding> {
    requireRole(actor, [Role.INSPECTOR], 'change findings');
    return this.db.transaction(actor, async ({ em }) => {
      const finding = await this.loadFinding(em, actor, data.id);
      return updateVersioned(em, Finding, 'Finding', data.id, data.expectedVersion, {
        ...(data.text !== undefined ? { text: data.text.trim() } : {}),
        ...(data.themes !== undefined ? { themes: unique(data.themes) } : {}),
        investigationId: finding.investigationId,
      });
    });
  }

  removeFinding(actor: Actor, data: { id: string; expectedVersion: number }): Promise<Finding> {
    requireRole(actor, [Role.INSPECTOR], 'remove findings');
    return this.db.transaction(actor, async ({ em }) => {
      const finding = await this.loadFinding(em, actor, data.id);
      if (finding.version !== data.expectedVersion)
        throw DomainError.conflict('Finding', finding.id, data.expectedVersion, finding.version);
      await rows.deleteFinding(em, finding.id, data.expectedVersion);
      return finding;
    });
  }

  addPoint(actor: Actor, data: PointData): Promise<ImprovementPoint> {
    requireRole(actor, [Role.INSPECTOR], 'record improvement points');
    return this.db.transaction(actor, async ({ em }) => {
      const investigation = await this.investigations.loadForWrite(em, actor, data.investigationId);
      investigationStateMachine.next(investigation.status, 'edit');
      const addressing = await this.checkAddressing(em, investigation.id, data);
      const saved = await rows.insertPoint(em, {
        investigationId: investigation.id,
        findingId: data.findingId ?? null,
        position: await rows.nextPosition(em, 'improvement_points', investigation.id),
        text: data.text.trim(),
        themes: unique(data.themes ?? []),
        ...addressing.columns,
        version: 1,
      });
      await rows.insertAddressees(em, saved.id, addressing.addresseeIds);
      return rows.rereadPoint(em, saved.id);
    });
  }

  updatePoint(
    actor: Actor,
    data: Partial<Omit<PointData, 'investigationId'>> & { id: string; expectedVersion: number },
  ): Promise<ImprovementPoint> {
    requireRole(actor, [Role.INSPECTOR], 'change improvement points');
    return this.db.transaction(actor, async ({ em }) => {
      const point = await this.loadPoint(em, actor, data.id);
      const patch: Partial<ImprovementPoint> = {};
      if (data.text !== undefined) patch.text = data.text.trim();
      if (data.themes !== undefined) patch.themes = unique(data.themes);
      if (data.findingId !== undefined) patch.findingId = data.findingId;
      if (data.addresseeIds !== undefined || data.coordinatingOrganisationId !== undefined || data.findingId !== undefined) {
        const currentAddressees = await rows.addresseesOf(em, point.id);
        const addressing = await this.checkAddressing(em, point.investigationId, {
          findingId: data.findingId !== undefined ? data.findingId : point.findingId,
          addresseeIds: data.addresseeIds ?? currentAddressees,
          coordinatingOrganisationId:
            data.coordinatingOrganisationId !== undefined ? data.coordinatingOrganisationId : point.coordinatingOrganisationId,
        });
        Object.assign(patch, addressing.columns);
        await rows.deleteAddressees(em, point.id);
        await rows.insertAddressees(em, point.id, addressing.addresseeIds);
      }
      return updateVersioned(em, ImprovementPoint, 'ImprovementPoint', data.id, data.expectedVersion, patch);
    });
  }

  removePoint(actor: Actor, data: { id: string; expectedVersion: number }): Promise<ImprovementPoint> {
    requireRole(actor, [Role.INSPECTOR], 'remove improvement points');
    return this.db.transaction(actor, async ({ em }) => {
      const point = await this.loadPoint(em, actor, data.id);
      if (point.version !== data.expectedVersion)
        throw DomainError.conflict('ImprovementPoint', point.id, data.expectedVersion, point.version);
      await rows.deletePoint(em, point.id, data.expectedVersion);
      return point;
    });
  }

  private async loadFinding(em: EntityManager, actor: Actor, id: string): Promise<Finding> {
    const finding = await rows.findingById(em, id);
    if (!finding) throw DomainError.notFound('Finding', id);
    const investigation = await this.investigations.loadForWrite(em, actor, finding.investigationId).catch(() => {
      throw DomainError.notFound('Finding', id);
    });
    investigationStateMachine.next(investigation.status, 'edit');
    return finding;
  }

  private async loadPoint(em: EntityManager, actor: Actor, id: string): Promise<ImprovementPoint> {
    const point = await rows.pointById(em, id);
    if (!point) throw DomainError.notFound('ImprovementPoint', id);
    const investigation = await this.investigations.loadForWrite(em, actor, point.investigationId).catch(() => {
      throw DomainError.notFound('ImprovementPoint', id);
    });
    investigationStateMachine.next(investigation.status, 'edit');
    return point;
  }

  /** Addressees must be involved organisations; a collective point names its coordinator among them. */
  private async checkAddressing(
    em: EntityManager,
    investigationId: string,
    data: Pick<PointData, 'addresseeIds' | 'coordinatingOrganisationId' | 'findingId'>,
  ) {
    const addresseeIds = unique(data.addresseeIds);
    const problems: FieldProblem[] = [];
    if (addresseeIds.length === 0) problems.push({ path: 'input.addresseeIds', message: 'name at least one organisation' });
    const involved = new Set(await investigationRepository.involvedIds(em, investigationId));
    addresseeIds.forEach((id, index) => {
      if (!involved.has(id))
        problems.push({ path: `input.addresseeIds.${index}`, message: 'not an organisation involved in this investigation' });
    });
    const collective = addresseeIds.length > 1;
    const coordinator = data.coordinatingOrganisationId ?? null;
    if (collective && !coordinator)
      problems.push({ path: 'input.coordinatingOrganisationId', message: 'a collective point needs a coordinating organisation' });
    if (coordinator && !addresseeIds.includes(coordinator))
      problems.push({ path: 'input.coordinatingOrganisationId', message: 'must be one of the addressees' });
    if (data.findingId && !(await rows.findingExists(em, data.findingId, investigationId))) {
      problems.push({ path: 'input.findingId', message: 'not a finding of this investigation' });
    }
    if (problems.length) throw DomainError.badInput('The improvement point is not addressed correctly.', problems);
    return { addresseeIds, columns: { collective, coordinatingOrganisationId: collective ? coordinator : null } };
  }
}
