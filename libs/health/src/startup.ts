import type { Server } from 'http';
import { Client } from 'pg';
import { describeStartupError } from '@opvolging/config';

/** Errors that waiting does not cure: a missing database, a refused login. The process stops with a hint. */
const PERMANENT = new Set(['3D000', '28P01', '28000', 'ENOTFOUND']);

/**
 * Waits until PostgreSQL answers, retrying with back-off (1 s doubling to 30 s) and logging one line
 * per attempt, so a process started before its database comes up instead of crashing in a loop.
 * Rejects at once on errors waiting cannot cure.
 */
export async function waitForPostgres(url: string, log: (line: string) => void, maxWaitMs = Infinity): Promise<void> {
  const started = Date.now();
  for (let attempt = 1, delay = 1000; ; attempt++, delay = Math.min(delay * 2, 30_000)) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      if (attempt > 1) log('PostgreSQL is reachable');
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if ((code && PERMANENT.has(code)) || Date.now() - started + delay > maxWaitMs) throw error;
      log(
        `PostgreSQL is unreachable (attempt ${attempt}): ${describeStartupError(error, { DATABASE_URL: url })} ` +
          `Retrying in ${delay / 1000} s.`,
      );
      await new Promise((done) => setTimeout(done, delay));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}

interface Closable {
  close(): Promise<void>;
}

/**
 * Stops the HTTP server accepting and waits for the requests in flight. Nest's own close tears the
 * modules down (database pool, Redis) before it closes the server, which would fail those requests.
 */
export function stopAccepting(server: Server | undefined): Promise<void> {
  if (!server?.listening) return Promise.resolve();
  return new Promise((done) => {
    // Keep-alive connections become idle once their response is out: close them as they do.
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    server.close(() => {
      clearInterval(idle);
      done();
    });
    server.closeIdleConnections();
  });
}

/**
 * SIGTERM/SIGINT (an orchestrator stopping a pod): stop accepting and let in-flight requests finish
 * (`drain`: the HTTP server, then for the worker its BullMQ workers, which finish their active jobs),
 * then close the application and its connections, exit 0. If it takes longer than `timeoutSeconds`,
 * exit 1 anyway, so a stuck job cannot hold a rolling restart.
 */
export function exitGracefullyOnSignal(
  app: Closable,
  timeoutSeconds: number,
  log: (line: string) => void,
  drain: () => Promise<unknown> = async () => undefined,
): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received: no new work accepted; finishing what is in flight (at most ${timeoutSeconds} s)`);
    const force = setTimeout(() => {
      log(`in-flight work did not finish within ${timeoutSeconds} s; exiting anyway`);
      process.exit(1);
    }, timeoutSeconds * 1000);
    force.unref();
    drain()
      .then(() => app.close())
      .then(
        () => {
          log('stopped cleanly');
          process.exit(0);
        },
        (error: Error) => {
          log(`error while stopping: ${error.message}`);
          process.exit(1);
        },
      );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
