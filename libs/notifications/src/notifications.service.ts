import { Injectable } from '@nestjs/common';
import { Database, Page, PageArgs, paginate } from '@opvolging/database';
import { User } from '@opvolging/identity';
import { Actor, Clock, DomainError } from '@opvolging/shared';
import { Notification } from './notification.entity';

/** A user's own notifications: nobody reads another's. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, filter: { unreadOnly?: boolean }, page: PageArgs): Promise<Page<Notification>> {
    return paginate(this.db, actor, (em) => {
      const qb = em.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me', { me: actor.userId });
      if (filter.unreadOnly) qb.andWhere('n.read_at IS NULL');
      return qb;
    }, 'n.id', { expression: 'n.created_at', type: 'timestamptz', direction: 'DESC' }, page);
  }

  async unreadCount(actor: Actor): Promise<number> {
    return this.db.transaction(actor, ({ em }) => em.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me AND n.read_at IS NULL', { me: actor.userId }).getCount());
  }

  /** Marks the given notifications (or, with none given, all) as read; returns how many changed. */
  async markRead(actor: Actor, ids?: string[]): Promise<number> {
    if (ids && !ids.length) return 0;
    return this.db.transaction(actor, async ({ em }) => {
      const qb = em.createQueryBuilder().update(Notification).set({ readAt: this.clock.now() }).where('user_id = :me AND read_at IS NULL', { me: actor.userId });
      if (ids) {
        const mine = await em.getRepository(Notification).createQueryBuilder('n').where('n.id IN (:...ids) AND n.user_id = :me', { ids, me: actor.userId }).getCount();
        if (mine !== new Set(ids).size) throw DomainError.notFound('Notification');
        qb.andWhere('id IN (:...ids)', { ids });
      }
      return (await qb.execute()).affected ?? 0;
    });
  }

  /** The signed-in user's own preferences: language and immediate mails or a daily digest. */
  async setPreferences(actor: Actor, data: { locale?: 'nl' | 'en'; notificationMode?: 'IMMEDIATE' | 'DAILY_DIGEST' }): Promise<User> {
    return this.db.transaction(actor, async ({ em }) => {
      const patch: Partial<User> = {};
      if (data.locale) patch.locale = data.locale;
      if (data.notificationMode) patch.notificationMode = data.notificationMode;
      if (Object.keys(patch).length) {
        await em.update(User, { id: actor.userId }, patch);
        // Switching to single mails: what waited for the digest goes out on its own.
        if (data.notificationMode === 'IMMEDIATE') await em.query(`UPDATE notifications SET email_status = 'PENDING' WHERE user_id = $1 AND email_status = 'IN_DIGEST'`, [actor.userId]);
      }
      return em.getRepository(User).findOneByOrFail({ id: actor.userId });
    });
  }
}
