import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { entityRows } from '@opvolging/database';
import { likeTerm } from '@opvolging/shared';
import { Organisation, OrganisationKind } from './organisation.entity';

export interface OrganisationFilter {
  kind?: OrganisationKind;
  municipalityId?: string;
  search?: string;
}

/** The SQL of this library: organisations are read and written only through here. */
export const organisationRepository = {
  filtered(em: EntityManager, filter: OrganisationFilter): SelectQueryBuilder<Organisation> {
    const qb = em.getRepository(Organisation).createQueryBuilder('o');
    if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.municipalityId) qb.andWhere('o.municipality_id = :municipalityId', { municipalityId: filter.municipalityId });
    if (filter.search) qb.andWhere('o.name ILIKE :term', { term: likeTerm(filter.search) });
    return qb;
  },

  async byIds(em: EntityManager, ids: readonly string[]): Promise<Organisation[]> {
    // The loader of every organisation field: one text whatever the number of ids (so one prepared statement).
    const organisations = entityRows(em.connection, Organisation);
    return organisations.fromRaw(await em.query(`${organisations.selectFrom('o')} WHERE "o"."id" = ANY($1::uuid[])`, [ids]), 'o');
  },

  byId(em: EntityManager, id: string): Promise<Organisation | null> {
    return em.getRepository(Organisation).findOneBy({ id });
  },

  /** Names are unique without regard to case. */
  nameTaken(em: EntityManager, name: string): Promise<boolean> {
    return em.getRepository(Organisation).createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name }).getExists();
  },

  async insert(em: EntityManager, data: { name: string; kind: OrganisationKind; municipalityId: string | null }): Promise<Organisation> {
    const repo = em.getRepository(Organisation);
    const saved = await repo.save(repo.create({ ...data, version: 1 }));
    return repo.findOneByOrFail({ id: saved.id });
  },
};
