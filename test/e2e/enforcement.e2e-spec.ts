import { Database } from '@opvolging/database';
import { DeadlineSweeper } from '@opvolging/notifications';
import { codes, TestApp } from '../support/test-app';
import { createWorld, publishedCase } from '../support/fixtures';

const MEASURE = `id type status decisionDate periodEndDate originalPeriodEndDate complianceDueDate amountCents amountBasis maximumCents
  forfeitedCents rationale requirements version previous { id type status } organisation { id }
  progressReports { id sequence dueDate originalDueDate status version report }`;
const RECORD = `mutation($input: RecordEnforcementMeasureInput!) { recordEnforcementMeasure(input: $input) { ${MEASURE} } }`;

/**
 * Enforcement (handhaving) over HTTP: the ladder, intensified supervision with monthly reports as
 * deadlines, a binding instruction, a penalty order with forfeits, a fine; who may do what; what
 * reviewers see; the events people are told about.
 */
describe('enforcement', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let c: Awaited<ReturnType<typeof publishedCase>>;
  let planId: string;
  let supervision: any;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    c = await publishedCase(t, w);
    planId = c.planOf(w.orgs.buurtteam).id;
    await t.travel('2026-05-20T10:00:00'); // the plan (due 13 April) is five weeks late
  });
  afterAll(async () => t?.stop());

  const vt = (extra: Record<string, unknown> = {}) => ({
    planId,
    type: 'INTENSIFIED_SUPERVISION',
    decisionDate: '2026-05-20',
    rationale: 'Het verbeterplan is vijf weken te laat; verscherpt toezicht met maandelijkse rapportage.',
    ...extra,
  });

  const NEXT = `query($id: ID!) { improvementPlan(id: $id) { enforcementNextTypes } }`;
  const nextTypes = async (token: string, id = planId) => (await t.ok(token, NEXT, { id })).improvementPlan.enforcementNextTypes;

  it('lets only an inspector of the case record, and starts the ladder with supervision or a binding instruction', async () => {
    // What the plan says may follow is what recording accepts; only an inspector may record anything.
    expect(await nextTypes(w.inspector.token)).toEqual(['INTENSIFIED_SUPERVISION', 'BINDING_INSTRUCTION']);
    expect(await nextTypes(w.buurtteamMember.token)).toEqual([]);
    expect(await nextTypes(w.reviewer.token)).toEqual([]);
    expect(codes(await t.gql(w.buurtteamMember.token, RECORD, { input: vt() }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(w.reviewer.token, RECORD, { input: vt() }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(w.outsideInspector.token, RECORD, { input: vt() }))).toEqual(['NOT_FOUND']);
    const fine = await t.gql(w.inspector.token, RECORD, { input: vt({ type: 'ADMINISTRATIVE_FINE', amountCents: 100000 }) });
    expect(fine.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.type' }] });
    const future = await t.gql(w.inspector.token, RECORD, { input: vt({ decisionDate: '2026-05-21', requirements: 'x' }) });
    expect(future.errors![0].extensions!.fields.map((f: any) => f.path)).toEqual(['input.decisionDate', 'input.requirements']);
  });

  it('records intensified supervision: six monthly reports, each a deadline for the organisation, and a period end', async () => {
    supervision = (await t.ok(w.inspector.token, RECORD, { input: vt() })).recordEnforcementMeasure;
    expect(supervision).toMatchObject({
      type: 'INTENSIFIED_SUPERVISION',
      status: 'ACTIVE',
      periodEndDate: '2026-11-20',
      originalPeriodEndDate: '2026-11-20',
      previous: null,
      organisation: { id: w.orgs.buurtteam },
    });
    expect(supervision.progressReports.map((r: any) => `${r.sequence} ${r.dueDate} ${r.status}`)).toEqual([
      '1 2026-06-20 DUE',
      '2 2026-07-20 DUE',
      '3 2026-08-20 DUE',
      '4 2026-09-20 DUE',
      '5 2026-10-20 DUE',
      '6 2026-11-20 DUE',
    ]);
    const mine = await t.ok(w.buurtteamMember.token, `{ deadlines(first: 50, filter: { mine: true }) { nodes { kind dueDate } } }`);
    expect(mine.deadlines.nodes.filter((d: any) => d.kind === 'ENFORCEMENT_REPORT_DUE')).toHaveLength(6);
    const inspectors = await t.ok(
      w.inspector.token,
      `{ deadlines(first: 50, filter: { mine: true, kind: ENFORCEMENT_PERIOD_END }) { nodes { id dueDate } } }`,
    );
    expect(inspectors.deadlines.nodes).toEqual([{ id: supervision.id, dueDate: '2026-11-20' }]);
    const plan = await t.ok(
      w.inspector.token,
      `query($id: ID!) { improvementPlan(id: $id) { enforcement { count currentType currentStatus } } }`,
      { id: planId },
    );
    expect(plan.improvementPlan.enforcement).toEqual({ count: 1, currentType: 'INTENSIFIED_SUPERVISION', currentStatus: 'ACTIVE' });
    expect(await nextTypes(w.inspector.token)).toEqual(['BINDING_INSTRUCTION', 'PENALTY_ORDER']);
  });

  it(
    'tells the organisation and the municipality; reviewers see the step and dates, not the texts; other organisations ' + 'nothing',
    async () => {
      const MINE = `{ myNotifications(first: 10) { nodes { event title link } } }`;
      for (const who of [w.buurtteamMember, w.buurtteamColleague, w.reviewer]) {
        const told = (await t.ok(who.token, MINE)).myNotifications.nodes.filter((n: any) => n.event === 'ENFORCEMENT_STEP');
        expect(told).toEqual([
          {
            event: 'ENFORCEMENT_STEP',
            title: 'Handhaving: verscherpt toezicht (Casus Heerlen 2015)',
            link: `/handhaving/${supervision.id}`,
          },
        ]);
      }
      expect((await t.ok(w.veiligThuisMember.token, MINE)).myNotifications.nodes).toEqual([]);
      const Q =
        `query($id: ID!) { enforcementMeasure(id: $id) { type status decisionDate periodEndDate rationale progressReports { ` +
        `dueDate } } }`;
      const seen = (await t.ok(w.reviewer.token, Q, { id: supervision.id })).enforcementMeasure;
      expect(seen).toMatchObject({
        type: 'INTENSIFIED_SUPERVISION',
        status: 'ACTIVE',
        decisionDate: '2026-05-20',
        periodEndDate: '2026-11-20',
        rationale: null,
      });
      expect(seen.progressReports).toHaveLength(6);
      expect((await t.ok(w.buurtteamMember.token, Q, { id: supervision.id })).enforcementMeasure.rationale).toContain('vijf weken te laat');
      for (const who of [w.veiligThuisMember, w.otherReviewer, w.outsideInspector])
        expect(codes(await t.gql(who.token, Q, { id: supervision.id }))).toEqual(['NOT_FOUND']);
    },
  );

  it('takes monthly reports from the organisation; the inspector accepts or asks for more by a new date', async () => {
    const SUBMIT = `mutation($input: SubmitProgressReportInput!) { submitEnforcementProgressReport(input: $input) { status version } }`;
    const REVIEW =
      `mutation($input: ReviewProgressReportInput!) { reviewEnforcementProgressReport(input: $input) { status dueDate ` +
      `originalDueDate version deadline { changes { fromDate toDate } } } }`;
    const first = supervision.progressReports[0];
    expect(codes(await t.gql(w.veiligThuisMember.token, SUBMIT, { input: { id: first.id, expectedVersion: 1, report: 'x' } }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql(w.inspector.token, SUBMIT, { input: { id: first.id, expectedVersion: 1, report: 'x' } }))).toEqual([
      'FORBIDDEN',
    ]);
    await t.travel('2026-06-18T10:00:00');
    const submitted = await t.ok(w.buurtteamMember.token, SUBMIT, {
      input: { id: first.id, expectedVersion: 1, report: 'Concept-plan besproken met het bestuur.' },
    });
    expect(submitted.submitEnforcementProgressReport.status).toBe('SUBMITTED');
    const noDate = await t.gql(w.inspector.token, REVIEW, {
      input: { id: first.id, expectedVersion: 2, accepted: false, note: 'Te summier.' },
    });
    expect(noDate.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.dueDate' }] });
    const more = await t.ok(w.inspector.token, REVIEW, {
      input: { id: first.id, expectedVersion: 2, accepted: false, note: 'Te summier.', dueDate: '2026-06-30' },
    });
    expect(more.reviewEnforcementProgressReport).toMatchObject({
      status: 'MORE_NEEDED',
      dueDate: '2026-06-30',
      originalDueDate: '2026-06-20',
      deadline: { changes: [{ fromDate: '2026-06-20', toDate: '2026-06-30' }] },
    });
    const again = await t.ok(w.buurtteamMember.token, SUBMIT, {
      input: { id: first.id, expectedVersion: 3, report: 'Met planning en eigenaren per maatregel.' },
    });
    const accepted = await t.ok(w.inspector.token, REVIEW, {
      input: { id: first.id, expectedVersion: again.submitEnforcementProgressReport.version, accepted: true, note: 'Voldoende.' },
    });
    expect(accepted.reviewEnforcementProgressReport).toMatchObject({ status: 'ACCEPTED', deadline: null });

    // Reminded like any deadline: 7 days before the second report, to the organisation's members.
    await t.travel('2026-07-13T09:00:00');
    await t.get(DeadlineSweeper).sweep();
    const reminded: Array<{ email: string }> = await t.get(Database).transaction(null, ({ em }) =>
      em.query(
        `SELECT u.email FROM notifications n JOIN deadline_notices d ON d.id = n.notice_id JOIN users u ON u.id = n.user_id
            WHERE d.kind = 'ENFORCEMENT_REPORT_DUE' AND d.step = 'R7' ORDER BY 1`,
      ),
    );
    expect(reminded.map((r) => r.email)).toEqual([w.buurtteamColleague.email, w.buurtteamMember.email]);
  });

  it(
    'walks the ladder: binding instruction after supervision, penalty order after non-compliance, forfeits up to the maximum, a ' + 'fine',
    async () => {
      const instruction = (
        await t.ok(w.inspector.token, RECORD, {
          input: vt({
            type: 'BINDING_INSTRUCTION',
            decisionDate: '2026-07-13',
            requirements: 'Dien binnen zes weken een volledig verbeterplan in.',
            complianceDueDate: '2026-08-24',
          }),
        })
      ).recordEnforcementMeasure;
      expect(instruction).toMatchObject({
        status: 'ACTIVE',
        complianceDueDate: '2026-08-24',
        previous: { id: supervision.id, type: 'INTENSIFIED_SUPERVISION', status: 'ESCALATED' },
      });
      // Supervision ended with the next step: its reports and period end are no longer deadlines.
      const open = await t.ok(w.buurtteamMember.token, `{ deadlines(first: 50, filter: { mine: true }) { nodes { kind dueDate } } }`);
      expect(open.deadlines.nodes.filter((d: any) => d.kind.startsWith('ENFORCEMENT'))).toEqual([]);
      expect(open.deadlines.nodes).toContainEqual({ kind: 'COMPLIANCE_DUE', dueDate: '2026-08-24' });

      const stacked = await t.gql(w.inspector.token, RECORD, { input: vt({ type: 'PENALTY_ORDER', decisionDate: '2026-07-13' }) });
      expect(codes(stacked)).toEqual(['INVALID_TRANSITION']);
      expect(await nextTypes(w.inspector.token)).toEqual([]); // an instruction in force: compliance first

      const COMPLIANCE =
        `mutation($input: RecordComplianceInput!) { recordEnforcementCompliance(input: $input) { status decidedOn version ` + `} }`;
      await t.travel('2026-08-26T10:00:00');
      const notComplied = await t.ok(w.inspector.token, COMPLIANCE, {
        input: {
          id: instruction.id,
          expectedVersion: instruction.version,
          complied: false,
          decidedOn: '2026-08-25',
          note: 'Geen plan ontvangen.',
        },
      });
      expect(notComplied.recordEnforcementCompliance).toMatchObject({ status: 'NOT_COMPLIED', decidedOn: '2026-08-25' });

      const wrongStep = await t.gql(w.inspector.token, RECORD, {
        input: vt({ type: 'INTENSIFIED_SUPERVISION', decisionDate: '2026-08-26' }),
      });
      expect(wrongStep.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.type' }] });
      const order = (
        await t.ok(w.inspector.token, RECORD, {
          input: vt({
            type: 'PENALTY_ORDER',
            decisionDate: '2026-08-26',
            requirements: 'Dien het verbeterplan in.',
            complianceDueDate: '2026-09-30',
            amountCents: 500000,
            amountBasis: 'PER_PERIOD',
            maximumCents: 2000000,
          }),
        })
      ).recordEnforcementMeasure;
      expect(order).toMatchObject({
        status: 'ACTIVE',
        amountCents: 500000,
        amountBasis: 'PER_PERIOD',
        maximumCents: 2000000,
        forfeitedCents: 0,
        previous: { status: 'ESCALATED' },
      });

      const FORFEIT =
        `mutation($input: RecordForfeitInput!) { recordEnforcementForfeit(input: $input) { forfeitedCents version forfeits { ` +
        `forfeitedOn amountCents } } }`;
      const early = await t.gql(w.inspector.token, FORFEIT, {
        input: { id: order.id, expectedVersion: order.version, forfeitedOn: '2026-08-26', amountCents: 500000, note: 'x' },
      });
      expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.forfeitedOn' }] });
      await t.travel('2026-10-02T10:00:00');
      const forfeited = await t.ok(w.inspector.token, FORFEIT, {
        input: {
          id: order.id,
          expectedVersion: order.version,
          forfeitedOn: '2026-10-01',
          amountCents: 500000,
          note: 'Eerste periode verbeurd.',
        },
      });
      expect(forfeited.recordEnforcementForfeit).toMatchObject({
        forfeitedCents: 500000,
        forfeits: [{ forfeitedOn: '2026-10-01', amountCents: 500000 }],
      });
      const tooMuch = await t.gql(w.inspector.token, FORFEIT, {
        input: {
          id: order.id,
          expectedVersion: forfeited.recordEnforcementForfeit.version,
          forfeitedOn: '2026-10-02',
          amountCents: 1600000,
          note: 'x',
        },
      });
      expect(tooMuch.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.amountCents', message: 'exceeds the maximum: 1500000 cents remain' }],
      });
      const stale = await t.gql(w.inspector.token, COMPLIANCE, {
        input: { id: order.id, expectedVersion: order.version, complied: false, decidedOn: '2026-10-02', note: 'x' },
      });
      expect(codes(stale)).toEqual(['CONFLICT']);
      await t.ok(w.inspector.token, COMPLIANCE, {
        input: {
          id: order.id,
          expectedVersion: forfeited.recordEnforcementForfeit.version,
          complied: false,
          decidedOn: '2026-10-02',
          note: 'Nog steeds geen plan.',
        },
      });

      const fine = (
        await t.ok(w.inspector.token, RECORD, {
          input: vt({ type: 'ADMINISTRATIVE_FINE', decisionDate: '2026-10-02', amountCents: 1000000 }),
        })
      ).recordEnforcementMeasure;
      expect(fine).toMatchObject({
        type: 'ADMINISTRATIVE_FINE',
        status: 'IMPOSED',
        amountCents: 1000000,
        complianceDueDate: null,
        previous: { type: 'PENALTY_ORDER', status: 'ESCALATED' },
      });
      const plan = await t.ok(
        w.inspector.token,
        `query($id: ID!) { improvementPlan(id: $id) { enforcement { count currentType currentStatus } ` +
          `enforcementMeasures { type status } } }`,
        { id: planId },
      );
      expect(plan.improvementPlan.enforcement).toEqual({ count: 4, currentType: 'ADMINISTRATIVE_FINE', currentStatus: 'IMPOSED' });
      // The municipality overview counts them per plan, with the current step.
      const overview = await t.ok(
        w.reviewer.token,
        `{ municipalityOverview { investigations { plans { planId enforcementCount enforcementType enforcementStatus } } } }`,
      );
      const rows = overview.municipalityOverview.investigations.flatMap((i: any) => i.plans);
      expect(rows.find((r: any) => r.planId === planId)).toEqual({
        planId,
        enforcementCount: 4,
        enforcementType: 'ADMINISTRATIVE_FINE',
        enforcementStatus: 'IMPOSED',
      });
      expect(rows.find((r: any) => r.planId !== planId)).toMatchObject({ enforcementCount: 0, enforcementType: null });
      expect(plan.improvementPlan.enforcementMeasures.map((m: any) => `${m.type} ${m.status}`)).toEqual([
        'INTENSIFIED_SUPERVISION ESCALATED',
        'BINDING_INSTRUCTION ESCALATED',
        'PENALTY_ORDER ESCALATED',
        'ADMINISTRATIVE_FINE IMPOSED',
      ]);
    },
  );

  it(
    'records a measure on the investigation for an involved organisation (collective points), seen by that organisation ' + 'only',
    async () => {
      const onCase = (
        await t.ok(w.inspector.token, RECORD, {
          input: {
            investigationId: c.id,
            organisationId: w.orgs.veiligThuis,
            type: 'INTENSIFIED_SUPERVISION',
            decisionDate: '2026-10-02',
            periodMonths: 2,
            rationale: 'Regie op het gezamenlijke verbeterpunt ontbreekt.',
          },
        })
      ).recordEnforcementMeasure;
      expect(onCase.progressReports.map((r: any) => r.dueDate)).toEqual(['2026-11-02', '2026-12-02']);
      // A step on the investigation is a step for the organisation's plan in it too.
      expect(await nextTypes(w.inspector.token, c.planOf(w.orgs.veiligThuis).id)).toEqual(['BINDING_INSTRUCTION', 'PENALTY_ORDER']);
      const LIST = `query($id: ID!) { investigation(id: $id) { enforcementMeasures { id organisation { id } } } }`;
      expect((await t.ok(w.veiligThuisMember.token, LIST, { id: c.id })).investigation.enforcementMeasures).toEqual([
        { id: onCase.id, organisation: { id: w.orgs.veiligThuis } },
      ]);
      expect((await t.ok(w.buurtteamMember.token, LIST, { id: c.id })).investigation.enforcementMeasures).toHaveLength(4);
      expect((await t.ok(w.reviewer.token, LIST, { id: c.id })).investigation.enforcementMeasures).toHaveLength(5);
      const notInvolved = await t.gql(w.inspector.token, RECORD, {
        input: {
          investigationId: c.id,
          organisationId: w.orgs.heerlen,
          type: 'INTENSIFIED_SUPERVISION',
          decisionDate: '2026-10-02',
          rationale: 'x',
        },
      });
      expect(notInvolved.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.organisationId' }] });

      // Lifted at the end, with the history of the step kept.
      const DECIDE =
        `mutation($input: DecideSupervisionInput!) { decideIntensifiedSupervision(input: $input) { status periodEndDate ` +
        `originalPeriodEndDate version progressReports { sequence dueDate } } }`;
      const extended = await t.ok(w.inspector.token, DECIDE, {
        input: {
          id: onCase.id,
          expectedVersion: onCase.version,
          decision: 'EXTEND',
          extendMonths: 1,
          decidedOn: '2026-10-02',
          note: 'Een maand langer.',
        },
      });
      expect(extended.decideIntensifiedSupervision).toMatchObject({
        status: 'ACTIVE',
        periodEndDate: '2027-01-02',
        originalPeriodEndDate: '2026-12-02',
      });
      expect(extended.decideIntensifiedSupervision.progressReports.map((r: any) => `${r.sequence} ${r.dueDate}`)).toEqual([
        '1 2026-11-02',
        '2 2026-12-02',
        '3 2027-01-02',
      ]);
      const lifted = await t.ok(w.inspector.token, DECIDE, {
        input: {
          id: onCase.id,
          expectedVersion: extended.decideIntensifiedSupervision.version,
          decision: 'LIFT',
          decidedOn: '2026-10-02',
          note: 'Regie belegd.',
        },
      });
      expect(lifted.decideIntensifiedSupervision.status).toBe('LIFTED');
      const history = await t.ok(
        w.inspector.token,
        `query($id: ID!) { history(entityId: $id) { entries { entityType changedFields after } } }`,
        {
          id: onCase.id,
        },
      );
      expect(history.history.entries.length).toBeGreaterThanOrEqual(3);
      expect(history.history.entries[0].after.rationale).toContain('Regie');
      const asReviewer = await t.ok(
        w.reviewer.token,
        `query($id: ID!) { history(entityId: $id) { entries { entityType after before } } }`,
        {
          id: onCase.id,
        },
      );
      expect(JSON.stringify(asReviewer.history.entries)).not.toContain('Regie');
    },
  );
});
