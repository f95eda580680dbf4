import { writeFileSync } from 'fs';
import { Client } from 'pg';

/**
 * Preloaded (`-r`) into both servers of the request benchmark when BENCH_COUNT_FILE is set: each
 * SIGUSR2 toggles counting of what this process sends to PostgreSQL through pg's Client (one call
 * of `query` is one round trip; its text may hold several statements, and a read of the API
 * carries its settings statement along). Starting writes
 * `{"counting":true}` to the file; stopping writes the texts sent meanwhile and removes the patch,
 * so nothing is counted (or kept in memory) while the servers are under load.
 */
const file = process.env.BENCH_COUNT_FILE;
if (file) {
  const proto = Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let texts: string[] | null = null;
  process.on('SIGUSR2', () => {
    if (!texts) {
      const sent: string[] = (texts = []);
      proto.query = function (this: Client, ...args: unknown[]) {
        const first = args[0] as string | { text?: string; settings?: { text: string } } | undefined;
        const text = typeof first === 'string' ? first : first?.text;
        // A read of the API (Database.read's ActingQuery) sends the acting user's settings as a
        // statement of its own in the same round trip: counted with it.
        const settings = typeof first === 'object' ? first?.settings?.text : undefined;
        // The API's readiness check pings on a timer: not part of a request.
        if (typeof text === 'string' && !/^\s*SELECT 1 \/\* readiness \*\/\s*$/.test(text))
          sent.push(settings ? `${settings}; ${text}` : text);
        return original.apply(this, args);
      };
      writeFileSync(file, JSON.stringify({ counting: true }));
    } else {
      proto.query = original;
      writeFileSync(file, JSON.stringify({ counting: false, texts }));
      texts = null;
    }
  });
}
