import { Database } from '@opvolging/database';
import { loadDemoData } from '@opvolging/demo';
import { DeadlineSweeper } from '@opvolging/notifications';
import { dates } from '@opvolging/shared';
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

  it('finds, day after day and across a pause, exactly what a full reading finds', async () => {
    let day = '2026-11-22';
    let recorded = 0;
    for (const step of [1, 1, 1, 2, 1, 1, 5, 1, 1, 1, 1, 7, 1, 3, 1, 1, 14, 1, 1]) {
      day = dates.addDays(day, step);
      await t.travel(`${day}T09:00:00`);
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

  it('reads everything again after the clock went back or a long pause', async () => {
    await t.travel('2026-11-30T09:00:00');
    expect(await sweeper.sweep()).toMatchObject({ full: true });
    await t.travel('2027-06-30T09:00:00');
    expect(await sweeper.sweep()).toMatchObject({ full: true });
  });
});
