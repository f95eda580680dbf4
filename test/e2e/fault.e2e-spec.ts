import { randomBytes } from 'crypto';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { DeadlineKind, noticeDue, resolvePolicy } from '@opvolging/deadlines';
import { DeadlineUnit } from '@opvolging/shared';
import { Queue } from 'bullmq';
import { JOBS } from '@opvolging/notifications';
import { QUEUES } from '@opvolging/queue';
import { seedDueMeasures, seedEventNotifications } from '../support/fault-seed';
import { SmtpSink } from '../support/smtp-sink';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';
import { freePort, WorkerExit, WorkerProcess } from '../support/worker-process';

/**
 * A fault test, bounded and on loopback only: thousands of reminders come due at once; the worker
 * sending them is killed with SIGKILL mid-run, Redis loses everything it held (FLUSHDB, the sweep's
 * job scheduler included), and two fresh workers take over together. PostgreSQL is the source of
 * truth, so afterwards every due reminder was recorded once and mailed; mail is at-least-once, so
 * only a mail in flight at the kill may arrive twice.
 */
const MEASURES = 3000;
const ORGANISATIONS = 6;
/** A Redis logical database of its own, so flushing it cannot touch anything else. */
const REDIS_URL = 'redis://127.0.0.1:6379/13';
const KILL_AFTER_MAILS = 200;
/** Event notifications (a plan assessed) per organisation, recorded as a step's transaction records them. */
const EVENTS_PER_ORGANISATION = 100;

jest.setTimeout(240_000);

