import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { DEMO_PASSWORD, demoAccounts, loadDemoData } from '@opvolging/demo';
import { TestApp } from '../support/test-app';

/** The demo scenario as `npm start` loads it, seen through the API by its demo accounts. */
describe('demo data', () => {
  let t: TestApp;
  const token = (email: string) => t.token(email);

  beforeAll(async () => {
    t = await TestApp.start();
    await t.travel('2026-11-22T09:00:00');
    await loadDemoData(t.app);
    t.clock.set('2026-11-22T09:00:00');
    for (const account of demoAccounts) await t.signIn(account.email, DEMO_PASSWORD);
  });
  afterAll(async () => t?.stop());

  const OVERVIEW = `{ investigations(orderBy: { field: TITLE, direction: ASC }) { nodes { title status daysUntilTrajectoryEnd
    plans { status overdue organisation { name } internalAudit { status dueDate overdue } verification { grades { grade } } } } } }`;

  it('holds the three cases at three stages, as the municipality reviewers see them', async () => {
    const heerlen = await t.ok(token('toezicht.heerlen@opvolging.demo'), OVERVIEW);
    expect(heerlen.investigations.nodes).toHaveLength(1);
    expect(heerlen.investigations.nodes[0].plans.map((p: any) => p.status).sort()).toEqual([
      'DRAFT',
      'DRAFT',
      'REVISION_REQUESTED',
      'SUBMITTED',
    ]);

    const groningen = (await t.ok(token('toezicht.groningen@opvolging.demo'), OVERVIEW)).investigations.nodes[0];
    expect(groningen.status).toBe('FOLLOW_UP');
    for (const plan of groningen.plans) {
      expect(plan.status).toBe('ACCEPTED');
      expect(plan.internalAudit).toMatchObject({ status: 'DRAFT', dueDate: '2026-12-05', overdue: false });
    }
    const late = await t.ok(token('inspecteur.igj@opvolging.demo'), `{ measures(filter: { overdue: true }) { totalCount } }`);
    expect(late.measures.totalCount).toBe(2);

    const hattem = (await t.ok(token('toezicht.hattem@opvolging.demo'), OVERVIEW)).investigations.nodes[0];
    expect(hattem.status).toBe('CLOSED');
    expect(hattem.plans.every((p: any) => p.status === 'CLOSED' && p.verification.grades.length >= 2)).toBe(true);
  });

  it('lets every demo account listed in the README sign in', async () => {
    for (const account of demoAccounts) {
      const me = await t.ok(token(account.email), `{ me { email role } }`);
      expect(me.me).toEqual({ email: account.email, role: account.role });
    }
  });

  it('resolves nested fields in batches: the statement count does not grow with the page size', async () => {
    const query = `query($first: Int!) { improvementPoints(first: $first) { nodes { text investigation { title municipality { name } }
      addressees { name } coordinatingOrganisation { name } finding { text }
      measures { description owner { displayName } plan { status organisation { name } internalAudit { dueDate } } points { id } } } } }`;
    const statements = async (first: number) => {
      const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
      try {
        const data = await t.ok(token('inspecteur.igj@opvolging.demo'), query, { first });
        // Data statements only: a batch is a read, whose settings travel with each statement.
        const selects = spy.mock.calls.filter((c) => /^\s*SELECT "/.test(String(c[0])));
        return { rows: data.improvementPoints.nodes.length, count: selects.length };
      } finally {
        spy.mockRestore();
      }
    };
    const [small, large] = [await statements(2), await statements(10)];
    expect([small.rows, large.rows]).toEqual([2, 10]);
    // A loader runs once per tick in which its parents resolve, so the count depends on the query's
    // shape (13 nested fields here) and may differ by a batch when parents resolve apart; a query per
    // row would add at least one statement for each of the 8 extra rows.
    expect(large.count).toBeLessThanOrEqual(14);
    expect(large.count - small.count).toBeLessThan(large.rows - small.rows);
  });
});
