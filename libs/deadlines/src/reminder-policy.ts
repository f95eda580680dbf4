import { DomainError, FieldProblem } from '@opvolging/shared';

export enum DeadlineKind {
  PLAN_DUE = 'PLAN_DUE',
  ASSESSMENT_DUE = 'ASSESSMENT_DUE',
  MEASURE_DUE = 'MEASURE_DUE',
  AUDIT_DUE = 'AUDIT_DUE',
  /** The inspectorate's own verification, planned after an insufficient internal audit. */
  VERIFICATION_DUE = 'VERIFICATION_DUE',
  /** A monthly progress report of intensified supervision (enforcement). */
  ENFORCEMENT_REPORT_DUE = 'ENFORCEMENT_REPORT_DUE',
  /** The compliance deadline of a binding instruction or a penalty order. */
  COMPLIANCE_DUE = 'COMPLIANCE_DUE',
  /** The end of a period of intensified supervision: a decision is due. */
  ENFORCEMENT_PERIOD_END = 'ENFORCEMENT_PERIOD_END',
  TRAJECTORY_END = 'TRAJECTORY_END',
}

/** Deadlines that the organisation answers for (and may ask to extend). */
export const ORGANISATION_KINDS = [DeadlineKind.PLAN_DUE, DeadlineKind.MEASURE_DUE, DeadlineKind.AUDIT_DUE] as const;

/** Deadlines that the inspectorate answers for: reminders and overdue notices go to its inspectors. */
export const INSPECTOR_KINDS: readonly DeadlineKind[] = [
  DeadlineKind.ASSESSMENT_DUE,
  DeadlineKind.VERIFICATION_DUE,
  DeadlineKind.ENFORCEMENT_PERIOD_END,
  DeadlineKind.TRAJECTORY_END,
];

/**
 * Owned by the organisation: its members hear of it, and its overdue notices escalate; the others (INSPECTOR_KINDS) are the
 * inspectorate's.
 */
export function isOrganisationKind(kind: DeadlineKind): boolean {
  return !INSPECTOR_KINDS.includes(kind);
}

/** isOrganisationKind in SQL, for a kind expression. */
export function organisationKindSql(kind: string): string {
  return `${kind} NOT IN (${INSPECTOR_KINDS.map((k) => `'${k}'`).join(',')})`;
}

export interface KindPolicy {
  /** Reminders this many days (in the investigation's unit) before the due date. */
  remindDaysBefore: number[];
  /** Overdue notices also go to the organisation's other members from this many days late. */
  organisationAfterDays: number;
  /** Overdue notices also go to the case's inspectors from this many days late (escalation). */
  inspectorAfterDays: number;
}

/** The defaults of the inspectorates' practice (shared/domain.md), per deadline kind. */
export const DEFAULT_REMINDER_POLICY: Record<DeadlineKind, KindPolicy> = {
  [DeadlineKind.PLAN_DUE]: { remindDaysBefore: [14, 3], organisationAfterDays: 0, inspectorAfterDays: 28 },
  [DeadlineKind.ASSESSMENT_DUE]: { remindDaysBefore: [7], organisationAfterDays: 0, inspectorAfterDays: 0 },
  [DeadlineKind.MEASURE_DUE]: { remindDaysBefore: [14], organisationAfterDays: 1, inspectorAfterDays: 30 },
  [DeadlineKind.AUDIT_DUE]: { remindDaysBefore: [30, 7], organisationAfterDays: 0, inspectorAfterDays: 1 },
  [DeadlineKind.VERIFICATION_DUE]: { remindDaysBefore: [7], organisationAfterDays: 0, inspectorAfterDays: 0 },
  [DeadlineKind.ENFORCEMENT_REPORT_DUE]: { remindDaysBefore: [7, 1], organisationAfterDays: 0, inspectorAfterDays: 1 },
  [DeadlineKind.COMPLIANCE_DUE]: { remindDaysBefore: [14, 3], organisationAfterDays: 0, inspectorAfterDays: 1 },
  [DeadlineKind.ENFORCEMENT_PERIOD_END]: { remindDaysBefore: [14], organisationAfterDays: 0, inspectorAfterDays: 0 },
  [DeadlineKind.TRAJECTORY_END]: { remindDaysBefore: [30], organisationAfterDays: 0, inspectorAfterDays: 0 },
};

/**
 * Overdue notices back off: 1, 3, 7, 14 and 28 days late, then every 28 days, never daily.
 * Returns the back-off day that applies `daysLate` days after the due date.
 */
export const OVERDUE_SCHEDULE = [1, 3, 7, 14, 28] as const;
export const OVERDUE_EVERY = 28;

export function overdueStep(daysLate: number): number | null {
  if (daysLate < 1) return null;
  if (daysLate < OVERDUE_EVERY) return [...OVERDUE_SCHEDULE].reverse().find((d) => d <= daysLate)!;
  return Math.floor(daysLate / OVERDUE_EVERY) * OVERDUE_EVERY;
}

