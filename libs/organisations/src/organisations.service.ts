import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, Page, PageArgs, paginate, updateVersioned } from '@opvolging/database';
import { Actor, DomainError, Role, requireRole } from '@opvolging/shared';
import { Organisation, OrganisationKind } from './organisation.entity';
import { assertIsMunicipality, assertMayBelongToMunicipality, assertNameFree } from './organisation-rules';
import { OrganisationFilter, organisationRepository as rows } from './organisation.repository';

export type { OrganisationFilter } from './organisation.repository';

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
    return paginate(
      this.db,
      actor,
      (em) => rows.filtered(em, filter),
      'o.id',
      { expression: 'lower(o.name)', type: 'text', direction: 'ASC' },
      page,
    );
  }

  byIds(actor: Actor | null, ids: readonly string[]): Promise<Organisation[]> {
    return this.db.read(actor, ({ em }) => rows.byIds(em, ids));
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
      return rows.insert(em, { name, kind: data.kind, municipalityId: data.municipalityId ?? null });
    });
  }

  update(actor: Actor, data: UpdateOrganisationData): Promise<Organisation> {
    requireRole(actor, [Role.ADMIN], 'manage organisations');
    return this.db.transaction(actor, async ({ em }) => {
      const current = await rows.byId(em, data.id);
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
    assertNameFree(name, await rows.nameTaken(em, name));
  }

  private async checkMunicipality(em: EntityManager, kind: OrganisationKind, municipalityId: string | null) {
    if (!municipalityId) return;
    assertMayBelongToMunicipality(kind);
    assertIsMunicipality(municipalityId, await rows.byId(em, municipalityId));
  }
}
