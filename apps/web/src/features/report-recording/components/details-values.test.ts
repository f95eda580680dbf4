import { describe, expect, it } from 'vitest';
import { defaultDetails, detailsProblems, policyInput } from './details-values';

const say = { required: (f: string) => `required ${f}`, invalid: (k: string, max: number) => `${k} 1..${max}` };

describe('investigation details before sending', () => {
  it('starts with the API’s default deadline policy', () => {
    expect(policyInput(defaultDetails())).toEqual({
      unit: 'CALENDAR_DAYS',
      planDueDays: 42,
      assessmentDueDays: 28,
      revisionDueDays: 28,
      auditDueMonths: 6,
      trajectoryMonths: 12,
    });
  });

  it('asks for the title, the municipality and an organisation involved', () => {
    expect(detailsProblems(defaultDetails(), say)).toEqual({
      title: 'required title',
      municipalityId: 'required municipalityId',
      involvedOrganisationIds: 'required involvedOrganisationIds',
    });
  });

  it('refuses policy numbers outside the API’s bounds', () => {
    const values = { ...defaultDetails(), title: 'Casus Hattem 2020', municipalityId: 'm', involvedOrganisationIds: ['o'] };
    values.policy = { ...values.policy, planDueDays: '0', trajectoryMonths: '61', auditDueMonths: '6.5' };
    expect(detailsProblems(values, say)).toEqual({
      'policy.planDueDays': 'planDueDays 1..365',
      'policy.trajectoryMonths': 'trajectoryMonths 1..60',
      'policy.auditDueMonths': 'auditDueMonths 1..36',
    });
  });
});
