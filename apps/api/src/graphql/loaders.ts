import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import {
  AuditsService,
  InternalAudit,
  InternalAuditJudgement,
  InternalAuditResult,
  Verification,
  VerificationGrade,
  VerificationsService,
} from '@opvolging/audits';
import { DeadlineKind, DeadlinesService, DueDateChange, OpenDeadline } from '@opvolging/deadlines';
import {
  EnforcementForfeit,
  EnforcementMeasure,
  EnforcementProgressReport,
  EnforcementService,
  EnforcementType,
} from '@opvolging/enforcement';
import { User, UsersService } from '@opvolging/identity';
import { Finding, ImprovementPoint, Investigation, InvestigationsService, ReportContentService } from '@opvolging/investigations';
import { Organisation, OrganisationsService } from '@opvolging/organisations';
import { ImprovementPlan, Measure, MeasuresService, PlanAssessment, PlansService, PlanVersion } from '@opvolging/plans';
import { Actor } from '@opvolging/shared';

/** The rows for these ids that the actor may see, in order; ids out of scope are left out. */
export async function loadAll<T>(load: DataLoader<string, T | null>, ids: readonly string[]): Promise<T[]> {
  return (await load.loadMany(ids)).filter((x): x is T => x !== null && !(x instanceof Error));
}

type Batch<K, V> = (keys: readonly K[]) => Promise<Map<K, V>>;

/** A loader over a batch function returning a map; missing keys resolve to `fallback`. */
function loader<K, V>(batch: Batch<K, V>, fallback: V): DataLoader<K, V> {
  return new DataLoader<K, V>(async (keys) => {
    const found = await batch(keys);
    return keys.map((k) => found.get(k) ?? fallback);
  });
}

/** An open deadline is named by its kind and subject: a plan is the subject of PLAN_DUE and of ASSESSMENT_DUE. */
export interface DeadlineKey {
  kind: DeadlineKind;
  id: string;
}

function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return loader(async (ids) => new Map((await fetch(ids)).map((row) => [row.id, row])), null);
}

/**
 * Every nested field resolves through one of these, so a page of 100 rows costs one query per
 * field, not one per row. Each loader is bound to the actor: it returns only what the actor may see.
 */
export class Loaders {
  readonly organisation: DataLoader<string, Organisation | null>;
  readonly user: DataLoader<string, User | null>;
  readonly investigation: DataLoader<string, Investigation | null>;
  readonly finding: DataLoader<string, Finding | null>;
  readonly point: DataLoader<string, ImprovementPoint | null>;
  readonly plan: DataLoader<string, ImprovementPlan | null>;
  readonly measure: DataLoader<string, Measure | null>;
  readonly audit: DataLoader<string, InternalAudit | null>;
  readonly participatingInspectorateIds: DataLoader<string, string[]>;
  readonly involvedOrganisationIds: DataLoader<string, string[]>;
  readonly findingsByInvestigation: DataLoader<string, Finding[]>;
  readonly pointsByInvestigation: DataLoader<string, ImprovementPoint[]>;
  readonly plansByInvestigation: DataLoader<string, ImprovementPlan[]>;
  readonly addresseeIds: DataLoader<string, string[]>;
  readonly measuresByPoint: DataLoader<string, Measure[]>;
  readonly measuresByPlan: DataLoader<string, Measure[]>;
  readonly pointIdsByMeasure: DataLoader<string, string[]>;
  readonly versionsByPlan: DataLoader<string, PlanVersion[]>;
  readonly uncoveredPointIds: DataLoader<string, string[]>;
  readonly assessmentsByPlan: DataLoader<string, PlanAssessment[]>;
  readonly auditByPlan: DataLoader<string, InternalAudit | null>;
  readonly auditResults: DataLoader<InternalAudit, InternalAuditResult[], string>;
  readonly auditJudgements: DataLoader<string, InternalAuditJudgement[]>;
  readonly verificationByPlan: DataLoader<string, Verification | null>;
  readonly verificationGrades: DataLoader<string, VerificationGrade[]>;
  readonly dueDateChanges: DataLoader<string, DueDateChange[]>;
  readonly openDeadline: DataLoader<DeadlineKey, OpenDeadline | null, string>;
  readonly enforcementMeasure: DataLoader<string, EnforcementMeasure | null>;
  readonly enforcementByPlan: DataLoader<string, EnforcementMeasure[]>;
  readonly enforcementByInvestigation: DataLoader<string, EnforcementMeasure[]>;
  /** Keyed `investigationId:organisationId`: the enforcement types the actor may record next. */
  readonly enforcementNextTypes: DataLoader<string, readonly EnforcementType[]>;
  readonly enforcementReports: DataLoader<string, EnforcementProgressReport[]>;
  readonly enforcementForfeits: DataLoader<string, EnforcementForfeit[]>;

