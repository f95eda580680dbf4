import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import {
  EnforcementForfeit,
  EnforcementMeasure,
  EnforcementProgressReport,
  EnforcementService,
  EnforcementType,
} from '@opvolging/enforcement';
import { DeadlineKind } from '@opvolging/deadlines';
import { Actor, Role } from '@opvolging/shared';
import { actorOf, CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { DeadlineType } from '../deadlines/deadline.model';
import { UserType } from '../identity/user.model';
import { InvestigationType } from '../investigations/investigation.model';
import { OrganisationType } from '../organisations/organisation.model';
import { ImprovementPlanType } from '../plans/plan.model';
import {
  DecideSupervisionInput,
  EnforcementForfeitType,
  EnforcementMeasureType,
  EnforcementProgressReportType,
  RecordComplianceInput,
  RecordEnforcementMeasureInput,
  RecordForfeitInput,
  ReviewProgressReportInput,
  SubmitProgressReportInput,
} from './enforcement.model';

/** Municipality reviewers see that a measure exists, its step and dates; not the texts. */
const seesTexts = (actor: Actor) => actor.role !== Role.MUNICIPALITY_REVIEWER;

@Resolver(() => EnforcementMeasureType)
export class EnforcementResolver {
  constructor(private readonly enforcement: EnforcementService) {}

  @Query(() => EnforcementMeasureType, { description: 'One enforcement measure (NOT_FOUND outside your scope).' })
  enforcementMeasure(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.enforcement.get(actor, id);
  }

  @Mutation(() => EnforcementMeasureType, {
    description: 'Inspectors of the case: record the next enforcement step (the ladder decides which may follow), with its deadlines.',
  })
  recordEnforcementMeasure(@CurrentActor() actor: Actor, @Args('input') input: RecordEnforcementMeasureInput) {
    return this.enforcement.record(actor, input);
  }

  @Mutation(() => EnforcementMeasureType, {
    description: 'Inspectors: lift intensified supervision, or extend its period (more monthly reports).',
  })
  decideIntensifiedSupervision(@CurrentActor() actor: Actor, @Args('input') input: DecideSupervisionInput) {
    return this.enforcement.decideSupervision(actor, input);
  }

  @Mutation(() => EnforcementMeasureType, { description: 'Inspectors: a binding instruction or penalty order was complied with, or not.' })
  recordEnforcementCompliance(@CurrentActor() actor: Actor, @Args('input') input: RecordComplianceInput) {
    return this.enforcement.recordCompliance(actor, input);
  }

  @Mutation(() => EnforcementMeasureType, { description: 'Inspectors: a penalty forfeited under an order subject to a penalty.' })
  recordEnforcementForfeit(@CurrentActor() actor: Actor, @Args('input') input: RecordForfeitInput) {
    return this.enforcement.recordForfeit(actor, input);
  }

  @Mutation(() => EnforcementProgressReportType, {
    description: 'Organisation members: submit a monthly progress report of intensified supervision.',
  })
  submitEnforcementProgressReport(@CurrentActor() actor: Actor, @Args('input') input: SubmitProgressReportInput) {
    return this.enforcement.submitReport(actor, input);
  }

  @Mutation(() => EnforcementProgressReportType, { description: 'Inspectors: accept a progress report, or ask for more by a new date.' })
  reviewEnforcementProgressReport(@CurrentActor() actor: Actor, @Args('input') input: ReviewProgressReportInput) {
    return this.enforcement.reviewReport(actor, input);
  }

  @ResolveField(() => String, { nullable: true, description: 'Why; not shown to municipality reviewers.' })
  rationale(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return seesTexts(actor) ? m.rationale : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'What must be done; not shown to municipality reviewers.' })
  requirements(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return seesTexts(actor) ? m.requirements : null;
  }

  @ResolveField(() => String, { nullable: true, description: 'The note of the last decision; not shown to municipality reviewers.' })
  outcomeNote(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return seesTexts(actor) ? m.outcomeNote : null;
  }

  @ResolveField(() => Int, { nullable: true, description: 'Euro cents: per period or total (penalty order), or the fine.' })
  amountCents(m: EnforcementMeasure) {
    return m.amountCents === null ? null : Number(m.amountCents);
  }

  @ResolveField(() => Int, { nullable: true, description: 'Penalty order per period: the maximum, euro cents.' })
  maximumCents(m: EnforcementMeasure) {
    return m.maximumCents === null ? null : Number(m.maximumCents);
  }

  @ResolveField(() => Int, { description: 'Penalty order: forfeited so far, euro cents.' })
  async forfeitedCents(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return (await loaders.enforcementForfeits.load(m.id)).reduce((sum, f) => sum + Number(f.amountCents), 0);
  }

  @ResolveField(() => [EnforcementForfeitType])
  forfeits(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.enforcementForfeits.load(m.id);
  }

  @ResolveField(() => [EnforcementProgressReportType], { description: 'Intensified supervision: the monthly reports, in order.' })
  progressReports(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return m.type === EnforcementType.INTENSIFIED_SUPERVISION ? loaders.enforcementReports.load(m.id) : [];
  }

  @ResolveField(() => DeadlineType, { nullable: true, description: 'The open compliance deadline or period end, with its moves.' })
  deadline(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    if (m.type === EnforcementType.INTENSIFIED_SUPERVISION)
      return loaders.openDeadline.load({ kind: DeadlineKind.ENFORCEMENT_PERIOD_END, id: m.id });
    if (m.complianceDueDate) return loaders.openDeadline.load({ kind: DeadlineKind.COMPLIANCE_DUE, id: m.id });
    return null;
  }

  @ResolveField(() => EnforcementMeasureType, { nullable: true, description: 'The step this one followed on the ladder.' })
  previous(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return m.previousId ? loaders.enforcementMeasure.load(m.previousId) : null;
  }

  @ResolveField(() => ImprovementPlanType, { nullable: true, description: 'Null for a measure on the investigation (collective points).' })
  plan(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return m.planId ? loaders.plan.load(m.planId) : null;
  }

  @ResolveField(() => InvestigationType, { nullable: true })
  investigation(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.investigation.load(m.investigationId);
  }

  @ResolveField(() => OrganisationType, { nullable: true })
  organisation(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.organisation.load(m.organisationId);
  }

  @ResolveField(() => UserType, { nullable: true })
  inspector(m: EnforcementMeasure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(m.inspectorId);
  }
}

