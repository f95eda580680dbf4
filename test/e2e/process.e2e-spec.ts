import { Database } from '@opvolging/database';
import { DEMO_PASSWORD, demoAccounts, loadDemoData } from '@opvolging/demo';
import { DeadlineSweeper } from '@opvolging/notifications';
import { TestApp } from '../support/test-app';

const INSPECTOR = 'inspecteur.igj@opvolging.demo';
const WIJKTEAM = 'wijkteam.groningen@opvolging.demo';
const JEUGDHULP = 'jeugdhulp.groningen@opvolging.demo';

const PLAN = `query { improvementPlans(first: 50) { nodes { id version status investigation { title }
  internalAudit { id version status dueDate originalDueDate verificationMethod verificationDueDate originalVerificationDueDate }
  measures { id status } } } }`;
const JUDGE = `mutation($input: JudgeInternalAuditInput!) { judgeInternalAudit(input: $input) {
  id status version dueDate originalDueDate verificationMethod verificationDueDate
  judgements { quality followUp revisedDueDate verificationMethod verificationPlannedOn } } }`;

/**
 * The process parts of issue 12, through the API over HTTP on the demo data (loaded as on
 * 22 November 2026): what follows an insufficient internal audit.
 */
describe('the process after an insufficient internal audit', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.travel('2026-11-22T09:00:00');
    await loadDemoData(t.app);
    t.clock.set('2026-11-22T09:00:00');
    for (const account of demoAccounts) await t.signIn(account.email, DEMO_PASSWORD);
  });
  afterAll(async () => t?.stop());

  /** The member's Groningen plan, with its audit submitted (a result for every measure). */
  async function submittedAudit(email: string) {
    const plans = (await t.ok(t.token(email), PLAN)).improvementPlans.nodes;
    const plan = plans.find((p: any) => p.investigation.title === 'Casus Groningen 2015' && p.internalAudit?.status === 'DRAFT');
    expect(plan).toBeDefined();
    const saved = await t.ok(t.token(email), `mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { version } }`, {
      input: {
        id: plan.internalAudit.id,
        expectedVersion: plan.internalAudit.version,
        conclusion: 'De maatregelen zijn grotendeels ingevoerd.',
        results: plan.measures
          .filter((m: any) => m.status !== 'CANCELLED')
          .map((m: any) => ({ measureId: m.id, implementation: 'PARTLY_IMPLEMENTED', evidence: 'Steekproef van vijf dossiers.' })),
      },
    });
    const submitted = await t.ok(
      t.token(email),
      `mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { version } }`,
      { input: { id: plan.internalAudit.id, expectedVersion: saved.saveInternalAudit.version } },
    );
    return { plan, audit: { id: plan.internalAudit.id as string, version: submitted.submitInternalAudit.version as number } };
  }

  it('makes the inspector choose a follow-up, and checks its fields', async () => {
    const { audit } = await submittedAudit(WIJKTEAM);
    const base = { id: audit.id, expectedVersion: audit.version, quality: 'INSUFFICIENT', rationale: 'Steekproef te klein.' };
    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{}, ['input.followUp']],
      [{ followUp: 'REVISED_AUDIT' }, ['input.revisedDueDate']],
      [{ followUp: 'REVISED_AUDIT', revisedDueDate: '2026-11-22' }, ['input.revisedDueDate']],
      [{ followUp: 'REVISED_AUDIT', revisedDueDate: '2027-01-15', verificationPlannedOn: '2026-12-01' }, ['input.verificationPlannedOn']],
      [{ followUp: 'OWN_VERIFICATION' }, ['input.verificationMethod', 'input.verificationPlannedOn']],
      [
        { followUp: 'OWN_VERIFICATION', verificationMethod: 'REGULAR_VISIT', verificationPlannedOn: '2026-11-21' },
        ['input.verificationMethod', 'input.verificationPlannedOn'],
      ],
    ];
    for (const [extra, paths] of cases) {
      const res = await t.gql(t.token(INSPECTOR), JUDGE, { input: { ...base, ...extra } });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect((res.errors?.[0].extensions?.fields as Array<{ path: string }>).map((f) => f.path)).toEqual(paths);
    }
    const sufficientWithFollowUp = await t.gql(t.token(INSPECTOR), JUDGE, {
      input: { ...base, quality: 'SUFFICIENT', followUp: 'OWN_VERIFICATION' },
    });
    expect(sufficientWithFollowUp.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.followUp' }] });
  });

  it('a revised audit: new due date, the original kept beside it, the move recorded, reminders as for the audit', async () => {
    const plans = (await t.ok(t.token(WIJKTEAM), PLAN)).improvementPlans.nodes;
    const plan = plans.find((p: any) => p.investigation.title === 'Casus Groningen 2015');
    const original = plan.internalAudit.originalDueDate;
    const judged = await t.ok(t.token(INSPECTOR), JUDGE, {
      input: {
        id: plan.internalAudit.id,
        expectedVersion: plan.internalAudit.version,
        quality: 'INSUFFICIENT',
        rationale: 'Steekproef te klein.',
        followUp: 'REVISED_AUDIT',
        revisedDueDate: '2027-01-15',
      },
    });
    expect(judged.judgeInternalAudit).toMatchObject({
      status: 'REVISION_REQUESTED',
      dueDate: '2027-01-15',
      originalDueDate: original,
      verificationDueDate: null,
      judgements: [{ quality: 'INSUFFICIENT', followUp: 'REVISED_AUDIT', revisedDueDate: '2027-01-15', verificationPlannedOn: null }],
    });
    const deadlines = await t.ok(
      t.token(WIJKTEAM),
      `query { deadlines(first: 50, filter: { kind: AUDIT_DUE }) { nodes { id dueDate originalDueDate changes { fromDate toDate reason } ` +
        `} } }`,
    );
    const deadline = deadlines.deadlines.nodes.find((d: any) => d.id === plan.internalAudit.id);
    expect(deadline).toMatchObject({
      dueDate: '2027-01-15',
      originalDueDate: original,
      changes: [{ fromDate: plan.internalAudit.dueDate, toDate: '2027-01-15', reason: expect.stringContaining('Steekproef te klein.') }],
    });
  });

  it(
    'own verification: a planned date that is the inspector deadline, in actionsNeeded, reminded, and done by the ' + 'verification',
    async () => {
      const { plan, audit } = await submittedAudit(JEUGDHULP);
      const judged = await t.ok(t.token(INSPECTOR), JUDGE, {
        input: {
          id: audit.id,
          expectedVersion: audit.version,
          quality: 'INSUFFICIENT',
          rationale: 'De audit toetst alleen beleid, niet de praktijk.',
          followUp: 'OWN_VERIFICATION',
          verificationMethod: 'SITE_VISIT',
          verificationPlannedOn: '2026-12-15',
        },
      });
      expect(judged.judgeInternalAudit).toMatchObject({
        status: 'JUDGED',
        verificationMethod: 'SITE_VISIT',
        verificationDueDate: '2026-12-15',
        judgements: [
          { quality: 'INSUFFICIENT', followUp: 'OWN_VERIFICATION', verificationMethod: 'SITE_VISIT', verificationPlannedOn: '2026-12-15' },
        ],
      });

      const DEADLINES = `query($mine: Boolean) { deadlines(first: 50, filter: { kind: VERIFICATION_DUE, mine: $mine }) {
      nodes { id dueDate originalDueDate organisation { name } internalAudit { id } } } }`;
      const mine = (await t.ok(t.token(INSPECTOR), DEADLINES, { mine: true })).deadlines.nodes;
      expect(mine).toEqual([
        expect.objectContaining({ id: audit.id, dueDate: '2026-12-15', originalDueDate: '2026-12-15', internalAudit: { id: audit.id } }),
      ]);
      // Not the organisation's deadline to meet, but it sees that a visit is planned.
      expect((await t.ok(t.token(JEUGDHULP), DEADLINES, { mine: true })).deadlines.nodes).toEqual([]);
      expect((await t.ok(t.token(JEUGDHULP), DEADLINES, {})).deadlines.nodes.map((d: any) => d.id)).toEqual([audit.id]);

      const actions = (await t.ok(t.token(INSPECTOR), `query { actionsNeeded { kind subjectId dueDate reason } }`)).actionsNeeded;
      expect(actions).toContainEqual({
        kind: 'VERIFY',
        subjectId: plan.id,
        dueDate: '2026-12-15',
        reason: 'audit insufficient: own verification (site visit) planned on 2026-12-15',
      });

      // Reminded like an assessment: 7 days before, to the lead inspectorate's inspectors.
      const sweeper = t.get(DeadlineSweeper);
      const db = t.get(Database);
      await t.travel('2026-12-08T09:00:00');
      await sweeper.sweep();
      const reminded: Array<{ email: string; step: string }> = await db.transaction(null, ({ em }) =>
        em.query(
          `SELECT u.email, d.step FROM notifications n JOIN deadline_notices d ON d.id = n.notice_id JOIN users u ON u.id = n.user_id
          WHERE d.kind = 'VERIFICATION_DUE' AND d.subject_id = $1`,
          [audit.id],
        ),
      );
      expect(reminded).toEqual([{ email: INSPECTOR, step: 'R7' }]);

      // The verification closes the plan and so ends the deadline.
      const points = (
        await t.ok(
          t.token(JEUGDHULP),
          `query($id: ID!) { improvementPlan(id: $id) { version investigation { improvementPoints { id } } } }`,
          { id: plan.id },
        )
      ).improvementPlan;
      await t.ok(t.token(INSPECTOR), `mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { status } }`, {
        input: {
          planId: plan.id,
          expectedPlanVersion: points.version,
          method: 'SITE_VISIT',
          verifiedOn: '2026-12-08',
          summary: 'Bezoek: de werkwijze is in de praktijk ingevoerd.',
          grades: points.investigation.improvementPoints.map((p: any) => ({ pointId: p.id, grade: 'MOSTLY' })),
        },
      });
      expect((await t.ok(t.token(INSPECTOR), DEADLINES, { mine: true })).deadlines.nodes).toEqual([]);

      // The organisation was told of the judgement and its follow-up, it and the municipality of the verification.
      const MINE = `query { myNotifications(first: 50) { nodes { event title body link } } }`;
      const told = (await t.ok(t.token(JEUGDHULP), MINE)).myNotifications.nodes.filter((n: any) => n.event);
      expect(told).toEqual(
        expect.arrayContaining([
          {
            event: 'AUDIT_JUDGED',
            title: 'Interne audit onvoldoende: de inspectie toetst zelf (Casus Groningen 2015)',
            body: expect.stringContaining('bezoek op 15 december 2026'),
            link: `/plannen/${plan.id}/audit`,
          },
          expect.objectContaining({ event: 'PLAN_VERIFIED', link: `/plannen/${plan.id}/toetsing` }),
        ]),
      );
      const reviewer = (await t.ok(t.token('toezicht.groningen@opvolging.demo'), MINE)).myNotifications.nodes.filter((n: any) => n.event);
      expect(reviewer.map((n: any) => n.event)).toContain('PLAN_VERIFIED');
      expect(reviewer.map((n: any) => n.event)).not.toContain('AUDIT_JUDGED');
    },
  );
});
