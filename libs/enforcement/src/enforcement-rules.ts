import { DomainError, FieldProblem } from '@opvolging/shared';
import { AmountBasis, EnforcementMeasure, EnforcementType } from './enforcement.entity';

export const DEFAULT_SUPERVISION_MONTHS = 6;
export const MAX_SUPERVISION_MONTHS = 24;

export interface RecordEnforcementData {
  /** On an organisation's plan … */
  planId?: string | null;
  /** … or on the investigation, for an involved organisation's share of collective points. */
  investigationId?: string | null;
  organisationId?: string | null;
  type: EnforcementType;
  decisionDate: string;
  rationale: string;
  /** Intensified supervision: months (default 6), one progress report due each month. */
  periodMonths?: number | null;
  /** Binding instruction, penalty order: what must be done, and by when. */
  requirements?: string | null;
  complianceDueDate?: string | null;
  /** Penalty order and fine: euro cents; penalty order: per period or in total, with a maximum. */
  amountCents?: number | null;
  amountBasis?: AmountBasis | null;
  maximumCents?: number | null;
}

/** What is missing or does not fit in a new enforcement measure's fields (none: an empty list). */
export function enforcementFieldProblems(data: RecordEnforcementData, publicationDate: string | null, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (data.decisionDate > today) problems.push({ path: 'input.decisionDate', message: `after today (${today})` });
  if (publicationDate && data.decisionDate < publicationDate)
    problems.push({ path: 'input.decisionDate', message: `before the publication (${publicationDate})` });
  const only = (field: keyof RecordEnforcementData, types: EnforcementType[]) => {
    if (data[field] != null && !types.includes(data.type))
      problems.push({ path: `input.${field}`, message: `only for ${types.join(', ')}` });
  };
  const need = (field: keyof RecordEnforcementData) => {
    if (data[field] == null || data[field] === '') problems.push({ path: `input.${field}`, message: `required for ${data.type}` });
  };
  only('periodMonths', [EnforcementType.INTENSIFIED_SUPERVISION]);
  only('requirements', [EnforcementType.BINDING_INSTRUCTION, EnforcementType.PENALTY_ORDER]);
  only('complianceDueDate', [EnforcementType.BINDING_INSTRUCTION, EnforcementType.PENALTY_ORDER]);
  only('amountCents', [EnforcementType.PENALTY_ORDER, EnforcementType.ADMINISTRATIVE_FINE]);
  only('amountBasis', [EnforcementType.PENALTY_ORDER]);
  only('maximumCents', [EnforcementType.PENALTY_ORDER]);
  switch (data.type) {
    case EnforcementType.INTENSIFIED_SUPERVISION:
      if (
        data.periodMonths != null &&
        (!Number.isInteger(data.periodMonths) || data.periodMonths < 1 || data.periodMonths > MAX_SUPERVISION_MONTHS)
      )
        problems.push({ path: 'input.periodMonths', message: `between 1 and ${MAX_SUPERVISION_MONTHS}` });
      break;
    case EnforcementType.PENALTY_ORDER:
    case EnforcementType.BINDING_INSTRUCTION:
      // Both say what must be done, and by when; a penalty order also its amount.
      need('requirements');
      need('complianceDueDate');
      if (data.complianceDueDate && data.complianceDueDate <= today)
        problems.push({ path: 'input.complianceDueDate', message: `must be after today (${today})` });
      if (data.type === EnforcementType.PENALTY_ORDER) {
        need('amountBasis');
        if (data.amountBasis === AmountBasis.PER_PERIOD) need('maximumCents');
        if (data.amountCents != null && data.maximumCents != null && data.maximumCents < data.amountCents)
          problems.push({ path: 'input.maximumCents', message: 'not less than the amount' });
      }
      break;
    case EnforcementType.ADMINISTRATIVE_FINE:
      break;
  }
  if (data.type === EnforcementType.PENALTY_ORDER || data.type === EnforcementType.ADMINISTRATIVE_FINE) need('amountCents');
  for (const field of ['amountCents', 'maximumCents'] as const) {
    const v = data[field];
    if (v != null && (!Number.isSafeInteger(v) || v < 1))
      problems.push({ path: `input.${field}`, message: 'a positive whole number of cents' });
  }
  return problems;
}

/** The date of a decision that ends a step: not in the future, not before the measure's own decision. */
export function checkDecidedOn(measure: Pick<EnforcementMeasure, 'decisionDate'>, decidedOn: string, today: string): void {
  const problems: FieldProblem[] = [];
  if (decidedOn > today) problems.push({ path: 'input.decidedOn', message: `after today (${today})` });
  if (decidedOn < measure.decisionDate)
    problems.push({ path: 'input.decidedOn', message: `before the measure's decision (${measure.decisionDate})` });
  if (problems.length) throw DomainError.badInput('The date of the decision is not valid.', problems);
}
