import { DEMO_PASSWORD, demoAccounts, loadDemoData } from '@opvolging/demo';
import { StatementCounter } from '../support/statement-counter';
import { codes, TestApp } from '../support/test-app';

/**
 * Overviews over the demo data, each figure checked against an independent count made from the
 * detailed queries (another code path: entities through DataLoaders, counted here in the test).
 */
describe('overviews', () => {
  let t: TestApp;
  const token = (email: string) => t.token(email);
  const INSPECTOR = 'inspecteur.igj@opvolging.demo';
  const byGrade = (a: any, b: any) => a.grade.localeCompare(b.grade);

  beforeAll(async () => {
    t = await TestApp.start();
    await t.travel('2026-11-22T09:00:00');
    await loadDemoData(t.app);
    t.clock.set('2026-11-22T09:00:00');
    for (const account of demoAccounts) await t.signIn(account.email, DEMO_PASSWORD);
  });
  afterAll(async () => t?.stop());

  /** The independent count: every plan of the investigations, as the inspector sees them in detail. */
  async function detail(title: string) {
    const data = await t.ok(
      token(INSPECTOR),
      `{ investigations(first: 100) { nodes { title plans { status overdue measures { status overdue } internalAudit { status ` +
        `overdue } verification { grades { grade } } } } } }`,
    );
    const inv = data.investigations.nodes.find((i: any) => i.title === title);
    const plans: any[] = inv.plans;
    const submitted = (p: any) => ['SUBMITTED', 'ACCEPTED', 'CLOSED'].includes(p.status);
    const grades: Record<string, number> = {};
    for (const p of plans) for (const g of p.verification?.grades ?? []) grades[g.grade] = (grades[g.grade] ?? 0) + 1;
    return {
      plansNotSubmitted: plans.filter((p) => p.status === 'DRAFT').length,
      plansSubmitted: plans.filter((p) => p.status === 'SUBMITTED').length,
      plansInRevision: plans.filter((p) => p.status === 'REVISION_REQUESTED').length,
      plansAccepted: plans.filter((p) => p.status === 'ACCEPTED').length,
      plansClosed: plans.filter((p) => p.status === 'CLOSED').length,
      plansOverdue: plans.filter((p) => p.overdue).length,
      measuresTotal: plans.filter(submitted).flatMap((p) => p.measures).length,
      measuresCompleted: plans
        .filter(submitted)
        .flatMap((p) => p.measures)
        .filter((m: any) => m.status === 'COMPLETED').length,
      measuresLate: plans
        .filter(submitted)
        .flatMap((p) => p.measures)
        .filter((m: any) => m.overdue).length,
      auditsOpen: plans.filter((p) => ['DRAFT', 'REVISION_REQUESTED'].includes(p.internalAudit?.status)).length,
      auditsOverdue: plans.filter((p) => p.internalAudit?.overdue).length,
      grades: Object.entries(grades)
        .map(([grade, count]) => ({ grade, count }))
        .sort(byGrade),
    };
  }
  const TOTALS =
    `plansNotSubmitted plansSubmitted plansInRevision plansAccepted plansClosed plansOverdue measuresTotal ` +
    `measuresCompleted measuresLate auditsOpen auditsOverdue grades { grade count }`;
  const withoutZeroGrades = (t: any) => ({ ...t, grades: t.grades.filter((g: any) => g.count > 0).sort(byGrade) });

  it('gives each municipality reviewer the figures of their own cases, matching an independent count', async () => {
    for (const [reviewer, title] of [
      ['toezicht.heerlen@opvolging.demo', 'Casus Heerlen 2015'],
      ['toezicht.groningen@opvolging.demo', 'Casus Groningen 2015'],
      ['toezicht.hattem@opvolging.demo', 'Casus Hattem'],
    ]) {
      const overview = await t.ok(
        token(reviewer),
        `{ municipalityOverview { municipality { name } investigations { title daysUntilTrajectoryEnd plans { organisation { name } ` +
          `planStatus measuresTotal } } totals { ${TOTALS} } } }`,
      );
      expect(overview.municipalityOverview.investigations.map((i: any) => i.title)).toEqual([title]);
      expect(withoutZeroGrades(overview.municipalityOverview.totals)).toEqual(await detail(title));
    }
    const other = await t.gql(
      token('toezicht.heerlen@opvolging.demo'),
      `query($id: ID) { municipalityOverview(municipalityId: $id) { totals { plansClosed } } }`,
      {
        id: (await t.ok(token('toezicht.hattem@opvolging.demo'), `{ me { organisation { id } } }`)).me.organisation.id,
      },
    );
    expect(codes(other)).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(token('buurtteam.heerlen@opvolging.demo'), `{ municipalityOverview { totals { plansClosed } } }`))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('shows a reviewer what changed since the last visit', async () => {
    const reviewer = token('toezicht.heerlen@opvolging.demo');
    const me = await t.ok(reviewer, `{ me { organisation { id } } }`);
    // Before the first visit every change counts, with no bookmark.
    const first = await t.ok(reviewer, `{ municipalityOverview { changesSinceLastVisit { count since entries { entityType } } } }`);
    expect(first.municipalityOverview.changesSinceLastVisit.since).toBeNull();
    expect(first.municipalityOverview.changesSinceLastVisit.count).toBeGreaterThan(0);
    expect(first.municipalityOverview.changesSinceLastVisit.entries).toHaveLength(
      Math.min(first.municipalityOverview.changesSinceLastVisit.count, 50),
    );
    const seen = await t.ok(reviewer, `mutation($id: ID!) { markOverviewSeen(subjectId: $id) }`, { id: me.me.organisation.id });
    const counter = StatementCounter.install();
    let quiet;
    try {
      quiet = await t.ok(reviewer, `{ municipalityOverview { changesSinceLastVisit { count since entries { entityType } } } }`);
    } finally {
      counter.uninstall();
    }
    expect(quiet.municipalityOverview.changesSinceLastVisit).toEqual({ count: 0, since: seen.markOverviewSeen, entries: [] });
    // The token check; then one transaction: the plans (with START and the settings), the bookmark,
    // the changes after it, the record of the read, COMMIT. (The bookmark read in the changes'
    // statement, a lateral join, saved a round trip but made the largest municipality's changes
    // statement plan 2–3× slower: docs/PERFORMANCE.md.)
    expect(counter.total).toBe(6);
    expect(counter.data.filter((s) => /overview_visits/.test(s))).toHaveLength(1);

    const plans = await t.ok(token(INSPECTOR), `{ improvementPlans(filter: { status: SUBMITTED }) { nodes { id version } } }`);
    const answer = { judgement: 'SUFFICIENT', rationale: 'Voldoende.' };
    await t.ok(token(INSPECTOR), `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status } }`, {
      input: {
        planId: plans.improvementPlans.nodes[0].id,
        expectedVersion: plans.improvementPlans.nodes[0].version,
        aimedAtShortcomings: answer,
        chanceOfSuccess: answer,
        pace: answer,
      },
    });
    const changed = await t.ok(
      reviewer,
      `{ municipalityOverview { changesSinceLastVisit { count entries { entityType operation changedFields organisation { name } } } } }`,
    );
    expect(changed.municipalityOverview.changesSinceLastVisit.entries.map((e: any) => `${e.entityType} ${e.operation}`).sort()).toEqual([
      // The audit scheduled by the acceptance is an event of the case (a due date, no content of the organisation's); only its
      // unsubmitted edits are hidden (defect 8 of issue 12, as the defects branch finally ruled).
      'improvement_plan UPDATE',
      'internal_audit INSERT',
      'plan_assessment INSERT',
    ]);
  });

  it('gives the inspectorate its portfolio, filtered, and the list of what needs action', async () => {
    const all = await t.ok(
      token(INSPECTOR),
      `{ inspectoratePortfolio { investigations { title totals { ${TOTALS} } } totals { plansClosed } nextCursor } }`,
    );
    expect(all.inspectoratePortfolio.investigations.map((i: any) => i.title)).toEqual([
      'Casus Heerlen 2015',
      'Casus Groningen 2015',
      'Casus Hattem',
    ]);
    for (const i of all.inspectoratePortfolio.investigations) expect(withoutZeroGrades(i.totals)).toEqual(await detail(i.title));
    const late = await t.ok(token(INSPECTOR), `{ inspectoratePortfolio(filter: { late: true }) { investigations { title } } }`);
    expect(late.inspectoratePortfolio.investigations.map((i: any) => i.title)).toEqual(['Casus Groningen 2015']);
    const schools = await t.ok(
      token(INSPECTOR),
      `{ inspectoratePortfolio(filter: { organisationKind: SCHOOL }) { investigations { title } } }`,
    );
    expect(schools.inspectoratePortfolio.investigations.map((i: any) => i.title)).toEqual(['Casus Groningen 2015']);
    const paged = await t.ok(token(INSPECTOR), `{ inspectoratePortfolio(first: 2) { investigations { title } nextCursor } }`);
    const rest = await t.ok(
      token(INSPECTOR),
      `query($after: String) { inspectoratePortfolio(first: 2, after: $after) { investigations { title } nextCursor } }`,
      { after: paged.inspectoratePortfolio.nextCursor },
    );
    expect(rest.inspectoratePortfolio).toEqual({ investigations: [{ title: 'Casus Hattem' }], nextCursor: null });

    const actions = await t.ok(token(INSPECTOR), `{ actionsNeeded { kind investigationTitle organisationName reason } }`);
    // After the previous test's assessment, the Groningen audits are the next things to watch; nothing waits for the inspector yet.
    expect(actions.actionsNeeded).toEqual([]);
    expect(codes(await t.gql(token('toezicht.heerlen@opvolging.demo'), `{ actionsNeeded { kind } }`))).toEqual(['FORBIDDEN']);
  });

  it('shows an organisation its own plans, drafts included', async () => {
    const own = await t.ok(
      token('jeugdhulp.groningen@opvolging.demo'),
      `{ organisationOverview { title plans { organisation { name } measuresTotal measuresLate planStatus } } }`,
    );
    expect(own.organisationOverview).toEqual([
      {
        title: 'Casus Groningen 2015',
        plans: [{ organisation: { name: 'Jeugdhulp Groningen' }, measuresTotal: 2, measuresLate: 2, planStatus: 'ACCEPTED' }],
      },
    ]);
    // The plan row carries its organisation; the organisation's own fields resolve as anywhere else.
    const nested = await t.ok(
      token('jeugdhulp.groningen@opvolging.demo'),
      `{ organisationOverview { plans { organisation { id name kind version municipality { name } } } } }`,
    );
    const direct = await t.ok(
      token('jeugdhulp.groningen@opvolging.demo'),
      `{ me { organisation { id name kind version municipality { name } } } }`,
    );
    expect(nested.organisationOverview[0].plans[0].organisation).toEqual(direct.me.organisation);
    expect(direct.me.organisation.municipality).not.toBeNull();
    const draft = await t.ok(token('buurtteam.heerlen@opvolging.demo'), `{ organisationOverview { plans { planStatus measuresTotal } } }`);
    expect(draft.organisationOverview[0].plans).toEqual([{ planStatus: 'DRAFT', measuresTotal: 1 }]);
  });

  it('counts findings, points and grades per theme across cases, matching an independent count', async () => {
    const themes = await t.ok(
      token('toezicht.groningen@opvolging.demo'),
      `{ themeOverview { theme investigations findings points firstYear lastYear grades { grade count } } }`,
    );
    const detailData = await t.ok(
      token(INSPECTOR),
      `{ investigations(first: 100) { nodes { title findings { themes } improvementPoints { id themes } plans { verification { ` +
        `grades { grade point { id } } } } } } }`,
    );
    for (const row of themes.themeOverview) {
      const invs = detailData.investigations.nodes;
      const findings = invs.flatMap((i: any) => i.findings).filter((f: any) => f.themes.includes(row.theme)).length;
      const pointIds = new Set(
        invs
          .flatMap((i: any) => i.improvementPoints)
          .filter((p: any) => p.themes.includes(row.theme))
          .map((p: any) => p.id),
      );
      const graded = invs
        .flatMap((i: any) => i.plans)
        .flatMap((p: any) => p.verification?.grades ?? [])
        .filter((g: any) => pointIds.has(g.point.id));
      const withTheme = invs.filter(
        (i: any) =>
          i.findings.some((f: any) => f.themes.includes(row.theme)) || i.improvementPoints.some((p: any) => p.themes.includes(row.theme)),
      ).length;
      expect({
        theme: row.theme,
        findings: row.findings,
        points: row.points,
        graded: row.grades.reduce((n: number, g: any) => n + g.count, 0),
      }).toEqual({ theme: row.theme, findings, points: pointIds.size, graded: graded.length });
      expect(row.investigations).toBe(withTheme);
    }
  });

  it('gives a monthly series of points open versus implemented', async () => {
    const series = await t.ok(
      token('toezicht.hattem@opvolging.demo'),
      `{ municipalityProgressSeries(months: 16) { month points implemented noLongerRelevant open } }`,
    );
    const rows = series.municipalityProgressSeries;
    expect(rows).toHaveLength(16);
    expect(rows[rows.length - 1]).toEqual({ month: '2026-11', points: 3, implemented: 3, noLongerRelevant: 0, open: 0 });
    expect(rows[0]).toEqual({ month: '2025-08', points: 0, implemented: 0, noLongerRelevant: 0, open: 0 }); // published 22 October 2025
    expect(rows.find((r: any) => r.month === '2025-12')).toEqual({
      month: '2025-12',
      points: 3,
      implemented: 0,
      noLongerRelevant: 0,
      open: 3,
    });
  });
});
