import { Query, QueryResult } from 'pg';

/** A parameterised statement: the acting user's settings, sent ahead of a statement in the same message. */
export interface Statement {
  text: string;
  values: string[];
}

/** The parts of pg's protocol connection and Query this class works with (not in @types/pg). */
interface Wire {
  parse(message: { text: string; name: string; types: unknown[] }): void;
  bind(message: { portal: string; statement: string; values: unknown[]; binary: boolean }): void;
  execute(message: { portal: string; rows: number }): void;
}
interface QueryInternals {
  prepare(connection: Wire): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: Wire): void;
}
/** How pg answers a query: an error, or the result. */
export type QueryCallback = (error: Error | undefined, result: QueryResult) => void;
const PgQuery = Query as unknown as new (config: {
  text: string;
  values: unknown[];
  queryMode: 'extended';
  callback: QueryCallback;
}) => Query & QueryInternals;

/**
 * One statement in one round trip, with the acting user set for it: the extended protocol's
 * messages for `settings` (Parse, Bind, Execute) and then for the statement itself (Parse, Bind,
 * Describe, Execute) go out in one write, followed by a single Sync. PostgreSQL handles the
 * messages in order, so the statement is parsed and analysed (row-level security included) after
 * the settings have run, as the application role. If the settings fail, PostgreSQL skips the
 * statement and answers the error.
 *
 * - A read (`Database.read`): outside an explicit transaction, PostgreSQL runs everything up to a
 *   Sync as one implicit transaction and commits it at the Sync, so the transaction-local settings
 *   (`set_config(…, true)`, the role included) apply to exactly this one statement and are gone
 *   when its answer arrives: nothing is carried to the next statement or the next user of the
 *   connection.
 * - The first statement of a transaction (`Database.transaction`, `begin`): `START TRANSACTION`
 *   goes first in the same message, so the Sync leaves the transaction open, with its settings,
 *   for the statements after it and the COMMIT or ROLLBACK that ends it.
 *
 * The answers to `START TRANSACTION` and to the settings (a CommandComplete each, and the settings'
 * one row; no RowDescription since no Describe was sent) arrive first and are dropped here;
 * everything after them is pg's own handling.
 */
export class ActingQuery extends PgQuery {
  private preludeAnswers: number;

  constructor(
    /** Read by test/bench/peer/count-queries.ts and test/support/statement-counter.ts, which count statements per round trip. */
    readonly settings: Statement,
    text: string,
    values: unknown[],
    callback: QueryCallback,
    /** Start a transaction before the settings (the first statement of `Database.transaction`). */
    readonly begin = false,
  ) {
    super({ text, values, queryMode: 'extended', callback });
    this.preludeAnswers = begin ? 2 : 1;
  }

  override prepare(connection: Wire): void {
    if (this.begin) {
      connection.parse({ text: 'START TRANSACTION', name: '', types: [] });
      connection.bind({ portal: '', statement: '', values: [], binary: false });
      connection.execute({ portal: '', rows: 0 });
    }
    connection.parse({ text: this.settings.text, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: this.settings.values, binary: false });
    connection.execute({ portal: '', rows: 0 });
    super.prepare(connection); // the statement: Parse, Bind, Describe, Execute, Sync
  }

  override handleDataRow(message: unknown): void {
    if (this.preludeAnswers === 0) super.handleDataRow(message);
  }

  override handleCommandComplete(message: unknown, connection: Wire): void {
    if (this.preludeAnswers === 0) return super.handleCommandComplete(message, connection);
    this.preludeAnswers -= 1;
  }
}
