import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { Database, returnedRows } from '@opvolging/database';
import { Locale, digestSubject, mailFooter, render } from './messages';
import { Mailer } from '@opvolging/mail';
import { Notification } from './notification.entity';

/**
 * The mail side of notifications. A job is claimed in PostgreSQL before sending (PENDING → SENDING),
 * so a job delivered twice sends once; if SMTP fails the claim is released and BullMQ retries with
 * back-off, while the in-product notification is already there.
 */
@Injectable()
export class MailJobs {
  private readonly logger = new Logger(MailJobs.name);

  constructor(
    private readonly db: Database,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
  ) {}

  async sendNotification(notificationId: string): Promise<'sent' | 'skipped'> {
    const claimed = await this.db.transaction(null, async ({ em }) =>
      returnedRows<Notification & { email: string; locale: Locale; active: boolean }>(await em.query(
        `UPDATE notifications n SET email_status = 'SENDING', email_claimed_at = now(), email_attempts = email_attempts + 1
           FROM users u WHERE n.id = $1 AND n.email_status = 'PENDING' AND u.id = n.user_id
         RETURNING n.id, n.params, u.email, u.locale, u.active`,
        [notificationId],
      )),
    );
    const row = claimed[0];
    if (!row) return 'skipped'; // already sent, or being sent by another worker
    if (!row.active) {
      await this.finish(notificationId, false);
      return 'skipped';
    }
    const message = render(row.params, row.locale);
    try {
      await this.mailer.send({ to: row.email, subject: message.title, text: message.body + mailFooter(this.config.PUBLIC_URL, row.locale), messageId: row.id, language: row.locale });
    } catch (error) {
      await this.db.transaction(null, ({ em }) => em.query(`UPDATE notifications SET email_status = 'PENDING', email_claimed_at = NULL WHERE id = $1`, [notificationId]));
      this.logger.warn(`mail for notification ${notificationId} failed, will retry: ${(error as Error).message}`);
      throw error;
    }
    await this.finish(notificationId, true);
    return 'sent';
  }

  /** One mail listing everything waiting for a user's daily digest. */
  async sendDigest(userId: string, digestDate: string): Promise<'sent' | 'skipped'> {
    return this.db.transaction(null, async ({ em }) => {
      const [digest] = await em.query(`SELECT status FROM digests WHERE user_id = $1 AND digest_date = $2 FOR UPDATE`, [userId, digestDate]);
      if (!digest || digest.status === 'SENT') return 'skipped';
      const [user] = await em.query(`SELECT email, locale, active FROM users WHERE id = $1`, [userId]);
      const items: Notification[] = await em.query(
        `SELECT id, params FROM notifications WHERE user_id = $1 AND email_status = 'IN_DIGEST' ORDER BY (params->>'dueDate'), created_at FOR UPDATE`,
        [userId],
      );
      if (items.length && user?.active) {
        const locale: Locale = user.locale;
        const lines = items.map((n) => {
          const m = render(n.params, locale);
          return `• ${m.title}\n  ${m.body}`;
        });
        const intro = locale === 'nl' ? 'Dit staat vandaag voor u open in Opvolging:' : 'This is waiting for you in Opvolging today:';
        // Sent inside the transaction: if SMTP fails, nothing is marked and the job is retried.
        await this.mailer.send({
          to: user.email,
          subject: digestSubject(items.length, digestDate, locale),
          text: `${intro}\n\n${lines.join('\n\n')}${mailFooter(this.config.PUBLIC_URL, locale)}`,
          messageId: `digest-${userId}-${digestDate}`,
          language: locale,
        });
      }
      await em.query(`UPDATE notifications SET email_status = 'DIGEST_SENT', emailed_at = now() WHERE id = ANY($1)`, [items.map((n) => n.id)]);
      await em.query(`UPDATE digests SET status = 'SENT', sent_at = now() WHERE user_id = $1 AND digest_date = $2`, [userId, digestDate]);
      return items.length ? 'sent' : 'skipped';
    });
  }

  private finish(notificationId: string, mailed: boolean) {
    return this.db.transaction(null, ({ em }) =>
      em.query(`UPDATE notifications SET email_status = 'SENT', emailed_at = CASE WHEN $2 THEN now() END WHERE id = $1`, [notificationId, mailed]),
    );
  }
}
