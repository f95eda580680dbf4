import { OrganisationKind } from '@opvolging/organisations';
import { Role } from '@opvolging/shared';

/** Which kind of organisation each role belongs to. */
const roleOrganisation: Record<Role, (kind: OrganisationKind) => boolean> = {
  [Role.ADMIN]: () => false,
  [Role.INSPECTOR]: (kind) => kind === OrganisationKind.INSPECTORATE,
  [Role.MUNICIPALITY_REVIEWER]: (kind) => kind === OrganisationKind.MUNICIPALITY,
  [Role.ORGANISATION_MEMBER]: (kind) => kind !== OrganisationKind.INSPECTORATE,
};

/** Whether an account with this role may belong to an organisation of this kind (administrators belong to none). */
export function mayBelongTo(role: Role, kind: OrganisationKind): boolean {
  return roleOrganisation[role](kind);
}
