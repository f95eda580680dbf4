import { DomainError } from '@opvolging/shared';
import { AmountBasis, EnforcementType } from './enforcement.entity';
import { checkDecidedOn, enforcementFieldProblems, RecordEnforcementData } from './enforcement-rules';

const TODAY = '2026-06-15';
const paths = (data: Partial<RecordEnforcementData>, publicationDate: string | null = '2026-03-02') =>
  enforcementFieldProblems(
    { type: EnforcementType.INTENSIFIED_SUPERVISION, decisionDate: TODAY, rationale: 'Stilstand.', ...data },
    publicationDate,
    TODAY,
  ).map((p) => p.path);

describe('the fields of an enforcement measure', () => {
  it('dates the decision between the publication and today', () => {
    expect(paths({})).toEqual([]);
    expect(paths({ decisionDate: '2026-06-16' })).toEqual(['input.decisionDate']);
    expect(paths({ decisionDate: '2026-03-01' })).toEqual(['input.decisionDate']);
  });

  it('keeps each field to the types it belongs to', () => {
    expect(paths({ requirements: 'Doe dit.', periodMonths: 25 })).toEqual(['input.requirements', 'input.periodMonths']);
  });

  it('asks a penalty order what, by when, how much and its basis', () => {
    expect(paths({ type: EnforcementType.PENALTY_ORDER })).toEqual([
      'input.requirements',
      'input.complianceDueDate',
      'input.amountBasis',
      'input.amountCents',
    ]);
    expect(
      paths({
        type: EnforcementType.PENALTY_ORDER,
        requirements: 'Doe dit.',
        complianceDueDate: '2026-07-01',
        amountBasis: AmountBasis.PER_PERIOD,
        amountCents: 5000,
        maximumCents: 1000,
      }),
    ).toEqual(['input.maximumCents']);
  });
});

describe('the date of a decision that ends a step', () => {
  it('is not in the future nor before the measure was decided', () => {
    expect(() => checkDecidedOn({ decisionDate: '2026-05-01' }, TODAY, TODAY)).not.toThrow();
    try {
      checkDecidedOn({ decisionDate: '2026-05-01' }, '2026-04-30', TODAY);
      throw new Error('accepted');
    } catch (error) {
      expect((error as DomainError).details.fields?.map((f) => f.path)).toEqual(['input.decidedOn']);
    }
  });
});
