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

const deadlineKey = (k: DeadlineKey) => `${k.kind}:${k.id}`;

function byId<T extends { id: string }>(fetch: (ids: readonly string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return loader(async (ids) => new Map((await fetch(ids)).map((row) => [row.id, row])), null);
}

/**
 * Every nested field resolves through one of these, so a page of 100 rows costs one query per
 * field, not one per row. Each loader is bound to the actor: it returns only what the actor may see.
 */
export class Loaders {
  /** Made on first use: a request needs a few of these, and each is a DataLoader with its own cache. */
  private readonly made = new Map<string, unknown>();

  constructor(
    private readonly actor: Actor,
    private readonly s: LoaderServices,
  ) {}

  private once<L>(name: string, make: (actor: Actor, s: LoaderServices) => L): L {
    let made = this.made.get(name) as L | undefined;
    if (made === undefined) this.made.set(name, (made = make(this.actor, this.s)));
    return made;
  }

  get organisation(): DataLoader<string, Organisation | null> {
    return this.once('organisation', (actor, s) => byId((ids) => s.organisations.byIds(actor, ids)));
  }

  get user(): DataLoader<string, User | null> {
    return this.once('user', (actor, s) => byId((ids) => s.users.byIds(actor, ids)));
  }

  get investigation(): DataLoader<string, Investigation | null> {
    return this.once('investigation', (actor, s) => byId((ids) => s.investigations.byIds(actor, ids)));
  }

  get finding(): DataLoader<string, Finding | null> {
    return this.once('finding', (actor, s) => byId((ids) => s.content.findingsByIds(actor, ids)));
  }

  get point(): DataLoader<string, ImprovementPoint | null> {
    return this.once('point', (actor, s) => byId((ids) => s.content.pointsByIds(actor, ids)));
  }

  get plan(): DataLoader<string, ImprovementPlan | null> {
    return this.once('plan', (actor, s) => byId((ids) => s.plans.byIds(actor, ids)));
  }

  get measure(): DataLoader<string, Measure | null> {
    return this.once('measure', (actor, s) => byId((ids) => s.measures.byIds(actor, ids)));
  }

  get audit(): DataLoader<string, InternalAudit | null> {
    return this.once('audit', (actor, s) => byId((ids) => s.audits.byIds(actor, ids)));
  }

  get participatingInspectorateIds(): DataLoader<string, string[]> {
    return this.once('participatingInspectorateIds', (actor, s) => loader((ids) => s.investigations.inspectorateIds(actor, ids), []));
  }

  get involvedOrganisationIds(): DataLoader<string, string[]> {
    return this.once('involvedOrganisationIds', (actor, s) => loader((ids) => s.investigations.involvedOrganisationIds(actor, ids), []));
  }

  get findingsByInvestigation(): DataLoader<string, Finding[]> {
    return this.once('findingsByInvestigation', (actor, s) => loader((ids) => s.content.findingsByInvestigation(actor, ids), []));
  }

  get pointsByInvestigation(): DataLoader<string, ImprovementPoint[]> {
    return this.once('pointsByInvestigation', (actor, s) => loader((ids) => s.content.pointsByInvestigation(actor, ids), []));
  }

  get plansByInvestigation(): DataLoader<string, ImprovementPlan[]> {
    return this.once('plansByInvestigation', (actor, s) => loader((ids) => s.plans.byInvestigation(actor, ids), []));
  }

  get addresseeIds(): DataLoader<string, string[]> {
    return this.once('addresseeIds', (actor, s) => loader((ids) => s.content.addresseeIds(actor, ids), []));
  }

  get measuresByPoint(): DataLoader<string, Measure[]> {
    return this.once('measuresByPoint', (actor, s) => loader((ids) => s.measures.byPoint(actor, ids), []));
  }

  get measuresByPlan(): DataLoader<string, Measure[]> {
    return this.once('measuresByPlan', (actor, s) => loader((ids) => s.measures.byPlan(actor, ids), []));
  }

  get pointIdsByMeasure(): DataLoader<string, string[]> {
    return this.once('pointIdsByMeasure', (actor, s) => loader((ids) => s.measures.pointIds(actor, ids), []));
  }

  get versionsByPlan(): DataLoader<string, PlanVersion[]> {
    return this.once('versionsByPlan', (actor, s) => loader((ids) => s.plans.versionsByPlan(actor, ids), []));
  }

  get uncoveredPointIds(): DataLoader<string, string[]> {
    return this.once('uncoveredPointIds', (actor, s) => loader((ids) => s.plans.uncoveredPointIds(actor, ids), []));
  }

  get assessmentsByPlan(): DataLoader<string, PlanAssessment[]> {
    return this.once('assessmentsByPlan', (actor, s) => loader((ids) => s.plans.assessmentsByPlan(actor, ids), []));
  }

  get auditByPlan(): DataLoader<string, InternalAudit | null> {
    return this.once('auditByPlan', (actor, s) => loader((ids) => s.audits.byPlan(actor, ids), null));
  }

  get auditResults(): DataLoader<InternalAudit, InternalAuditResult[], string> {
    return this.once(
      'auditResults',
      (actor, s) =>
        new DataLoader<InternalAudit, InternalAuditResult[], string>(
          async (audits) => {
            const found = await s.audits.resultsByAudit(actor, audits);
            return audits.map((a) => found.get(a.id) ?? []);
          },
          { cacheKeyFn: (a) => a.id },
        ),
    );
  }

  get auditJudgements(): DataLoader<string, InternalAuditJudgement[]> {
    return this.once('auditJudgements', (actor, s) => loader((ids) => s.audits.judgementsByAudit(actor, ids), []));
  }

  get verificationByPlan(): DataLoader<string, Verification | null> {
    return this.once('verificationByPlan', (actor, s) => loader((ids) => s.verifications.byPlan(actor, ids), null));
  }

  get verificationGrades(): DataLoader<string, VerificationGrade[]> {
    return this.once('verificationGrades', (actor, s) => loader((ids) => s.verifications.gradesByVerification(actor, ids), []));
  }

  get dueDateChanges(): DataLoader<string, DueDateChange[]> {
    return this.once('dueDateChanges', (actor, s) => loader((ids) => s.deadlines.changesBySubject(actor, ids), []));
  }

  get enforcementMeasure(): DataLoader<string, EnforcementMeasure | null> {
    return this.once('enforcementMeasure', (actor, s) => byId((ids) => s.enforcement.byIds(actor, ids)));
  }

  get enforcementByPlan(): DataLoader<string, EnforcementMeasure[]> {
    return this.once('enforcementByPlan', (actor, s) => loader((ids) => s.enforcement.byPlan(actor, ids), []));
  }

  get enforcementByInvestigation(): DataLoader<string, EnforcementMeasure[]> {
    return this.once('enforcementByInvestigation', (actor, s) => loader((ids) => s.enforcement.byInvestigation(actor, ids), []));
  }

  /** Keyed `investigationId:organisationId`: the enforcement types the actor may record next. */
  get enforcementNextTypes(): DataLoader<string, readonly EnforcementType[]> {
    return this.once('enforcementNextTypes', (actor, s) => loader((keys) => s.enforcement.nextTypes(actor, keys), []));
  }

  get enforcementReports(): DataLoader<string, EnforcementProgressReport[]> {
    return this.once('enforcementReports', (actor, s) => loader((ids) => s.enforcement.reportsByMeasure(actor, ids), []));
  }

  get enforcementForfeits(): DataLoader<string, EnforcementForfeit[]> {
    return this.once('enforcementForfeits', (actor, s) => loader((ids) => s.enforcement.forfeitsByMeasure(actor, ids), []));
  }

  get openDeadline(): DataLoader<DeadlineKey, OpenDeadline | null, string> {
    return this.once(
      'openDeadline',
      (actor, s) =>
        new DataLoader<DeadlineKey, OpenDeadline | null, string>(
          async (keys) => {
            const ids = [...new Set(keys.map((k) => k.id))];
            const kinds = [...new Set(keys.map((k) => k.kind))];
            const found = new Map((await s.deadlines.byIds(actor, ids, kinds)).map((d) => [deadlineKey(d), d]));
            return keys.map((k) => found.get(deadlineKey(k)) ?? null);
          },
          { cacheKeyFn: deadlineKey },
        ),
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
