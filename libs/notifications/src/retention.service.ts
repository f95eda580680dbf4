import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { Database, returnedRows } from '@opvolging/database';
import { Clock } from '@opvolging/shared';

export interface RetentionResult {
  notifications: number;
  digests: number;
  resetLinks: number;
  exports: number;
}

/**
 * Deletes what the product no longer needs, per the retention settings (see README). History and
 * the record of who read it are never deleted by the product: they are the case file's audit trail.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async run(): Promise<RetentionResult> {
    const now = this.clock.now();
    const result = await this.db.transaction(
      null,
      async ({ em }) => ({
        notifications: returnedRows(
          await em.query(
            `DELETE FROM notifications WHERE read_at IS NOT NULL AND email_status IN ('SENT', 'DIGEST_SENT') AND created_at < $1::timestamptz - make_interval(days => $2) RETURNING id`,
            [now, this.config.RETENTION_NOTIFICATIONS_DAYS],
          ),
        ).length,
        digests: returnedRows(await em.query(`DELETE FROM digests WHERE status = 'SENT' AND sent_at < $1::timestamptz - interval '90 days' RETURNING user_id`, [now])).length,
        resetLinks: returnedRows(
          await em.query(
            `DELETE FROM password_reset_tokens WHERE (used_at IS NOT NULL OR expires_at < $1) AND created_at < $1::timestamptz - make_interval(days => $2) RETURNING id`,
            [now, this.config.RETENTION_RESET_LINKS_DAYS],
          ),
        ).length,
        exports: returnedRows(
          await em.query(`DELETE FROM exports WHERE status IN ('DONE','FAILED') AND created_at < $1::timestamptz - make_interval(days => $2) RETURNING id`, [now, this.config.RETENTION_EXPORTS_DAYS]),
        ).length,
      }),
      { onBehalfOf: 'retention' },
    );
    if (result.notifications + result.digests + result.resetLinks + result.exports) this.logger.log(`retention: ${JSON.stringify(result)}`);
    return result;
  }
}
