import { ChildProcess, spawn } from 'child_process';
import { get } from 'http';
import { createServer } from 'net';
import { resolve } from 'path';

/** The repository root: the worker is started from there, as in production. */
const ROOT = resolve(__dirname, '../..');

/** A loopback TCP port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function httpGet(url: string, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = get(url, { timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      res.on('error', fail);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', fail);
  });
}

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Milliseconds from the signal to the exit. */
  ms: number;
}

/**
 * The queue worker as a real OS process (`apps/worker/src/main.ts` through ts-node), so a test can
 * SIGKILL it mid-run like the kernel's OOM killer would, or SIGTERM it like an orchestrator.
 */
export class WorkerProcess {
  private child?: ChildProcess;
  private output = '';
  private exited?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  exit?: { code: number | null; signal: NodeJS.Signals | null };

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: Record<string, string>,
  ) {}

  start(): void {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/worker/src/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, ...this.env, WORKER_PORT: String(this.port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    const keep = (chunk: Buffer) => {
      // Only the tail is kept, for a failure message; the pipes are always drained.
      this.output = (this.output + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((done) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        done({ code, signal });
      });
    });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return !!this.child && !this.exit;
  }

  /** The last lines the process wrote (stdout and stderr together). */
  tail(chars = 4000): string {
    return this.output.slice(-chars);
  }

  /** Polls GET /health/ready until it answers 200. */
  async waitReady(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    let last = 'no answer';
    while (Date.now() - started < timeoutMs) {
      if (this.exit) throw new Error(`worker ${this.name} exited (${JSON.stringify(this.exit)}) before it was ready:\n${this.tail()}`);
      try {
        const response = await httpGet(`http://127.0.0.1:${this.port}/health/ready`, 2000);
        if (response.status === 200) return Date.now() - started;
        last = `HTTP ${response.status}: ${response.body}`;
      } catch (error) {
        last = (error as Error).message;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`worker ${this.name} not ready within ${timeoutMs} ms (${last}):\n${this.tail()}`);
  }

  /** Sends `signal` and waits up to `timeoutMs` for the exit (undefined if it did not exit). */
  async signal(signal: NodeJS.Signals, timeoutMs = 15_000): Promise<WorkerExit | undefined> {
    if (!this.child || !this.exited) return undefined;
    const started = Date.now();
    if (!this.exit) this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const result = await Promise.race([this.exited, new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), timeoutMs)))]);
    clearTimeout(timer);
    return result && { ...result, ms: Date.now() - started };
  }

  /** Makes sure the process is gone: SIGKILL if it still runs. Safe to call at any time. */
  async kill(): Promise<void> {
    if (this.running) await this.signal('SIGKILL', 10_000);
  }
}
