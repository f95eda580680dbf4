import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { BatchRead, entityRows, PageColumn, returnedRows } from '@opvolging/database';
import { User } from '@opvolging/identity';
import { viaPlan } from '@opvolging/access';
import { Actor, openSql, overdueSql } from '@opvolging/shared';
import { Measure, MeasurePoint, MeasureStatus } from './plan.entity';

export interface MeasureFilter {
  planId?: string;
  investigationId?: string;
  organisationId?: string;
  ownerId?: string;
  status?: MeasureStatus;
  overdue?: boolean;
}

/** The order of the measures of a point, for `byPoint` and `byPointColumn` alike. */
const POINT_MEASURE_ORDER = ['m.created_at', 'm.id'];

/** The SQL of this library's measures (and the points they cover): read and written only through here. */
export const measureRepository = {
  filtered(em: EntityManager, actor: Actor, filter: MeasureFilter, today: string): SelectQueryBuilder<Measure> {
    const scope = viaPlan(actor, 'm', true);
    const qb = em.getRepository(Measure).createQueryBuilder('m').where(scope.sql, scope.params);
    if (filter.planId) qb.andWhere('m.plan_id = :planId', { planId: filter.planId });
    if (filter.investigationId || filter.organisationId) {
      qb.andWhere(
        `EXISTS (SELECT 1 FROM improvement_plans f_p WHERE f_p.id = m.plan_id
             AND (CAST(:fInv AS uuid) IS NULL OR f_p.investigation_id = :fInv) AND (CAST(:fOrg AS uuid) IS NULL OR
             f_p.organisation_id = :fOrg))`,
        { fInv: filter.investigationId ?? null, fOrg: filter.organisationId ?? null },
      );
    }
    if (filter.ownerId) qb.andWhere('m.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter.overdue !== undefined) qb.andWhere(`${filter.overdue ? '' : 'NOT '}${overdueSql.measure('m')}`, { today });
    return qb;
  },

  byIds(em: EntityManager, actor: Actor, ids: readonly string[]): Promise<Measure[]> {
    const scope = viaPlan(actor, 'm', true);
    return em
      .getRepository(Measure)
      .createQueryBuilder('m')
      .where('m.id IN (:...ids)', { ids })
      .andWhere(scope.sql, scope.params)
      .getMany();
  },

  byPlan(actor: Actor): BatchRead<Measure, Measure> {
    return {
      entity: Measure,
      alias: 'm',
      column: 'plan_id',
      key: (m) => m.planId,
      scope: viaPlan(actor, 'm', true),
      orderBy: ['m.created_at', 'm.id'],
    };
  },

  /** The measures covering these points (with the point each row is for), where the actor sees the plan's contents. */
  async byPoint(em: EntityManager, actor: Actor, pointIds: readonly string[]): Promise<Array<{ pointId: string; measure: Measure }>> {
    const scope = viaPlan(actor, 'm', true);
    const rows = await em
      .getRepository(Measure)
      .createQueryBuilder('m')
      .innerJoin(MeasurePoint, 'mp', 'mp.measure_id = m.id')
      .addSelect('mp.point_id', 'point_id')
      .where('mp.point_id IN (:...ids)', { ids: pointIds })
      .andWhere(scope.sql, scope.params)
      .orderBy(POINT_MEASURE_ORDER[0])
      .addOrderBy(POINT_MEASURE_ORDER[1])
      .getRawAndEntities();
    const byId = new Map(rows.entities.map((m) => [m.id, m]));
    return rows.raw.map((r: { point_id: string; m_id: string }) => ({ pointId: r.point_id, measure: byId.get(r.m_id)! }));
  },

  /**
   * `byPoint` as a column of a page of points (`${point}.id`): the same measures in the same order,
   * as a JSON array of `entityRows(Measure)` objects, computed in the page's own statement.
   */
  byPointColumn(source: DataSource, actor: Actor, point: string, properties?: ReadonlySet<string>): PageColumn {
    const scope = viaPlan(actor, 'm', true);
    const measure = entityRows(source, Measure).jsonObject('m', properties);
    return {
      sql:
        `(SELECT coalesce(json_agg(${measure} ORDER BY ${POINT_MEASURE_ORDER.join(', ')}), '[]'::json) ` +
        `FROM measures m JOIN measure_points mp ON mp.measure_id = m.id WHERE mp.point_id = ${point}.id AND ${scope.sql})`,
      params: scope.params,
    };
  },

  pointIds(): BatchRead<MeasurePoint, string> {
    return {
      entity: MeasurePoint,
      alias: 'x',
      column: 'measure_id',
      key: (r) => r.measureId,
      value: (r) => r.pointId,
    };
  },

  byId(em: EntityManager, id: string): Promise<Measure | null> {
    return em.getRepository(Measure).findOneBy({ id });
  },

  getById(em: EntityManager, id: string): Promise<Measure> {
    return em.getRepository(Measure).findOneByOrFail({ id });
  },

  insert(
    em: EntityManager,
    data: Omit<Measure, 'id' | 'evidence' | 'cancellationReason' | 'startedAt' | 'completedAt' | 'cancelledAt' | 'createdAt' | 'updatedAt'>,
  ): Promise<Measure> {
    const repo = em.getRepository(Measure);
    return repo.save(repo.create(data));
  },

  async insertPoints(em: EntityManager, measureId: string, pointIds: readonly string[]): Promise<void> {
    await em.insert(
      MeasurePoint,
      pointIds.map((pointId) => ({ measureId, pointId })),
    );
  },

  async deletePoints(em: EntityManager, measureId: string): Promise<void> {
    await em.delete(MeasurePoint, { measureId });
  },

  async delete(em: EntityManager, id: string, version: number): Promise<void> {
    await em.delete(Measure, { id, version });
  },

  user(em: EntityManager, id: string): Promise<User | null> {
    return em.getRepository(User).findOneBy({ id });
  },

  async moveDueDate(em: EntityManager, id: string, to: string): Promise<number> {
    return returnedRows(
      await em.query(
        `UPDATE measures SET due_date = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ` +
          `${openSql.measure()} RETURNING id`,
        [id, to],
      ),
    ).length;
  },
};
