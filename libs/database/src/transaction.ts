import { Injectable, Logger } from '@nestjs/common';
import { escapeLiteral, PoolClient, QueryResult } from 'pg';
import {
  DataSource,
  EntityManager,
  QueryFailedError,
  QueryResult as TypeOrmQueryResult,
  QueryRunner,
  QueryRunnerAlreadyReleasedError,
} from 'typeorm';
import { ActingQuery, QueryCallback, Statement } from './acting-query';
import { AppConfig } from '@opvolging/config';
import { Actor } from '@opvolging/shared';

/** How long a task after commit (an enqueue) may take before the request goes on without it. */
export const AFTER_COMMIT_TIMEOUT_MS = 2000;

/** A unit of work: one database transaction plus work to do only once it has committed. */
export interface Tx {
  em: EntityManager;
  actor: Actor | null;
  /** Runs after COMMIT (e.g. enqueueing jobs: a worker must never see a job before its rows). */
  afterCommit(task: () => Promise<unknown> | unknown): void;
}

/** A read: statements only, each its own round trip with the acting user's settings (see `Database.read`). */
export interface ReadTx {
  em: EntityManager;
  actor: Actor | null;
}

/** Statements that would open, end or split a transaction: refused in a read, where each statement is its own. */
const TRANSACTION_CONTROL = /^\s*(START|BEGIN|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE|PREPARE\s+TRANSACTION)\b/i;

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
    const runner = this.dataSource.createQueryRunner();
    let result: T;
    try {
      const client = (await runner.connect()) as PoolClient;
      // START TRANSACTION and the acting user go out with the transaction's first statement, in
      // its round trip (`ActingQuery` with `begin`); the settings are transaction-local
      // (is_local = true): a pooled connection carries nothing to its next user. The statements
      // after it go on their own, prepared on the connection as every `ActingQuery` is.
      const settings = this.actingAsStatement(actor, options.onBehalfOf, false);
      let first = true;
      const restore = intercept(client, (text, values, answer) => {
        if (!first) return new ActingQuery(null, text, values, answer);
        first = false;
        return new ActingQuery(settings, text, values, answer, true);
      });
      statementsStraight(runner, client);
      // Tell TypeORM that a transaction is open, so COMMIT/ROLLBACK (and savepoints) follow as usual.
      Object.assign(runner, { isTransactionActive: true, transactionDepth: 1 });
      try {
        result = await work({ em: runner.manager, actor, afterCommit: (task) => after.push(task) });
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction().catch(() => undefined);
        throw error;
      } finally {
        restore();
      }
    } finally {
      await runner.release();
    }
    for (const task of after) {
      let timer: NodeJS.Timeout | undefined;
      try {
        // Bounded: with Redis down an enqueue would wait for a connection, holding the request for minutes.
        await Promise.race([
          Promise.resolve().then(task),
          new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`no answer within ${AFTER_COMMIT_TIMEOUT_MS} ms`)), AFTER_COMMIT_TIMEOUT_MS);
          }),
        ]);
      } catch (error) {
        // The change itself is committed; the re-queue from PostgreSQL picks the job up later (docs/OPERATIONS.md).
        this.logger.warn(`after-commit task failed, left to the re-queue from PostgreSQL: ${(error as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }
    return result;
  }

  /**
   * A read as `actor`, for work that only reads (pages, DataLoader batches, lookups): every
   * statement goes out in ONE round trip together with the acting user's settings and runs in its
   * own implicit transaction (`ActingQuery`), instead of a transaction's statements and its
   * COMMIT. The settings are exactly those of
   * `transaction` plus `transaction_read_only`, so a write, `SELECT … FOR UPDATE` or anything else
   * that needs a transaction of its own fails here instead of losing its atomicity; statements
   * that control transactions are refused before they are sent. Under READ COMMITTED every
   * statement reads its own snapshot anyway, so two statements of one read see what two
   * statements of one transaction would. The connection is held only while `work` runs.
   */
  async read<T>(actor: Actor | null, work: (tx: ReadTx) => Promise<T>, options: { onBehalfOf?: string } = {}): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const settings = this.actingAsStatement(actor, options.onBehalfOf, true);
      const restore = intercept(client, (text, values, answer) => {
        if (TRANSACTION_CONTROL.test(text)) {
          throw new Error('Database.read runs single statements only: use Database.transaction for this work.');
        }
        return new ActingQuery(settings, text, values, answer);
      });
      statementsStraight(runner, client);
      try {
        return await work({ em: runner.manager, actor });
      } finally {
        restore();
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Who acts, as one parameterised statement sent ahead of a statement (`ActingQuery`): ahead of
   * each statement of a read (then read-only), or of a transaction's first. Its text is the same
   * for every actor: made once for reads and once for transactions.
   */
  private actingAsStatement(actor: Actor | null, onBehalfOf: string | undefined, readOnly: boolean): Statement {
    const values = [actor?.userId ?? '', actor?.role ?? 'SYSTEM', actor?.organisationId ?? '', onBehalfOf ?? (actor ? '' : 'system')];
    if (this.config.DB_APP_ROLE) values.push(this.config.DB_APP_ROLE);
    if (readOnly) values.push('on');
    return { text: readOnly ? this.settingsText.read : this.settingsText.transaction, values };
  }

  /** The names `actingAsStatement` sets, in the order of its values (all transaction-local). */
  private readonly settingsText = (() => {
    const names = ['app.user_id', 'app.role', 'app.organisation_id', 'app.on_behalf_of', ...(this.config.DB_APP_ROLE ? ['role'] : [])];
    const text = (all: string[]) => `SELECT ${all.map((name, i) => `set_config(${escapeLiteral(name)}, $${i + 1}, true)`).join(', ')}`;
    return { transaction: text(names), read: text([...names, 'transaction_read_only']) };
  })();
}

/**
 * TypeORM sends every statement through the pooled client's `query(text, parameters)`: until the
 * returned function is called, each goes out as the `ActingQuery` that `route` makes of it (or is
 * refused, when `route` throws). The returned function gives the client back exactly as it came,
 * with pg's own query method.
 */
function intercept(client: PoolClient, route: (text: string, values: unknown[], answer: QueryCallback) => ActingQuery): () => void {
  const own = Object.getOwnPropertyDescriptor(client, 'query');
  const send = client.query.bind(client) as (query: ActingQuery) => unknown;
  Object.defineProperty(client, 'query', {
    configurable: true,
    writable: true,
    value: (text: unknown, values?: unknown[]) =>
      new Promise<QueryResult>((resolve, reject) => {
        if (typeof text !== 'string') throw new Error('Database: a statement must be SQL text.');
        send(route(text, values ?? [], (error, result) => (error ? reject(error) : resolve(result))));
      }),
  });
  return () => {
    if (own) Object.defineProperty(client, 'query', own);
    else delete (client as { query?: unknown }).query;
  };
}

/**
 * The runner's statements go straight to its client (`intercept`'s query), answered as TypeORM's
 * PostgresQueryRunner.query answers: the rows (`[rows, count]` for UPDATE and DELETE), or its
 * QueryResult when asked for one; a failure as QueryFailedError, logged as TypeORM logs it. What
 * is left out is what the product does not use and every statement paid for: the BeforeQuery and
 * AfterQuery broadcasts to entity subscribers (there are none), the query log (`logging: false`)
 * and the slow-query timer (`maxQueryExecutionTime` unset): about 20 promises per statement.
 */
function statementsStraight(runner: QueryRunner, client: PoolClient): void {
  const log = runner.connection.logger;
  runner.query = (async (query: string, parameters?: unknown[], structured = false) => {
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    let raw: QueryResult;
    try {
      raw = await client.query(query, parameters);
    } catch (error) {
      log.logQueryError(error as Error, query, parameters, runner);
      throw new QueryFailedError(query, parameters, error as Error);
    }
    const rows = raw.command === 'DELETE' || raw.command === 'UPDATE' ? [raw.rows, raw.rowCount] : raw.rows;
    if (!structured) return rows;
    const result = new TypeOrmQueryResult();
    result.records = raw.rows;
    result.affected = raw.rowCount ?? undefined;
    result.raw = rows;
    return result;
  }) as QueryRunner['query'];
}

/**
 * Rows of `UPDATE/DELETE ... RETURNING` through EntityManager.query: TypeORM's PostgreSQL driver
 * answers those with `[rows, affectedCount]`, but INSERT and SELECT with the rows alone.
 */
export function returnedRows<T>(result: unknown): T[] {
  return (
    Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result
  ) as T[];
}
