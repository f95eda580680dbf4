import { Database } from '@opvolging/database';
import { DEMO_PASSWORD, demoAccounts, loadDemoData } from '@opvolging/demo';
import { DeadlineSweeper } from '@opvolging/notifications';
import { TestApp } from '../support/test-app';

/**
 * Every kind of deadline reaches the right people at the right time, walked through the demo
 * scenario's three cases (loaded as on 22 November 2026).
 */
describe('each kind of deadline', () => {
  let t: TestApp;
  let sweeper: DeadlineSweeper;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.travel('2026-11-22T09:00:00');
    await loadDemoData(t.app);
    t.clock.set('2026-11-22T09:00:00');
    for (const account of demoAccounts) await t.signIn(account.email, DEMO_PASSWORD);
    sweeper = t.get(DeadlineSweeper);
  });
  afterAll(async () => t?.stop());

  /** Sweeps at a moment; returns "KIND STEP → recipient (escalated)" for what that sweep recorded. */
  async function sweep(when: string): Promise<string[]> {
    const db = t.get(Database);
    const before: Array<{ id: string }> = await db.transaction(null, ({ em }) => em.query(`SELECT id FROM notifications`));
    await t.travel(when);
    await sweeper.sweep();
    const rows: Array<{ line: string }> = await db.transaction(null, ({ em }) =>
      em.query(
        `SELECT n.kind || ' ' || d.step || ' → ' || u.email || CASE WHEN (n.params->>'escalated')::boolean THEN ' (escalated)' ELSE
        '' END AS line
           FROM notifications n JOIN deadline_notices d ON d.id = n.notice_id JOIN users u ON u.id = n.user_id
          WHERE NOT (n.id = ANY($1)) ORDER BY 1`,
        [before.map((r) => r.id)],
      ),
    );
    return rows.map((r) => r.line);
  }

  it('reminds before audits fall due and escalates measures that are months late', async () => {
    expect(await sweep('2026-11-22T09:00:00')).toEqual([
      'AUDIT_DUE R30 → jeugdhulp.groningen@opvolging.demo',
      'AUDIT_DUE R30 → school.groningen@opvolging.demo',
      'AUDIT_DUE R30 → wijkteam.groningen@opvolging.demo',
      'MEASURE_DUE O112 → inspecteur.igj@opvolging.demo (escalated)',
      'MEASURE_DUE O112 → jeugdhulp.groningen@opvolging.demo',
      'MEASURE_DUE O56 → inspecteur.igj@opvolging.demo (escalated)',
      'MEASURE_DUE O56 → jeugdhulp.groningen@opvolging.demo',
    ]);
  });

  it('reminds the inspector of an assessment, and organisations of plans and audits', async () => {
    expect(await sweep('2026-12-03T09:00:00')).toEqual([
      'ASSESSMENT_DUE R7 → inspecteur.igj@opvolging.demo',
      'AUDIT_DUE R7 → jeugdhulp.groningen@opvolging.demo',
      'AUDIT_DUE R7 → school.groningen@opvolging.demo',
      'AUDIT_DUE R7 → wijkteam.groningen@opvolging.demo',
      'PLAN_DUE R14 → buurtteam.heerlen@opvolging.demo',
      'PLAN_DUE R14 → gemeente.heerlen@opvolging.demo',
      'PLAN_DUE R14 → jgz.zl@opvolging.demo',
    ]);
  });

  it('moves the audit deadline with a late acceptance: six months after the acceptance, not after the due date', async () => {
    await t.travel('2026-12-20T10:00:00');
    const inspector = t.token('inspecteur.igj@opvolging.demo');
    const plans = await t.ok(
      inspector,
      `{ improvementPlans(filter: { status: SUBMITTED }) { nodes { id version assessmentDueDate assessmentOverdue organisation { ` +
        `name } } } }`,
    );
    const plan = plans.improvementPlans.nodes[0];
    expect(plan).toMatchObject({
      assessmentDueDate: '2026-12-10',
      assessmentOverdue: true,
      organisation: { name: 'Veilig Thuis Zuid-Limburg' },
    });
    const answer = { judgement: 'SUFFICIENT', rationale: 'Voldoende.' };
    await t.ok(inspector, `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status } }`, {
      input: { planId: plan.id, expectedVersion: plan.version, aimedAtShortcomings: answer, chanceOfSuccess: answer, pace: answer },
    });
    const deadlines = await t.ok(t.token('veiligthuis.zl@opvolging.demo'), `{ deadlines { nodes { kind dueDate } } }`);
    expect(deadlines.deadlines.nodes).toEqual([
      { kind: 'MEASURE_DUE', dueDate: '2027-02-05' },
      { kind: 'MEASURE_DUE', dueDate: '2027-03-07' },
      { kind: 'AUDIT_DUE', dueDate: '2027-06-20' },
    ]);
  });

  it('asks the inspectors to review open items 30 days before the trajectory ends, and keeps escalating what is late', async () => {
    const lines = await sweep('2027-03-11T09:00:00');
    expect(lines).toContain('TRAJECTORY_END R30 → inspecteur.igj@opvolging.demo');
    expect(lines.filter((l) => l.startsWith('TRAJECTORY_END'))).toHaveLength(1); // Groningen ends 10 April; Heerlen in November
    expect(lines.filter((l) => l.startsWith('ASSESSMENT_DUE'))).toEqual([]); // assessed, so no longer a deadline
    // Veilig Thuis' measures: one 34 days late (organisation and inspector told), one 4 days late (owner and organisation).
    expect(lines).toContain('MEASURE_DUE O30 → inspecteur.igj@opvolging.demo (escalated)');
    expect(lines.filter((l) => l.includes('veiligthuis.zl'))).toEqual([
      'MEASURE_DUE O3 → veiligthuis.zl@opvolging.demo',
      'MEASURE_DUE O30 → veiligthuis.zl@opvolging.demo',
    ]);
  });
});
