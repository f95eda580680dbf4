import { Args, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { DeadlineKind } from '@opvolging/deadlines';
import { CalendarFeedService, isEvent, Notification, NotificationsService, render } from '@opvolging/notifications';
import { Actor, EventKind } from '@opvolging/shared';
import { actorOf, CurrentActor, loadersOf } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import { Loaders } from '../graphql/loaders';
import { PageArgsInput } from '../graphql/pagination.model';
import { UserType } from '../identity/user.model';
import {
  CalendarFeed,
  MarkNotificationsReadInput,
  MyPreferencesInput,
  NotificationConnection,
  NotificationFilterInput,
  NotificationSubject,
  NotificationType,
} from './notification.model';

@Resolver(() => NotificationType)
export class NotificationsResolver {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly calendar: CalendarFeedService,
  ) {}

  @Query(() => NotificationConnection, { description: 'Your own notifications, newest first.' })
  myNotifications(
    @CurrentActor() actor: Actor,
    @Args() page: PageArgsInput,
    @Args('filter', { nullable: true }) filter?: NotificationFilterInput,
  ) {
    return this.notifications.list(actor, filter ?? {}, page);
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentActor() actor: Actor) {
    return this.notifications.unreadCount(actor);
  }

  @Mutation(() => Int, { description: 'Returns how many were marked.' })
  markNotificationsRead(@CurrentActor() actor: Actor, @Args('input', { nullable: true }) input?: MarkNotificationsReadInput) {
    return this.notifications.markRead(actor, input?.ids);
  }

  @Mutation(() => UserType, { description: 'Your language and whether mail comes at once or as a daily digest.' })
  updateMyPreferences(@CurrentActor() actor: Actor, @Args('input') input: MyPreferencesInput) {
    return this.notifications.setPreferences(actor, input);
  }

  @Mutation(() => CalendarFeed, { description: 'A personal calendar feed of the deadlines you answer for.' })
  async createCalendarFeed(@CurrentActor() actor: Actor): Promise<CalendarFeed> {
    return { url: await this.calendar.create(actor) };
  }

  @Mutation(() => Boolean, { description: 'Stops your calendar feed URL from working.' })
  revokeCalendarFeed(@CurrentActor() actor: Actor) {
    return this.calendar.revoke(actor);
  }

  @ResolveField(() => String)
  async title(n: Notification, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    const actor = actorOf(ctx, info);
    return render(n.params, await this.locale(loaders, actor)).title;
  }

  @ResolveField(() => String)
  async body(n: Notification, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const loaders = loadersOf(ctx, info);
    const actor = actorOf(ctx, info);
    return render(n.params, await this.locale(loaders, actor)).body;
  }

  @ResolveField(() => Boolean, { description: 'Sent to you because the responsible organisation is late.' })
  escalated(n: Notification) {
    return isEvent(n.params) ? false : n.params.escalated;
  }

  @ResolveField(() => DeadlineKind, { nullable: true, description: "A deadline notice's kind; null for an event notification." })
  kind(n: Notification) {
    return isEvent(n.params) ? null : n.kind;
  }

  @ResolveField(() => EventKind, { nullable: true, description: 'What happened, for an event notification; null for a deadline notice.' })
  event(n: Notification) {
    return isEvent(n.params) ? n.params.kind : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'For an event notification: the path of its place in the web app (relative to the public URL, see README).',
  })
  link(n: Notification) {
    return isEvent(n.params) ? n.params.link : null;
  }

  @ResolveField(() => NotificationSubject)
  subject(n: Notification): NotificationSubject {
    return {
      investigationId: n.params.investigationId,
      subjectId: n.params.subjectId,
      dueDate: isEvent(n.params) ? null : n.params.dueDate,
    };
  }

  private async locale(loaders: Loaders, actor: Actor): Promise<'nl' | 'en'> {
    return ((await loaders.user.load(actor.userId))?.locale ?? 'nl') as 'nl' | 'en';
  }
}
