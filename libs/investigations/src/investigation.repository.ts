import { Brackets, DeepPartial, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { BatchRead, returnedRows } from '@opvolging/database';
import { investigationScope } from '@opvolging/access';
import { Organisation } from '@opvolging/organisations';
import { Actor, likeTerm, openSql, overdueSql, Role, Theme } from '@opvolging/shared';
import { Investigation, InvestigationInspectorate, InvestigationOrganisation, InvestigationStatus } from './investigation.entity';

export interface InvestigationFilter {
  status?: InvestigationStatus;
  municipalityId?: string;
  organisationId?: string;
  theme?: Theme;
  search?: string;
  /** Investigations with at least one late plan, measure or audit (visible to the actor). */
  overdue?: boolean;
}

/**
 * SQL for "something in this investigation is late", shared by the filter and the overviews.
 * `ownOrganisationOnly`: count only the plans of :scopeOrgId (an organisation must not learn of others' lateness).
 */
export const overdueInInvestigationSql = (i: string, ownOrganisationOnly = false) => {
  const own = ownOrganisationOnly ? ' AND od_p.organisation_id = :scopeOrgId' : '';
  // One EXISTS over the investigation's plans (not three OR'ed ones): PostgreSQL can then walk the
  // plans of each candidate investigation instead of hashing every late measure in the database.
  return `EXISTS (SELECT 1 FROM improvement_plans od_p WHERE od_p.investigation_id = ${i}.id${own} AND (
      ${overdueSql.plan('od_p')}
      OR EXISTS (SELECT 1 FROM measures od_m WHERE od_m.plan_id = od_p.id AND ${overdueSql.measure('od_m')})
      OR EXISTS (SELECT 1 FROM internal_audits od_a WHERE od_a.plan_id = od_p.id AND ${overdueSql.audit('od_a', 'od_p')})))`;
};

/**
 * The SQL of this library's investigations (and their parties): read and written only through here.
 * The organisations are read here too (`partiesByIds`, and joined for names): `@opvolging/organisations`
 * exports no function over the transaction's `EntityManager`.
 */
export const investigationRepository = {
  filtered(em: EntityManager, actor: Actor, filter: InvestigationFilter, today: string): SelectQueryBuilder<Investigation> {
    const scope = investigationScope(actor, 'i');
    const qb = em.getRepository(Investigation).createQueryBuilder('i').where(scope.sql, scope.params);
    if (filter.status) qb.andWhere('i.status = :status', { status: filter.status });
    if (filter.municipalityId) qb.andWhere('i.municipality_id = :municipalityId', { municipalityId: filter.municipalityId });
    if (filter.organisationId) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM investigation_organisations f_io WHERE f_io.investigation_id = i.id AND f_io.organisation_id = ' +
          ':filterOrg)',
        {
          filterOrg: filter.organisationId,
        },
      );
    }
    if (filter.theme) {
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('EXISTS (SELECT 1 FROM findings f_f WHERE f_f.investigation_id = i.id AND :theme = ANY(f_f.themes))')
            .orWhere('EXISTS (SELECT 1 FROM improvement_points f_pt WHERE f_pt.investigation_id = i.id AND :theme = ANY(f_pt.themes))'),
        ),
        { theme: filter.theme },
      );
    }
    if (filter.search) qb.andWhere('i.title ILIKE :term', { term: likeTerm(filter.search) });
    if (filter.overdue !== undefined) {
      qb.andWhere(`${filter.overdue ? '' : 'NOT '}${overdueInInvestigationSql('i', actor.role === Role.ORGANISATION_MEMBER)}`, {
        today,
      });
    }
    return qb;
  },

  byIds(em: EntityManager, actor: Actor, ids: readonly string[]): Promise<Investigation[]> {
    const scope = investigationScope(actor, 'i');
    return em
      .getRepository(Investigation)
      .createQueryBuilder('i')
      .where('i.id IN (:...ids)', { ids })
      .andWhere(scope.sql, scope.params)
      .getMany();
  },

  /** The investigation in the actor's scope, its row locked until the transaction ends unless `lock` is false. */
  inScope(em: EntityManager, actor: Actor, id: string, lock: boolean): Promise<Investigation | null> {
    const scope = investigationScope(actor, 'i');
    const qb = em.getRepository(Investigation).createQueryBuilder('i').where('i.id = :id', { id }).andWhere(scope.sql, scope.params);
    return (lock ? qb.setLock('pessimistic_write') : qb).getOne();
  },

  /** Participating inspectorate ids (the lead excluded) per investigation. */
  inspectorateIds(): BatchRead<InvestigationInspectorate, string> {
    return {
      entity: InvestigationInspectorate,
      alias: 'x',
      column: 'investigation_id',
      key: (r) => r.investigationId,
      value: (r) => r.inspectorateId,
    };
  },

  involvedOrganisationIds(): BatchRead<InvestigationOrganisation, string> {
    return {
      entity: InvestigationOrganisation,
      alias: 'x',
      column: 'investigation_id',
      key: (r) => r.investigationId,
      value: (r) => r.organisationId,
    };
  },

  /** Inserts a new investigation (read it back with `reread` for the columns the database fills in). */
  async insert(em: EntityManager, data: DeepPartial<Investigation>): Promise<Investigation> {
    const repo = em.getRepository(Investigation);
    return repo.save(repo.create(data));
  },

  reread(em: EntityManager, id: string): Promise<Investigation> {
    return em.getRepository(Investigation).findOneByOrFail({ id });
  },

  async participatingIds(em: EntityManager, investigationId: string): Promise<string[]> {
    return (await em.getRepository(InvestigationInspectorate).findBy({ investigationId })).map((r) => r.inspectorateId);
  },

  async involvedIds(em: EntityManager, investigationId: string): Promise<string[]> {
    return (await em.getRepository(InvestigationOrganisation).findBy({ investigationId })).map((r) => r.organisationId);
  },

  /** The organisations of these ids (another library's table; see above). */
  organisations(em: EntityManager, ids: string[]): Promise<Organisation[]> {
    return em.getRepository(Organisation).findBy({ id: In(ids) });
  },

  /** Organisations that points of the investigation are addressed to but that are not among `involved`. */
  async addressedOutside(em: EntityManager, investigationId: string, involved: string[]): Promise<string[]> {
    const stillAddressed: Array<{ organisation_id: string }> = await em.query(
      `SELECT DISTINCT a.organisation_id FROM improvement_point_addressees a JOIN improvement_points pt ON pt.id = a.point_id
           WHERE pt.investigation_id = $1 AND NOT (a.organisation_id = ANY($2::uuid[]))`,
      [investigationId, involved],
    );
    return stillAddressed.map((r) => r.organisation_id);
  },

  async replaceParties(em: EntityManager, investigationId: string, participating: string[], involved: string[]): Promise<void> {
    await em.delete(InvestigationInspectorate, { investigationId });
    await em.delete(InvestigationOrganisation, { investigationId });
    if (participating.length)
      await em.insert(
        InvestigationInspectorate,
        participating.map((inspectorateId) => ({ investigationId, inspectorateId })),
      );
    if (involved.length)
      await em.insert(
        InvestigationOrganisation,
        involved.map((organisationId) => ({ investigationId, organisationId })),
      );
  },

  /** How complete the report is: its findings, its points, and the points addressed to no organisation. */
  async contentCounts(em: EntityManager, investigationId: string): Promise<{ findings: number; points: number; unaddressed: number }> {
    const [counts] = await em.query(
      `SELECT (SELECT count(*) FROM findings WHERE investigation_id = $1)::int AS findings,
                (SELECT count(*) FROM improvement_points WHERE investigation_id = $1)::int AS points,
                (SELECT count(*) FROM improvement_points pt WHERE pt.investigation_id = $1
                   AND NOT EXISTS (SELECT 1 FROM improvement_point_addressees a WHERE a.point_id = pt.id))::int AS unaddressed`,
      [investigationId],
    );
    return counts;
  },

  /** The organisations with at least one point of the investigation addressed to them, by name. */
  async addresseeIds(em: EntityManager, investigationId: string): Promise<string[]> {
    const rows: Array<{ organisation_id: string }> = await em.query(
      `SELECT a.organisation_id FROM improvement_point_addressees a JOIN improvement_points pt ON pt.id = a.point_id ` +
        `JOIN organisations o ON o.id = a.organisation_id WHERE pt.investigation_id = $1 ` +
        `GROUP BY a.organisation_id, o.name ORDER BY o.name, a.organisation_id`,
      [investigationId],
    );
    return rows.map((r) => r.organisation_id);
  },

  /** The investigation's plans not yet closed, with their organisation's name, by that name. */
  openPlans(em: EntityManager, investigationId: string): Promise<Array<{ id: string; name: string; status: string }>> {
    return em.query(
      `SELECT p.id, o.name, p.status FROM improvement_plans p JOIN organisations o ON o.id = p.organisation_id
         WHERE p.investigation_id = $1 AND p.status <> 'CLOSED' ORDER BY o.name`,
      [investigationId],
    );
  },

  /** Moves the trajectory end while the investigation is in follow-up; the number of rows moved. */
  async moveTrajectoryEnd(em: EntityManager, id: string, to: string): Promise<number> {
    return returnedRows(
      await em.query(
        `UPDATE investigations SET trajectory_end_date = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ` +
          `${openSql.trajectory()} RETURNING id`,
        [id, to],
      ),
    ).length;
  },
};
