import { Client } from 'pg';
import request from 'supertest';
import { Database } from '@opvolging/database';
import { DeadlineSweeper } from '@opvolging/notifications';
import { caseFlow, VERIFY } from '../support/case-flow';
import { createWorld, PASSWORD, publishedCase } from '../support/fixtures';
import { codes, fieldPaths, TestApp } from '../support/test-app';

/** The defects a new user found going through a whole case (issue 12), each by its number. */
describe('defects of issue 12', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t?.stop());

  describe('2: no deadline outlives the step, plan or investigation it belongs to', () => {
    it('walks every deadline kind through every terminal state', async () => {
      const flow = caseFlow(t);
      const c = await publishedCase(t, w);
      const planA = c.planOf(w.orgs.buurtteam).id;
      const planB = c.planOf(w.orgs.veiligThuis).id;
      const A = w.buurtteamMember;
      const B = w.veiligThuisMember;
      const done = await flow.addMeasure(A.token, planA, A.id, [c.points.buurtteam]);
      const cancelled = await flow.addMeasure(A.token, planA, A.id, [c.points.collective]);
      const open = await flow.addMeasure(A.token, planA, A.id, [c.points.collective, c.points.buurtteam]);
      const measureB = await flow.addMeasure(B.token, planB, B.id, [c.points.collective, c.points.veiligThuis]);
      const auditOf = async (planId: string) => (await flow.plan(w.inspector.token, planId)).internalAudit?.id as string;
      const names = new Map<string, string>([
        [planA, 'plan A'],
        [planB, 'plan B'],
        [done.id, 'done'],
        [cancelled.id, 'cancelled'],
        [open.id, 'open'],
        [measureB.id, 'measure B'],
        [c.id, 'investigation'],
      ]);

      /** The open deadlines as each audience sees them: the same for the inspector, the reviewer and (own ones) each organisation. */
      const openDeadlines = async () => {
        const query = `{ deadlines(first: 100) { nodes { kind id } } }`;
        const seen = async (token: string) =>
          ((await t.ok(token, query)).deadlines.nodes as Array<{ kind: string; id: string }>)
            .map((d) => `${d.kind} ${names.get(d.id) ?? d.id}`)
            .sort();
        const inspector = await seen(w.inspector.token);
        expect(await seen(w.reviewer.token)).toEqual(inspector);
        expect([...(await seen(A.token)), ...(await seen(B.token))].sort()).toEqual(
          inspector.filter((d) => !d.startsWith('TRAJECTORY_END')),
        );
        return inspector;
      };

      expect(await openDeadlines()).toEqual(['PLAN_DUE plan A', 'PLAN_DUE plan B', 'TRAJECTORY_END investigation']);
      await flow.submit(A.token, planA);
      await flow.submit(B.token, planB);
      expect(await openDeadlines()).toEqual(['ASSESSMENT_DUE plan A', 'ASSESSMENT_DUE plan B', 'TRAJECTORY_END investigation']);
      await t.travel('2026-03-20T10:00:00');
      await flow.assess(w.inspector.token, planA);
      await flow.assess(w.inspector.token, planB);
      const auditA = await auditOf(planA);
      const auditB = await auditOf(planB);
      names.set(auditA, 'audit A').set(auditB, 'audit B');
      expect(await openDeadlines()).toEqual([
        'AUDIT_DUE audit A',
        'AUDIT_DUE audit B',
        'MEASURE_DUE cancelled',
        'MEASURE_DUE done',
        'MEASURE_DUE measure B',
        'MEASURE_DUE open',
        'TRAJECTORY_END investigation',
      ]);
      await flow.complete(A.token, done, planA);
      await flow.cancel(A.token, cancelled, planA);
      expect(await openDeadlines()).toEqual([
        'AUDIT_DUE audit A',
        'AUDIT_DUE audit B',
        'MEASURE_DUE measure B',
        'MEASURE_DUE open',
        'TRAJECTORY_END investigation',
      ]);

      // Plan A's audit is sent back, and the inspectorate verifies itself instead of waiting: the plan closes.
      await flow.submitAudit(A.token, planA);
      await flow.judgeAudit(w.inspector.token, planA, 'INSUFFICIENT');
      await t.travel('2026-10-15T10:00:00'); // both audits (due 21 September) are late now
      expect(await openDeadlines()).toContain('AUDIT_DUE audit A');
      await t.ok(w.inspector.token, VERIFY, {
        input: await flow.verifyInput(w.inspector.token, planA, [c.points.collective, c.points.buurtteam], '2026-10-15'),
      });
      expect(await openDeadlines()).toEqual(['AUDIT_DUE audit B', 'MEASURE_DUE measure B', 'TRAJECTORY_END investigation']);
      const closedPlan = await t.ok(
        A.token,
        `query($id: ID!) { improvementPlan(id: $id) { status internalAudit { status deadline { kind } overdue } } }`,
        { id: planA },
      );
      expect(closedPlan.improvementPlan).toEqual({
        status: 'CLOSED',
        internalAudit: { status: 'REVISION_REQUESTED', deadline: null, overdue: false },
      });
      const overview = await t.ok(
        w.reviewer.token,
        `{ municipalityOverview { totals { auditsOpen auditsOverdue } investigations { plans { planId auditOverdue } } } }`,
      );
      expect(overview.municipalityOverview.totals).toEqual({ auditsOpen: 1, auditsOverdue: 1 }); // plan B's only
      expect(overview.municipalityOverview.investigations[0].plans).toEqual(
        expect.arrayContaining([
          { planId: planA, auditOverdue: false },
          { planId: planB, auditOverdue: true },
        ]),
      );
      const late = await t.ok(w.reviewer.token, `{ improvementPlans(filter: { overdue: true }) { nodes { id } } }`);
      expect(late.improvementPlans.nodes.map((p: { id: string }) => p.id)).not.toContain(planA);
      const actions = await t.ok(w.inspector.token, `{ actionsNeeded { kind subjectId } }`);
      expect(actions.actionsNeeded.filter((a: { subjectId: string }) => a.subjectId === auditA)).toEqual([]);
      const extension = await t.gql(A.token, `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id } }`, {
        input: { kind: 'AUDIT_DUE', subjectId: auditA, requestedDueDate: '2026-12-01', reason: 'Meer tijd.' },
      });
      expect(codes(extension)).toEqual(['NOT_FOUND']);
      // No reminder or escalation about the closed plan's audit.
      await t.get(DeadlineSweeper).sweep();
      const notices = async () =>
        (
          (await t.get(Database).transaction(null, ({ em }) => em.query(`SELECT kind, subject_id FROM deadline_notices`))) as Array<{
            kind: string;
            subject_id: string;
          }>
        ).map((n) => `${n.kind} ${names.get(n.subject_id) ?? n.subject_id}`);
      expect(await notices()).not.toContain('AUDIT_DUE audit A');
      expect(await notices()).toContain('AUDIT_DUE audit B');

      // Plan B through a sufficient audit, then the investigation closes: nothing is left open.
      await flow.submitAudit(B.token, planB);
      await flow.judgeAudit(w.inspector.token, planB, 'SUFFICIENT');
      await t.ok(w.inspector.token, VERIFY, {
        input: await flow.verifyInput(w.inspector.token, planB, [c.points.collective, c.points.veiligThuis], '2026-10-15'),
      });
      expect(await openDeadlines()).toEqual(['TRAJECTORY_END investigation']);
      await flow.closeInvestigation(w.inspector.token, c.id);
      expect(await openDeadlines()).toEqual([]);
      const before = (await notices()).length;
      await t.travel('2027-03-10T10:00:00');
      await t.get(DeadlineSweeper).sweep();
      expect((await notices()).length).toBe(before);
    });
  });

  describe('13: a hand-made page cursor is bad input, for every paginated list', () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const lists: Array<[string, () => string]> = [
      ['deadlines', () => w.inspector.token],
      ['investigations', () => w.inspector.token],
      ['improvementPoints', () => w.inspector.token],
      ['improvementPlans', () => w.inspector.token],
      ['measures', () => w.inspector.token],
      ['organisations', () => w.admin],
      ['users', () => w.admin],
      ['extensionRequests', () => w.inspector.token],
      ['myNotifications', () => w.inspector.token],
    ];
    const bad = [
      cursor(['x', 'y']),
      cursor(['2026-03-02', 'y']),
      cursor(['2026-03-02 09:00:00+01', 'not-a-uuid']),
      cursor(['\u0000', '00000000-0000-4000-8000-000000000000']),
      cursor([1, 2]),
      'not base64 at all!',
    ];
    const uuid = '00000000-0000-4000-8000-000000000000';
    // Values that do not cast to the sort's type: deadlines sort by a date, extension requests by a timestamp.
    const badFor: Record<string, string[]> = {
      deadlines: [cursor(['2026-02-30', uuid]), cursor(['x', uuid])],
      extensionRequests: [cursor(['2026-03-02 25:00:00+01', uuid]), cursor(['x', uuid])],
    };
    it.each(lists)('%s', async (list, token) => {
      for (const after of [...bad, ...(badFor[list] ?? [])]) {
        const res = await t.gql(token(), `query($after: String) { ${list}(after: $after) { totalCount } }`, { after });
        expect({ after, codes: codes(res) }).toEqual({ after, codes: ['BAD_USER_INPUT'] });
        expect(res.errors![0].extensions.fields).toEqual([{ path: 'after', message: 'unknown cursor' }]);
      }
      // A cursor the API gave out still works.
      const first = await t.ok(token(), `{ ${list}(first: 1) { pageInfo { endCursor } } }`);
      const endCursor = first[list].pageInfo.endCursor;
      if (endCursor) await t.ok(token(), `query($after: String) { ${list}(first: 1, after: $after) { totalCount } }`, { after: endCursor });
    });
  });

  describe('14: an operation type the schema lacks is a request error', () => {
    it('answers subscription { me { id } } with GRAPHQL_VALIDATION_FAILED', async () => {
      for (const token of [w.inspector.token, null]) {
        const res = await t.gql(token, `subscription { me { id } }`);
        expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
        expect(res.errors![0].message).toBe('This API has no subscriptions; send a query or a mutation.');
      }
    });
  });

  describe('5: the answer to signIn resolves as the user who just signed in', () => {
    it('answers signIn { user { organisation { name } } }, and only within that field', async () => {
      const res = await t.gql(
        null,
        `mutation($input: SignInInput!) { session: signIn(input: $input) { accessToken user { email organisation { name } } } }`,
        { input: { email: w.buurtteamMember.email, password: PASSWORD } },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data.session.user).toEqual({ email: w.buurtteamMember.email, organisation: { name: 'Sociaal Buurtteam Heerlen' } });
      // The new session does not sign in the rest of the request.
      const rest = await t.gql(null, `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } signOutEverywhere }`, {
        input: { email: w.buurtteamMember.email, password: PASSWORD },
      });
      expect(codes(rest)).toEqual(['UNAUTHENTICATED']);
      expect(rest.errors![0].path).toEqual(['signOutEverywhere']);
      await t.signIn(w.buurtteamMember.email, PASSWORD);
    });
  });

  describe('4: a publication date lies in a window around today', () => {
    it('refuses 2999-12-31 and dates more than a year back or 90 days ahead; accepts the bounds', async () => {
      await t.travel('2026-03-02T10:00:00');
      const inv = await t.ok(
        w.inspector.token,
        `mutation($input: CreateInvestigationInput!) { createInvestigation(input: $input) { id } }`,
        {
          input: { title: 'Casus Hattem 2019', municipalityId: w.orgs.heerlen, involvedOrganisationIds: [w.orgs.buurtteam] },
        },
      );
      const id = inv.createInvestigation.id;
      await t.ok(w.inspector.token, `mutation($input: AddFindingInput!) { addFinding(input: $input) { id } }`, {
        input: { investigationId: id, text: 'Signalen werden niet gedeeld.' },
      });
      await t.ok(w.inspector.token, `mutation($input: AddImprovementPointInput!) { addImprovementPoint(input: $input) { id } }`, {
        input: { investigationId: id, text: 'Deel signalen.', addresseeIds: [w.orgs.buurtteam] },
      });
      const publish = async (publicationDate: string) => {
        const current = await t.ok(w.inspector.token, `query($id: ID!) { investigation(id: $id) { version } }`, { id });
        return t.gql(
          w.inspector.token,
          `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { publicationDate trajectoryEndDate } }`,
          { input: { id, expectedVersion: current.investigation.version, publicationDate } },
        );
      };
      for (const date of ['2999-12-31', '2026-06-01', '2025-03-01']) {
        const res = await publish(date);
        expect({ date, codes: codes(res) }).toEqual({ date, codes: ['BAD_USER_INPUT'] });
        expect(fieldPaths(res)).toEqual(['input.publicationDate']);
      }
      const ok = await publish('2026-05-31'); // today + 90 days
      expect(ok.errors).toBeUndefined();
      expect(ok.data.publishInvestigation).toEqual({ publicationDate: '2026-05-31', trajectoryEndDate: '2027-05-31' });
    });
  });

  describe('3: a verification is dated in the order of the process', () => {
    it('refuses a date before the publication or before the audit was judged, and one in the future', async () => {
      await t.travel('2026-03-02T10:00:00');
      const flow = caseFlow(t);
      const c = await publishedCase(t, w);
      const planB = c.planOf(w.orgs.veiligThuis).id;
      const B = w.veiligThuisMember;
      await flow.addMeasure(B.token, planB, B.id, [c.points.collective, c.points.veiligThuis]);
      await flow.submit(B.token, planB);
      await t.travel('2026-03-20T10:00:00');
      await flow.assess(w.inspector.token, planB);
      await flow.submitAudit(B.token, planB);
      await t.travel('2026-04-10T10:00:00');
      await flow.judgeAudit(w.inspector.token, planB, 'SUFFICIENT');
      await t.travel('2026-04-20T10:00:00');
      const points = [c.points.collective, c.points.veiligThuis];
      for (const [verifiedOn, message] of [
        ['2026-03-01', 'before the publication (2026-03-02)'],
        ['2026-04-09', 'before the internal audit was judged (2026-04-10)'],
        ['2026-04-21', 'after today (2026-04-20)'],
      ]) {
        const res = await t.gql(w.inspector.token, VERIFY, { input: await flow.verifyInput(w.inspector.token, planB, points, verifiedOn) });
        expect({ verifiedOn, codes: codes(res), fields: res.errors?.[0].extensions.fields }).toEqual({
          verifiedOn,
          codes: ['BAD_USER_INPUT'],
          fields: [{ path: 'input.verifiedOn', message }],
        });
      }
      const ok = await t.gql(w.inspector.token, VERIFY, { input: await flow.verifyInput(w.inspector.token, planB, points, '2026-04-10') });
      expect(ok.errors).toBeUndefined();
    });
  });

  describe("10: actionsNeeded proposes escalation by the investigation's own policy", () => {
    it('from 7 days late for a plan and 14 for an audit when the policy says so', async () => {
      await t.travel('2026-03-02T10:00:00');
      const flow = caseFlow(t);
      const c = await publishedCase(t, w, {
        reminders: [
          { kind: 'PLAN_DUE', inspectorAfterDays: 7 },
          { kind: 'AUDIT_DUE', inspectorAfterDays: 14 },
        ],
      });
      const planB = c.planOf(w.orgs.veiligThuis).id;
      const escalations = async (when: string) => {
        await t.travel(when);
        const res = await t.ok(w.inspector.token, `{ actionsNeeded { kind investigationId organisationName reason } }`);
        return res.actionsNeeded
          .filter((a: { kind: string; investigationId: string }) => a.kind === 'CONSIDER_ESCALATION' && a.investigationId === c.id)
          .map((a: { organisationName: string; reason: string }) => `${a.organisationName}: ${a.reason}`)
          .sort();
      };
      // Plans due 13 April 2026.
      expect(await escalations('2026-04-19T10:00:00')).toEqual([]);
      expect(await escalations('2026-04-20T10:00:00')).toEqual([
        'Sociaal Buurtteam Heerlen: plan 7 days late',
        'Veilig Thuis Zuid-Limburg: plan 7 days late',
      ]);
      // Veilig Thuis' plan accepted on 20 April: the audit is due 20 October.
      await flow.addMeasure(w.veiligThuisMember.token, planB, w.veiligThuisMember.id, [c.points.collective, c.points.veiligThuis]);
      await flow.submit(w.veiligThuisMember.token, planB);
      await flow.assess(w.inspector.token, planB);
      expect((await flow.plan(w.inspector.token, planB)).internalAudit).toBeTruthy();
      const audit = (await escalations('2026-11-02T10:00:00')).filter((l: string) => l.includes('audit'));
      expect(audit).toEqual([]); // 13 days late
      expect((await escalations('2026-11-03T10:00:00')).filter((l: string) => l.includes('audit'))).toEqual([
        'Veilig Thuis Zuid-Limburg: internal audit 14 days late',
      ]);
    });
  });

  describe("1: a draft plan's coverage stays the organisation's own", () => {
    it('answers uncoveredPoints null to others while the plan is with the organisation', async () => {
      await t.travel('2026-03-02T10:00:00');
      const flow = caseFlow(t);
      const c = await publishedCase(t, w);
      const planA = c.planOf(w.orgs.buurtteam).id;
      const A = w.buurtteamMember;
      await flow.addMeasure(A.token, planA, A.id, [c.points.buurtteam]);
      const uncovered = async (token: string) => {
        const viaList = await t.ok(
          token,
          `query($id: ID!) { improvementPlans(filter: { investigationId: $id }) { nodes { id uncoveredPoints { id } } } }`,
          {
            id: c.id,
          },
        );
        const one = await t.ok(token, `query($id: ID!) { improvementPlan(id: $id) { uncoveredPoints { id } } }`, { id: planA });
        const fromList = viaList.improvementPlans.nodes.find((p: { id: string }) => p.id === planA).uncoveredPoints;
        expect(one.improvementPlan.uncoveredPoints).toEqual(fromList);
        return fromList;
      };
      expect(await uncovered(A.token)).toEqual([{ id: c.points.collective }]);
      expect(await uncovered(w.reviewer.token)).toBeNull();
      expect(await uncovered(w.inspector.token)).toBeNull();
      await flow.addMeasure(A.token, planA, A.id, [c.points.collective]);
      await flow.submit(A.token, planA);
      expect(await uncovered(w.reviewer.token)).toEqual([]);
      expect(await uncovered(w.inspector.token)).toEqual([]);
      // Sent back for revision: with the organisation again.
      await flow.assess(w.inspector.token, planA, false);
      expect(await uncovered(w.reviewer.token)).toBeNull();
      expect(await uncovered(A.token)).toEqual([]);
    });
  });

  describe("8: changes since the last visit hide an organisation's unsubmitted audit, as history does", () => {
    it('shows the audit to reviewers and inspectors once it is submitted, not its drafts', async () => {
      await t.travel('2026-03-02T10:00:00');
      const flow = caseFlow(t);
      const c = await publishedCase(t, w);
      const planB = c.planOf(w.orgs.veiligThuis).id;
      const B = w.veiligThuisMember;
      await flow.addMeasure(B.token, planB, B.id, [c.points.collective, c.points.veiligThuis]);
      await flow.submit(B.token, planB);
      await flow.assess(w.inspector.token, planB);
      const audit = (await flow.plan(B.token, planB)).internalAudit;
      const SEEN = `mutation($id: ID!) { markOverviewSeen(subjectId: $id) }`;
      await t.ok(w.reviewer.token, SEEN, { id: w.orgs.heerlen });
      await t.ok(w.inspector.token, SEEN, { id: w.orgs.heerlen });
      await t.ok(B.token, `mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { version } }`, {
        input: { id: audit.id, expectedVersion: audit.version, conclusion: 'Concept: nog niet af.' },
      });
      const auditChanges = async (token: string) => {
        const res = await t.ok(
          token,
          `query($id: ID) { municipalityOverview(municipalityId: $id) { changesSinceLastVisit { entries { entityType entityId ` +
            `changedFields } } } }`,
          { id: w.orgs.heerlen },
        );
        return res.municipalityOverview.changesSinceLastVisit.entries.filter((e: { entityType: string }) =>
          e.entityType.startsWith('internal_audit'),
        );
      };
      expect(await auditChanges(w.reviewer.token)).toEqual([]);
      expect(await auditChanges(w.inspector.token)).toEqual([]);
      await flow.submitAudit(B.token, planB);
      expect((await auditChanges(w.reviewer.token)).map((e: { entityId: string }) => e.entityId)).toContain(audit.id);
    });
  });

  describe("7: a revision request's new plan due date is a recorded move", () => {
    it("appears in the deadline's changes with from, to, reason and who decided", async () => {
      await t.travel('2026-03-02T10:00:00');
      const flow = caseFlow(t);
      const c = await publishedCase(t, w);
      const planB = c.planOf(w.orgs.veiligThuis).id;
      const B = w.veiligThuisMember;
      await flow.addMeasure(B.token, planB, B.id, [c.points.collective, c.points.veiligThuis]);
      await flow.submit(B.token, planB);
      await t.travel('2026-03-20T10:00:00');
      await flow.assess(w.inspector.token, planB, false);
      const res = await t.ok(
        B.token,
        `query($id: ID!) { improvementPlan(id: $id) { dueDate originalDueDate deadline { dueDate originalDueDate changes { fromDate ` +
          `toDate reason decidedBy { id } } } } }`,
        { id: planB },
      );
      expect(res.improvementPlan).toEqual({
        dueDate: '2026-04-17',
        originalDueDate: '2026-04-13',
        deadline: {
          dueDate: '2026-04-17',
          originalDueDate: '2026-04-13',
          changes: [
            {
              fromDate: '2026-04-13',
              toDate: '2026-04-17',
              reason: 'Herziening gevraagd bij de beoordeling van versie 1 (revision requested at the assessment of version 1).',
              decidedBy: { id: w.inspector.id },
            },
          ],
        },
      });
    });
  });

  describe('9: deciding an extension locks the deadline and moves it or fails', () => {
    it('does not grant a move that a concurrent submission made impossible', async () => {
      await t.travel('2026-03-02T10:00:00');
      const c = await publishedCase(t, w);
      const planA = c.planOf(w.orgs.buurtteam).id;
      const requested = await t.ok(
        w.buurtteamMember.token,
        `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id version } }`,
        { input: { kind: 'PLAN_DUE', subjectId: planA, requestedDueDate: '2026-05-01', reason: 'Bestuur vergadert later.' } },
      );
      const { id, version } = requested.requestExtension;
      // The other transaction: a submission that holds the plan's row while the inspector decides.
      const other = new Client({ connectionString: t.config.DATABASE_URL });
      await other.connect();
      try {
        await other.query('BEGIN');
        await other.query(`SELECT id FROM improvement_plans WHERE id = $1 FOR UPDATE`, [planA]);
        const decision = t.gql(
          w.inspector.token,
          `mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { status grantedDueDate } }`,
          { input: { id, expectedVersion: version, grant: true, note: 'Akkoord.' } },
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
        await other.query(
          `UPDATE improvement_plans SET status = 'SUBMITTED', submitted_at = now(), assessment_due_date = DATE '2026-03-30',
                  original_assessment_due_date = DATE '2026-03-30', submitted_versions = submitted_versions + 1, version = version + 1
                    WHERE id = $1`,
          [planA],
        );
        await other.query('COMMIT');
        const res = await decision;
        expect(codes(res)).toEqual(['INVALID_TRANSITION']);
      } finally {
        await other.end();
      }
      const after = await t.ok(
        w.inspector.token,
        `query($id: ID!) { improvementPlan(id: $id) { status dueDate } extensionRequests(filter: { status: PENDING }) { nodes { id } } }`,
        { id: planA },
      );
      expect(after.improvementPlan).toEqual({ status: 'SUBMITTED', dueDate: '2026-04-13' });
      expect(after.extensionRequests.nodes.map((r: { id: string }) => r.id)).toContain(id);
      const [{ n }] = await t
        .get(Database)
        .transaction(null, ({ em }) => em.query(`SELECT count(*)::int AS n FROM due_date_changes WHERE subject_id = $1`, [planA]));
      expect(n).toBe(0);
    });
  });

  describe('6: a request body over the limit is a GraphQL error, not logged as an error', () => {
    it('answers HTTP 413 with errors[].extensions.code PAYLOAD_TOO_LARGE and the limit', async () => {
      const written: string[] = [];
      const spies = [process.stdout, process.stderr].map((stream) =>
        jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
          written.push(String(chunk));
          return true;
        }),
      );
      try {
        const res = await request(t.app.getHttpServer())
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('authorization', `Bearer ${w.inspector.token}`)
          .send({ query: `{ me { id } }`, variables: { padding: 'x'.repeat(t.config.GRAPHQL_MAX_BODY_BYTES) } });
        expect(res.status).toBe(413);
        expect(res.body).toEqual({
          errors: [
            {
              message:
                `The request body is larger than ${t.config.GRAPHQL_MAX_BODY_BYTES} bytes (GRAPHQL_MAX_BODY_BYTES); send less in ` +
                `one request.`,
              extensions: { code: 'PAYLOAD_TOO_LARGE', limitBytes: t.config.GRAPHQL_MAX_BODY_BYTES },
            },
          ],
        });
        const malformed = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').send('{"query": ');
        expect(malformed.status).toBe(400);
        expect(malformed.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      } finally {
        spies.forEach((spy) => spy.mockRestore());
      }
      expect(written.filter((line) => /ERROR|too large|PayloadTooLarge/i.test(line))).toEqual([]);
      // A body under the limit is answered as always.
      expect(await t.ok(w.inspector.token, `{ me { id } }`)).toEqual({ me: { id: w.inspector.id } });
    });
  });

  describe('12: validation names each field once, by its real path; ids follow one convention', () => {
    it('says "must not be less than 1" at input.expectedVersion, without repeating the field', async () => {
      const res = await t.gql(w.inspector.token, `mutation($input: VersionedRefInput!) { startMeasure(input: $input) { id } }`, {
        input: { id: '00000000-0000-4000-8000-000000000000', expectedVersion: 0 },
      });
      expect(res.errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.expectedVersion', message: 'must not be less than 1' }],
        requestId: expect.any(String),
      });
      expect(res.errors![0].message).toBe('Invalid input: input.expectedVersion must not be less than 1.');
    });

    it('names a plain argument by itself: first, not input.first', async () => {
      const res = await t.gql(w.inspector.token, `{ investigations(first: 1000) { totalCount } }`);
      expect(res.errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'first', message: 'must not be greater than 100' }],
        requestId: expect.any(String),
      });
      const filter = await t.gql(w.inspector.token, `{ deadlines(filter: { investigationId: "nope" }) { totalCount } }`);
      expect(fieldPaths(filter)).toEqual(['filter.investigationId']);
    });

    it('gives an unknown enum value in the variables its field path', async () => {
      const res = await t.gql(
        w.buurtteamMember.token,
        `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id } }`,
        {
          input: { kind: 'NOT_A_KIND', subjectId: '00000000-0000-4000-8000-000000000000', requestedDueDate: '2026-06-01', reason: 'x' },
        },
      );
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0].extensions.fields).toEqual([
        { path: 'input.kind', message: expect.stringContaining('"NOT_A_KIND" does not exist in "DeadlineKind" enum') },
      ]);
      const plain = await t.gql(w.inspector.token, `query($kind: DeadlineKind) { deadlines(filter: { kind: $kind }) { totalCount } }`, {
        kind: 'NOPE',
      });
      expect(fieldPaths(plain)).toEqual(['kind']);
    });

    it('names the object a mutation changes id (with expectedVersion); planId and expectedPlanVersion still work, deprecated', async () => {
      await t.travel('2026-03-02T10:00:00');
      const flow = caseFlow(t);
      const c = await publishedCase(t, w);
      const planA = c.planOf(w.orgs.buurtteam).id;
      const planB = c.planOf(w.orgs.veiligThuis).id;
      const A = w.buurtteamMember;
      const B = w.veiligThuisMember;
      await flow.addMeasure(A.token, planA, A.id, [c.points.collective, c.points.buurtteam]);
      await flow.addMeasure(B.token, planB, B.id, [c.points.collective, c.points.veiligThuis]);
      const SUBMIT = `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`;
      const version = async (planId: string) => (await flow.plan(w.inspector.token, planId)).version;
      expect(
        (await t.ok(A.token, SUBMIT, { input: { id: planA, expectedVersion: await version(planA) } })).submitImprovementPlan.status,
      ).toBe('SUBMITTED');
      expect(
        (await t.ok(B.token, SUBMIT, { input: { planId: planB, expectedVersion: await version(planB) } })).submitImprovementPlan.status,
      ).toBe('SUBMITTED');
      const neither = await t.gql(A.token, SUBMIT, { input: { expectedVersion: 1 } });
      expect(neither.errors![0].extensions.fields).toEqual([{ path: 'input.id', message: 'required' }]);
      const both = await t.gql(A.token, SUBMIT, { input: { id: planA, planId: planB, expectedVersion: 1 } });
      expect(both.errors![0].extensions.fields).toEqual([
        { path: 'input.planId', message: 'deprecated name of input.id; give one of them' },
      ]);

      const ASSESS = `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status } }`;
      const answer = { judgement: 'SUFFICIENT', rationale: 'Voldoende.' };
      const answers = { aimedAtShortcomings: answer, chanceOfSuccess: answer, pace: answer };
      await t.ok(w.inspector.token, ASSESS, { input: { id: planA, expectedVersion: await version(planA), ...answers } });
      await t.ok(w.inspector.token, ASSESS, { input: { planId: planB, expectedVersion: await version(planB), ...answers } });
      await flow.submitAudit(A.token, planA);
      await flow.judgeAudit(w.inspector.token, planA, 'SUFFICIENT');
      await flow.submitAudit(B.token, planB);
      await flow.judgeAudit(w.inspector.token, planB, 'SUFFICIENT');
      const base = { method: 'DESK_REVIEW', verifiedOn: '2026-03-02', summary: 'Beoordeeld.' };
      const gradesA = [c.points.collective, c.points.buurtteam].map((pointId) => ({ pointId, grade: 'FULLY' }));
      const gradesB = [c.points.collective, c.points.veiligThuis].map((pointId) => ({ pointId, grade: 'FULLY' }));
      await t.ok(w.inspector.token, VERIFY, { input: { ...base, id: planA, expectedVersion: await version(planA), grades: gradesA } });
      await t.ok(w.inspector.token, VERIFY, {
        input: { ...base, planId: planB, expectedPlanVersion: await version(planB), grades: gradesB },
      });
      const schema = await t.ok(
        w.inspector.token,
        `{ __type(name: "SubmitPlanInput") { inputFields(includeDeprecated: true) { name isDeprecated } } }`,
      );
      expect(schema.__type.inputFields).toEqual(
        expect.arrayContaining([
          { name: 'id', isDeprecated: false },
          { name: 'planId', isDeprecated: true },
        ]),
      );
    });
  });
});