  constructor(actor: Actor, s: LoaderServices) {
    this.organisation = byId((ids) => s.organisations.byIds(actor, ids));
    this.user = byId((ids) => s.users.byIds(actor, ids));
    this.investigation = byId((ids) => s.investigations.byIds(actor, ids));
    this.finding = byId((ids) => s.content.findingsByIds(actor, ids));
    this.point = byId((ids) => s.content.pointsByIds(actor, ids));
    this.plan = byId((ids) => s.plans.byIds(actor, ids));
    this.measure = byId((ids) => s.measures.byIds(actor, ids));
    this.audit = byId((ids) => s.audits.byIds(actor, ids));
    this.participatingInspectorateIds = loader((ids) => s.investigations.inspectorateIds(actor, ids), []);
    this.involvedOrganisationIds = loader((ids) => s.investigations.involvedOrganisationIds(actor, ids), []);
    this.findingsByInvestigation = loader((ids) => s.content.findingsByInvestigation(actor, ids), []);
    this.pointsByInvestigation = loader((ids) => s.content.pointsByInvestigation(actor, ids), []);
    this.plansByInvestigation = loader((ids) => s.plans.byInvestigation(actor, ids), []);
    this.addresseeIds = loader((ids) => s.content.addresseeIds(actor, ids), []);
    this.measuresByPoint = loader((ids) => s.measures.byPoint(actor, ids), []);
    this.measuresByPlan = loader((ids) => s.measures.byPlan(actor, ids), []);
    this.pointIdsByMeasure = loader((ids) => s.measures.pointIds(actor, ids), []);
    this.versionsByPlan = loader((ids) => s.plans.versionsByPlan(actor, ids), []);
    this.uncoveredPointIds = loader((ids) => s.plans.uncoveredPointIds(actor, ids), []);
    this.assessmentsByPlan = loader((ids) => s.plans.assessmentsByPlan(actor, ids), []);
    this.auditByPlan = loader((ids) => s.audits.byPlan(actor, ids), null);
    this.auditResults = new DataLoader<InternalAudit, InternalAuditResult[], string>(
      async (audits) => {
        const found = await s.audits.resultsByAudit(actor, audits);
        return audits.map((a) => found.get(a.id) ?? []);
      },
      { cacheKeyFn: (a) => a.id },
    );
    this.auditJudgements = loader((ids) => s.audits.judgementsByAudit(actor, ids), []);
    this.verificationByPlan = loader((ids) => s.verifications.byPlan(actor, ids), null);
    this.verificationGrades = loader((ids) => s.verifications.gradesByVerification(actor, ids), []);
    this.dueDateChanges = loader((ids) => s.deadlines.changesBySubject(actor, ids), []);
    this.enforcementMeasure = byId((ids) => s.enforcement.byIds(actor, ids));
    this.enforcementByPlan = loader((ids) => s.enforcement.byPlan(actor, ids), []);
    this.enforcementByInvestigation = loader((ids) => s.enforcement.byInvestigation(actor, ids), []);
    this.enforcementNextTypes = loader((keys) => s.enforcement.nextTypes(actor, keys), []);
    this.enforcementReports = loader((ids) => s.enforcement.reportsByMeasure(actor, ids), []);
    this.enforcementForfeits = loader((ids) => s.enforcement.forfeitsByMeasure(actor, ids), []);
    const deadlineKey = (k: DeadlineKey) => `${k.kind}:${k.id}`;
    this.openDeadline = new DataLoader<DeadlineKey, OpenDeadline | null, string>(
      async (keys) => {
        const ids = [...new Set(keys.map((k) => k.id))];
        const kinds = [...new Set(keys.map((k) => k.kind))];
        const found = new Map((await s.deadlines.byIds(actor, ids, kinds)).map((d) => [deadlineKey(d), d]));
        return keys.map((k) => found.get(deadlineKey(k)) ?? null);
      },
      { cacheKeyFn: deadlineKey },
    );
  }
}

@Injectable()
export class LoaderServices {
  constructor(
    readonly organisations: OrganisationsService,
    readonly users: UsersService,
    readonly investigations: InvestigationsService,
    readonly content: ReportContentService,
    readonly plans: PlansService,
    readonly measures: MeasuresService,
    readonly audits: AuditsService,
    readonly verifications: VerificationsService,
    readonly deadlines: DeadlinesService,
    readonly enforcement: EnforcementService,
  ) {}
}

@Injectable()
export class LoaderFactory {
  constructor(private readonly services: LoaderServices) {}
  create(actor: Actor): Loaders {
    return new Loaders(actor, this.services);
  }

  /** The loaders of the user behind a token, that user's own account already in `user` (read by the token check). */
  forAccount({ actor, user }: { actor: Actor; user: User }): Loaders {
    const loaders = this.create(actor);
    loaders.user.prime(user.id, user);
    return loaders;
  }
}
