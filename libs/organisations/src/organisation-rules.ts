import { DomainError } from '@opvolging/shared';
import { Organisation, OrganisationKind } from './organisation.entity';

/** Inspectorates and municipalities belong to no municipality; the other kinds may name one. */
export function assertMayBelongToMunicipality(kind: OrganisationKind): void {
  if (kind === OrganisationKind.INSPECTORATE || kind === OrganisationKind.MUNICIPALITY) {
    throw DomainError.badInput(`An organisation of kind ${kind} does not belong to a municipality.`, [
      { path: 'input.municipalityId', message: `not for kind ${kind}` },
    ]);
  }
}

/** The organisation named as municipality must be one. */
export function assertIsMunicipality(municipalityId: string, found: Pick<Organisation, 'kind'> | null): void {
  if (found?.kind !== OrganisationKind.MUNICIPALITY) {
    throw DomainError.badInput(`${municipalityId} is not a municipality.`, [
      { path: 'input.municipalityId', message: 'not a municipality' },
    ]);
  }
}

export function assertNameFree(name: string, taken: boolean): void {
  if (taken)
    throw DomainError.badInput(`An organisation named "${name}" already exists.`, [{ path: 'input.name', message: 'already in use' }]);
}
