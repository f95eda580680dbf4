import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { Locale, digestSubject, eventMailFooter, mailFooter, render } from './messages';
import { Mailer } from '@opvolging/mail';
import { isEvent } from './notification.entity';
import { notificationRepository as rows } from './notifications.repository';

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
    const row = await this.db.transaction(null, ({ em }) => rows.claimMail(em, notificationId));
    if (!row) return 'skipped'; // already sent, or being sent by another worker
    if (!row.active) {
      await this.finish(notificationId, false);
      return 'skipped';
    }
    const message = render(row.params, row.locale);
    try {
      await this.mailer.send({
        to: row.email,
        subject: message.title,
        text:
          message.body +
          (isEvent(row.params)
            ? eventMailFooter(this.config.PUBLIC_URL, row.params, row.locale)
            : mailFooter(this.config.PUBLIC_URL, row.locale)),
        messageId: row.id,
        language: row.locale,
      });
    } catch (error) {
      await this.db.transaction(null, ({ em }) => rows.releaseMail(em, notificationId));
      // debug only: the worker sums mail failures up in one WARN line per minute (no line per mail).
      this.logger.debug(`mail for notification ${notificationId} failed, will retry: ${(error as Error).message}`);
      throw error;
    }
    await this.finish(notificationId, true);
    return 'sent';
  }

  /** One mail listing everything waiting for a user's daily digest. */
  async sendDigest(userId: string, digestDate: string): Promise<'sent' | 'skipped'> {
    return this.db.transaction(null, async ({ em }) => {
      const digest = await rows.lockDigest(em, userId, digestDate);
      if (!digest || digest.status === 'SENT') return 'skipped';
      const user = await rows.mailAddress(em, userId);
      const items = await rows.digestItems(em, userId);
      if (items.length && user?.active) {
        const locale: Locale = user.locale;
        const lines = items.map((n) => {
          const m = render(n.params, locale);
          const link = isEvent(n.params) ? `\n  ${this.config.PUBLIC_URL.replace(/\/$/, '')}${n.params.link}` : '';
          return `• ${m.title}\n  ${m.body}${link}`;
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
      await rows.markDigestSent(
        em,
        userId,
        digestDate,
        items.map((n) => n.id),
      );
      return items.length ? 'sent' : 'skipped';
    });
  }

  private finish(notificationId: string, mailed: boolean) {
    return this.db.transaction(null, ({ em }) => rows.finishMail(em, notificationId, mailed));
  }
}
