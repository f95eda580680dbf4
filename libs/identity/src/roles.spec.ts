import { OrganisationKind } from '@opvolging/organisations';
import { Role } from '@opvolging/shared';
import { mayBelongTo } from './roles';

describe('which organisation an account belongs to', () => {
  it('inspectors to an inspectorate, reviewers to a municipality', () => {
    expect(mayBelongTo(Role.INSPECTOR, OrganisationKind.INSPECTORATE)).toBe(true);
    expect(mayBelongTo(Role.INSPECTOR, OrganisationKind.MUNICIPALITY)).toBe(false);
    expect(mayBelongTo(Role.MUNICIPALITY_REVIEWER, OrganisationKind.MUNICIPALITY)).toBe(true);
    expect(mayBelongTo(Role.MUNICIPALITY_REVIEWER, OrganisationKind.SCHOOL)).toBe(false);
  });

  it('members to any organisation but an inspectorate; administrators to none', () => {
    expect(mayBelongTo(Role.ORGANISATION_MEMBER, OrganisationKind.SCHOOL)).toBe(true);
    expect(mayBelongTo(Role.ORGANISATION_MEMBER, OrganisationKind.MUNICIPALITY)).toBe(true);
    expect(mayBelongTo(Role.ORGANISATION_MEMBER, OrganisationKind.INSPECTORATE)).toBe(false);
    expect(Object.values(OrganisationKind).some((kind) => mayBelongTo(Role.ADMIN, kind))).toBe(false);
  });
});
