/**
 * "Overdue" is derived from dates, never stored. These are the only definitions: the TypeScript
 * predicates serve single objects, the SQL fragments serve filters and overviews.
 * `:today` is the calendar date in Europe/Amsterdam.
 */
export const OPEN_PLAN_STATUSES = ['DRAFT', 'REVISION_REQUESTED'] as const;
export const OPEN_MEASURE_STATUSES = ['PLANNED', 'IN_PROGRESS'] as const;
export const OPEN_AUDIT_STATUSES = ['DRAFT', 'REVISION_REQUESTED'] as const;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(',');

export const overdue = {
  plan: (p: { status: string; dueDate: string }, today: string) => (OPEN_PLAN_STATUSES as readonly string[]).includes(p.status) && p.dueDate < today,
  assessment: (p: { status: string; assessmentDueDate: string | null }, today: string) =>
    p.status === 'SUBMITTED' && p.assessmentDueDate !== null && p.assessmentDueDate < today,
  measure: (m: { status: string; dueDate: string }, today: string) => (OPEN_MEASURE_STATUSES as readonly string[]).includes(m.status) && m.dueDate < today,
  audit: (a: { status: string; dueDate: string }, today: string) => (OPEN_AUDIT_STATUSES as readonly string[]).includes(a.status) && a.dueDate < today,
  trajectory: (i: { status: string; trajectoryEndDate: string | null }, today: string) =>
    i.status === 'FOLLOW_UP' && i.trajectoryEndDate !== null && i.trajectoryEndDate < today,
};

export const overdueSql = {
  plan: (p: string) => `(${p}.status IN (${list(OPEN_PLAN_STATUSES)}) AND ${p}.due_date < :today)`,
  assessment: (p: string) => `(${p}.status = 'SUBMITTED' AND ${p}.assessment_due_date < :today)`,
  measure: (m: string) => `(${m}.status IN (${list(OPEN_MEASURE_STATUSES)}) AND ${m}.due_date < :today)`,
  audit: (a: string) => `(${a}.status IN (${list(OPEN_AUDIT_STATUSES)}) AND ${a}.due_date < :today)`,
};
