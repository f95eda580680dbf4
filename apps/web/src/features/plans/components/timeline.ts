import { todayInAmsterdam } from '@web/shared/i18n/format';

export interface TimelineStep {
  key: string;
  /** YYYY-MM-DD. */
  day: string;
  state: 'done' | 'late' | 'coming' | 'today';
  /** Message key and values, resolved by the view. */
  label: [string, Record<string, string | number>?];
}

interface PlanLike {
  dueDate: string;
  originalDueDate: string;
  submittedAt?: string | null;
  submittedVersions?: number;
  acceptedAt?: string | null;
  investigation: { publicationDate?: string | null; trajectoryEndDate?: string | null };
  assessments: Array<{ planVersionNumber: number; assessedAt: string; outcome: string }>;
  internalAudit?: { dueDate: string; submittedAt?: string | null } | null;
  verification?: { verifiedOn: string } | null;
}

const dayOf = (iso: string) => todayInAmsterdam(new Date(iso));

/**
 * The trajectory in date order with today placed among the steps: a due date passed without its
 * step done is late; one still ahead is coming.
 */
export function timelineSteps(plan: PlanLike, today: string = todayInAmsterdam()): TimelineStep[] {
  const steps: TimelineStep[] = [];
  const due = (key: string, day: string, done: boolean, label: string) =>
    steps.push({ key, day, state: done ? 'done' : day < today ? 'late' : 'coming', label: [label] });
  if (plan.investigation.publicationDate)
    steps.push({ key: 'published', day: plan.investigation.publicationDate, state: 'done', label: ['plans.timeline.published'] });
  due('planDue', plan.dueDate, !!plan.submittedAt && dayOf(plan.submittedAt) <= plan.dueDate, 'plans.timeline.planDue');
  for (const a of plan.assessments)
    steps.push({
      key: `assessed-${a.planVersionNumber}`,
      day: dayOf(a.assessedAt),
      state: 'done',
      label: ['plans.timeline.assessed', { outcome: a.outcome }],
    });
  if (plan.submittedAt)
    steps.push({
      key: 'submitted',
      day: dayOf(plan.submittedAt),
      state: 'done',
      label: ['plans.timeline.submitted', { version: plan.submittedVersions ?? 1 }],
    });
  if (plan.acceptedAt) steps.push({ key: 'accepted', day: dayOf(plan.acceptedAt), state: 'done', label: ['plans.timeline.accepted'] });
  if (plan.internalAudit) {
    due('auditDue', plan.internalAudit.dueDate, !!plan.internalAudit.submittedAt, 'plans.timeline.auditDue');
    if (plan.internalAudit.submittedAt)
      steps.push({
        key: 'auditSubmitted',
        day: dayOf(plan.internalAudit.submittedAt),
        state: 'done',
        label: ['plans.timeline.auditSubmitted'],
      });
  }
  if (plan.verification)
    steps.push({ key: 'verified', day: plan.verification.verifiedOn, state: 'done', label: ['plans.timeline.verified'] });
  if (plan.investigation.trajectoryEndDate) due('end', plan.investigation.trajectoryEndDate, !!plan.verification, 'plans.timeline.end');
  steps.push({ key: 'today', day: today, state: 'today', label: ['plans.timeline.today'] });
  // Stable: on the same day, what happened comes before "today".
  return steps.sort((a, b) => a.day.localeCompare(b.day) || (a.state === 'today' ? 1 : 0) - (b.state === 'today' ? 1 : 0));
}
