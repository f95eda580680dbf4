import { DomainError } from '@opvolging/shared';
import { OrganisationKind } from './organisation.entity';
import { assertIsMunicipality, assertMayBelongToMunicipality, assertNameFree } from './organisation-rules';

const refusal = (work: () => void) => {
  try {
    work();
  } catch (error) {
    return { code: (error as DomainError).code, message: (error as DomainError).message };
  }
  return null;
};

describe('organisation rules', () => {
  it('let only care, school and safety organisations belong to a municipality', () => {
    expect(refusal(() => assertMayBelongToMunicipality(OrganisationKind.YOUTH_CARE))).toBeNull();
    expect(refusal(() => assertMayBelongToMunicipality(OrganisationKind.MUNICIPALITY))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'An organisation of kind MUNICIPALITY does not belong to a municipality.',
    });
    expect(refusal(() => assertMayBelongToMunicipality(OrganisationKind.INSPECTORATE))).not.toBeNull();
  });

  it('accept as municipality only an organisation of that kind', () => {
    expect(refusal(() => assertIsMunicipality('m1', { kind: OrganisationKind.MUNICIPALITY }))).toBeNull();
    expect(refusal(() => assertIsMunicipality('m1', { kind: OrganisationKind.YOUTH_CARE }))?.message).toBe('m1 is not a municipality.');
    expect(refusal(() => assertIsMunicipality('m1', null))?.message).toBe('m1 is not a municipality.');
  });

  it('refuse a name that is taken', () => {
    expect(refusal(() => assertNameFree('GGD', false))).toBeNull();
    expect(refusal(() => assertNameFree('GGD', true))?.message).toBe('An organisation named "GGD" already exists.');
  });
});
