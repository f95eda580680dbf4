import { StateMachine } from '@opvolging/shared';
import { EnforcementStatus as S, EnforcementType as T, ProgressReportStatus as R } from './enforcement.entity';

export type EnforcementAction =
  'submit_report' | 'review_report' | 'extend' | 'lift' | 'record_complied' | 'record_not_complied' | 'record_forfeit' | 'escalate';

/**
 * One enforcement measure. Intensified supervision is ACTIVE while its reports come in and ends
 * LIFTED, or ESCALATED when the next step is recorded; a binding instruction or penalty order ends
 * COMPLIED or NOT_COMPLIED (and ESCALATED by the next step); a fine is IMPOSED, a record.
 * Which actions fit which type is `ACTIONS_BY_TYPE`; which type may follow which is `ENFORCEMENT_LADDER`.
 */
export const enforcementStateMachine = new StateMachine<S, EnforcementAction>('enforcement measure', {
  submit_report: { from: [S.ACTIVE] },
  review_report: { from: [S.ACTIVE] },
  extend: { from: [S.ACTIVE], to: S.ACTIVE },
  lift: { from: [S.ACTIVE], to: S.LIFTED },
  record_complied: { from: [S.ACTIVE], to: S.COMPLIED },
  record_not_complied: { from: [S.ACTIVE], to: S.NOT_COMPLIED },
  record_forfeit: { from: [S.ACTIVE, S.NOT_COMPLIED] },
  escalate: { from: [S.ACTIVE, S.NOT_COMPLIED], to: S.ESCALATED },
});

/** The actions each type of measure knows (others answer INVALID_TRANSITION). */
export const ACTIONS_BY_TYPE: Record<T, readonly EnforcementAction[]> = {
  [T.INTENSIFIED_SUPERVISION]: ['submit_report', 'review_report', 'extend', 'lift', 'escalate'],
  [T.BINDING_INSTRUCTION]: ['record_complied', 'record_not_complied', 'escalate'],
  [T.PENALTY_ORDER]: ['record_complied', 'record_not_complied', 'record_forfeit', 'escalate'],
  [T.ADMINISTRATIVE_FINE]: [],
};

/** The ladder: what may start a new trajectory of enforcement, and which step may follow which. */
export const FIRST_STEPS: readonly T[] = [T.INTENSIFIED_SUPERVISION, T.BINDING_INSTRUCTION];
export const ENFORCEMENT_LADDER: Record<T, readonly T[]> = {
  [T.INTENSIFIED_SUPERVISION]: [T.BINDING_INSTRUCTION, T.PENALTY_ORDER],
  [T.BINDING_INSTRUCTION]: [T.PENALTY_ORDER, T.ADMINISTRATIVE_FINE],
  [T.PENALTY_ORDER]: [T.ADMINISTRATIVE_FINE],
  [T.ADMINISTRATIVE_FINE]: [],
};
/** Only supervision is escalated while in force (its period ends with the next step); the others after NOT_COMPLIED. */
export const ESCALATES_WHILE_ACTIVE: readonly T[] = [T.INTENSIFIED_SUPERVISION];

/** The step that decides what may follow: the latest measure, while in force or not complied with. */
export function openEnforcementStep<M extends { type: T; status: S }>(latest: M | null): M | null {
  return latest && (latest.status === S.ACTIVE || latest.status === S.NOT_COMPLIED) ? latest : null;
}

/**
 * What may be recorded next after `latest` (the newest measure of an organisation in an
 * investigation): a first step when nothing is open; after supervision (even while in force) or a
 * step not complied with, its rungs of the ladder; nothing while an instruction or order is in force.
 */
export function nextEnforcementTypes(latest: { type: T; status: S } | null): readonly T[] {
  const open = openEnforcementStep(latest);
  if (!open) return FIRST_STEPS;
  if (open.status === S.ACTIVE && !ESCALATES_WHILE_ACTIVE.includes(open.type)) return [];
  return ENFORCEMENT_LADDER[open.type];
}

/** A monthly progress report: submitted by the organisation, accepted or sent back by the inspector. */
export type ReportAction = 'submit' | 'accept' | 'ask_more';
export const progressReportStateMachine = new StateMachine<R, ReportAction>('progress report', {
  submit: { from: [R.DUE, R.MORE_NEEDED], to: R.SUBMITTED },
  accept: { from: [R.SUBMITTED], to: R.ACCEPTED },
  ask_more: { from: [R.SUBMITTED], to: R.MORE_NEEDED },
});
