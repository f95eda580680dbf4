import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig } from '@opvolging/config';
import { Database, RetentionTasks } from '@opvolging/database';
import { Clock } from '@opvolging/shared';
import { notificationRepository } from './notifications.repository';

/** Rows deleted per task: this library's notifications and digests, and what the others registered. */
export interface RetentionResult {
  notifications: number;
  digests: number;
  resetLinks: number;
  exports: number;
  /** Refresh tokens of browser sessions that ended (expired, revoked, signed out). */
  sessions: number;
}

/**
 * Deletes what the product no longer needs, per the retention settings (see README). Each library
 * registers the deletes of its own tables (RetentionTasks); this runs them all in one transaction.
 * History and the record of who read it are never deleted by the product: they are the case
 * file's audit trail.
 */
@Injectable()
export class RetentionService implements OnModuleInit {
  private readonly logger = new Logger(RetentionService.name);

  constructor(
    private readonly db: Database,
    private readonly tasks: RetentionTasks,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.tasks.register('notifications', (em, now) => notificationRepository.deleteOld(em, now, this.config.RETENTION_NOTIFICATIONS_DAYS));
    this.tasks.register('digests', (em, now) => notificationRepository.deleteSentDigests(em, now));
  }

  async run(): Promise<RetentionResult> {
    const now = this.clock.now();
    const counts = await this.db.transaction(
      null,
      async ({ em }) => {
        const deleted: Record<string, number> = {};
        for (const [name, task] of this.tasks.entries()) deleted[name] = await task(em, now);
        return deleted;
      },
      { onBehalfOf: 'retention' },
    );
    const { notifications, digests, resetLinks, exports, sessions } = counts;
    const result: RetentionResult = { notifications, digests, resetLinks, exports, sessions };
    if (Object.values(result).some((n) => n > 0)) this.logger.log(`retention: ${JSON.stringify(result)}`);
    return result;
  }
}
