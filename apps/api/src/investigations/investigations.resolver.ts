import { Args, Field, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Investigation, InvestigationSort, InvestigationsService, ReportContentService } from '@opvolging/investigations';
import { DeadlineKind, resolvePolicy } from '@opvolging/deadlines';
import { Actor, Clock, dates, overdue } from '@opvolging/shared';
import { VersionedRefInput } from '../graphql/common.input';
import { EnforcementMeasureType } from '../enforcement/enforcement.model';
import { CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { loadAll } from '../graphql/loaders';
import { PageArgsInput } from '../graphql/pagination.model';
import { OrganisationType } from '../organisations/organisation.model';
import { ImprovementPlanType } from '../plans/plan.model';
import {
  AddFindingInput,
  AddImprovementPointInput,
  CloseInvestigationInput,
  CreateInvestigationInput,
  DeadlinePolicy,
  FindingType,
  ImprovementPointType,
  InvestigationConnection,
  InvestigationFilterInput,
  InvestigationOrderInput,
  InvestigationType,
  PublishInvestigationInput,
  UpdateFindingInput,
  UpdateImprovementPointInput,
  UpdateInvestigationInput,
} from './investigation.model';

@ObjectType()
export class Removed {
  @Field(() => ID) id: string;
}

@Resolver(() => InvestigationType)
export class InvestigationsResolver {
  constructor(
    private readonly service: InvestigationsService,
    private readonly content: ReportContentService,
    private readonly clock: Clock,
  ) {}

  @Query(() => InvestigationConnection, {
    description: "Investigations you may see: your inspectorate's, your organisation's, or your municipality's (published).",
  })
  investigations(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgsInput,
    @Args('filter', { nullable: true }) filter?: InvestigationFilterInput,
    @Args('orderBy', { nullable: true }) orderBy?: InvestigationOrderInput,
  ) {
    return this.service.list(
      actor,
      filter ?? {},
      { field: orderBy?.field ?? InvestigationSort.PUBLICATION_DATE, direction: orderBy?.direction ?? 'DESC' },
      page,
    );
  }

  @Query(() => InvestigationType)
  investigation(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.service.get(actor, id);
  }

  @Mutation(() => InvestigationType, { description: 'Inspectors: open a draft investigation led by your inspectorate.' })
  createInvestigation(@CurrentActor() actor: Actor, @Args('input') input: CreateInvestigationInput) {
    return this.service.create(actor, input);
  }

  @Mutation(() => InvestigationType, { description: 'Lead inspectorate, while DRAFT.' })
  updateInvestigation(@CurrentActor() actor: Actor, @Args('input') input: UpdateInvestigationInput) {
    return this.service.update(actor, input);
  }

  @Mutation(() => InvestigationType, { description: 'Lead inspectorate: DRAFT → FOLLOW_UP. Creates a plan per addressed organisation.' })
  publishInvestigation(@CurrentActor() actor: Actor, @Args('input') input: PublishInvestigationInput) {
    return this.service.publish(actor, input);
  }

  @Mutation(() => InvestigationType, { description: 'Lead inspectorate: FOLLOW_UP → CLOSED, once every plan is verified.' })
  closeInvestigation(@CurrentActor() actor: Actor, @Args('input') input: CloseInvestigationInput) {
    return this.service.close(actor, input);
  }

  @Mutation(() => FindingType)
  addFinding(@CurrentActor() actor: Actor, @Args('input') input: AddFindingInput) {
    return this.content.addFinding(actor, input);
  }

  @Mutation(() => FindingType)
  updateFinding(@CurrentActor() actor: Actor, @Args('input') input: UpdateFindingInput) {
    return this.content.updateFinding(actor, input);
  }

  @Mutation(() => Removed)
  removeFinding(@CurrentActor() actor: Actor, @Args('input') input: VersionedRefInput) {
    return this.content.removeFinding(actor, input);
  }

  @Mutation(() => ImprovementPointType)
  addImprovementPoint(@CurrentActor() actor: Actor, @Args('input') input: AddImprovementPointInput) {
    return this.content.addPoint(actor, input);
  }

  @Mutation(() => ImprovementPointType)
  updateImprovementPoint(@CurrentActor() actor: Actor, @Args('input') input: UpdateImprovementPointInput) {
    return this.content.updatePoint(actor, input);
  }

  @Mutation(() => Removed)
  removeImprovementPoint(@CurrentActor() actor: Actor, @Args('input') input: VersionedRefInput) {
    return this.content.removePoint(actor, input);
  }

  @ResolveField(() => OrganisationType)
  municipality(i: Investigation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.organisation.load(i.municipalityId);
  }

  @ResolveField(() => OrganisationType)
  leadInspectorate(i: Investigation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.organisation.load(i.leadInspectorateId);
  }

  @ResolveField(() => [OrganisationType])
  async participatingInspectorates(i: Investigation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loadAll(loaders.organisation, await loaders.participatingInspectorateIds.load(i.id));
  }

  @ResolveField(() => [OrganisationType], { description: 'The organisations involved in the case.' })
  async involvedOrganisations(i: Investigation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loadAll(loaders.organisation, await loaders.involvedOrganisationIds.load(i.id));
  }

  @ResolveField(() => DeadlinePolicy)
  deadlinePolicy(i: Investigation): DeadlinePolicy {
    const reminders = resolvePolicy(i.reminderPolicy);
    return { ...i, reminders: Object.values(DeadlineKind).map((kind) => ({ kind, ...reminders[kind] })) };
  }

  @ResolveField(() => Boolean, { description: 'The trajectory end has passed and the investigation is not closed.' })
  trajectoryOverdue(i: Investigation) {
    return overdue.trajectory(i, this.clock.today());
  }

  @ResolveField(() => Int, { nullable: true, description: 'Days until the trajectory ends (negative when past).' })
  daysUntilTrajectoryEnd(i: Investigation) {
    return i.trajectoryEndDate ? dates.daysBetween(this.clock.today(), i.trajectoryEndDate) : null;
  }

  @ResolveField(() => [FindingType])
  findings(i: Investigation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.findingsByInvestigation.load(i.id);
  }

  @ResolveField(() => [ImprovementPointType], { description: 'Organisation members see the points addressed to them.' })
  improvementPoints(i: Investigation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.pointsByInvestigation.load(i.id);
  }

  @ResolveField(() => [ImprovementPlanType], { description: 'Organisation members see only their own plan.' })
  plans(i: Investigation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.plansByInvestigation.load(i.id);
  }

  @ResolveField(() => [EnforcementMeasureType], {
    description: 'Enforcement measures of the case (on plans and on the investigation); members see their own organisation only.',
  })
  enforcementMeasures(i: Investigation, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.enforcementByInvestigation.load(i.id);
  }
}
