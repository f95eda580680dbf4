import { Actor, Role } from './actor';
import { DomainError } from './domain-error';

const roleNames: Record<Role, string> = {
  [Role.ADMIN]: 'administrators',
  [Role.INSPECTOR]: 'inspectors',
  [Role.ORGANISATION_MEMBER]: 'organisation members',
  [Role.MUNICIPALITY_REVIEWER]: 'municipality reviewers',
};

/** FORBIDDEN unless the actor has one of the roles; says who may do it instead. */
export function requireRole(actor: Actor, roles: Role[], what: string): asserts actor is Actor & { organisationId: string } {
  if (!roles.includes(actor.role)) {
    throw DomainError.forbidden(`Only ${roles.map((r) => roleNames[r]).join(' or ')} may ${what}.`);
  }
}
