import { connect, createServer, Server, Socket } from 'net';
import { PassThrough } from 'stream';
import request from 'supertest';
import { Database } from '@opvolging/database';
import { ExportFormat, ExportsService, ExportView } from '@opvolging/exports';
import { Role } from '@opvolging/shared';
import { TestApp } from '../support/test-app';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';
import { freePort, WorkerProcess } from '../support/worker-process';

/**
 * Redis unreachable (a closed loopback port, so the shared Redis is left alone): both processes
 * start, say so in their logs, answer readiness 503 naming Redis within its timeout, and a request
 * whose enqueue after commit cannot reach Redis returns with its row committed.
 */
describe('a dependency that is down', () => {
  let redisUrl: string;
  beforeAll(async () => {
    redisUrl = `redis://127.0.0.1:${await freePort()}`;
  });

  // First in the file: nestjs-pino keeps one root logger per process, made by the first app (TestApp `logs`).
  describe('the API when PostgreSQL goes away and comes back', () => {
    // A TCP proxy in front of the shared PostgreSQL: closing it is PostgreSQL going away, for this app only.
    let t: TestApp;
    let proxy: Server;
    let port: number;
    const sockets = new Set<Socket>();
    let text = '';
    let database: { name: string; url: string };
    const listen = () =>
      new Promise<void>((done) => {
        proxy = createServer((client) => {
          const upstream = connect(5432, '127.0.0.1');
          for (const s of [client, upstream]) {
            sockets.add(s);
            s.on('close', () => sockets.delete(s));
            s.on('error', () => undefined);
          }
          client.pipe(upstream).pipe(client);
        });
        proxy.listen(port, '127.0.0.1', () => done());
      });

    beforeAll(async () => {
      port = await freePort();
      await listen();
      database = await createTestDatabase();
      const logs = new PassThrough();
      logs.on('data', (c) => (text += c));
      t = await TestApp.start(
        { DATABASE_URL: database.url.replace(/:5432\//, `:${port}/`), LOG_LEVEL: 'log', LOG_FORMAT: 'json' },
        { logs },
      );
    });
    afterAll(async () => {
      await t?.stop();
      proxy?.close();
      for (const s of sockets) s.destroy();
      if (database) await dropTestDatabase(database.name);
    });

    it('readiness answers 503 naming the database within its timeout, logs it once, and recovers', async () => {
      await request(t.app.getHttpServer()).get('/health/ready').expect(200);
      await new Promise<void>((done) => {
        proxy.close(() => done());
        for (const s of sockets) s.destroy();
      });
      const started = Date.now();
      const down = await request(t.app.getHttpServer()).get('/health/ready');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(down.status).toBe(503);
      expect(down.body.error).toMatchObject({ database: { status: 'down' } });
      expect(down.body.info).toMatchObject({ redis: { status: 'up' } });
      await waitFor(() => /PostgreSQL is unreachable/.test(text), 15_000);

      await listen();
      await waitFor(() => (text.match(/PostgreSQL is reachable/g) ?? []).length >= 2, 20_000);
      await request(t.app.getHttpServer()).get('/health/ready').expect(200);
      expect(text.match(/PostgreSQL is unreachable/g)).toHaveLength(1);
    });
  });

  describe('the API without Redis', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start({ REDIS_URL: redisUrl });
    });
    afterAll(async () => t?.stop());

    it('readiness answers 503 naming Redis within its timeout; liveness stays 200', async () => {
      const started = Date.now();
      const res = await request(t.app.getHttpServer()).get('/health/ready');
      expect(Date.now() - started).toBeLessThan(3000);
      expect(res.status).toBe(503);
      expect(res.body.info).toMatchObject({ database: { status: 'up' } });
      expect(res.body.error).toMatchObject({ redis: { status: 'down', message: expect.stringMatching(/Redis did not answer within/) } });
      await request(t.app.getHttpServer()).get('/health').expect(200);
    });

    it('an export request commits its row and returns; the enqueue is left to the re-queue from PostgreSQL', async () => {
      const db = t.get(Database);
      const [{ id: orgId }] = await db.dataSource.query(
        `INSERT INTO organisations (name, kind) VALUES ('Inspectie Zonder Redis', 'INSPECTORATE') RETURNING id`,
      );
      const [{ id: userId }] = await db.dataSource.query(
        `INSERT INTO users (email, display_name, role, organisation_id, locale, active, token_version, version)
         VALUES ('zonder.redis@example.test', 'Zonder Redis', 'INSPECTOR', $1, 'nl', true, 0, 1) RETURNING id`,
        [orgId],
      );
      const started = Date.now();
      const row = await t
        .get(ExportsService)
        .request({ userId, role: Role.INSPECTOR, organisationId: orgId }, { view: ExportView.THEMES, format: ExportFormat.CSV });
      expect(Date.now() - started).toBeLessThan(5000);
      const [stored] = await db.dataSource.query(`SELECT status FROM exports WHERE id = $1`, [row.id]);
      expect(stored).toEqual({ status: 'QUEUED' });
    });
  });

  describe('the worker process without Redis', () => {
    let worker: WorkerProcess;
    let database: { name: string; url: string };
    beforeAll(async () => {
      database = await createTestDatabase();
      worker = new WorkerProcess('no-redis', await freePort(), {
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl,
        QUEUE_PREFIX: 'test-no-redis',
        DEMO_DATA: 'false',
      });
      worker.start();
    });
    afterAll(async () => {
      await worker?.kill();
      if (database) await dropTestDatabase(database.name);
    });

    it('opens its health port, answers readiness 503 naming Redis, and logs that Redis is unreachable', async () => {
      const until = Date.now() + 60_000;
      let status = 0;
      let body: any;
      while (Date.now() < until) {
        try {
          const started = Date.now();
          const res = await fetch(`http://127.0.0.1:${worker.port}/health/ready`, { signal: AbortSignal.timeout(5000) });
          status = res.status;
          body = await res.json();
          expect(Date.now() - started).toBeLessThan(3000);
          break;
        } catch (error) {
          if (!worker.running) throw new Error(`worker exited: ${worker.tail()}`, { cause: error });
          if (!(error as Error).message.match(/fetch failed/)) throw error;
          await new Promise((r) => setTimeout(r, 300));
        }
      }
      expect(status).toBe(503);
      expect(body.error.redis.status).toBe('down');
      await waitFor(() => /Redis is unreachable/.test(worker.tail(20_000)), 15_000);
      expect(worker.tail(20_000)).toMatch(/PostgreSQL is reachable/);
      // Checked every 5 s, logged once: on the change, not on every check.
      await new Promise((r) => setTimeout(r, 6000));
      expect(worker.tail(20_000).match(/Redis is unreachable/g)).toHaveLength(1);
    });

    it('stops on SIGTERM within its bound, with exit code 0', async () => {
      const exit = await worker.signal('SIGTERM', 30_000);
      expect(exit).toMatchObject({ code: 0 });
      expect(worker.tail(20_000)).toMatch(/SIGTERM received: no new work accepted/);
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
