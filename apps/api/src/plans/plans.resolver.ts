import { Args, ID, Info, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { DeadlineKind } from '@opvolging/deadlines';
import { EnforcementType } from '@opvolging/enforcement';
import { ImprovementPlan, MeasureSort, MeasuresService, PlanAssessment, PlanSort, PlansService, PlanVersion } from '@opvolging/plans';
import { Actor, Clock, overdue } from '@opvolging/shared';
import { EnforcementMeasureType, EnforcementSummaryType } from '../enforcement/enforcement.model';
import { seesPlanContent } from '@opvolging/identity';
import { InternalAuditType, VerificationType } from '../audits/audit.model';
import { DeadlineType } from '../deadlines/deadline.model';
import { actorOf, CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { loadAll } from '../graphql/loaders';
import { renamed } from '../graphql/common.input';
import { PageArgsInput } from '../graphql/pagination.model';
import { nodeSelection, propertiesRead } from '../graphql/look-ahead';
import { MEASURE_FIELD_READS } from './measures.resolver';
import { UserType } from '../identity/user.model';
import { ImprovementPointType, InvestigationType } from '../investigations/investigation.model';
import { OrganisationType } from '../organisations/organisation.model';
import {
  AssessPlanInput,
  ImprovementPlanConnection,
  ImprovementPlanType,
  MeasureConnection,
  MeasureFilterInput,
  MeasureOrderInput,
  MeasureType,
  PlanAssessmentType,
  PlanFilterInput,
  PlanOrderInput,
  PlanVersionDiff,
  PlanVersionMeasure,
  PlanVersionType,
  QuestionJudgement,
  SubmitPlanInput,
} from './plan.model';

@Resolver(() => ImprovementPlanType)
export class PlansResolver {
  constructor(
    private readonly plans: PlansService,
    private readonly measuresService: MeasuresService,
    private readonly clock: Clock,
  ) {}

  @Query(() => ImprovementPlanConnection, { description: 'Plans you may see; organisation members see only their own.' })
  improvementPlans(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgsInput,
    @Args('filter', { nullable: true }) filter?: PlanFilterInput,
    @Args('orderBy', { nullable: true }) orderBy?: PlanOrderInput,
  ) {
    return this.plans.list(
      actor,
      filter ?? {},
      { field: orderBy?.field ?? PlanSort.DUE_DATE, direction: orderBy?.direction ?? 'ASC' },
      page,
    );
  }

  @Query(() => ImprovementPlanType)
  improvementPlan(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.plans.get(actor, id);
  }

  @Query(() => PlanVersionDiff, { description: 'Compare two submitted versions of a plan, measure by measure.' })
  comparePlanVersions(
    @CurrentActor() actor: Actor,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('fromVersion', { type: () => Int }) fromVersion: number,
    @Args('toVersion', { type: () => Int }) toVersion: number,
  ) {
    return this.plans.compareVersions(actor, planId, fromVersion, toVersion);
  }

  @Query(() => MeasureConnection, { description: 'Measures in plans whose contents you may see.' })
  measures(
    @CurrentActor() actor: Actor,
    @Info() info: GraphQLResolveInfo,
    @Args() page: PageArgsInput,
    @Args('filter', { nullable: true }) filter?: MeasureFilterInput,
    @Args('orderBy', { nullable: true }) orderBy?: MeasureOrderInput,
  ) {
    // Only what the page's nodes are asked for is read of them (the measures are partial, and
    // reach nothing but this page's answer).
    const properties = propertiesRead(nodeSelection(info) ?? new Set(), MEASURE_FIELD_READS, (p) =>
      this.measuresService.isMeasureColumn(p),
    );
    return this.measuresService.list(
      actor,
      filter ?? {},
      { field: orderBy?.field ?? MeasureSort.DUE_DATE, direction: orderBy?.direction ?? 'ASC' },
      page,
      properties,
    );
  }

  @Mutation(() => ImprovementPlanType, {
    description: 'Organisation members: freeze the measures as a new version and hand it in. Every point must be covered.',
  })
  submitImprovementPlan(@CurrentActor() actor: Actor, @Args('input') input: SubmitPlanInput) {
    return this.plans.submit(actor, { planId: renamed(input, 'id', 'planId'), expectedVersion: input.expectedVersion });
  }

  @Mutation(() => ImprovementPlanType, {
    description: 'Inspectors: judge the submitted version; accepted only if all three questions are sufficient.',
  })
  async assessImprovementPlan(@CurrentActor() actor: Actor, @Args('input') input: AssessPlanInput) {
    return (await this.plans.assess(actor, { ...input, planId: renamed(input, 'id', 'planId') })).plan;
  }

  @ResolveField(() => InvestigationType)
  investigation(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.investigation.load(p.investigationId);
  }

  @ResolveField(() => OrganisationType)
  organisation(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.organisation.load(p.organisationId);
  }

  @ResolveField(() => Boolean, { description: 'Not (re)submitted and past its due date.' })
  overdue(p: ImprovementPlan) {
    return overdue.plan(p, this.clock.today());
  }

  @ResolveField(() => Boolean, { description: 'Submitted and the assessment is past its due date.' })
  assessmentOverdue(p: ImprovementPlan) {
    return overdue.assessment(p, this.clock.today());
  }

  @ResolveField('measures', () => [MeasureType], {
    description: "Current measures. A draft is the organisation's own: others see measures once submitted.",
  })
  planMeasures(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.measuresByPlan.load(p.id);
  }

  @ResolveField(() => [ImprovementPointType], {
    nullable: true,
    description:
      'Points addressed to the organisation that no measure covers yet (submission needs none). Null for anyone but the organisation ' +
      "while the plan is with it (DRAFT, REVISION_REQUESTED): a draft is the organisation's own.",
  })
  async uncoveredPoints(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    const actor = actorOf(ctx, info);
    if (!seesPlanContent(actor, p)) return null;
    const ids = await loaders.uncoveredPointIds.load(p.id);
    return loadAll(loaders.point, ids);
  }

  @ResolveField(() => [PlanVersionType], { description: 'Every submitted version, frozen.' })
  versions(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.versionsByPlan.load(p.id);
  }

  @ResolveField(() => [PlanAssessmentType])
  assessments(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.assessmentsByPlan.load(p.id);
  }

  @ResolveField(() => InternalAuditType, { nullable: true, description: 'Scheduled when the plan is accepted.' })
  internalAudit(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.auditByPlan.load(p.id);
  }

  @ResolveField(() => DeadlineType, {
    nullable: true,
    description:
      'The open deadline of this plan (PLAN_DUE: its own due date, not the assessment), with every move of its due date; null once ' +
      'done (submitted).',
  })
  deadline(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.openDeadline.load({ kind: DeadlineKind.PLAN_DUE, id: p.id });
  }

  @ResolveField(() => VerificationType, { nullable: true })
  verification(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.verificationByPlan.load(p.id);
  }

  @ResolveField(() => [EnforcementMeasureType], { description: 'Enforcement measures on this plan, oldest first.' })
  enforcementMeasures(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.enforcementByPlan.load(p.id);
  }

  @ResolveField(() => [EnforcementType], {
    description:
      'The enforcement steps the viewer may record next for this organisation in this investigation, by the ladder that ' +
      '`recordEnforcementMeasure` applies (measures on the plan and on the investigation count alike); empty for anyone but an inspector.',
  })
  enforcementNextTypes(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.enforcementNextTypes.load(`${p.investigationId}:${p.organisationId}`);
  }

  @ResolveField(() => EnforcementSummaryType, { description: 'How many enforcement measures, and the current step (the latest).' })
  async enforcement(p: ImprovementPlan, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo): Promise<EnforcementSummaryType> {
    const loaders = loadersOf(ctx, info);
    const measures = await loaders.enforcementByPlan.load(p.id);
    const latest = measures[measures.length - 1];
    return { count: measures.length, currentType: latest?.type ?? null, currentStatus: latest?.status ?? null };
  }
}

@Resolver(() => PlanVersionType)
export class PlanVersionsResolver {
  @ResolveField(() => [PlanVersionMeasure])
  measures(v: PlanVersion) {
    return v.snapshot.measures;
  }

  @ResolveField(() => UserType, { nullable: true })
  submittedBy(v: PlanVersion, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(v.submittedBy);
  }
}

@Resolver(() => PlanVersionMeasure)
export class PlanVersionMeasuresResolver {
  @ResolveField(() => UserType, { nullable: true })
  owner(m: PlanVersionMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(m.ownerId);
  }

  @ResolveField(() => [ImprovementPointType])
  async points(m: PlanVersionMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loadAll(loaders.point, m.pointIds);
  }
}

@Resolver(() => PlanAssessmentType)
export class PlanAssessmentsResolver {
  @ResolveField(() => QuestionJudgement, { description: 'Are the measures aimed at the shortcomings found?' })
  aimedAtShortcomings(a: PlanAssessment): QuestionJudgement {
    return { judgement: a.aimedAtShortcomings, rationale: a.aimedAtShortcomingsRationale };
  }

  @ResolveField(() => QuestionJudgement, { description: 'Does the plan have enough chance of success?' })
  chanceOfSuccess(a: PlanAssessment): QuestionJudgement {
    return { judgement: a.chanceOfSuccess, rationale: a.chanceOfSuccessRationale };
  }

  @ResolveField(() => QuestionJudgement, { description: 'Is there pace in it?' })
  pace(a: PlanAssessment): QuestionJudgement {
    return { judgement: a.pace, rationale: a.paceRationale };
  }

  @ResolveField(() => UserType, { nullable: true })
  inspector(a: PlanAssessment, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(a.inspectorId);
  }
}
