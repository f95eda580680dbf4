import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { DeadlineKind } from '@opvolging/deadlines';
import { Measure, MeasuresService } from '@opvolging/plans';
import { Actor, Clock, overdue } from '@opvolging/shared';
import { DeadlineType } from '../deadlines/deadline.model';
import { VersionedRefInput } from '../graphql/common.input';
import { CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { FieldReads } from '../graphql/look-ahead';
import { RequestContext } from '../graphql/request-context';
import { loadAll } from '../graphql/loaders';
import { UserType } from '../identity/user.model';
import { ImprovementPointType } from '../investigations/investigation.model';
import { Removed } from '../investigations/investigations.resolver';
import {
  AddMeasureInput,
  CancelMeasureInput,
  CompleteMeasureInput,
  ImprovementPlanType,
  MeasureType,
  UpdateMeasureInput,
} from './plan.model';

/**
 * What each field of Measure reads of the measure, where that is not the field's own property: a
 * page of measures, and a page of points for its nested measures, read only these and the
 * properties asked for (`propertiesRead`).
 */
export const MEASURE_FIELD_READS: FieldReads = {
  __typename: [],
  plan: ['planId'],
  owner: ['ownerId'],
  overdue: ['status', 'dueDate'],
  deadline: ['id'],
  points: ['id'],
};

@Resolver(() => MeasureType)
export class MeasuresResolver {
  constructor(
    private readonly measures: MeasuresService,
    private readonly clock: Clock,
  ) {}

  @Mutation(() => MeasureType, { description: 'Organisation members, while the plan is DRAFT or REVISION_REQUESTED.' })
  addMeasure(@CurrentActor() actor: Actor, @Args('input') input: AddMeasureInput) {
    return this.measures.add(actor, input);
  }

  @Mutation(() => MeasureType, { description: 'Organisation members, while the plan is DRAFT or REVISION_REQUESTED.' })
  updateMeasure(@CurrentActor() actor: Actor, @Args('input') input: UpdateMeasureInput) {
    return this.measures.update(actor, input);
  }

  @Mutation(() => Removed, {
    description: 'Organisation members, while the plan is DRAFT or REVISION_REQUESTED. Submitted versions keep it.',
  })
  removeMeasure(@CurrentActor() actor: Actor, @Args('input') input: VersionedRefInput) {
    return this.measures.remove(actor, input);
  }

  @Mutation(() => MeasureType, { description: 'Accepted plan: PLANNED → IN_PROGRESS.' })
  startMeasure(@CurrentActor() actor: Actor, @Args('input') input: VersionedRefInput) {
    return this.measures.start(actor, input);
  }

  @Mutation(() => MeasureType, { description: 'Accepted plan: → COMPLETED, with a statement of evidence.' })
  completeMeasure(@CurrentActor() actor: Actor, @Args('input') input: CompleteMeasureInput) {
    return this.measures.complete(actor, input);
  }

  @Mutation(() => MeasureType, { description: 'Accepted plan: → CANCELLED, with a reason.' })
  cancelMeasure(@CurrentActor() actor: Actor, @Args('input') input: CancelMeasureInput) {
    return this.measures.cancel(actor, input);
  }

  @ResolveField(() => ImprovementPlanType)
  plan(m: Measure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.plan.load(m.planId);
  }

  @ResolveField(() => UserType, { nullable: true })
  owner(m: Measure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.user.load(m.ownerId);
  }

  @ResolveField(() => Boolean, { description: 'Not completed or cancelled, and past its due date.' })
  overdue(m: Measure) {
    return overdue.measure(m, this.clock.today());
  }

  @ResolveField(() => DeadlineType, {
    nullable: true,
    description: 'The open deadline of this measure, with every move of its due date; null once done (and while its plan is not accepted).',
  })
  deadline(m: Measure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return loaders.openDeadline.load({ kind: DeadlineKind.MEASURE_DUE, id: m.id });
  }

  @ResolveField(() => [ImprovementPointType], { description: 'The improvement points it covers.' })
  async points(m: Measure, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    const ids = await loaders.pointIdsByMeasure.load(m.id);
    return loadAll(loaders.point, ids);
  }
}