/** The back-off step of overdueStep, in SQL, for `lateDays` (an integer expression). */
export function overdueStepSql(lateDays: string): string {
  const below = [...OVERDUE_SCHEDULE].reverse().filter((d) => d < OVERDUE_EVERY);
  return `(CASE WHEN ${lateDays} >= ${OVERDUE_EVERY} THEN (${lateDays} / ${OVERDUE_EVERY}) * ${OVERDUE_EVERY} ${below
    .map((d) => `WHEN ${lateDays} >= ${d} THEN ${d}`)
    .join(' ')} END)`;
}

/**
 * The notice step of a late deadline in SQL, as noticeDue computes it: the back-off step, or an
 * escalation threshold (the investigation's policy, else the default) when that is later.
 * `d` has kind, `policy` is the investigation's reminder_policy jsonb. Checked by a test.
 */
export function lateStepSql(lateDays: string, d: string, policy: string): string {
  const threshold = (field: 'organisationAfterDays' | 'inspectorAfterDays') => policyDaysSql(`${d}.kind`, field, policy);
  const applies = (t: string) =>
    `CASE WHEN NOT ${organisationKindSql(`${d}.kind`)} THEN 0 WHEN ${t} BETWEEN 1 AND ${lateDays} THEN ${t} ELSE 0 END`;
  return (
    `('O' || GREATEST(${overdueStepSql(lateDays)}, ${applies(threshold('organisationAfterDays'))}, ` +
    `${applies(threshold('inspectorAfterDays'))}))`
  );
}

/** A threshold of the investigation's policy (`policy`, its reminder_policy jsonb) for a kind (a SQL text expression), else the default. */
export function policyDaysSql(kind: string, field: 'organisationAfterDays' | 'inspectorAfterDays', policy: string): string {
  return `coalesce((${policy} -> ${kind} ->> '${field}')::int, CASE ${kind} ${Object.values(DeadlineKind)
    .map((k) => `WHEN '${k}' THEN ${DEFAULT_REMINDER_POLICY[k][field]}`)
    .join(' ')} END)`;
}

/**
 * SQL: the deadline `dueDate` of `kind` is late enough today (`:today`) for the inspectors to
 * consider escalation: as many calendar days late as the policy's inspectorAfterDays, at least one.
 */
export function escalationDueSql(kind: DeadlineKind, dueDate: string, policy: string): string {
  return `(:today::date - ${dueDate}) >= GREATEST(1, ${policyDaysSql(`'${kind}'`, 'inspectorAfterDays', policy)})`;
}

export const MAX_REMINDER_DAYS = 60;

/** The investigation's stored overrides over the defaults, validated. */
export function resolvePolicy(stored: Record<string, unknown> | null | undefined): Record<DeadlineKind, KindPolicy> {
  const result = { ...DEFAULT_REMINDER_POLICY };
  for (const kind of Object.values(DeadlineKind)) {
    const override = stored?.[kind] as Partial<KindPolicy> | undefined;
    if (override) result[kind] = { ...DEFAULT_REMINDER_POLICY[kind], ...override };
  }
  return result;
}

export function validatePolicyOverrides(
  overrides: Array<{ kind: DeadlineKind } & Partial<KindPolicy>>,
  path = 'input.policy.reminders',
): Record<string, KindPolicy> {
  const problems: FieldProblem[] = [];
  const result: Record<string, KindPolicy> = {};
  overrides.forEach((o, index) => {
    const days = o.remindDaysBefore ?? DEFAULT_REMINDER_POLICY[o.kind].remindDaysBefore;
    if (days.some((d) => !Number.isInteger(d) || d < 1 || d > MAX_REMINDER_DAYS)) {
      problems.push({ path: `${path}.${index}.remindDaysBefore`, message: `each between 1 and ${MAX_REMINDER_DAYS}` });
    }
    for (const field of ['organisationAfterDays', 'inspectorAfterDays'] as const) {
      const value = o[field];
      if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 365))
        problems.push({ path: `${path}.${index}.${field}`, message: 'between 0 and 365' });
    }
    if (result[o.kind]) problems.push({ path: `${path}.${index}.kind`, message: `${o.kind} appears twice` });
    result[o.kind] = {
      remindDaysBefore: [...new Set(days)].sort((a, b) => b - a),
      organisationAfterDays: o.organisationAfterDays ?? DEFAULT_REMINDER_POLICY[o.kind].organisationAfterDays,
      inspectorAfterDays: o.inspectorAfterDays ?? DEFAULT_REMINDER_POLICY[o.kind].inspectorAfterDays,
    };
  });
  if (problems.length) throw DomainError.badInput('The reminder policy is not valid.', problems);
  return result;
}
