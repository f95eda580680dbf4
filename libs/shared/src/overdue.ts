/**
 * "Open" and "overdue" are derived from statuses and dates, never stored. These are the only
 * definitions: the TypeScript predicates serve single objects, the SQL fragments serve filters,
 * overviews and moves; the view open_deadlines (SQL, in the migrations) is held to the same lists
 * by test/e2e/rule-drift.e2e-spec.ts. `:today` is the calendar date in Europe/Amsterdam.
 */
export const OPEN_PLAN_STATUSES = ['DRAFT', 'REVISION_REQUESTED'] as const;
/** A submitted plan waits for the inspectorate's assessment. */
export const OPEN_ASSESSMENT_STATUSES = ['SUBMITTED'] as const;
export const OPEN_MEASURE_STATUSES = ['PLANNED', 'IN_PROGRESS'] as const;
/** A measure's deadline runs only while its plan is accepted. */
export const MEASURE_DEADLINE_PLAN_STATUSES = ['ACCEPTED'] as const;
export const OPEN_AUDIT_STATUSES = ['DRAFT', 'REVISION_REQUESTED'] as const;
/** An investigation in follow-up has a trajectory end to watch. */
export const OPEN_INVESTIGATION_STATUSES = ['FOLLOW_UP'] as const;
/**
 * An audit's deadline (and its verification's) runs only while its plan is accepted: a verification closes the plan, and with it the
 * audit step.
 */
export const AUDIT_DEADLINE_PLAN_STATUSES = ['ACCEPTED'] as const;
/** The inspectorate's verification, planned after an insufficient internal audit, is due while the audit is judged. */
export const OPEN_VERIFICATION_STATUSES = ['JUDGED'] as const;
/** An enforcement measure's deadlines (compliance, period end, its progress reports) run while it is active. */
export const OPEN_ENFORCEMENT_STATUSES = ['ACTIVE'] as const;
/** A progress report of intensified supervision is open until it is accepted. */
export const OPEN_ENFORCEMENT_REPORT_STATUSES = ['DUE', 'MORE_NEEDED'] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');
const has = (values: readonly string[], status: string) => values.includes(status);

/** `column IN ('A','B')`, or `column = 'A'` for one status. */
export function statusInSql(column: string, statuses: readonly string[]): string {
  return statuses.length === 1 ? `${column} = '${statuses[0]}'` : `${column} IN (${list(statuses)})`;
}

const status = (alias?: string) => (alias ? `${alias}.status` : 'status');

/** Whether the row's deadline is still open, in SQL; without an alias for a single-table UPDATE. */
export const openSql = {
  plan: (p?: string) => statusInSql(status(p), OPEN_PLAN_STATUSES),
  assessment: (p?: string) => statusInSql(status(p), OPEN_ASSESSMENT_STATUSES),
  measure: (m?: string) => statusInSql(status(m), OPEN_MEASURE_STATUSES),
  audit: (a?: string) => statusInSql(status(a), OPEN_AUDIT_STATUSES),
  trajectory: (i?: string) => statusInSql(status(i), OPEN_INVESTIGATION_STATUSES),
  verification: (a?: string) => statusInSql(status(a), OPEN_VERIFICATION_STATUSES),
  enforcement: (e?: string) => statusInSql(status(e), OPEN_ENFORCEMENT_STATUSES),
  enforcementReport: (r?: string) => statusInSql(status(r), OPEN_ENFORCEMENT_REPORT_STATUSES),
};

export const overdue = {
  plan: (p: { status: string; dueDate: string }, today: string) => has(OPEN_PLAN_STATUSES, p.status) && p.dueDate < today,
  assessment: (p: { status: string; assessmentDueDate: string | null }, today: string) =>
    has(OPEN_ASSESSMENT_STATUSES, p.status) && p.assessmentDueDate !== null && p.assessmentDueDate < today,
  measure: (m: { status: string; dueDate: string }, today: string) => has(OPEN_MEASURE_STATUSES, m.status) && m.dueDate < today,
  audit: (a: { status: string; dueDate: string }, planStatus: string | undefined, today: string) =>
    auditOpen(a, planStatus) && a.dueDate < today,
  trajectory: (i: { status: string; trajectoryEndDate: string | null }, today: string) =>
    has(OPEN_INVESTIGATION_STATUSES, i.status) && i.trajectoryEndDate !== null && i.trajectoryEndDate < today,
};

export const overdueSql = {
  plan: (p: string) => `(${openSql.plan(p)} AND ${p}.due_date < :today)`,
  assessment: (p: string) => `(${openSql.assessment(p)} AND ${p}.assessment_due_date < :today)`,
  measure: (m: string) => `(${openSql.measure(m)} AND ${m}.due_date < :today)`,
  audit: (a: string, p: string) => `(${auditOpenSql(a, p)} AND ${a}.due_date < :today)`,
};

/** The audit (of a plan with status `planStatus`) still waits for the organisation. */
export const auditOpen = (a: { status: string }, planStatus: string | undefined) =>
  has(OPEN_AUDIT_STATUSES, a.status) && planStatus !== undefined && has(AUDIT_DEADLINE_PLAN_STATUSES, planStatus);

/** SQL for `auditOpen`: `a` the internal_audits alias, `p` its plan's. */
export const auditOpenSql = (a: string, p: string) => `(${openSql.audit(a)} AND ${statusInSql(status(p), AUDIT_DEADLINE_PLAN_STATUSES)})`;
