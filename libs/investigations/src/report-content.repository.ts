import { DeepPartial, EntityManager, SelectQueryBuilder } from 'typeorm';
import { BatchRead } from '@opvolging/database';
import { findingScope, pointScope } from '@opvolging/access';
import { Actor, overdueSql, Role, Theme } from '@opvolging/shared';
import { Finding, ImprovementPoint, ImprovementPointAddressee } from './investigation.entity';

export interface PointFilter {
  investigationId?: string;
  organisationId?: string;
  theme?: Theme;
  collective?: boolean;
  /** Points with a late covering measure, or addressed in a plan that is late. */
  overdue?: boolean;
}

/** The SQL of the report's content (findings, improvement points and their addressees): read and written only through here. */
export const reportContentRepository = {
  findingsByInvestigation(actor: Actor): BatchRead<Finding, Finding> {
    return {
      entity: Finding,
      alias: 'f',
      column: 'investigation_id',
      key: (f) => f.investigationId,
      scope: findingScope(actor, 'f'),
      orderBy: ['f.position'],
    };
  },

  findingsByIds(em: EntityManager, actor: Actor, ids: readonly string[]): Promise<Finding[]> {
    const scope = findingScope(actor, 'f');
    return em
      .getRepository(Finding)
      .createQueryBuilder('f')
      .where('f.id IN (:...ids)', { ids })
      .andWhere(scope.sql, scope.params)
      .getMany();
  },

  pointsByInvestigation(actor: Actor): BatchRead<ImprovementPoint, ImprovementPoint> {
    return {
      entity: ImprovementPoint,
      alias: 'pt',
      column: 'investigation_id',
      key: (p) => p.investigationId,
      scope: pointScope(actor, 'pt'),
      orderBy: ['pt.position'],
    };
  },

  pointsByIds(em: EntityManager, actor: Actor, ids: readonly string[]): Promise<ImprovementPoint[]> {
    const scope = pointScope(actor, 'pt');
    return em
      .getRepository(ImprovementPoint)
      .createQueryBuilder('pt')
      .where('pt.id IN (:...ids)', { ids })
      .andWhere(scope.sql, scope.params)
      .getMany();
  },

  /** Points addressed to an organisation in an investigation, in their order. */
  pointsAddressedTo(em: EntityManager, investigationId: string, organisationId: string): Promise<ImprovementPoint[]> {
    return em
      .getRepository(ImprovementPoint)
      .createQueryBuilder('pt')
      .where('pt.investigation_id = :investigationId', { investigationId })
      .andWhere('EXISTS (SELECT 1 FROM improvement_point_addressees a WHERE a.point_id = pt.id AND a.organisation_id = :organisationId)', {
        organisationId,
      })
      .orderBy('pt.position')
      .getMany();
  },

  addresseeIds(): BatchRead<ImprovementPointAddressee, string> {
    return {
      entity: ImprovementPointAddressee,
      alias: 'x',
      column: 'point_id',
      key: (r) => r.pointId,
      value: (r) => r.organisationId,
    };
  },

  filteredPoints(em: EntityManager, actor: Actor, filter: PointFilter, today: string): SelectQueryBuilder<ImprovementPoint> {
    const scope = pointScope(actor, 'pt');
    const qb = em.getRepository(ImprovementPoint).createQueryBuilder('pt').where(scope.sql, scope.params);
    if (filter.investigationId) qb.andWhere('pt.investigation_id = :investigationId', { investigationId: filter.investigationId });
    if (filter.organisationId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM improvement_point_addressees f_a WHERE f_a.point_id = pt.id AND f_a.organisation_id = :filterOrg)',
        {
          filterOrg: filter.organisationId,
        },
      );
    }
    if (filter.theme) qb.andWhere(':theme = ANY(pt.themes)', { theme: filter.theme });
    if (filter.collective !== undefined) qb.andWhere('pt.collective = :collective', { collective: filter.collective });
    if (filter.overdue !== undefined) {
      qb.andWhere(
        `${filter.overdue ? '' : 'NOT '}(
            EXISTS (SELECT 1 FROM measure_points od_mp JOIN measures od_m ON od_m.id = od_mp.measure_id
                    WHERE od_mp.point_id = pt.id AND ${overdueSql.measure('od_m')}${
                      actor.role === Role.ORGANISATION_MEMBER
                        ? ' AND EXISTS (SELECT 1 FROM improvement_plans od_own' +
                          ' WHERE od_own.id = od_m.plan_id AND od_own.organisation_id = :scopeOrgId)'
                        : ''
                    })
            OR EXISTS (SELECT 1 FROM improvement_point_addressees od_a JOIN improvement_plans od_p
                         ON od_p.organisation_id = od_a.organisation_id AND od_p.investigation_id = pt.investigation_id
                       WHERE od_a.point_id = pt.id AND ${overdueSql.plan('od_p')}${
                         actor.role === Role.ORGANISATION_MEMBER ? ' AND od_p.organisation_id = :scopeOrgId' : ''
                       }))`,
        { today },
      );
    }
    return qb;
  },

  /** The next free position of a finding or point in the investigation's report. */
  async nextPosition(em: EntityManager, table: 'findings' | 'improvement_points', investigationId: string): Promise<number> {
    const [{ next }] = await em.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM ${table} WHERE investigation_id = $1`, [
      investigationId,
    ]);
    return Number(next);
  },

  findingById(em: EntityManager, id: string): Promise<Finding | null> {
    return em.getRepository(Finding).findOneBy({ id });
  },

  findingExists(em: EntityManager, id: string, investigationId: string): Promise<boolean> {
    return em.getRepository(Finding).existsBy({ id, investigationId });
  },

  insertFinding(em: EntityManager, data: DeepPartial<Finding>): Promise<Finding> {
    const repo = em.getRepository(Finding);
    return repo.save(repo.create(data));
  },

  rereadFinding(em: EntityManager, id: string): Promise<Finding> {
    return em.getRepository(Finding).findOneByOrFail({ id });
  },

  async deleteFinding(em: EntityManager, id: string, version: number): Promise<void> {
    await em.delete(Finding, { id, version });
  },

  pointById(em: EntityManager, id: string): Promise<ImprovementPoint | null> {
    return em.getRepository(ImprovementPoint).findOneBy({ id });
  },

  insertPoint(em: EntityManager, data: DeepPartial<ImprovementPoint>): Promise<ImprovementPoint> {
    const repo = em.getRepository(ImprovementPoint);
    return repo.save(repo.create(data));
  },

  rereadPoint(em: EntityManager, id: string): Promise<ImprovementPoint> {
    return em.getRepository(ImprovementPoint).findOneByOrFail({ id });
  },

  async deletePoint(em: EntityManager, id: string, version: number): Promise<void> {
    await em.delete(ImprovementPoint, { id, version });
  },

  async addresseesOf(em: EntityManager, pointId: string): Promise<string[]> {
    return (await em.getRepository(ImprovementPointAddressee).findBy({ pointId })).map((a) => a.organisationId);
  },

  async insertAddressees(em: EntityManager, pointId: string, organisationIds: string[]): Promise<void> {
    await em.insert(
      ImprovementPointAddressee,
      organisationIds.map((organisationId) => ({ pointId, organisationId })),
    );
  },

  async deleteAddressees(em: EntityManager, pointId: string): Promise<void> {
    await em.delete(ImprovementPointAddressee, { pointId });
  },
};
