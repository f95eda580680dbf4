import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { Database } from '@opvolging/database';
import { loadDemoData } from '@opvolging/demo';
import { DeadlineSweeper } from '@opvolging/notifications';
import { QUEUES } from '@opvolging/queue';
import { dates } from '@opvolging/shared';
import { seedDueMeasures } from '../support/fault-seed';
import { SmtpSink } from '../support/smtp-sink';
import { TestApp } from '../support/test-app';

/**
 * After a completed sweep, the next one reads only the deadlines that time moved onto a new step
 * and those of investigations whose rows changed (issue 16). Checked against the full reading:
 * after every incremental sweep, a full sweep of the same moment must find nothing more.
 */
describe('a sweep that follows what is due', () => {
  let t: TestApp;
  let sweeper: DeadlineSweeper;
  let db: Database;

  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
    db.transaction(null, ({ em }) => em.query(query, params));
  const noticeCount = async () => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM deadline_notices`))[0].n);
  /** A full sweep of the same moment: the last completed day set long ago, so every open deadline is read. */
  const fullSweep = async () => {
    await sql(`UPDATE deadline_sweep_state SET swept_through = DATE '2000-01-01'`);
    return sweeper.sweep();
  };

  beforeAll(async () => {
    t = await TestApp.start();
    sweeper = t.get(DeadlineSweeper);
    db = t.get(Database);
    await t.travel('2026-11-22T09:00:00');
    await loadDemoData(t.app);
    t.clock.set('2026-11-22T09:00:00');
    // The demo's history sweeps as of 22 October; this test starts with no completed sweep.
    await sql(`UPDATE deadline_sweep_state SET swept_through = DATE '2000-01-01'`);
  });
  afterAll(async () => t?.stop());

  it('reads every open deadline the first time, and none the same day when nothing changed', async () => {
    const first = await sweeper.sweep();
    expect(first).toMatchObject({ full: true });
    expect(first.candidates).toBeGreaterThan(0);
    expect(first.notices).toBeGreaterThan(0);
    expect(await sql(`SELECT swept_through::text AS day FROM deadline_sweep_state`)).toEqual([{ day: '2026-11-22' }]);
    expect(await sql(`SELECT * FROM deadline_changes`)).toEqual([]);

    expect(await sweeper.sweep()).toMatchObject({ full: false, candidates: 0, notices: 0 });
  });

  it('reads in a full reading exactly which of the steps due today are recorded, each for its own deadline', async () => {
    const steps = `SELECT kind, subject_id, due_date::text AS due_date, step FROM deadline_notices ORDER BY 1, 2, 3, 4`;
    const before = await sql(steps);
    // Half the notices the first sweep recorded are taken back: a full reading must record exactly those again.
    const gone = await sql<{ id: string }>(`SELECT id FROM deadline_notices ORDER BY subject_id, kind`).then((r) =>
      r.filter((_, i) => i < r.length / 2).map((n) => n.id),
    );
    // Some taken back and some kept, so the reading must tell the two apart.
    expect(gone.length).toBeGreaterThan(1);
    expect(before.length - gone.length).toBeGreaterThan(1);
    await sql(`DELETE FROM notifications WHERE notice_id = ANY($1::uuid[])`, [gone]);
    await sql(`DELETE FROM deadline_notices WHERE id = ANY($1::uuid[])`, [gone]);
    expect(await fullSweep()).toMatchObject({ full: true, notices: gone.length });
    expect(await sql(steps)).toEqual(before);
  });

  it('marks the investigation of a changed row in the change’s transaction, once per statement', async () => {
    const [measure] = await sql<{ id: string; investigation_id: string }>(
      `SELECT m.id, p.investigation_id FROM measures m JOIN improvement_plans p ON p.id = m.plan_id
        WHERE m.status IN ('PLANNED','IN_PROGRESS') AND p.status = 'ACCEPTED' ORDER BY m.due_date DESC LIMIT 1`,
    );
    // Moved to three days ago: late, with an overdue notice due today, although no step boundary brought it.
    await sql(`UPDATE measures SET due_date = $2 WHERE plan_id = (SELECT plan_id FROM measures WHERE id = $1)`, [
      measure.id,
      dates.addDays('2026-11-22', -3),
    ]);
    expect(await sql(`SELECT investigation_id FROM deadline_changes`)).toEqual([{ investigation_id: measure.investigation_id }]);

    const open = await sql<{ n: string }>(`SELECT count(*) AS n FROM open_deadlines WHERE investigation_id = $1 AND due_date <= $2::date`, [
      measure.investigation_id,
      dates.addDays('2026-11-22', 100),
    ]);
    const again = await sweeper.sweep();
    // Only that investigation's deadlines were read, and the moved measure got its notice.
    expect(again).toMatchObject({ full: false, candidates: Number(open[0].n) });
    expect(again.notices).toBeGreaterThan(0);
    expect(
      await sql(`SELECT step FROM deadline_notices WHERE subject_id = $1 AND due_date = $2`, [measure.id, dates.addDays('2026-11-22', -3)]),
    ).toEqual([{ step: 'O3' }]);
    expect(await sql(`SELECT * FROM deadline_changes`)).toEqual([]);
    expect(await fullSweep()).toMatchObject({ full: true, notices: 0 });
  });

  it('finds, day after day, across pauses and changes, exactly what a full reading finds', async () => {
    let day = '2026-11-22';
    let recorded = 0;
    const steps = [1, 1, 1, 2, 1, 1, 5, 1, 1, 1, 1, 7, 1, 3, 1, 1, 14, 1, 1];
    for (const [i, step] of steps.entries()) {
      day = dates.addDays(day, step);
      await t.travel(`${day}T09:00:00`);
      if (i % 3 === 1) {
        // Some deadlines move between two sweeps, onto dates that may or may not bring their own kind a new step.
        await sql(
          `UPDATE measures SET due_date = $1::date - (abs(hashtext(id::text)) % 40) WHERE id IN (SELECT id FROM measures
            WHERE status IN ('PLANNED','IN_PROGRESS') ORDER BY md5(id::text || $1) LIMIT 4)`,
          [day],
        );
        await sql(
          `UPDATE internal_audits SET due_date = $1::date + (abs(hashtext(id::text)) % 35) WHERE status IN ('DRAFT','REVISION_REQUESTED')`,
          [day],
        );
      }
      const before = await noticeCount();
      const incremental = await sweeper.sweep();
      expect({ day, full: incremental.full }).toEqual({ day, full: false });
      expect(await noticeCount()).toBe(before + incremental.notices);
      recorded += incremental.notices;
      // The full reading of the same moment finds nothing the incremental sweep left.
      expect({ day, missed: (await fullSweep()).notices }).toEqual({ day, missed: 0 });
    }
    // The days brought reminders and overdue steps, so the comparison had something to compare.
    expect(recorded).toBeGreaterThan(10);
  });

  it('looks up a changed deadline even on a date that brings only other kinds a new step', async () => {
    const [{ day: last }] = await sql<{ day: string }>(`SELECT swept_through::text AS day FROM deadline_sweep_state`);
    const day = dates.addDays(last, 1);
    await t.travel(`${day}T09:00:00`);
    // 30 days late is a new step for measures (their inspectors' threshold), not for plans: a plan
    // 29 days late had O28 yesterday and has O28 today. Moved there today, it has no notice yet.
    const [plan] = await sql<{ id: string }>(
      `UPDATE improvement_plans SET due_date = $1::date - 30 WHERE id = (SELECT id FROM improvement_plans
        WHERE status IN ('DRAFT','REVISION_REQUESTED') ORDER BY id LIMIT 1) RETURNING id`,
      [day],
    ).then((r) => (r as unknown as [Array<{ id: string }>, number])[0]);
    expect(await sweeper.sweep()).toMatchObject({ full: false });
    expect(
      await sql(`SELECT step FROM deadline_notices WHERE kind = 'PLAN_DUE' AND subject_id = $1 AND due_date = $2`, [
        plan.id,
        dates.addDays(day, -30),
      ]),
    ).toEqual([{ step: 'O28' }]);
  });

  it('reads everything again after the clock went back or a long pause', async () => {
    await t.travel('2026-11-30T09:00:00');
    expect(await sweeper.sweep()).toMatchObject({ full: true });
    await t.travel('2027-06-30T09:00:00');
    expect(await sweeper.sweep()).toMatchObject({ full: true });
  });
});

/**
 * A catch-up records far more mail than should wait in Redis: at most MAIL_QUEUE_LIMIT jobs wait,
 * the rest stays PENDING in PostgreSQL and is queued as the senders make room (issue 16).
 */
describe('a mail queue with a limit', () => {
  const smtp = new SmtpSink();
  let t: TestApp;

  beforeAll(async () => {
    await smtp.start();
    t = await TestApp.start({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_QUEUE_LIMIT: '100',
      MAIL_REQUEUE_SECONDS: '1',
      SWEEP_INTERVAL_SECONDS: '3600',
    });
  });
  afterAll(async () => {
    await t?.stop();
    await smtp.stop();
  });

  it('holds back what does not fit, and sends every mail once as room frees up', async () => {
    const pg = new Client({ connectionString: t.config.DATABASE_URL });
    await pg.connect();
    const seed = await seedDueMeasures(pg, { measures: 250, organisations: 5 }).finally(() => pg.end());
    await t.travel(`${seed.today}T09:00:00`);
    const sweeper = t.get(DeadlineSweeper);
    const mailQueue = t.app.get<Queue>(getQueueToken(QUEUES.notifications));
    const waiting = async () => Object.values(await mailQueue.getJobCounts('waiting', 'delayed', 'prioritized')).reduce((a, b) => a + b, 0);

    // No worker yet: the sweep records 250 notices but queues only what fits.
    expect(await sweeper.sweep()).toMatchObject({ notices: 250, notifications: 250, mailsQueued: 100 });
    expect(await waiting()).toBe(100);
    await new Promise((r) => setTimeout(r, 1100)); // MAIL_REQUEUE_SECONDS
    expect(await sweeper.topUpMail()).toBe(0); // the queue is full: nothing more goes to Redis

    await t.startWorker();
    await smtp.waitFor(100);
    let rounds = 0;
    while (smtp.mails.length < 250 && rounds++ < 60) {
      await sweeper.topUpMail();
      expect(await waiting()).toBeLessThanOrEqual(100);
      await new Promise((r) => setTimeout(r, 250));
    }
    await smtp.waitFor(250);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(250);
    expect(new Set(smtp.mails.map((m) => m.to)).size).toBe(5); // one member per organisation, 50 reminders each
  });
});

/** A part of a sweep larger than one fetch of its cursor (5,000 deadlines): every deadline is read, and noticed once. */
describe('a sweep part larger than one fetch', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start({ SWEEP_INTERVAL_SECONDS: '3600' });
  });
  afterAll(async () => t?.stop());

  it('reads all 12,000 deadlines due on one date, and a full reading after finds each recorded', async () => {
    const pg = new Client({ connectionString: t.config.DATABASE_URL });
    await pg.connect();
    const seed = await seedDueMeasures(pg, { measures: 12_000, organisations: 4 }).finally(() => pg.end());
    await t.travel(`${seed.today}T09:00:00`);
    const sweeper = t.get(DeadlineSweeper);
    expect(await sweeper.sweep()).toMatchObject({ full: true, candidates: 12_000, notices: 12_000 });
    await t.get(Database).transaction(null, ({ em }) => em.query(`UPDATE deadline_sweep_state SET swept_through = DATE '2000-01-01'`));
    expect(await sweeper.sweep()).toMatchObject({ full: true, candidates: 12_000, notices: 0 });
  });
});
