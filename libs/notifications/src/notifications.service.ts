import { Injectable } from '@nestjs/common';
import { Database, Page, PageArgs, paginate } from '@opvolging/database';
import { User, userRepository } from '@opvolging/identity';
import { Actor, Clock, DomainError, EventKind } from '@opvolging/shared';
import { Notification } from './notification.entity';
import { notificationRepository } from './notifications.repository';

/** A user's own notifications: nobody reads another's. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, filter: { unreadOnly?: boolean }, page: PageArgs): Promise<Page<Notification>> {
    return paginate(
      this.db,
      actor,
      (em) => notificationRepository.ofUser(em, actor.userId, !!filter.unreadOnly),
      'n.id',
      { expression: 'n.created_at', type: 'timestamptz', direction: 'DESC' },
      page,
    );
  }

  async unreadCount(actor: Actor): Promise<number> {
    return this.db.transaction(actor, ({ em }) => notificationRepository.unreadCount(em, actor.userId));
  }

  /** Marks the given notifications (or, with none given, all) as read; returns how many changed. */
  async markRead(actor: Actor, ids?: string[]): Promise<number> {
    if (ids && !ids.length) return 0;
    return this.db.transaction(actor, async ({ em }) => {
      if (ids) {
        const mine = await notificationRepository.countOwn(em, actor.userId, ids);
        if (mine !== new Set(ids).size) throw DomainError.notFound('Notification');
      }
      return notificationRepository.markRead(em, actor.userId, this.clock.now(), ids);
    });
  }

  /** The signed-in user's own preferences: language and immediate mails or a daily digest. */
  async setPreferences(
    actor: Actor,
    data: { locale?: 'nl' | 'en'; notificationMode?: 'IMMEDIATE' | 'DAILY_DIGEST'; mutedEventKinds?: EventKind[] },
  ): Promise<User> {
    return this.db.transaction(actor, async ({ em }) => {
      const patch: Partial<User> = {};
      if (data.locale) patch.locale = data.locale;
      if (data.notificationMode) patch.notificationMode = data.notificationMode;
      if (data.mutedEventKinds) patch.mutedEventKinds = [...new Set(data.mutedEventKinds)].sort();
      if (Object.keys(patch).length) {
        await userRepository.update(em, actor.userId, patch);
        // Switching to single mails: what waited for the digest goes out on its own.
        if (data.notificationMode === 'IMMEDIATE') await notificationRepository.undigest(em, actor.userId);
      }
      return userRepository.byId(em, actor.userId);
    });
  }
}