@Resolver(() => EnforcementProgressReportType)
export class EnforcementProgressReportsResolver {
  @ResolveField(() => String, { nullable: true, description: 'Not shown to municipality reviewers.' })
  report(r: EnforcementProgressReport, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return seesTexts(actor) ? r.report : null;
  }

  @ResolveField(() => String, { nullable: true, description: "The inspector's review; not shown to municipality reviewers." })
  reviewNote(r: EnforcementProgressReport, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return seesTexts(actor) ? r.reviewNote : null;
  }

  @ResolveField(() => DeadlineType, {
    nullable: true,
    description: 'The open deadline of this report, with its moves; null once submitted.',
  })
  deadline(r: EnforcementProgressReport, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.openDeadline.load({ kind: DeadlineKind.ENFORCEMENT_REPORT_DUE, id: r.id });
  }
}

@Resolver(() => EnforcementForfeitType)
export class EnforcementForfeitsResolver {
  @ResolveField(() => Int, { description: 'Euro cents.' })
  amountCents(f: EnforcementForfeit) {
    return Number(f.amountCents);
  }

  @ResolveField(() => String, { nullable: true, description: 'Not shown to municipality reviewers.' })
  note(f: EnforcementForfeit, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return seesTexts(actor) ? f.note : null;
  }
}
