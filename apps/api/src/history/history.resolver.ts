import { Args, ID, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { HistoryEntry, HistoryService } from '@opvolging/history';
import { Actor } from '@opvolging/shared';
import { CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { UserType } from '../identity/user.model';
import { HistoryEntryType, HistoryPageType } from './history.model';

@Resolver(() => HistoryEntryType)
export class HistoryResolver {
  constructor(private readonly service: HistoryService) {}

  @Query(() => HistoryPageType, {
    description:
      'Every change to something you may see (a measure, plan, point, ... or your own account), oldest first. Reading it is recorded.',
  })
  history(
    @CurrentActor() actor: Actor,
    @Args('entityId', { type: () => ID }) entityId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.service.ofEntity(actor, entityId, { first, after });
  }

  @Query(() => HistoryPageType, {
    description: 'Inspectors: everything that happened in an investigation, oldest first. Reading it is recorded.',
  })
  investigationTimeline(
    @CurrentActor() actor: Actor,
    @Args('investigationId', { type: () => ID }) investigationId: string,
    @Args('first', { type: () => Int, nullable: true }) first?: number,
    @Args('after', { nullable: true }) after?: string,
  ) {
    return this.service.timeline(actor, investigationId, { first, after });
  }

  @ResolveField(() => UserType, { nullable: true, description: 'Who made the change (none for the system).' })
  actor(h: HistoryEntry, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    return h.actorUserId ? loaders.user.load(h.actorUserId) : null;
  }
}
