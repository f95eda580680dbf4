import { Args, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { DeadlineKind } from '@opvolging/deadlines';
import { Measure, MeasuresService } from '@opvolging/plans';
import { Actor, Clock, overdue } from '@opvolging/shared';
import { DeadlineType } from '../deadlines/deadline.model';
import { VersionedRefInput } from '../graphql/common.input';
import { CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
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
 * What each field of Measure reads of the measure, where that is not the field's own property:
 * a page of points reads only these, and the properties asked for, of its nested measures
 * (`ImprovementPointsResolver`). A field named neither here nor as a column of the measure makes
 * it read whole measures; a new field resolver that reads the measure belongs here.
 */
export const MEASURE_FIELD_READS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  plan: ['planId'],
  owner: ['ownerId'],
  overdue: ['status', 'dueDate'],
  deadline: ['id'],
  points: ['id'],
};

/**
 * The properties of a measure that `selection` (names of fields of Measure) reads, `id` always;
 * undefined when one of them is neither in MEASURE_FIELD_READS nor a column (then whole measures).
 */
export function measureProperties(selection: ReadonlySet<string>, isColumn: (property: string) => boolean): Set<string> | undefined {
  const properties = new Set(['id']);
  for (const field of selection) {
    const reads = MEASURE_FIELD_READS[field] ?? (isColumn(field) ? [field] : undefined);
    if (!reads) return undefined;
    reads.forEach((property) => properties.add(property));
  }
  return properties;
}

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
