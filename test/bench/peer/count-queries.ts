import { writeFileSync } from 'fs';
import { Client } from 'pg';

/**
 * Preloaded (`-r`) into both servers of the request benchmark when BENCH_COUNT_FILE is set: each
 * SIGUSR2 toggles counting of what this process sends to PostgreSQL through pg's Client (one call
 * of `query` is one round trip; its text may hold several statements, and a statement of the API
 * carries its settings statement along). Starting writes `{"counting":true}` to the file; stopping
 * writes what was sent meanwhile (the texts, and each call with its values and settings, which
 * the benchmark replays bare) and removes the patch, so nothing is counted (or kept in memory)
 * while the servers are under load.
 */
/** One round trip: a statement with its values, and the settings an API's `ActingQuery` sent with it. */
export interface Call {
  text: string;
  values: unknown[];
  settings?: { text: string; values: string[] };
  begin?: boolean;
}

const file = process.env.BENCH_COUNT_FILE;
if (file) {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let calls: Call[] | null = null;
  process.on('SIGUSR2', () => {
    if (!calls) {
      const sent: Call[] = (calls = []);
      proto.query = function (this: Client, ...args: unknown[]) {
        const first = args[0] as string | (Omit<Call, 'values'> & { values?: unknown[] }) | undefined;
        const text = typeof first === 'string' ? first : first?.text;
        // The API's readiness check pings on a timer: not part of a request.
        if (typeof text === 'string' && !/^\s*SELECT 1 \/\* readiness \*\/\s*$/.test(text)) {
          const values = Array.isArray(args[1]) ? args[1] : typeof first === 'object' ? (first.values ?? []) : [];
          // The API's ActingQuery sends the acting user's settings (and a transaction's START) in the same round trip.
          const acting = typeof first === 'object' && first.settings ? { settings: first.settings, begin: Boolean(first.begin) } : {};
          sent.push({ text, values, ...acting });
        }
        return original.apply(this, args);
      };
      writeFileSync(file, JSON.stringify({ counting: true }));
    } else {
      proto.query = original;
      writeFileSync(
        file,
        JSON.stringify({
          counting: false,
          calls,
          texts: calls.map((c) => [c.begin ? 'START TRANSACTION' : '', c.settings?.text ?? '', c.text].filter(Boolean).join('; ')),
        }),
      );
      calls = null;
    }
  });
}
