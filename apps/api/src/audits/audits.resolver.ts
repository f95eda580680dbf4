import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import {
  AuditsService,
  InternalAudit,
  InternalAuditJudgement,
  InternalAuditResult,
  Verification,
  VerificationGrade,
  VerificationsService,
} from '@opvolging/audits';
import { DeadlineKind } from '@opvolging/deadlines';
import { seesDrafts } from '@opvolging/access';
import { Actor, Clock, overdue } from '@opvolging/shared';
import { DeadlineType } from '../deadlines/deadline.model';
import { actorOf, CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { UserType } from '../identity/user.model';
import { ImprovementPointType } from '../investigations/investigation.model';
import { ImprovementPlanType, MeasureType } from '../plans/plan.model';
import {
  InternalAuditJudgementType,
  InternalAuditResultType,
  InternalAuditType,
  JudgeInternalAuditInput,
  RecordVerificationInput,
  SaveInternalAuditInput,
  VerificationGradeType,
  VerificationType,
} from './audit.model';
import { renamed, VersionedRefInput } from '../graphql/common.input';

@Resolver(() => InternalAuditType)
export class InternalAuditsResolver {
  constructor(
    private readonly audits: AuditsService,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => InternalAuditType, {
    description: 'Organisation members: save the conclusion and per-measure results (DRAFT or REVISION_REQUESTED).',
  })
  saveInternalAudit(@CurrentActor() actor: Actor, @Args('input') input: SaveInternalAuditInput) {
    return this.audits.save(actor, input);
  }

  @Mutation(() => InternalAuditType, { description: 'Organisation members: hand the audit to the inspectorate.' })
  submitInternalAudit(@CurrentActor() actor: Actor, @Args('input') input: VersionedRefInput) {
    return this.audits.submit(actor, input);
  }

  @Mutation(() => InternalAuditType, { description: "Inspectors: judge the audit's quality; insufficient sends it back for revision." })
  judgeInternalAudit(@CurrentActor() actor: Actor, @Args('input') input: JudgeInternalAuditInput) {
    return this.audits.judge(actor, input);
  }

  @ResolveField(() => ImprovementPlanType)
  plan(a: InternalAudit, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.plan.load(a.planId);
  }

  @ResolveField(() => DeadlineType, {
    nullable: true,
    description: 'The open deadline of this internal audit, with every move of its due date; null once done (submitted).',
  })
  deadline(a: InternalAudit, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.openDeadline.load({ kind: DeadlineKind.AUDIT_DUE, id: a.id });
  }

  @ResolveField(() => Boolean, { description: 'Not submitted and past its due date.' })
  async overdue(a: InternalAudit, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    const plan = await loaders.plan.load(a.planId);
    return overdue.audit(a, plan?.status, this.clock.today());
  }

  @ResolveField(() => String, { nullable: true, description: 'Visible to others once submitted.' })
  conclusion(a: InternalAudit, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return seesDrafts(actor) || a.submittedAt ? a.conclusion : null;
  }

  @ResolveField(() => [InternalAuditResultType], { description: 'Per measure; visible to others once submitted.' })
  results(a: InternalAudit, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.auditResults.load(a);
  }

  @ResolveField(() => [InternalAuditJudgementType])
  judgements(a: InternalAudit, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.auditJudgements.load(a.id);
  }
}

@Resolver(() => InternalAuditResultType)
export class InternalAuditResultsResolver {
  @ResolveField(() => MeasureType, { nullable: true })
  measure(r: InternalAuditResult, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.measure.load(r.measureId);
  }
}

@Resolver(() => InternalAuditJudgementType)
export class InternalAuditJudgementsResolver {
  @ResolveField(() => UserType, { nullable: true })
  inspector(j: InternalAuditJudgement, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(j.inspectorId);
  }
}

@Resolver(() => VerificationType)
export class VerificationsResolver {
  constructor(private readonly verifications: VerificationsService) {}

  @Mutation(() => ImprovementPlanType, {
    description: 'Inspectors: grade every point of an accepted plan after the audit was judged; closes the plan.',
  })
  async recordVerification(@CurrentActor() actor: Actor, @Args('input') input: RecordVerificationInput) {
    const planId = renamed(input, 'id', 'planId');
    return (
      await this.verifications.record(actor, {
        ...input,
        planId,
        expectedPlanVersion: renamed(input, 'expectedVersion', 'expectedPlanVersion'),
      })
    ).plan;
  }

  @ResolveField(() => ImprovementPlanType)
  plan(v: Verification, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.plan.load(v.planId);
  }

  @ResolveField(() => UserType, { nullable: true })
  inspector(v: Verification, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(v.inspectorId);
  }

  @ResolveField(() => [VerificationGradeType])
  grades(v: Verification, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.verificationGrades.load(v.id);
  }
}

@Resolver(() => VerificationGradeType)
export class VerificationGradesResolver {
  @ResolveField(() => ImprovementPointType, { nullable: true })
  point(g: VerificationGrade, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.point.load(g.pointId);
  }
}
