import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { DeadlineKind, DeadlinesService, DueDateChange, ExtensionRequest, OpenDeadline } from '@opvolging/deadlines';
import { Actor, Clock, dates } from '@opvolging/shared';
import { VersionedRefInput } from '../graphql/common.input';
import { CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { PageArgsInput } from '../graphql/pagination.model';
import { UserType } from '../identity/user.model';
import { InvestigationType } from '../investigations/investigation.model';
import { OrganisationType } from '../organisations/organisation.model';
import { ImprovementPlanType, MeasureType } from '../plans/plan.model';
import { InternalAuditType } from '../audits/audit.model';
import {
  DeadlineConnection,
  DeadlineFilterInput,
  DeadlineType,
  DecideExtensionInput,
  DueDateChangeType,
  ExtendDeadlinesInput,
  ExtensionDecisionType,
  ExtensionRequestConnection,
  ExtensionRequestFilterInput,
  ExtensionRequestType,
  RequestExtensionInput,
} from './deadline.model';

@Resolver(() => DeadlineType)
export class DeadlinesResolver {
  constructor(
    private readonly service: DeadlinesService,
    private readonly clock: Clock,
  ) {}

  @Query(() => DeadlineConnection, { description: 'Open deadlines you may see, soonest first.' })
  deadlines(@CurrentActor() actor: Actor, @Args() page: PageArgsInput, @Args('filter', { nullable: true }) filter?: DeadlineFilterInput) {
    return this.service.list(actor, filter ?? {}, page);
  }

  @ResolveField(() => Boolean)
  overdue(d: OpenDeadline) {
    return d.dueDate < this.clock.today();
  }

  @ResolveField(() => Int, { description: 'Calendar days until the due date (negative when late).' })
  daysLeft(d: OpenDeadline) {
    return dates.daysBetween(this.clock.today(), d.dueDate);
  }

  @ResolveField(() => InvestigationType, { nullable: true })
  investigation(d: OpenDeadline, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.investigation.load(d.investigationId);
  }

  @ResolveField(() => OrganisationType, {
    nullable: true,
    description: 'The organisation that answers for it (none for inspectorate deadlines).',
  })
  organisation(d: OpenDeadline, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return d.organisationId ? loaders.organisation.load(d.organisationId) : null;
  }

  @ResolveField(() => UserType, { nullable: true, description: 'For a measure: its owner.' })
  owner(d: OpenDeadline, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return d.ownerId ? loaders.user.load(d.ownerId) : null;
  }

  @ResolveField(() => ImprovementPlanType, { nullable: true })
  plan(d: OpenDeadline, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return d.kind === DeadlineKind.PLAN_DUE || d.kind === DeadlineKind.ASSESSMENT_DUE ? loaders.plan.load(d.id) : null;
  }

  @ResolveField(() => MeasureType, { nullable: true })
  measure(d: OpenDeadline, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return d.kind === DeadlineKind.MEASURE_DUE ? loaders.measure.load(d.id) : null;
  }

  @ResolveField(() => InternalAuditType, { nullable: true })
  internalAudit(d: OpenDeadline, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return d.kind === DeadlineKind.AUDIT_DUE || d.kind === DeadlineKind.VERIFICATION_DUE ? loaders.audit.load(d.id) : null;
  }

  @ResolveField(() => [DueDateChangeType], { description: 'Every move of this due date, with who decided and why.' })
  async changes(d: OpenDeadline, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    // A plan is the subject of two kinds (PLAN_DUE, ASSESSMENT_DUE): keep only this kind's moves.
    return (await loaders.dueDateChanges.load(d.id)).filter((c) => c.kind === d.kind);
  }
}

@Resolver(() => DueDateChangeType)
export class DueDateChangesResolver {
  @ResolveField(() => UserType, { nullable: true })
  decidedBy(c: DueDateChange, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(c.decidedBy);
  }
}

@Resolver(() => ExtensionRequestType)
export class ExtensionsResolver {
  constructor(private readonly deadlines: DeadlinesService) {}

  @Query(() => ExtensionRequestConnection, { description: "Extension requests: your organisation's, or those of your investigations." })
  extensionRequests(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgsInput,
    @Args('filter', { nullable: true }) filter?: ExtensionRequestFilterInput,
  ) {
    return this.deadlines.listRequests(actor, filter ?? {}, page);
  }

  @Mutation(() => ExtensionRequestType, { description: 'Organisation members: ask, before the due date, for a later one.' })
  requestExtension(@CurrentActor() actor: Actor, @Args('input') input: RequestExtensionInput) {
    return this.deadlines.request(actor, input);
  }

  @Mutation(() => ExtensionRequestType, { description: 'Inspectors: grant (moves the deadline and its reminders) or refuse.' })
  decideExtension(@CurrentActor() actor: Actor, @Args('input') input: DecideExtensionInput) {
    return this.deadlines.decide(actor, input);
  }

  @Mutation(() => ExtensionRequestType)
  withdrawExtensionRequest(@CurrentActor() actor: Actor, @Args('input') input: VersionedRefInput) {
    return this.deadlines.withdraw(actor, input);
  }

  @Mutation(() => ExtensionDecisionType, {
    description: 'Inspectors: move many deadlines of one investigation at once, as one recorded decision.',
  })
  extendDeadlines(@CurrentActor() actor: Actor, @Args('input') input: ExtendDeadlinesInput) {
    return this.deadlines.extendMany(actor, input);
  }

  @ResolveField(() => UserType, { nullable: true })
  requestedBy(r: ExtensionRequest, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(r.requestedBy);
  }

  @ResolveField(() => UserType, { nullable: true })
  decidedBy(r: ExtensionRequest, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return r.decidedBy ? loaders.user.load(r.decidedBy) : null;
  }

  @ResolveField(() => OrganisationType)
  organisation(r: ExtensionRequest, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.organisation.load(r.organisationId);
  }

  @ResolveField(() => InvestigationType, { nullable: true })
  investigation(r: ExtensionRequest, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.investigation.load(r.investigationId);
  }
}
