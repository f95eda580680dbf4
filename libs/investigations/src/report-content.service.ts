import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { Database, Page, PageArgs, paginate, updateVersioned } from '@opvolging/database';
import { findingScope, pointScope } from '@opvolging/identity';
import { Actor, Clock, DomainError, FieldProblem, group, overdueSql, Role, requireRole, Theme, unique } from '@opvolging/shared';
import { Finding, ImprovementPoint, ImprovementPointAddressee, InvestigationOrganisation } from './investigation.entity';
import { investigationStateMachine } from './investigation.state-machine';
import { InvestigationsService } from './investigations.service';

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

export interface PointFilter {
  investigationId?: string;
  organisationId?: string;
  theme?: Theme;
  collective?: boolean;
  /** Points with a late covering measure, or addressed in a plan that is late. */
  overdue?: boolean;
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
    const rows = await this.db.transaction(actor, ({ em }) => {
      const scope = findingScope(actor, 'f');
      return em
        .getRepository(Finding)
        .createQueryBuilder('f')
        .where('f.investigation_id IN (:...ids)', { ids: investigationIds })
        .andWhere(scope.sql, scope.params)
        .orderBy('f.position')
        .getMany();
    });
    return group(rows, (f) => f.investigationId, (f) => f);
  }

  async findingsByIds(actor: Actor, ids: readonly string[]): Promise<Finding[]> {
    return this.db.transaction(actor, ({ em }) => {
      const scope = findingScope(actor, 'f');
      return em.getRepository(Finding).createQueryBuilder('f').where('f.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    });
  }

  async pointsByInvestigation(actor: Actor, investigationIds: readonly string[]): Promise<Map<string, ImprovementPoint[]>> {
    const rows = await this.db.transaction(actor, ({ em }) => {
      const scope = pointScope(actor, 'pt');
      return em
        .getRepository(ImprovementPoint)
        .createQueryBuilder('pt')
        .where('pt.investigation_id IN (:...ids)', { ids: investigationIds })
        .andWhere(scope.sql, scope.params)
        .orderBy('pt.position')
        .getMany();
    });
    return group(rows, (p) => p.investigationId, (p) => p);
  }

  async pointsByIds(actor: Actor, ids: readonly string[]): Promise<ImprovementPoint[]> {
    return this.db.transaction(actor, ({ em }) => {
      const scope = pointScope(actor, 'pt');
      return em.getRepository(ImprovementPoint).createQueryBuilder('pt').where('pt.id IN (:...ids)', { ids }).andWhere(scope.sql, scope.params).getMany();
    });
  }

  async getPoint(actor: Actor, id: string): Promise<ImprovementPoint> {
    const [point] = await this.pointsByIds(actor, [id]);
    if (!point) throw DomainError.notFound('ImprovementPoint', id);
    return point;
  }

  /** Points addressed to an organisation in an investigation (used by plans for coverage). */
  async pointsAddressedTo(em: EntityManager, investigationId: string, organisationId: string): Promise<ImprovementPoint[]> {
    return em
      .getRepository(ImprovementPoint)
      .createQueryBuilder('pt')
      .where('pt.investigation_id = :investigationId', { investigationId })
      .andWhere('EXISTS (SELECT 1 FROM improvement_point_addressees a WHERE a.point_id = pt.id AND a.organisation_id = :organisationId)', { organisationId })
      .orderBy('pt.position')
      .getMany();
  }

  async addresseeIds(actor: Actor, pointIds: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await this.db.transaction(actor, ({ em }) => em.getRepository(ImprovementPointAddressee).findBy({ pointId: In([...pointIds]) }));
    return group(rows, (r) => r.pointId, (r) => r.organisationId);
  }

  listPoints(actor: Actor, filter: PointFilter, page: PageArgs): Promise<Page<ImprovementPoint>> {
    return paginate(this.db, actor, (em) => {
      const scope = pointScope(actor, 'pt');
      const qb = em.getRepository(ImprovementPoint).createQueryBuilder('pt').where(scope.sql, scope.params);
      if (filter.investigationId) qb.andWhere('pt.investigation_id = :investigationId', { investigationId: filter.investigationId });
      if (filter.organisationId) {
        qb.andWhere('EXISTS (SELECT 1 FROM improvement_point_addressees f_a WHERE f_a.point_id = pt.id AND f_a.organisation_id = :filterOrg)', {
          filterOrg: filter.organisationId,
        });
      }
      if (filter.theme) qb.andWhere(':theme = ANY(pt.themes)', { theme: filter.theme });
      if (filter.collective !== undefined) qb.andWhere('pt.collective = :collective', { collective: filter.collective });
      if (filter.overdue !== undefined) {
        qb.andWhere(
          `${filter.overdue ? '' : 'NOT '}(
            EXISTS (SELECT 1 FROM measure_points od_mp JOIN measures od_m ON od_m.id = od_mp.measure_id
                    WHERE od_mp.point_id = pt.id AND ${overdueSql.measure('od_m')}${actor.role === Role.ORGANISATION_MEMBER ? ' AND EXISTS (SELECT 1 FROM improvement_plans od_own WHERE od_own.id = od_m.plan_id AND od_own.organisation_id = :scopeOrgId)' : ''})
            OR EXISTS (SELECT 1 FROM improvement_point_addressees od_a JOIN improvement_plans od_p
                         ON od_p.organisation_id = od_a.organisation_id AND od_p.investigation_id = pt.investigation_id
                       WHERE od_a.point_id = pt.id AND ${overdueSql.plan('od_p')}${actor.role === Role.ORGANISATION_MEMBER ? ' AND od_p.organisation_id = :scopeOrgId' : ''}))`,
          { today: this.clock.today() },
        );
      }
      return qb;
    }, 'pt.id', { expression: 'pt.created_at', type: 'timestamptz', direction: 'ASC' }, page);
  }

  // ---- writes ------------------------------------------------------------------------------

  addFinding(actor: Actor, data: FindingData): Promise<Finding> {
    requireRole(actor, [Role.INSPECTOR], 'record findings');
    return this.db.transaction(actor, async ({ em }) => {
      const investigation = await this.investigations.loadForWrite(em, actor, data.investigationId);
      investigationStateMachine.next(investigation.status, 'edit');
      const repo = em.getRepository(Finding);
      const saved = await repo.save(
        repo.create({
          investigationId: investigation.id,
          position: await nextPosition(em, 'findings', investigation.id),
          text: data.text.trim(),
          themes: unique(data.themes ?? []),
          version: 1,
        }),
      );
      return repo.findOneByOrFail({ id: saved.id });
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
      if (finding.version !== data.expectedVersion) throw DomainError.conflict('Finding', finding.id, data.expectedVersion, finding.version);
      await em.delete(Finding, { id: finding.id, version: data.expectedVersion });
      return finding;
    });
  }

  addPoint(actor: Actor, data: PointData): Promise<ImprovementPoint> {
    requireRole(actor, [Role.INSPECTOR], 'record improvement points');
    return this.db.transaction(actor, async ({ em }) => {
      const investigation = await this.investigations.loadForWrite(em, actor, data.investigationId);
      investigationStateMachine.next(investigation.status, 'edit');
      const addressing = await this.checkAddressing(em, investigation.id, data);
      const repo = em.getRepository(ImprovementPoint);
      const saved = await repo.save(
        repo.create({
          investigationId: investigation.id,
          findingId: data.findingId ?? null,
          position: await nextPosition(em, 'improvement_points', investigation.id),
          text: data.text.trim(),
          themes: unique(data.themes ?? []),
          ...addressing.columns,
          version: 1,
        }),
      );
      await em.insert(ImprovementPointAddressee, addressing.addresseeIds.map((organisationId) => ({ pointId: saved.id, organisationId })));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  updatePoint(actor: Actor, data: Partial<Omit<PointData, 'investigationId'>> & { id: string; expectedVersion: number }): Promise<ImprovementPoint> {
    requireRole(actor, [Role.INSPECTOR], 'change improvement points');
    return this.db.transaction(actor, async ({ em }) => {
      const point = await this.loadPoint(em, actor, data.id);
      const patch: Partial<ImprovementPoint> = {};
      if (data.text !== undefined) patch.text = data.text.trim();
      if (data.themes !== undefined) patch.themes = unique(data.themes);
      if (data.findingId !== undefined) patch.findingId = data.findingId;
      if (data.addresseeIds !== undefined || data.coordinatingOrganisationId !== undefined || data.findingId !== undefined) {
        const currentAddressees = (await em.getRepository(ImprovementPointAddressee).findBy({ pointId: point.id })).map((a) => a.organisationId);
        const addressing = await this.checkAddressing(em, point.investigationId, {
          findingId: data.findingId !== undefined ? data.findingId : point.findingId,
          addresseeIds: data.addresseeIds ?? currentAddressees,
          coordinatingOrganisationId: data.coordinatingOrganisationId !== undefined ? data.coordinatingOrganisationId : point.coordinatingOrganisationId,
        });
        Object.assign(patch, addressing.columns);
        await em.delete(ImprovementPointAddressee, { pointId: point.id });
        await em.insert(ImprovementPointAddressee, addressing.addresseeIds.map((organisationId) => ({ pointId: point.id, organisationId })));
      }
      return updateVersioned(em, ImprovementPoint, 'ImprovementPoint', data.id, data.expectedVersion, patch);
    });
  }

  removePoint(actor: Actor, data: { id: string; expectedVersion: number }): Promise<ImprovementPoint> {
    requireRole(actor, [Role.INSPECTOR], 'remove improvement points');
    return this.db.transaction(actor, async ({ em }) => {
      const point = await this.loadPoint(em, actor, data.id);
      if (point.version !== data.expectedVersion) throw DomainError.conflict('ImprovementPoint', point.id, data.expectedVersion, point.version);
      await em.delete(ImprovementPoint, { id: point.id, version: data.expectedVersion });
      return point;
    });
  }

  private async loadFinding(em: EntityManager, actor: Actor, id: string): Promise<Finding> {
    const finding = await em.getRepository(Finding).findOneBy({ id });
    if (!finding) throw DomainError.notFound('Finding', id);
    const investigation = await this.investigations.loadForWrite(em, actor, finding.investigationId).catch(() => {
      throw DomainError.notFound('Finding', id);
    });
    investigationStateMachine.next(investigation.status, 'edit');
    return finding;
  }

  private async loadPoint(em: EntityManager, actor: Actor, id: string): Promise<ImprovementPoint> {
    const point = await em.getRepository(ImprovementPoint).findOneBy({ id });
    if (!point) throw DomainError.notFound('ImprovementPoint', id);
    const investigation = await this.investigations.loadForWrite(em, actor, point.investigationId).catch(() => {
      throw DomainError.notFound('ImprovementPoint', id);
    });
    investigationStateMachine.next(investigation.status, 'edit');
    return point;
  }

  /** Addressees must be involved organisations; a collective point names its coordinator among them. */
  private async checkAddressing(em: EntityManager, investigationId: string, data: Pick<PointData, 'addresseeIds' | 'coordinatingOrganisationId' | 'findingId'>) {
    const addresseeIds = unique(data.addresseeIds);
    const problems: FieldProblem[] = [];
    if (addresseeIds.length === 0) problems.push({ path: 'input.addresseeIds', message: 'name at least one organisation' });
    const involved = new Set((await em.getRepository(InvestigationOrganisation).findBy({ investigationId })).map((r) => r.organisationId));
    addresseeIds.forEach((id, index) => {
      if (!involved.has(id)) problems.push({ path: `input.addresseeIds.${index}`, message: 'not an organisation involved in this investigation' });
    });
    const collective = addresseeIds.length > 1;
    const coordinator = data.coordinatingOrganisationId ?? null;
    if (collective && !coordinator) problems.push({ path: 'input.coordinatingOrganisationId', message: 'a collective point needs a coordinating organisation' });
    if (coordinator && !addresseeIds.includes(coordinator)) problems.push({ path: 'input.coordinatingOrganisationId', message: 'must be one of the addressees' });
    if (data.findingId && !(await em.getRepository(Finding).existsBy({ id: data.findingId, investigationId }))) {
      problems.push({ path: 'input.findingId', message: 'not a finding of this investigation' });
    }
    if (problems.length) throw DomainError.badInput('The improvement point is not addressed correctly.', problems);
    return { addresseeIds, columns: { collective, coordinatingOrganisationId: collective ? coordinator : null } };
  }
}

async function nextPosition(em: EntityManager, table: 'findings' | 'improvement_points', investigationId: string): Promise<number> {
  const [{ next }] = await em.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM ${table} WHERE investigation_id = $1`, [investigationId]);
  return Number(next);
}
