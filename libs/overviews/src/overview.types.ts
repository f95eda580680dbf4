import { Theme } from '@opvolging/shared';

/** One organisation's plan in one investigation, as counted for an overview. */
export interface PlanProgressRow {
  investigationId: string;
  investigationTitle: string;
  investigationStatus: string;
  publicationDate: string | null;
  trajectoryEndDate: string | null;
  municipalityId: string;
  planId: string;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  organisationMunicipalityId: string | null;
  organisationVersion: number;
  planStatus: string;
  planDueDate: string;
  planOriginalDueDate: string;
  planOverdue: boolean;
  assessmentOverdue: boolean;
  measuresTotal: number;
  measuresCompleted: number;
  measuresCancelled: number;
  measuresLate: number;
  auditStatus: string | null;
  auditOpen: boolean;
  auditDueDate: string | null;
  auditOverdue: boolean;
  /** Enforcement measures of the organisation in the investigation, and the current (latest) step. */
  enforcementCount: number;
  enforcementType: string | null;
  enforcementStatus: string | null;
  grades: Record<string, number>;
}

/** An investigation as the portfolio lists it, with or without plans. */
export interface InvestigationHead {
  investigationId: string;
  title: string;
  status: string;
  publicationDate: string | null;
  trajectoryEndDate: string | null;
}

export interface PortfolioFilter {
  municipalityId?: string;
  organisationKind?: string;
  status?: string;
  theme?: Theme;
  late?: boolean;
}

export interface ActionNeeded {
  kind: 'ASSESS_PLAN' | 'JUDGE_AUDIT' | 'VERIFY' | 'DECIDE_EXTENSION' | 'CONSIDER_ESCALATION' | 'DECIDE_CLOSURE';
  investigationId: string;
  investigationTitle: string;
  organisationName: string | null;
  subjectId: string;
  dueDate: string | null;
  reason: string;
}

export interface ThemeCount {
  theme: Theme;
  investigations: number;
  findings: number;
  points: number;
  firstYear: number | null;
  lastYear: number | null;
  grades: Record<string, number>;
}

export interface ChangesSince {
  since: Date | null;
  count: number;
  entries: Array<Record<string, unknown>>;
}

export interface MonthPoint {
  month: string;
  points: number;
  implemented: number;
  noLongerRelevant: number;
  open: number;
}
