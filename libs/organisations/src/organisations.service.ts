import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, Page, PageArgs, paginate, updateVersioned } from '@opvolging/database';
import { Actor, DomainError, likeTerm, Role, requireRole } from '@opvolging/shared';
import { Organisation, OrganisationKind } from './organisation.entity';

export interface OrganisationFilter {
  kind?: OrganisationKind;
  municipalityId?: string;
  search?: string;
}

export interface CreateOrganisationData {
  name: string;
  kind: OrganisationKind;
  municipalityId?: string | null;
}

export interface UpdateOrganisationData {
  id: string;
  expectedVersion: number;
  name?: string;
  municipalityId?: string | null;
}

/** Reference data: every signed-in user can read organisations; only administrators change them. */
@Injectable()
export class OrganisationsService {
  constructor(private readonly db: Database) {}

  list(actor: Actor, filter: OrganisationFilter, page: PageArgs): Promise<Page<Organisation>> {
    return paginate(this.db, actor, (em) => {
      const qb = em.getRepository(Organisation).createQueryBuilder('o');
      if (filter.kind) qb.andWhere('o.kind = :kind', { kind: filter.kind });
      if (filter.municipalityId) qb.andWhere('o.municipality_id = :municipalityId', { municipalityId: filter.municipalityId });
      if (filter.search) qb.andWhere('o.name ILIKE :term', { term: likeTerm(filter.search) });
      return qb;
    }, 'o.id', { expression: 'lower(o.name)', type: 'text', direction: 'ASC' }, page);
  }

  byIds(actor: Actor | null, ids: readonly string[]): Promise<Organisation[]> {
    return this.db.transaction(actor, ({ em }) => em.getRepository(Organisation).createQueryBuilder('o').where('o.id IN (:...ids)', { ids }).getMany());
  }

  async get(actor: Actor, id: string): Promise<Organisation> {
    const [found] = await this.byIds(actor, [id]);
    if (!found) throw DomainError.notFound('Organisation', id);
    return found;
  }

  create(actor: Actor, data: CreateOrganisationData): Promise<Organisation> {
    requireRole(actor, [Role.ADMIN], 'manage organisations');
    return this.db.transaction(actor, async ({ em }) => {
      const name = data.name.trim();
      await this.checkNameFree(em, name);
      await this.checkMunicipality(em, data.kind, data.municipalityId ?? null);
      const repo = em.getRepository(Organisation);
      const saved = await repo.save(repo.create({ name, kind: data.kind, municipalityId: data.municipalityId ?? null, version: 1 }));
      return repo.findOneByOrFail({ id: saved.id });
    });
  }

  update(actor: Actor, data: UpdateOrganisationData): Promise<Organisation> {
    requireRole(actor, [Role.ADMIN], 'manage organisations');
    return this.db.transaction(actor, async ({ em }) => {
      const current = await em.getRepository(Organisation).findOneBy({ id: data.id });
      if (!current) throw DomainError.notFound('Organisation', data.id);
      const name = data.name?.trim();
      if (name !== undefined && name.toLowerCase() !== current.name.toLowerCase()) await this.checkNameFree(em, name);
      if (data.municipalityId !== undefined) await this.checkMunicipality(em, current.kind, data.municipalityId);
      return updateVersioned(em, Organisation, 'Organisation', data.id, data.expectedVersion, {
        ...(name !== undefined ? { name } : {}),
        ...(data.municipalityId !== undefined ? { municipalityId: data.municipalityId } : {}),
      });
    });
  }

  private async checkNameFree(em: EntityManager, name: string) {
    const taken = await em.getRepository(Organisation).createQueryBuilder('o').where('lower(o.name) = lower(:name)', { name }).getExists();
    if (taken) throw DomainError.badInput(`An organisation named "${name}" already exists.`, [{ path: 'input.name', message: 'already in use' }]);
  }

  private async checkMunicipality(em: EntityManager, kind: OrganisationKind, municipalityId: string | null) {
    if (!municipalityId) return;
    if (kind === OrganisationKind.INSPECTORATE || kind === OrganisationKind.MUNICIPALITY) {
      throw DomainError.badInput(`An organisation of kind ${kind} does not belong to a municipality.`, [
        { path: 'input.municipalityId', message: `not for kind ${kind}` },
      ]);
    }
    const municipality = await em.getRepository(Organisation).findOneBy({ id: municipalityId });
    if (municipality?.kind !== OrganisationKind.MUNICIPALITY) {
      throw DomainError.badInput(`${municipalityId} is not a municipality.`, [{ path: 'input.municipalityId', message: 'not a municipality' }]);
    }
  }
}
