import { dates } from '@opvolging/shared';
import { InvestigationHead, PlanProgressRow } from './overviews.service';

export interface ProgressTotals {
  plansNotSubmitted: number;
  plansSubmitted: number;
  plansInRevision: number;
  plansAccepted: number;
  plansClosed: number;
  plansOverdue: number;
  measuresTotal: number;
  measuresCompleted: number;
  measuresLate: number;
  auditsOpen: number;
  auditsOverdue: number;
  grades: Record<string, number>;
}

export interface InvestigationProgress {
  investigationId: string;
  title: string;
  status: string;
  publicationDate: string | null;
  trajectoryEndDate: string | null;
  daysUntilTrajectoryEnd: number | null;
  plans: PlanProgressRow[];
  totals: ProgressTotals;
}

/** Sums plan rows (already aggregated in SQL) into totals; no row is loaded twice. */
export function totalsOf(rows: PlanProgressRow[]): ProgressTotals {
  const t: ProgressTotals = {
    plansNotSubmitted: 0,
    plansSubmitted: 0,
    plansInRevision: 0,
    plansAccepted: 0,
    plansClosed: 0,
    plansOverdue: 0,
    measuresTotal: 0,
    measuresCompleted: 0,
    measuresLate: 0,
    auditsOpen: 0,
    auditsOverdue: 0,
    grades: {},
  };
  for (const r of rows) {
    if (r.planStatus === 'DRAFT') t.plansNotSubmitted++;
    if (r.planStatus === 'SUBMITTED') t.plansSubmitted++;
    if (r.planStatus === 'REVISION_REQUESTED') t.plansInRevision++;
    if (r.planStatus === 'ACCEPTED') t.plansAccepted++;
    if (r.planStatus === 'CLOSED') t.plansClosed++;
    if (r.planOverdue) t.plansOverdue++;
    t.measuresTotal += r.measuresTotal;
    t.measuresCompleted += r.measuresCompleted;
    t.measuresLate += r.measuresLate;
    if (r.auditOpen) t.auditsOpen++;
    if (r.auditOverdue) t.auditsOverdue++;
    for (const [grade, n] of Object.entries(r.grades)) t.grades[grade] = (t.grades[grade] ?? 0) + Number(n);
  }
  return t;
}

/** Plan rows grouped per investigation, in the order SQL gave them. */
export function byInvestigation(rows: PlanProgressRow[], today: string): InvestigationProgress[] {
  const groups = new Map<string, PlanProgressRow[]>();
  for (const r of rows) {
    const group = groups.get(r.investigationId);
    if (group) group.push(r);
    else groups.set(r.investigationId, [r]);
  }
  return [...groups.values()].map((plans) => ({
    investigationId: plans[0].investigationId,
    title: plans[0].investigationTitle,
    status: plans[0].investigationStatus,
    publicationDate: plans[0].publicationDate,
    trajectoryEndDate: plans[0].trajectoryEndDate,
    daysUntilTrajectoryEnd: plans[0].trajectoryEndDate ? dates.daysBetween(today, plans[0].trajectoryEndDate) : null,
    plans,
    totals: totalsOf(plans),
  }));
}

/** Every listed investigation in the listed order, with its plans' figures (none for a draft). */
export function forInvestigations(heads: InvestigationHead[], rows: PlanProgressRow[], today: string): InvestigationProgress[] {
  const grouped = new Map(byInvestigation(rows, today).map((g) => [g.investigationId, g]));
  return heads.map(
    (h) =>
      grouped.get(h.investigationId) ?? {
        ...h,
        daysUntilTrajectoryEnd: h.trajectoryEndDate ? dates.daysBetween(today, h.trajectoryEndDate) : null,
        plans: [],
        totals: totalsOf([]),
      },
  );
}
