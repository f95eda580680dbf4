import { addDays, dates, DeadlineUnit } from '@opvolging/shared';
import { DeadlineKind, isOrganisationKind, KindPolicy, overdueStep } from './reminder-policy';

export type Audience = 'RESPONSIBLE' | 'ORGANISATION' | 'INSPECTORS';

export interface DueNotice {
  /** R<n>: reminder n days before; O<n>: overdue notice n days late. Part of the once-only key. */
  step: string;
  type: 'REMINDER' | 'OVERDUE';
  /** Days until the due date (reminders) or days late (overdue notices), in calendar days. */
  days: number;
  audiences: Audience[];
}

/**
 * Which notice, if any, a deadline is due for today: the latest reminder whose date has come, or
 * the latest overdue back-off step. Older steps missed (e.g. the worker was down) are not sent
 * as well: one notice per step, never a burst.
 */
export function noticeDue(kind: DeadlineKind, dueDate: string, today: string, unit: DeadlineUnit, policy: KindPolicy): DueNotice | null {
  const daysLeft = dates.daysBetween(today, dueDate);
  if (daysLeft >= 0) {
    if (daysLeft === 0 && !policy.remindDaysBefore.length) return null;
    // Smallest offset whose reminder date has come: 3 beats 14 once both dates have passed. In
    // calendar days "due − n ≤ today" is "daysLeft ≤ n" (no date arithmetic: the sweep asks this
    // for every open deadline in its window); working days need the holiday calendar.
    const reached = unit === DeadlineUnit.CALENDAR_DAYS ? (n: number) => daysLeft <= n : (n: number) => addDays(dueDate, -n, unit) <= today;
    const due = [...policy.remindDaysBefore].sort((a, b) => a - b).find(reached);
    if (due === undefined) return null;
    return { step: `R${due}`, type: 'REMINDER', days: daysLeft, audiences: ['RESPONSIBLE'] };
  }
  const late = -daysLeft;
  // An escalation threshold is a step of its own, so the inspector hears on day 30, not at the next back-off step.
  const organisationOwned = isOrganisationKind(kind);
  const thresholds = organisationOwned ? [policy.organisationAfterDays, policy.inspectorAfterDays].filter((d) => d >= 1 && d <= late) : [];
  const step = Math.max(overdueStep(late)!, ...thresholds);
  const audiences: Audience[] = ['RESPONSIBLE'];
  if (organisationOwned && late >= policy.organisationAfterDays) audiences.push('ORGANISATION');
  if (organisationOwned && late >= policy.inspectorAfterDays) audiences.push('INSPECTORS');
  return { step: `O${step}`, type: 'OVERDUE', days: late, audiences };
}

/** The rules noticeDue applies to one kind of deadline under one investigation's policy and unit. */
export interface NoticeRules {
  kind: DeadlineKind;
  unit: DeadlineUnit;
  policy: KindPolicy;
}

/**
 * The due dates among `dueDates` whose notice step on `to` differs, under any of `rules`, from the
 * step on `from`. Time alone brings an unchanged deadline a new notice only then: a sweep on `to`,
 * after a sweep that completed on `from`, need read no other unchanged deadline. Asked of noticeDue
 * itself, so it cannot drift from the rules it stands for.
 */
export function dueDatesWithNewSteps(dueDates: readonly string[], from: string, to: string, rules: readonly NoticeRules[]): string[] {
  const step = (r: NoticeRules, due: string, day: string) => noticeDue(r.kind, due, day, r.unit, r.policy)?.step ?? null;
  return dueDates.filter((due) => rules.some((r) => step(r, due, to) !== step(r, due, from)));
}
