import { Client } from 'pg';
import { POSTGRES_PING } from '@opvolging/health';

/**
 * Counts the SQL statements this process sends to PostgreSQL (every pg Client: TypeORM's pool
 * included) while installed: one call of pg's `query` is one round trip. `data` leaves out
 * transaction control, so it counts the statements that read or write rows; the acting user's
 * settings (and a transaction's START TRANSACTION) travel inside an `ActingQuery`, never as a call
 * of their own.
 */
export class StatementCounter {
  readonly statements: string[] = [];
  /** The same statements with their parameter values, to replay them elsewhere. */
  readonly calls: Array<{ text: string; values: unknown[] }> = [];
  /**
   * What each round trip sent: an ActingQuery (a read's statement, a transaction's first) carries
   * the acting user's settings as a statement of its own in the same round trip; a transaction's
   * later statements carry none (null).
   */
  readonly sent: Array<{ text: string; settings?: { text: string; values: string[] } | null }> = [];
  private original?: (...args: unknown[]) => unknown;

  static install(): StatementCounter {
    const counter = new StatementCounter();
    const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
    counter.original = proto.query;
    const original = proto.query;
    proto.query = function (this: Client, ...args: unknown[]) {
      const first = args[0] as string | { text?: string } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      // The readiness check pings on a timer through the same pool: not part of any request.
      if (typeof text === 'string' && text !== POSTGRES_PING) {
        counter.statements.push(text);
        const values = Array.isArray(args[1])
          ? args[1]
          : typeof first === 'object' && Array.isArray((first as { values?: unknown[] }).values)
            ? (first as { values: unknown[] }).values
            : [];
        counter.calls.push({ text, values });
        const settings = typeof first === 'object' ? (first as { settings?: { text: string; values: string[] } }).settings : undefined;
        counter.sent.push({ text, settings });
      }
      return original.apply(this, args);
    };
    return counter;
  }

  reset(): void {
    this.statements.length = 0;
    this.calls.length = 0;
    this.sent.length = 0;
  }

  get total(): number {
    return this.statements.length;
  }

  /** Statements that read or write rows: not BEGIN/COMMIT/ROLLBACK/SAVEPOINT (the settings are never a call of their own). */
  get data(): string[] {
    return this.statements.filter((s) => !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE SAVEPOINT)\b/i.test(s));
  }

  uninstall(): void {
    if (this.original) (Client.prototype as unknown as { query: unknown }).query = this.original;
    this.original = undefined;
  }
}