describe('fault: SIGKILL mid-run, Redis flushed, two workers at once', () => {
  const smtp = new SmtpSink();
  const smtpErrors: string[] = [];
  const workers: WorkerProcess[] = [];
  const queuePrefix = `fault-${randomBytes(4).toString('hex')}`;
  let database: { name: string; url: string } | undefined;
  let pg: Client | undefined;
  let redis: Redis | undefined;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await pg!.query(sql, params)).rows[0].count);
  const statuses = async (): Promise<Record<string, number>> =>
    Object.fromEntries(
      (await pg!.query(`SELECT email_status, count(*)::int AS n FROM notifications GROUP BY 1`)).rows.map((r) => [r.email_status, r.n]),
    );
  const workerEnv = (): Record<string, string> => ({
    NODE_ENV: 'test',
    DATABASE_URL: database!.url,
    REDIS_URL,
    QUEUE_PREFIX: queuePrefix,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    SWEEP_INTERVAL_SECONDS: '10',
    MAIL_RECOVERY_SECONDS: '5',
    MAIL_REQUEUE_SECONDS: '3',
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
  });
  const startWorker = async (name: string): Promise<WorkerProcess> => {
    const worker = new WorkerProcess(name, await freePort(), workerEnv());
    workers.push(worker);
    worker.start();
    return worker;
  };
  const waitFor = async (what: string, condition: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 250): Promise<number> => {
    const started = Date.now();
    for (;;) {
      if (await condition()) return Date.now() - started;
      if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, everyMs));
    }
  };
  /** `<notificationId@opvolging>` → notificationId */
  const notificationIdOf = (messageId: string) => messageId.replace(/^<|@opvolging>$/g, '');

  beforeAll(async () => {
    database = await createTestDatabase();
    pg = new Client({ connectionString: database.url });
    await pg.connect();
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    await redis.flushdb();
    await smtp.start();
    // A client killed in the middle of an SMTP transaction resets its connection; the sink's server
    // reports that as an 'error' event, which must not take the test process down.
    (smtp as unknown as { server: SMTPServer }).server.on('error', (error) => smtpErrors.push(error.message));
  });

  afterAll(async () => {
    for (const worker of workers) {
      if (worker.running) await worker.kill().catch(() => undefined);
    }
    await smtp.stop().catch(() => undefined);
    await pg?.end().catch(() => undefined);
    if (database) await dropTestDatabase(database.name).catch(() => undefined);
    if (redis) {
      await redis.flushdb().catch(() => undefined);
      redis.disconnect();
    }
  });

  it(
    'sends every due reminder and every event notification exactly once (mail at least once, duplicates only for mail in flight at the ' +
      'kill)',
    async () => {
      // ---- Seed (set-based): ~3,000 measures due in 5 days, so each gets its R14 reminder today.
      const seed = await seedDueMeasures(pg!, { measures: MEASURES, organisations: ORGANISATIONS });
      const { today } = seed;
      // ---- Event notifications committed by the API: half had their mail job enqueued after commit
      // (and lose it with Redis), half lost the enqueue itself (the API died right after COMMIT).
      const eventIds = await seedEventNotifications(pg!, seed, EVENTS_PER_ORGANISATION);
      expect(eventIds).toHaveLength(EVENTS_PER_ORGANISATION * ORGANISATIONS);
      const producer = new Queue(QUEUES.notifications, { connection: { host: '127.0.0.1', port: 6379, db: 13 }, prefix: queuePrefix });
      await producer.addBulk(
        eventIds.slice(0, eventIds.length / 2).map((id) => ({
          name: JOBS.mail,
          data: { notificationId: id },
          opts: {
            jobId: `mail-${id}`,
            attempts: 8,
            backoff: { type: 'exponential', delay: 15_000 },
            removeOnComplete: true,
            removeOnFail: true,
          },
        })),
      );
      await producer.close();

      // What is due today, by the product's own rule, independently of any worker.
      const open: Array<{ kind: DeadlineKind; due_date: string; deadline_unit: DeadlineUnit; reminder_policy: Record<string, unknown> }> = (
        await pg!.query(
          `SELECT d.kind, d.due_date::text AS due_date, i.deadline_unit, i.reminder_policy FROM open_deadlines d JOIN investigations i ` +
            `ON i.id = d.investigation_id`,
        )
      ).rows;
      const due = open
        .map((d) => ({
          kind: d.kind,
          notice: noticeDue(d.kind, d.due_date, today, d.deadline_unit, resolvePolicy(d.reminder_policy)[d.kind]),
        }))
        .filter((d) => d.notice !== null);
      const dueDeadlines = due.length;
      expect(dueDeadlines).toBe(MEASURES);
      expect(due.every((d) => d.kind === DeadlineKind.MEASURE_DUE && d.notice!.step === 'R14')).toBe(true);

      // ---- Worker A: runs until some of the mail is out, then SIGKILL.
      const a = await startWorker('A');
      await a.waitReady();
      const aReadyAt = Date.now();
      await waitFor(`${KILL_AFTER_MAILS} mails from worker A`, () => smtp.mails.length >= KILL_AFTER_MAILS || !a.running, 90_000, 10);
      expect(a.running).toBe(true);
      const aRanMs = Date.now() - aReadyAt;
      const killed = await a.signal('SIGKILL', 10_000);
      expect(killed?.signal).toBe('SIGKILL');
      const mailsAtKill = smtp.mails.length;
      const atKill = await statuses();
      const inFlight = atKill.SENDING ?? 0;
      const noticesAtKill = await count(`SELECT count(*) FROM deadline_notices`);
      expect(mailsAtKill).toBeLessThan(dueDeadlines); // killed mid-run, not after the fact

      // ---- Redis loses everything BullMQ held, the job scheduler of the sweep included.
      await redis!.flushdb();
      expect(await redis!.dbsize()).toBe(0);

      // ---- Workers B and C at once.
      const [b, c] = await Promise.all([startWorker('B'), startWorker('C')]);
      await Promise.all([b.waitReady(), c.waitReady()]);
      const readyAt = Date.now();
      let firstMailMs: number | undefined;
      const watchFirst = setInterval(() => {
        if (firstMailMs === undefined && smtp.mails.length > mailsAtKill) firstMailMs = Date.now() - readyAt;
      }, 20);
      const recoveredIn = await waitFor(
        'every notification SENT and its mail at the sink',
        async () => {
          if (!b.running || !c.running)
            throw new Error(`a worker died: B ${JSON.stringify(b.exit)} C ${JSON.stringify(c.exit)}\n${b.tail()}\n${c.tail()}`);
          const [{ total, sent }] = (
            await pg!.query(`SELECT count(*)::int AS total, count(*) FILTER (WHERE email_status = 'SENT')::int AS sent FROM notifications`)
          ).rows;
          if (total < dueDeadlines + eventIds.length || sent < total) return false;
          const arrived = new Set(smtp.mails.map((m) => notificationIdOf(m.messageId)));
          const ids: string[] = (await pg!.query(`SELECT id FROM notifications`)).rows.map((r) => r.id);
          return ids.every((id) => arrived.has(id));
        },
        150_000,
        500,
      )
        .catch(async (error) => {
          throw new Error(
            `${(error as Error).message}; statuses ${JSON.stringify(await statuses())}, mails ` +
              `${smtp.mails.length}\nB:\n${b.tail()}\nC:\n${c.tail()}`,
          );
        })
        .finally(() => clearInterval(watchFirst));

      // ---- Orderly stop: SIGTERM, each must exit cleanly (code 0, or the SIGTERM Nest re-raises after closing).
      const [bExit, cExit] = await Promise.all([b.signal('SIGTERM', 15_000), c.signal('SIGTERM', 15_000)]);
      const describeExit = (e: WorkerExit | undefined) => (e ? (e.code !== null ? String(e.code) : e.signal!) + `(${e.ms}ms)` : 'timeout');
      await new Promise((r) => setTimeout(r, 500)); // the sink parses asynchronously

      // ---- Counts.
      const notices = await count(`SELECT count(*) FROM deadline_notices`);
      const distinctNotices = await count(
        `SELECT count(*) FROM (SELECT DISTINCT kind, subject_id, due_date, step FROM deadline_notices) x`,
      );
      const notifications = await count(`SELECT count(*) FROM notifications`);
      const noticesWithOneNotification = await count(
        `SELECT count(*) FROM deadline_notices d WHERE (SELECT count(*) FROM notifications n WHERE n.notice_id = d.id) = 1`,
      );
      const toOwner = await count(
        `SELECT count(*) FROM notifications n JOIN deadline_notices d ON d.id = n.notice_id JOIN measures m ON m.id = d.subject_id
        WHERE d.kind = 'MEASURE_DUE' AND d.step = 'R14' AND n.user_id = m.owner_id`,
      );
      const events = await count(`SELECT count(*) FROM notifications WHERE event_id IS NOT NULL`);
      const distinctEvents = await count(
        `SELECT count(*) FROM (SELECT DISTINCT event_id, user_id FROM notifications WHERE event_id IS NOT NULL) x`,
      );
      const final = await statuses();
      const ids: string[] = (await pg!.query(`SELECT id FROM notifications`)).rows.map((r) => r.id);
      const perMessage = new Map<string, number>();
      for (const mail of smtp.mails) perMessage.set(mail.messageId, (perMessage.get(mail.messageId) ?? 0) + 1);
      const mails = smtp.mails.length;
      const distinct = perMessage.size;
      const duplicates = mails - distinct;
      const known = new Set(ids);
      const strangers = [...perMessage.keys()].filter((m) => !known.has(notificationIdOf(m)));
      const missing = ids.filter((id) => !perMessage.has(`<${id}@opvolging>`));

      console.log(
        `fault test: deadlines=${dueDeadlines} notices=${notices} events=${events} notifications=${notifications} mails=${mails} ` +
          `distinct=${distinct} duplicates=${duplicates} ` +
          `(in flight at SIGKILL: ${inFlight}) workers B,C exit=${describeExit(bExit)},${describeExit(cExit)}\n` +
          `  A ran ${aRanMs} ms; at SIGKILL: mails=${mailsAtKill} notices=${noticesAtKill} statuses=${JSON.stringify(atKill)}; after: ` +
          `statuses=${JSON.stringify(final)}; ` +
          `B and C ready: first new mail after ${firstMailMs} ms, all sent after ${recoveredIn} ms; smtp connection errors ` +
          `seen=${smtpErrors.length}`,
      );

      expect(notices).toBe(dueDeadlines);
      expect(distinctNotices).toBe(notices);
      expect(notifications).toBe(notices + eventIds.length);
      expect(events).toBe(eventIds.length);
      expect(distinctEvents).toBe(events);
      expect(noticesWithOneNotification).toBe(notices);
      expect(toOwner).toBe(notices);
      expect(final).toEqual({ SENT: notifications });
      expect(missing).toEqual([]);
      expect(strangers).toEqual([]);
      expect(duplicates).toBeLessThanOrEqual(inFlight);
      for (const e of [bExit, cExit]) {
        expect(e).toBeDefined();
        expect(e!.code === 0 || (e!.code === null && e!.signal === 'SIGTERM')).toBe(true);
      }
    },
  );
});
