import {
  AUDIT_DEADLINE_PLAN_STATUSES,
  MEASURE_DEADLINE_PLAN_STATUSES,
  OPEN_ENFORCEMENT_REPORT_STATUSES,
  OPEN_ENFORCEMENT_STATUSES,
  OPEN_VERIFICATION_STATUSES,
  OPEN_ASSESSMENT_STATUSES,
  OPEN_AUDIT_STATUSES,
  OPEN_INVESTIGATION_STATUSES,
  OPEN_MEASURE_STATUSES,
  OPEN_PLAN_STATUSES,
  openSql,
} from '@opvolging/shared';
import { DeadlineKind } from './reminder-policy';

export interface DeadlineSource {
  /** The table and column that carry the due date; moving a deadline is an UPDATE of that column. */
  table: string;
  column: string;
  /** The row's statuses in which its deadline is open. */
  open: readonly string[];
  /** For a measure, an audit or a verification: the plan's statuses in which its deadlines run. */
  planOpen?: readonly string[];
  /** For a progress report: its enforcement measure's statuses in which it is due. */
  measureOpen?: readonly string[];
  /** `open` as a condition on the row, unaliased. */
  openSql: string;
}

/**
 * What the view open_deadlines selects, per kind. The view is SQL in the migrations; the test
 * test/e2e/rule-drift.e2e-spec.ts reads it back from PostgreSQL and holds it to this table.
 */
export const OPEN_DEADLINE_SOURCES: Record<DeadlineKind, DeadlineSource> = {
  [DeadlineKind.PLAN_DUE]: { table: 'improvement_plans', column: 'due_date', open: OPEN_PLAN_STATUSES, openSql: openSql.plan() },
  [DeadlineKind.ASSESSMENT_DUE]: {
    table: 'improvement_plans',
    column: 'assessment_due_date',
    open: OPEN_ASSESSMENT_STATUSES,
    openSql: openSql.assessment(),
  },
  [DeadlineKind.MEASURE_DUE]: {
    table: 'measures',
    column: 'due_date',
    open: OPEN_MEASURE_STATUSES,
    planOpen: MEASURE_DEADLINE_PLAN_STATUSES,
    openSql: openSql.measure(),
  },
  [DeadlineKind.AUDIT_DUE]: {
    table: 'internal_audits',
    column: 'due_date',
    open: OPEN_AUDIT_STATUSES,
    planOpen: AUDIT_DEADLINE_PLAN_STATUSES,
    openSql: openSql.audit(),
  },
  [DeadlineKind.VERIFICATION_DUE]: {
    table: 'internal_audits',
    column: 'verification_due_date',
    open: OPEN_VERIFICATION_STATUSES,
    planOpen: AUDIT_DEADLINE_PLAN_STATUSES,
    openSql: openSql.verification(),
  },
  [DeadlineKind.ENFORCEMENT_REPORT_DUE]: {
    table: 'enforcement_progress_reports',
    column: 'due_date',
    open: OPEN_ENFORCEMENT_REPORT_STATUSES,
    measureOpen: OPEN_ENFORCEMENT_STATUSES,
    openSql: openSql.enforcementReport(),
  },
  [DeadlineKind.COMPLIANCE_DUE]: {
    table: 'enforcement_measures',
    column: 'compliance_due_date',
    open: OPEN_ENFORCEMENT_STATUSES,
    openSql: openSql.enforcement(),
  },
  [DeadlineKind.ENFORCEMENT_PERIOD_END]: {
    table: 'enforcement_measures',
    column: 'period_end_date',
    open: OPEN_ENFORCEMENT_STATUSES,
    openSql: openSql.enforcement(),
  },
  [DeadlineKind.TRAJECTORY_END]: {
    table: 'investigations',
    column: 'trajectory_end_date',
    open: OPEN_INVESTIGATION_STATUSES,
    openSql: openSql.trajectory(),
  },
};
