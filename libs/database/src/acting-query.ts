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
  close(message: { type: 'S'; name: string }): void;
}
interface QueryInternals {
  name?: string;
  readonly text: string;
  prepare(connection: Wire): void;
  hasBeenParsed(connection: Wire): boolean;
  handleError(error: Error, connection: Wire): void;
  handleDataRow(message: unknown): void;
  handleCommandComplete(message: unknown, connection: Wire): void;
  handleReadyForQuery(connection: Wire): void;
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
 * How many statements one connection keeps prepared at most; past it, statements go unnamed
 * (parsed and planned each time, as before). Each prepared statement holds its parse tree and
 * plans in the PostgreSQL session, so the bound is what a pool of connections can cost.
 */
export const PREPARED_PER_CONNECTION = 100;

/**
 * Starts a statement that is never prepared, so that PostgreSQL plans it for its parameters on
 * every call. For statements whose best plan depends on them: PostgreSQL's plan cache switches to
 * a generic plan when its estimate looks no worse, and for the portfolio's page of investigations
 * (filters as `EXISTS`, `LIMIT` a parameter) that plan took 21–27 ms against 2.5–4 ms planned per
 * call (`test/bench/overviews.bench.ts`, PostgreSQL's log of one run).
 */
export const PLAN_PER_CALL = '/* planned per call */';

/**
 * Per pg connection: the statements PostgreSQL has confirmed as prepared (text → name); those
 * whose Parse went out in a message that failed, so that PostgreSQL may or may not have prepared
 * them (text → name, closed and parsed again under the same name at their next use); and how many
 * names were given out.
 */
interface Prepared {
  names: Map<string, string>;
  uncertain: Map<string, string>;
  issued: number;
}
const preparedOn = new WeakMap<Wire, Prepared>();

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
 *   for the statements after it and the COMMIT or ROLLBACK that ends it. Those go without
 *   settings (`settings` null), each in its own message, prepared like the rest.
 *
 * The answers to `START TRANSACTION` and to the settings (a CommandComplete each, and the settings'
 * one row; no RowDescription since no Describe was sent) arrive first and are dropped here;
 * everything after them is pg's own handling.
 *
 * **Prepared statements.** The settings and the statement are named prepared statements of the
 * connection: the first time a connection sends a text, its Parse carries a name; after that only
 * Bind and Execute go out, and PostgreSQL skips parsing, analysis and, once its plan cache chooses
 * a generic plan, planning (3 to 4 ms for a page of points, against 1.5 to 2 ms of execution). A
 * name counts as prepared only once PostgreSQL answered the whole message without an error
 * (ReadyForQuery): if anything failed, the Parse may or may not have run, so the next use of the
 * text closes the name (which PostgreSQL allows for a name it does not know) and parses it again.
 * At most `PREPARED_PER_CONNECTION` names per connection; none for a text that starts with
 * `PLAN_PER_CALL`.
 * Row-level security stays as it was: a statement is analysed after the settings, as the
 * application role, and PostgreSQL analyses a cached statement again when the role differs.
 */
export class ActingQuery extends PgQuery {
  private preludeAnswers: number;
  /** Texts whose Parse (with a new name) goes out in this message: prepared once PostgreSQL has answered without an error. */
  private readonly parsing: Array<[text: string, name: string]> = [];
  private statementParsed = false;

  constructor(
    /**
     * Who acts, sent ahead of the statement; null for the later statements of a transaction,
     * which its first statement set. Read by test/bench/peer/count-queries.ts and
     * test/support/statement-counter.ts, which count statements per round trip.
     */
    readonly settings: Statement | null,
    text: string,
    values: unknown[],
    callback: QueryCallback,
    /** Start a transaction before the settings (the first statement of `Database.transaction`). */
    readonly begin = false,
  ) {
    super({ text, values, queryMode: 'extended', callback });
    this.preludeAnswers = (begin ? 1 : 0) + (settings ? 1 : 0);
  }

  override prepare(connection: Wire): void {
    if (this.begin) {
      connection.parse({ text: 'START TRANSACTION', name: '', types: [] });
      connection.bind({ portal: '', statement: '', values: [], binary: false });
      connection.execute({ portal: '', rows: 0 });
    }
    if (this.settings) {
      const settings = this.named(connection, this.settings.text);
      if (!settings.prepared) connection.parse({ text: this.settings.text, name: settings.name, types: [] });
      connection.bind({ portal: '', statement: settings.name, values: this.settings.values, binary: false });
      connection.execute({ portal: '', rows: 0 });
    }
    const statement = this.named(connection, this.text);
    this.name = statement.name || undefined;
    this.statementParsed = statement.prepared;
    super.prepare(connection); // the statement: Parse (unless prepared), Bind, Describe, Execute, Sync
  }

  /** pg asks this before it sends the statement's Parse: only what this connection confirmed. */
  override hasBeenParsed(): boolean {
    return this.statementParsed;
  }

  /** The name `text` has on this connection, whether it is prepared, or '' (unnamed) past the bound. */
  private named(connection: Wire, text: string): { name: string; prepared: boolean } {
    let prepared = preparedOn.get(connection);
    if (!prepared) preparedOn.set(connection, (prepared = { names: new Map(), uncertain: new Map(), issued: 0 }));
    const known = prepared.names.get(text);
    if (known) return { name: known, prepared: true };
    if (text.startsWith(PLAN_PER_CALL)) return { name: '', prepared: false };
    let name = prepared.uncertain.get(text);
    if (name) {
      prepared.uncertain.delete(text);
      connection.close({ type: 'S', name }); // before its Parse again; PostgreSQL allows closing a name it does not know
    } else if (prepared.issued < PREPARED_PER_CONNECTION) {
      name = `opvolging_${++prepared.issued}`;
    } else {
      return { name: '', prepared: false };
    }
    this.parsing.push([text, name]);
    return { name, prepared: false };
  }

  override handleReadyForQuery(connection: Wire): void {
    // Reached only when PostgreSQL answered the message without an error (pg calls handleError otherwise).
    const prepared = preparedOn.get(connection);
    for (const [text, name] of this.parsing) prepared?.names.set(text, name);
    super.handleReadyForQuery(connection);
  }

  override handleError(error: Error, connection: Wire): void {
    const prepared = preparedOn.get(connection);
    for (const [text, name] of this.parsing) if (!prepared?.names.has(text)) prepared?.uncertain.set(text, name);
    super.handleError(error, connection);
  }

  override handleDataRow(message: unknown): void {
    if (this.preludeAnswers === 0) super.handleDataRow(message);
  }

  override handleCommandComplete(message: unknown, connection: Wire): void {
    if (this.preludeAnswers === 0) return super.handleCommandComplete(message, connection);
    this.preludeAnswers -= 1;
  }
}
