import type { DeadlinePolicyInput, DeadlineUnit } from '@web/gql/graphql';

/** The policy's numeric fields, their defaults (as the API applies them) and upper bounds. */
export const POLICY_FIELDS = [
  { key: 'planDueDays', default: 42, max: 365 },
  { key: 'assessmentDueDays', default: 28, max: 365 },
  { key: 'revisionDueDays', default: 28, max: 365 },
  { key: 'auditDueMonths', default: 6, max: 36 },
  { key: 'trajectoryMonths', default: 12, max: 60 },
] as const;

export type PolicyKey = (typeof POLICY_FIELDS)[number]['key'];

export interface DetailsValues {
  title: string;
  summary: string;
  municipalityId: string;
  participatingInspectorateIds: string[];
  involvedOrganisationIds: string[];
  /** As typed, so a half-typed number stays on screen. */
  policy: Record<PolicyKey, string>;
  unit: DeadlineUnit;
}

export function defaultDetails(): DetailsValues {
  return {
    title: '',
    summary: '',
    municipalityId: '',
    participatingInspectorateIds: [],
    involvedOrganisationIds: [],
    policy: Object.fromEntries(POLICY_FIELDS.map((f) => [f.key, String(f.default)])) as Record<PolicyKey, string>,
    unit: 'CALENDAR_DAYS' as DeadlineUnit,
  };
}

/** Field → what is wrong, for the fields checked before sending (`required` and `invalid` give the sentences). */
export function detailsProblems(
  values: DetailsValues,
  say: {
    required: (field: 'title' | 'municipalityId' | 'involvedOrganisationIds') => string;
    invalid: (key: PolicyKey, max: number) => string;
  },
): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!values.title.trim()) problems.title = say.required('title');
  if (!values.municipalityId) problems.municipalityId = say.required('municipalityId');
  if (!values.involvedOrganisationIds.length) problems.involvedOrganisationIds = say.required('involvedOrganisationIds');
  for (const f of POLICY_FIELDS) {
    const raw = values.policy[f.key].trim();
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1 || n > f.max) problems[`policy.${f.key}`] = say.invalid(f.key, f.max);
  }
  return problems;
}

/** The policy as the API takes it (only valid values are ever sent). */
export function policyInput(values: DetailsValues): DeadlinePolicyInput {
  const input: DeadlinePolicyInput = { unit: values.unit };
  for (const f of POLICY_FIELDS) input[f.key] = Number(values.policy[f.key]);
  return input;
}
