import { Query, QueryResult } from 'pg';

/** A parameterised statement: the acting user's settings, sent ahead of a read in the same message. */
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
type Callback = (error: Error | undefined, result: QueryResult) => void;
const PgQuery = Query as unknown as new (config: {
  text: string;
  values: unknown[];
  queryMode: 'extended';
  callback: Callback;
}) => Query & QueryInternals;

/**
 * One read in one round trip, with the acting user set for it: the extended protocol's messages
 * for `settings` (Parse, Bind, Execute) and then for the read itself (Parse, Bind, Describe,
 * Execute) go out in one write, followed by a single Sync. Outside an explicit transaction,
 * PostgreSQL runs everything up to a Sync as one implicit transaction and commits it at the Sync,
 * so the transaction-local settings (`set_config(…, true)`, the role included) apply to exactly
 * this one statement and are gone when its answer arrives: nothing is carried to the next
 * statement or the next user of the connection. PostgreSQL handles the messages in order, so the
 * read is parsed and analysed (row-level security included) after the settings have run, as the
 * application role. If the settings fail, PostgreSQL skips the read and answers the error.
 *
 * The answer to the settings (one row, one CommandComplete, no RowDescription since no Describe
 * was sent) arrives first and is dropped here; everything after it is pg's own handling.
 */
export class ActingQuery extends PgQuery {
  private settingsAnswered = false;

  constructor(
    /** Read by test/bench/peer/count-queries.ts, which counts statements per round trip. */
    readonly settings: Statement,
    text: string,
    values: unknown[],
    callback: Callback,
  ) {
    super({ text, values, queryMode: 'extended', callback });
  }

  override prepare(connection: Wire): void {
    connection.parse({ text: this.settings.text, name: '', types: [] });
    connection.bind({ portal: '', statement: '', values: this.settings.values, binary: false });
    connection.execute({ portal: '', rows: 0 });
    super.prepare(connection); // the read: Parse, Bind, Describe, Execute, Sync
  }

  override handleDataRow(message: unknown): void {
    if (this.settingsAnswered) super.handleDataRow(message);
  }

  override handleCommandComplete(message: unknown, connection: Wire): void {
    if (this.settingsAnswered) return super.handleCommandComplete(message, connection);
    this.settingsAnswered = true;
  }
}
