import type { MunicipalityOverviewQuery } from '@web/gql/graphql';

type Overview = MunicipalityOverviewQuery['municipalityOverview'];
export type PlanRow = Overview['investigations'][number]['plans'][number] & { investigationId: string; investigationTitle: string };

/** Late anywhere: the plan, its assessment, its audit or one of its measures. */
export function isLate(p: PlanRow): boolean {
  return p.planOverdue || p.assessmentOverdue || p.auditOverdue || p.measuresLate > 0;
}

/** One row per organisation's plan; what is late first (most late measures first), then by due date. */
export function overviewRows(investigations: Overview['investigations']): PlanRow[] {
  const rows = investigations.flatMap((i) =>
    i.plans.map((p) => ({ ...p, investigationId: i.investigationId, investigationTitle: i.title })),
  );
  return rows.sort(
    (a, b) =>
      Number(isLate(b)) - Number(isLate(a)) ||
      b.measuresLate - a.measuresLate ||
      a.planDueDate.localeCompare(b.planDueDate) ||
      a.organisation.name.localeCompare(b.organisation.name),
  );
}
