import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { returnedRows } from '@opvolging/database';
import { Locale } from './messages';
import { Notification } from './notification.entity';

/** The SQL of the notifications and digests tables (and of what the notices read around them). */
export const notificationRepository = {
  ofUser(em: EntityManager, userId: string, unreadOnly: boolean): SelectQueryBuilder<Notification> {
    const qb = em.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me', { me: userId });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb;
  },

  unreadCount(em: EntityManager, userId: string): Promise<number> {
    return em.getRepository(Notification).createQueryBuilder('n').where('n.user_id = :me AND n.read_at IS NULL', { me: userId }).getCount();
  },

  /** How many of `ids` are the user's own. */
  countOwn(em: EntityManager, userId: string, ids: string[]): Promise<number> {
    return em
      .getRepository(Notification)
      .createQueryBuilder('n')
      .where('n.id IN (:...ids) AND n.user_id = :me', { ids, me: userId })
      .getCount();
  },

  /** Marks the user's unread notifications (all, or those of `ids`) as read; returns how many changed. */
  async markRead(em: EntityManager, userId: string, at: Date, ids?: string[]): Promise<number> {
    const qb = em.createQueryBuilder().update(Notification).set({ readAt: at }).where('user_id = :me AND read_at IS NULL', { me: userId });
    if (ids) qb.andWhere('id IN (:...ids)', { ids });
    return (await qb.execute()).affected ?? 0;
  },

  /** What waited for the user's digest goes out on its own. */
  async undigest(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE notifications SET email_status = 'PENDING' WHERE user_id = $1 AND email_status = 'IN_DIGEST'`, [userId]);
  },

  /** The titles and names a calendar feed shows with its open deadlines. */
  calendarContext(
    em: EntityManager,
    subjectIds: string[],
  ): Promise<Array<{ id: string; title: string; org: string | null; label: string | null }>> {
    return em.query(
      `SELECT d.subject_id AS id, i.title, o.name AS org, m.description AS label
               FROM open_deadlines d JOIN investigations i ON i.id = d.investigation_id
               LEFT JOIN organisations o ON o.id = d.organisation_id LEFT JOIN measures m ON m.id = d.subject_id
              WHERE d.subject_id = ANY($1)`,
      [subjectIds],
    );
  },

  /** Read notifications whose mail is done with, older than `days`. */
  async deleteOld(em: EntityManager, now: Date, days: number): Promise<number> {
    return returnedRows(
      await em.query(
        `DELETE FROM notifications WHERE read_at IS NOT NULL AND email_status IN ('SENT', 'DIGEST_SENT', 'NOT_MAILED') AND ` +
          `created_at < ` +
          `$1::timestamptz - make_interval(days => $2) RETURNING id`,
        [now, days],
      ),
    ).length;
  },

  /** Sent digests older than 90 days. */
  async deleteSentDigests(em: EntityManager, now: Date): Promise<number> {
    return returnedRows(
      await em.query(`DELETE FROM digests WHERE status = 'SENT' AND sent_at < $1::timestamptz - interval '90 days' RETURNING user_id`, [
        now,
      ]),
    ).length;
  },

  // ---- events (EventNotifier) ------------------------------------------------------------

  /** The case's title and municipality, and the organisation's name, that an event's notification shows. */
  async eventContext(
    em: EntityManager,
    investigationId: string,
    organisationId: string | null,
  ): Promise<{ title: string; municipality_id: string; organisation_name: string | null }> {
    const [row] = await em.query(
      `SELECT i.title, i.municipality_id, o.name AS organisation_name FROM investigations i LEFT JOIN organisations o ON o.id = $2 WHERE ` +
        `i.id = $1`,
      [investigationId, organisationId],
    );
    return row;
  },

  /** The active accounts an event's audiences name (and the users it names), never the one who acted. */
  eventRecipients(
    em: EntityManager,
    e: { audiences: string[]; investigationId: string; organisationId: string | null; municipalityId: string; userIds: string[] },
    actorId: string | null,
  ): Promise<Array<{ id: string; notification_mode: 'IMMEDIATE' | 'DAILY_DIGEST'; muted_event_kinds: string[] }>> {
    return em.query(
      `SELECT u.id, u.notification_mode, u.muted_event_kinds FROM users u
        WHERE u.active AND u.id IS DISTINCT FROM $6::uuid AND (
              ('INSPECTORS' = ANY($1) AND u.role = 'INSPECTOR' AND u.organisation_id IN (
                 SELECT lead_inspectorate_id FROM investigations WHERE id = $2
                 UNION SELECT inspectorate_id FROM investigation_inspectorates WHERE investigation_id = $2))
           OR ('ORGANISATION' = ANY($1) AND u.role = 'ORGANISATION_MEMBER' AND u.organisation_id = $3)
           OR ('REVIEWERS' = ANY($1) AND u.role = 'MUNICIPALITY_REVIEWER' AND u.organisation_id = $4)
           OR u.id = ANY($5::uuid[]))
        ORDER BY u.id`,
      [e.audiences, e.investigationId, e.organisationId, e.municipalityId, e.userIds, actorId],
    );
  },

  /** One event's notifications, one per recipient. No RETURNING: the rows belong to their recipients, and the actor may not read them. */
  async insertEventNotifications(
    em: EntityManager,
    eventId: string,
    kind: string,
    params: unknown,
    rows: Array<{ id: string; userId: string; status: string }>,
  ): Promise<void> {
    await em.query(
      `INSERT INTO notifications (id, event_id, user_id, kind, params, email_status)
       SELECT id, $1, user_id, $2, $3::jsonb, email_status FROM unnest($4::uuid[], $5::uuid[], $6::text[]) AS r(id, user_id, email_status)`,
      [eventId, kind, JSON.stringify(params), rows.map((r) => r.id), rows.map((r) => r.userId), rows.map((r) => r.status)],
    );
  },

  // ---- mail (MailJobs) ---------------------------------------------------------------------

  /** Claims a notification's mail (PENDING → SENDING), with the recipient's address; nothing when another worker has it or it was sent. */
  async claimMail(em: EntityManager, id: string): Promise<(Notification & { email: string; locale: Locale; active: boolean }) | undefined> {
    const [row] = returnedRows<Notification & { email: string; locale: Locale; active: boolean }>(
      await em.query(
        `UPDATE notifications n SET email_status = 'SENDING', email_claimed_at = now(), email_attempts = email_attempts + 1
           FROM users u WHERE n.id = $1 AND n.email_status = 'PENDING' AND u.id = n.user_id
         RETURNING n.id, n.params, u.email, u.locale, u.active`,
        [id],
      ),
    );
    return row;
  },

  /** Gives a claimed mail back for a retry. */
  async releaseMail(em: EntityManager, id: string): Promise<void> {
    await em.query(`UPDATE notifications SET email_status = 'PENDING', email_claimed_at = NULL WHERE id = $1`, [id]);
  },

  /** A claimed mail is done with: sent (`mailed`), or not to be sent (the account is inactive). */
  async finishMail(em: EntityManager, id: string, mailed: boolean): Promise<void> {
    await em.query(`UPDATE notifications SET email_status = 'SENT', emailed_at = CASE WHEN $2 THEN now() END WHERE id = $1`, [id, mailed]);
  },

  /** A user's digest of a day, its row locked until the transaction ends. */
  async lockDigest(em: EntityManager, userId: string, digestDate: string): Promise<{ status: string } | undefined> {
    const [row] = await em.query(`SELECT status FROM digests WHERE user_id = $1 AND digest_date = $2 FOR UPDATE`, [userId, digestDate]);
    return row;
  },

  async mailAddress(em: EntityManager, userId: string): Promise<{ email: string; locale: Locale; active: boolean } | undefined> {
    const [row] = await em.query(`SELECT email, locale, active FROM users WHERE id = $1`, [userId]);
    return row;
  },

  /** What waits for the user's digest, by due date, locked until the transaction ends. */
  digestItems(em: EntityManager, userId: string): Promise<Notification[]> {
    return em.query(
      `SELECT id, params FROM notifications WHERE user_id = $1 AND email_status = 'IN_DIGEST' ORDER BY (params->>'dueDate'), ` +
        `created_at FOR UPDATE`,
      [userId],
    );
  },

  async markDigestSent(em: EntityManager, userId: string, digestDate: string, notificationIds: string[]): Promise<void> {
    await em.query(`UPDATE notifications SET email_status = 'DIGEST_SENT', emailed_at = now() WHERE id = ANY($1)`, [notificationIds]);
    await em.query(`UPDATE digests SET status = 'SENT', sent_at = now() WHERE user_id = $1 AND digest_date = $2`, [userId, digestDate]);
  },
};
