import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@opvolging/config';
import { Actor } from '@opvolging/shared';

/** A unit of work: one database transaction plus work to do only once it has committed. */
export interface Tx {
  em: EntityManager;
  actor: Actor | null;
  /** Runs after COMMIT (e.g. enqueueing jobs: a worker must never see a job before its rows). */
  afterCommit(task: () => Promise<unknown> | unknown): void;
}

/**
 * Every read and write goes through here: one transaction per unit of work, with the acting user
 * set transaction-locally (`set_config(..., true)`) so database policies can see who acts without
 * leaking the setting to the next user of a pooled connection.
 */
@Injectable()
export class Database {
  private readonly logger = new Logger(Database.name);

  constructor(
    readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /**
   * One transaction as `actor` (null: the system itself, e.g. the worker). `onBehalfOf` names the
   * process acting without a user (e.g. 'deadline-sweep'), and lands in the history.
   */
  async transaction<T>(actor: Actor | null, work: (tx: Tx) => Promise<T>, options: { onBehalfOf?: string } = {}): Promise<T> {
    const after: Array<() => Promise<unknown> | unknown> = [];
    const result = await this.dataSource.transaction(async (em) => {
      // Transaction-local (is_local = true): a pooled connection carries nothing to its next user.
      await em.query(
        `SELECT set_config('app.user_id', $1, true), set_config('app.role', $2, true), set_config('app.organisation_id', $3, true),
                set_config('app.on_behalf_of', $4, true)${this.config.DB_APP_ROLE ? `, set_config('role', $5, true)` : ''}`,
        [actor?.userId ?? '', actor?.role ?? 'SYSTEM', actor?.organisationId ?? '', options.onBehalfOf ?? (actor ? '' : 'system'), ...(this.config.DB_APP_ROLE ? [this.config.DB_APP_ROLE] : [])],
      );
      return work({ em, actor, afterCommit: (task) => after.push(task) });
    });
    for (const task of after) {
      try {
        await task();
      } catch (error) {
        // The change itself is committed; a failed follow-up is logged, and sweeps repair from the database.
        this.logger.error(`after-commit task failed: ${(error as Error).message}`);
      }
    }
    return result;
  }
}

/**
 * Rows of `UPDATE/DELETE ... RETURNING` through EntityManager.query: TypeORM's PostgreSQL driver
 * answers those with `[rows, affectedCount]`, but INSERT and SELECT with the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}
