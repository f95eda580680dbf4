import { codes, fieldPaths, TestApp } from '../support/test-app';
import { createWorld } from '../support/fixtures';

/**
 * One investigation walked from draft to closure over HTTP, by an inspector, two organisations and
 * a municipality reviewer, with the refusals a real user would run into along the way.
 */
describe('follow-up lifecycle, end to end', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let investigation: { id: string; version: number };
  const points: Record<string, string> = {};
  let planA: any; // the buurtteam's plan
  let planB: any; // Veilig Thuis' plan

  const PLAN = `id status dueDate originalDueDate overdue submittedVersions version assessmentDueDate
    organisation { id name } measures { id description status dueDate originalDueDate version points { id } }
    uncoveredPoints { id } internalAudit { id status dueDate version } verification { method grades { grade reason point { id } } }`;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t?.stop());

  async function plans(token: string) {
    const data = await t.ok(token, `query($id: ID!) { investigation(id: $id) { plans { ${PLAN} } } }`, { id: investigation.id });
    return data.investigation.plans as any[];
  }
  const planOf = async (token: string, orgId: string) => (await plans(token)).find((p) => p.organisation.id === orgId);

  it('refuses requests without a valid token', async () => {
    expect(codes(await t.gql(null, '{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql('not-a-token', '{ me { id } }'))).toEqual(['UNAUTHENTICATED']);
    const wrong = await t.gql(
      null,
      `mutation { signIn(input: { email: "inspecteur@igj.test", password: "wrong-password-123" }) { accessToken } }`,
    );
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
  });

  it('lets an inspector open a draft that nobody else sees', async () => {
    const created = await t.ok(
      w.inspector.token,
      `mutation($input: CreateInvestigationInput!) { createInvestigation(input: $input) { id status version leadInspectorate { id } ` +
        `deadlinePolicy { planDueDays auditDueMonths } } }`,
      {
        input: {
          title: 'Casus Heerlen 2015',
          municipalityId: w.orgs.heerlen,
          involvedOrganisationIds: [w.orgs.buurtteam, w.orgs.veiligThuis],
        },
      },
    );
    investigation = created.createInvestigation;
    expect(created.createInvestigation).toMatchObject({
      status: 'DRAFT',
      leadInspectorate: { id: w.orgs.igj },
      deadlinePolicy: { planDueDays: 42, auditDueMonths: 6 },
    });

    for (const outsider of [w.reviewer, w.buurtteamMember, w.outsideInspector]) {
      expect(codes(await t.gql(outsider.token, `query($id: ID!) { investigation(id: $id) { id } }`, { id: investigation.id }))).toEqual([
        'NOT_FOUND',
      ]);
    }
    const list = await t.ok(w.reviewer.token, `{ investigations { totalCount nodes { id } } }`);
    expect(list.investigations.totalCount).toBe(0);
  });

  it('records findings and points; refuses bad input and the wrong role', async () => {
    const finding = await t.ok(
      w.inspector.token,
      `mutation($input: AddFindingInput!) { addFinding(input: $input) { id position themes } }`,
      {
        input: {
          investigationId: investigation.id,
          text: 'Veiligheid van het kind kreeg onvoldoende prioriteit.',
          themes: ['SAFETY_ASSESSMENT'],
        },
      },
    );
    expect(finding.addFinding).toMatchObject({ position: 1, themes: ['SAFETY_ASSESSMENT'] });

    const add = (input: Record<string, unknown>, token = w.inspector.token) =>
      t.gql(
        token,
        `mutation($input: AddImprovementPointInput!) { addImprovementPoint(input: $input) { id collective coordinatingOrganisation { ` +
          `id } addressees { id } } }`,
        {
          input: { investigationId: investigation.id, themes: ['CASE_DIRECTION'], ...input },
        },
      );

    const noCoordinator = await add({ text: 'Regie', addresseeIds: [w.orgs.buurtteam, w.orgs.veiligThuis] });
    expect(codes(noCoordinator)).toEqual(['BAD_USER_INPUT']);
    expect(noCoordinator.errors![0].extensions.fields).toEqual([
      { path: 'input.coordinatingOrganisationId', message: 'a collective point needs a coordinating organisation' },
    ]);

    const notInvolved = await add({ text: 'Regie', addresseeIds: [w.orgs.hattem] });
    expect(fieldPaths(notInvolved)).toContain('input.addresseeIds.0');

    const badEnum = await t.gql(
      w.inspector.token,
      `mutation { addFinding(input: { investigationId: "${investigation.id}", text: "x", themes: [NOT_A_THEME] }) { id } }`,
    );
    expect(codes(badEnum)).toEqual(['GRAPHQL_VALIDATION_FAILED']);

    const emptyText = await t.gql(w.inspector.token, `mutation($input: AddFindingInput!) { addFinding(input: $input) { id } }`, {
      input: { investigationId: investigation.id, text: '' },
    });
    expect(codes(emptyText)).toEqual(['BAD_USER_INPUT']);
    expect(emptyText.errors![0].extensions.fields[0].path).toBe('input.text');

    expect(codes(await add({ text: 'x', addresseeIds: [w.orgs.buurtteam] }, w.buurtteamMember.token))).toEqual(['FORBIDDEN']);

    const collective = await add({
      text: 'Eén gezin, één plan, één regisseur.',
      addresseeIds: [w.orgs.buurtteam, w.orgs.veiligThuis],
      coordinatingOrganisationId: w.orgs.buurtteam,
    });
    points.collective = collective.data!.addImprovementPoint.id;
    expect(collective.data!.addImprovementPoint).toMatchObject({ collective: true, coordinatingOrganisation: { id: w.orgs.buurtteam } });
    points.buurtteam = (
      await add({ text: 'Schakel Veilig Thuis direct in.', addresseeIds: [w.orgs.buurtteam] })
    ).data!.addImprovementPoint.id;
    points.veiligThuis = (
      await add({ text: 'Gezamenlijke normen voor onveiligheid.', addresseeIds: [w.orgs.veiligThuis] })
    ).data!.addImprovementPoint.id;
  });

  it('publishes once, creating a plan per addressed organisation due six weeks later', async () => {
    const current = await t.ok(w.inspector.token, `query($id: ID!) { investigation(id: $id) { version } }`, { id: investigation.id });
    const published = await t.ok(
      w.inspector.token,
      `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { status publicationDate trajectoryEndDate ` +
        `version plans { dueDate organisation { id } } } }`,
      { input: { id: investigation.id, expectedVersion: current.investigation.version, publicationDate: '2026-03-02' } },
    );
    expect(published.publishInvestigation).toMatchObject({
      status: 'FOLLOW_UP',
      publicationDate: '2026-03-02',
      trajectoryEndDate: '2027-03-02',
    });
    expect(published.publishInvestigation.plans.map((p: any) => p.dueDate)).toEqual(['2026-04-13', '2026-04-13']);
    investigation.version = published.publishInvestigation.version;

    const again = await t.gql(
      w.inspector.token,
      `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { id } }`,
      {
        input: { id: investigation.id, expectedVersion: investigation.version, publicationDate: '2026-03-02' },
      },
    );
    expect(codes(again)).toEqual(['INVALID_TRANSITION']);

    const editAfter = await t.gql(w.inspector.token, `mutation($input: AddFindingInput!) { addFinding(input: $input) { id } }`, {
      input: { investigationId: investigation.id, text: 'te laat' },
    });
    expect(codes(editAfter)).toEqual(['INVALID_TRANSITION']);
  });

  it('shows each organisation only its own points and plan', async () => {
    const seen = await t.ok(
      w.buurtteamMember.token,
      `query($id: ID!) { investigation(id: $id) { improvementPoints { id } plans { id organisation { id } } findings { id } } }`,
      { id: investigation.id },
    );
    expect(seen.investigation.improvementPoints.map((p: any) => p.id).sort()).toEqual([points.collective, points.buurtteam].sort());
    expect(seen.investigation.plans).toHaveLength(1);
    expect(seen.investigation.plans[0].organisation.id).toBe(w.orgs.buurtteam);
    expect(seen.investigation.findings).toHaveLength(1);

    planA = await planOf(w.buurtteamMember.token, w.orgs.buurtteam);
    planB = await planOf(w.veiligThuisMember.token, w.orgs.veiligThuis);
    expect(codes(await t.gql(w.buurtteamMember.token, `query($id: ID!) { improvementPlan(id: $id) { id } }`, { id: planB.id }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(
      codes(await t.gql(w.buurtteamMember.token, `query($id: ID!) { improvementPoint(id: $id) { id } }`, { id: points.veiligThuis })),
    ).toEqual(['NOT_FOUND']);
    const viaList = await t.ok(w.buurtteamMember.token, `{ improvementPlans { totalCount nodes { id } } }`);
    expect(viaList.improvementPlans.nodes.map((p: any) => p.id)).toEqual([planA.id]);
  });

  const ADD_MEASURE = `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id version status dueDate originalDueDate } }`;
  let measure1: any;
  let measure2: any;

  it('refuses a submission while a point is uncovered, naming the point', async () => {
    const bad = await t.gql(w.buurtteamMember.token, ADD_MEASURE, {
      input: {
        planId: planA.id,
        description: ' ',
        successIndicator: 'x',
        ownerId: w.buurtteamMember.id,
        dueDate: '2026-01-01',
        pointIds: [points.veiligThuis],
      },
    });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions.fields.map((f: any) => f.path)).toEqual(['input.description']);

    const wrongPoint = await t.gql(w.buurtteamMember.token, ADD_MEASURE, {
      input: {
        planId: planA.id,
        description: 'Escalatieprotocol',
        successIndicator: 'Vastgesteld',
        ownerId: w.veiligThuisMember.id,
        dueDate: '2026-01-01',
        pointIds: [points.veiligThuis],
      },
    });
    expect(wrongPoint.errors![0].extensions.fields.map((f: any) => f.path).sort()).toEqual([
      'input.dueDate',
      'input.ownerId',
      'input.pointIds.0',
    ]);

    const badDate = await t.gql(w.buurtteamMember.token, ADD_MEASURE, {
      input: {
        planId: planA.id,
        description: 'x',
        successIndicator: 'x',
        ownerId: w.buurtteamMember.id,
        dueDate: '2026-02-30',
        pointIds: [points.buurtteam],
      },
    });
    expect(codes(badDate)).toEqual(['BAD_USER_INPUT']);

    measure1 = (
      await t.ok(w.buurtteamMember.token, ADD_MEASURE, {
        input: {
          planId: planA.id,
          description: 'Escalatieprotocol naar Veilig Thuis',
          successIndicator: 'Protocol vastgesteld',
          ownerId: w.buurtteamMember.id,
          dueDate: '2026-06-01',
          pointIds: [points.buurtteam],
        },
      })
    ).addMeasure;
    expect(measure1).toMatchObject({ status: 'PLANNED', dueDate: '2026-06-01', originalDueDate: '2026-06-01', version: 1 });

    const submit = await t.gql(
      w.buurtteamMember.token,
      `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`,
      {
        input: { planId: planA.id, expectedVersion: planA.version },
      },
    );
    expect(codes(submit)).toEqual(['BAD_USER_INPUT']);
    expect(submit.errors![0].extensions.uncoveredPointIds).toEqual([points.collective]);
    expect((await planOf(w.buurtteamMember.token, w.orgs.buurtteam)).uncoveredPoints.map((p: any) => p.id)).toEqual([points.collective]);
  });

  it('gives the second of two concurrent editors CONFLICT and keeps the first edit', async () => {
    const UPDATE = `mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { description version } }`;
    const first = await t.ok(w.buurtteamMember.token, UPDATE, {
      input: { id: measure1.id, expectedVersion: 1, description: 'Escalatieprotocol, versie teamleider' },
    });
    expect(first.updateMeasure.version).toBe(2);
    const second = await t.gql(w.buurtteamColleague.token, UPDATE, {
      input: { id: measure1.id, expectedVersion: 1, description: 'Versie collega' },
    });
    expect(codes(second)).toEqual(['CONFLICT']);
    expect(second.errors![0].extensions).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
    const now = await t.ok(w.buurtteamMember.token, `{ measures(filter: { planId: "${planA.id}" }) { nodes { description version } } }`);
    expect(now.measures.nodes).toEqual([{ description: 'Escalatieprotocol, versie teamleider', version: 2 }]);
  });

  it('freezes a submitted version; reviewers see submitted plans, never drafts', async () => {
    measure2 = (
      await t.ok(w.buurtteamMember.token, ADD_MEASURE, {
        input: {
          planId: planA.id,
          description: 'Regisseur per gezin',
          successIndicator: 'Elke casus heeft een regisseur',
          ownerId: w.buurtteamColleague.id,
          dueDate: '2026-07-01',
          pointIds: [points.collective],
        },
      })
    ).addMeasure;
    const current = await planOf(w.buurtteamMember.token, w.orgs.buurtteam);
    const submitted = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status submittedVersions assessmentDueDate ` +
        `versions { number measures { id } } } }`,
      {
        input: { planId: planA.id, expectedVersion: current.version },
      },
    );
    expect(submitted.submitImprovementPlan).toMatchObject({ status: 'SUBMITTED', submittedVersions: 1, assessmentDueDate: '2026-03-30' });
    expect(submitted.submitImprovementPlan.versions[0].measures).toHaveLength(2);

    expect(
      codes(
        await t.gql(w.buurtteamMember.token, ADD_MEASURE, {
          input: {
            planId: planA.id,
            description: 'te laat',
            successIndicator: 'x',
            ownerId: w.buurtteamMember.id,
            dueDate: '2026-07-01',
            pointIds: [points.buurtteam],
          },
        }),
      ),
    ).toEqual(['INVALID_TRANSITION']);

    // Veilig Thuis starts a draft: the reviewer and the inspector do not see its contents.
    await t.ok(w.veiligThuisMember.token, ADD_MEASURE, {
      input: {
        planId: planB.id,
        description: 'Normenkader onveiligheid',
        successIndicator: 'Vastgesteld met de keten',
        ownerId: w.veiligThuisMember.id,
        dueDate: '2026-05-01',
        pointIds: [points.veiligThuis, points.collective],
      },
    });
    const reviewerView = await plans(w.reviewer.token);
    expect(reviewerView.find((p) => p.id === planA.id).measures).toHaveLength(2);
    expect(reviewerView.find((p) => p.id === planB.id).measures).toHaveLength(0);
    expect((await plans(w.inspector.token)).find((p) => p.id === planB.id).measures).toHaveLength(0);
    expect(codes(await t.gql(w.otherReviewer.token, `query($id: ID!) { improvementPlan(id: $id) { id } }`, { id: planA.id }))).toEqual([
      'NOT_FOUND',
    ]);
  });

  const ASSESS = `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status dueDate originalDueDate version
    assessments { outcome planVersionNumber pace { judgement rationale } inspector { id } } internalAudit { status dueDate } } }`;
  const answers = (pace: string) => ({
    aimedAtShortcomings: { judgement: 'SUFFICIENT', rationale: 'Gericht op de tekortkomingen.' },
    chanceOfSuccess: { judgement: 'SUFFICIENT', rationale: 'Eigenaarschap belegd.' },
    pace: { judgement: pace, rationale: pace === 'SUFFICIENT' ? 'Haalbaar tempo.' : 'Te traag.' },
  });

  it('lets only an inspector on the case assess; an insufficient answer sends the plan back', async () => {
    const current = await planOf(w.buurtteamMember.token, w.orgs.buurtteam);
    expect(
      codes(
        await t.gql(w.reviewer.token, ASSESS, { input: { planId: planA.id, expectedVersion: current.version, ...answers('SUFFICIENT') } }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await t.gql(w.buurtteamMember.token, ASSESS, {
          input: { planId: planA.id, expectedVersion: current.version, ...answers('SUFFICIENT') },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codes(
        await t.gql(w.outsideInspector.token, ASSESS, {
          input: { planId: planA.id, expectedVersion: current.version, ...answers('SUFFICIENT') },
        }),
      ),
    ).toEqual(['NOT_FOUND']);

    await t.travel('2026-03-20T10:00:00');
    const revision = await t.ok(w.inspector.token, ASSESS, {
      input: { planId: planA.id, expectedVersion: current.version, ...answers('INSUFFICIENT') },
    });
    expect(revision.assessImprovementPlan).toMatchObject({
      status: 'REVISION_REQUESTED',
      dueDate: '2026-04-17',
      originalDueDate: '2026-04-13',
      assessments: [
        { outcome: 'REVISION_REQUESTED', planVersionNumber: 1, pace: { judgement: 'INSUFFICIENT' }, inspector: { id: w.inspector.id } },
      ],
      internalAudit: null,
    });
  });

  it('keeps every version readable and shows what changed between them', async () => {
    await t.ok(w.buurtteamMember.token, `mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }`, {
      input: { id: measure1.id, expectedVersion: 2, dueDate: '2026-05-01' },
    });
    const current = await planOf(w.buurtteamMember.token, w.orgs.buurtteam);
    const m = current.measures.find((x: any) => x.id === measure1.id);
    expect(m).toMatchObject({ dueDate: '2026-05-01', originalDueDate: '2026-06-01' });
    await t.ok(w.buurtteamMember.token, `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`, {
      input: { planId: planA.id, expectedVersion: current.version },
    });
    const diff = await t.ok(
      w.inspector.token,
      `query($id: ID!) { comparePlanVersions(planId: $id, fromVersion: 1, toVersion: 2) { added { id } removed { id } changed { ` +
        `measureId changes { field from to } } } }`,
      { id: planA.id },
    );
    expect(diff.comparePlanVersions).toEqual({
      added: [],
      removed: [],
      changed: [{ measureId: measure1.id, changes: [{ field: 'dueDate', from: '2026-06-01', to: '2026-05-01' }] }],
    });
    const unknown = await t.gql(
      w.inspector.token,
      `query($id: ID!) { comparePlanVersions(planId: $id, fromVersion: 1, toVersion: 7) { added { id } } }`,
      { id: planA.id },
    );
    expect(unknown.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'toVersion', message: 'unknown version' }],
    });
  });

  it('accepts the plan and schedules the internal audit six months later', async () => {
    const current = await planOf(w.buurtteamMember.token, w.orgs.buurtteam);
    await t.travel('2026-04-01T10:00:00');
    const accepted = await t.ok(w.inspector.token, ASSESS, {
      input: { planId: planA.id, expectedVersion: current.version, ...answers('SUFFICIENT') },
    });
    expect(accepted.assessImprovementPlan).toMatchObject({ status: 'ACCEPTED', internalAudit: { status: 'DRAFT', dueDate: '2026-10-01' } });
    expect(accepted.assessImprovementPlan.assessments.map((a: any) => a.outcome)).toEqual(['REVISION_REQUESTED', 'ACCEPTED']);
  });

  it('reports progress on measures: evidence to complete, a reason to cancel', async () => {
    const current = await planOf(w.buurtteamMember.token, w.orgs.buurtteam);
    const m1 = current.measures.find((x: any) => x.id === measure1.id);
    const m2 = current.measures.find((x: any) => x.id === measure2.id);
    const started = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: VersionedRefInput!) { startMeasure(input: $input) { status version } }`,
      { input: { id: m1.id, expectedVersion: m1.version } },
    );
    expect(started.startMeasure.status).toBe('IN_PROGRESS');
    const noEvidence = await t.gql(
      w.buurtteamMember.token,
      `mutation($input: CompleteMeasureInput!) { completeMeasure(input: $input) { status } }`,
      { input: { id: m1.id, expectedVersion: started.startMeasure.version, evidence: '' } },
    );
    expect(noEvidence.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.evidence' }] });
    const done = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: CompleteMeasureInput!) { completeMeasure(input: $input) { status evidence } }`,
      {
        input: { id: m1.id, expectedVersion: started.startMeasure.version, evidence: 'Protocol vastgesteld door het bestuur op 20 april.' },
      },
    );
    expect(done.completeMeasure.status).toBe('COMPLETED');
    const again = await t.gql(w.buurtteamMember.token, `mutation($input: VersionedRefInput!) { startMeasure(input: $input) { status } }`, {
      input: { id: m1.id, expectedVersion: 4 },
    });
    expect(codes(again)).toEqual(['INVALID_TRANSITION']);

    // Overdue is derived from the clock: measure 2 (due 1 July) is late on 2 July.
    await t.travel('2026-07-02T10:00:00');
    const late = await t.ok(w.inspector.token, `{ measures(filter: { overdue: true }) { nodes { id overdue } } }`);
    expect(late.measures.nodes).toEqual([{ id: m2.id, overdue: true }]);
    const lateInvestigations = await t.ok(w.reviewer.token, `{ investigations(filter: { overdue: true }) { totalCount } }`);
    expect(lateInvestigations.investigations.totalCount).toBe(1);
    const veiligThuisLate = await t.ok(
      w.reviewer.token,
      `{ improvementPlans(filter: { overdue: true }) { nodes { organisation { id } overdue } } }`,
    );
    expect(veiligThuisLate.improvementPlans.nodes).toEqual([{ organisation: { id: w.orgs.veiligThuis }, overdue: true }]);
    await t.ok(w.buurtteamMember.token, `mutation($input: VersionedRefInput!) { startMeasure(input: $input) { status } }`, {
      input: { id: m2.id, expectedVersion: m2.version },
    });
  });

  const RECORD =
    `mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { status closedAt verification { ` +
    `method grades { grade } } } }`;

  it('needs a judged internal audit before verification', async () => {
    const current = await planOf(w.buurtteamMember.token, w.orgs.buurtteam);
    const early = await t.gql(w.inspector.token, RECORD, {
      input: {
        planId: planA.id,
        expectedPlanVersion: current.version,
        method: 'DESK_REVIEW',
        verifiedOn: '2026-07-02',
        summary: 'Te vroeg',
        grades: [],
      },
    });
    expect(codes(early)).toEqual(['INVALID_TRANSITION']);

    const audit = current.internalAudit;
    const m1 = current.measures.find((x: any) => x.id === measure1.id);
    const m2 = current.measures.find((x: any) => x.id === measure2.id);
    const incomplete = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { version } }`,
      {
        input: {
          id: audit.id,
          expectedVersion: audit.version,
          conclusion: 'Grotendeels ingevoerd.',
          results: [{ measureId: m1.id, implementation: 'IMPLEMENTED', evidence: 'Steekproef 10 dossiers.' }],
        },
      },
    );
    const refused = await t.gql(
      w.buurtteamMember.token,
      `mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { status } }`,
      { input: { id: audit.id, expectedVersion: incomplete.saveInternalAudit.version } },
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions.fields).toEqual([
      { path: `results.${m2.id}`, message: 'no result for measure "Regisseur per gezin"' },
    ]);

    const saved = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { version } }`,
      {
        input: {
          id: audit.id,
          expectedVersion: incomplete.saveInternalAudit.version,
          results: [
            { measureId: m1.id, implementation: 'IMPLEMENTED', evidence: 'Steekproef 10 dossiers.' },
            { measureId: m2.id, implementation: 'PARTLY_IMPLEMENTED', evidence: 'In 7 van 10 casussen een regisseur.' },
          ],
        },
      },
    );
    const submitted = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { status version } }`,
      { input: { id: audit.id, expectedVersion: saved.saveInternalAudit.version } },
    );
    expect(submitted.submitInternalAudit.status).toBe('SUBMITTED');

    const JUDGE =
      `mutation($input: JudgeInternalAuditInput!) { judgeInternalAudit(input: $input) { status version judgements { ` +
      `quality inspector { id } } } }`;
    const insufficient = await t.ok(w.inspector.token, JUDGE, {
      input: {
        id: audit.id,
        expectedVersion: submitted.submitInternalAudit.version,
        quality: 'INSUFFICIENT',
        rationale: 'Steekproef te klein.',
        followUp: 'REVISED_AUDIT',
        revisedDueDate: '2026-12-31',
      },
    });
    expect(insufficient.judgeInternalAudit.status).toBe('REVISION_REQUESTED');
    const resubmitted = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { version } }`,
      { input: { id: audit.id, expectedVersion: insufficient.judgeInternalAudit.version } },
    );
    const judged = await t.ok(w.inspector.token, JUDGE, {
      input: {
        id: audit.id,
        expectedVersion: resubmitted.submitInternalAudit.version,
        quality: 'SUFFICIENT',
        rationale: 'Nu representatief.',
      },
    });
    expect(judged.judgeInternalAudit).toMatchObject({
      status: 'JUDGED',
      judgements: [{ quality: 'INSUFFICIENT' }, { quality: 'SUFFICIENT', inspector: { id: w.inspector.id } }],
    });
  });

  it('closes a plan only through a verification that grades every point', async () => {
    const current = await planOf(w.buurtteamMember.token, w.orgs.buurtteam);
    const base = {
      planId: planA.id,
      expectedPlanVersion: current.version,
      method: 'SITE_VISIT',
      verifiedOn: '2026-07-02',
      summary: 'Bezoek aan het buurtteam.',
    };
    const missing = await t.gql(w.inspector.token, RECORD, { input: { ...base, grades: [{ pointId: points.buurtteam, grade: 'FULLY' }] } });
    expect(missing.errors![0].extensions.fields).toEqual([{ path: 'input.grades', message: expect.stringContaining(points.collective) }]);
    const noReason = await t.gql(w.inspector.token, RECORD, {
      input: {
        ...base,
        grades: [
          { pointId: points.buurtteam, grade: 'FULLY' },
          { pointId: points.collective, grade: 'NO_LONGER_RELEVANT' },
        ],
      },
    });
    expect(noReason.errors![0].extensions.fields).toEqual([
      { path: 'input.grades.1.reason', message: 'say why the point is no longer relevant' },
    ]);
    const stale = await t.gql(w.inspector.token, RECORD, { input: { ...base, expectedPlanVersion: current.version - 1, grades: [] } });
    expect(codes(stale)).toEqual(['CONFLICT']);

    const closed = await t.ok(w.inspector.token, RECORD, {
      input: {
        ...base,
        grades: [
          { pointId: points.buurtteam, grade: 'FULLY' },
          { pointId: points.collective, grade: 'MOSTLY' },
        ],
      },
    });
    expect(closed.recordVerification).toMatchObject({
      status: 'CLOSED',
      verification: { method: 'SITE_VISIT', grades: expect.arrayContaining([{ grade: 'FULLY' }, { grade: 'MOSTLY' }]) },
    });

    const reviewerSees = await t.ok(
      w.reviewer.token,
      `query($id: ID!) { improvementPlan(id: $id) { status verification { grades { grade point { id } } } } }`,
      { id: planA.id },
    );
    expect(reviewerSees.improvementPlan.verification.grades).toHaveLength(2);
  });

  it('closes the investigation only when every plan is verified', async () => {
    const CLOSE = `mutation($input: CloseInvestigationInput!) { closeInvestigation(input: $input) { status closureReason } }`;
    const inv = await t.ok(w.inspector.token, `query($id: ID!) { investigation(id: $id) { version } }`, { id: investigation.id });
    const early = await t.gql(w.inspector.token, CLOSE, {
      input: { id: investigation.id, expectedVersion: inv.investigation.version, reason: 'Klaar' },
    });
    expect(codes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0].message).toContain('Veilig Thuis Zuid-Limburg (DRAFT)');

    // Veilig Thuis: submit, accept, audit, judge, verify.
    await t.travel('2026-07-03T10:00:00');
    let b = await planOf(w.veiligThuisMember.token, w.orgs.veiligThuis);
    await t.ok(w.veiligThuisMember.token, `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`, {
      input: { planId: planB.id, expectedVersion: b.version },
    });
    b = await planOf(w.veiligThuisMember.token, w.orgs.veiligThuis);
    await t.ok(w.inspector.token, ASSESS, { input: { planId: planB.id, expectedVersion: b.version, ...answers('SUFFICIENT') } });
    b = await planOf(w.veiligThuisMember.token, w.orgs.veiligThuis);
    const saved = await t.ok(
      w.veiligThuisMember.token,
      `mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { version } }`,
      {
        input: {
          id: b.internalAudit.id,
          expectedVersion: b.internalAudit.version,
          conclusion: 'Ingevoerd.',
          results: [{ measureId: b.measures[0].id, implementation: 'IMPLEMENTED', evidence: 'Normenkader vastgesteld.' }],
        },
      },
    );
    const sub = await t.ok(
      w.veiligThuisMember.token,
      `mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { version } }`,
      { input: { id: b.internalAudit.id, expectedVersion: saved.saveInternalAudit.version } },
    );
    await t.ok(w.inspector.token, `mutation($input: JudgeInternalAuditInput!) { judgeInternalAudit(input: $input) { status } }`, {
      input: {
        id: b.internalAudit.id,
        expectedVersion: sub.submitInternalAudit.version,
        quality: 'SUFFICIENT',
        rationale: 'Goed onderbouwd.',
      },
    });
    b = await planOf(w.veiligThuisMember.token, w.orgs.veiligThuis);
    await t.ok(w.inspector.token, RECORD, {
      input: {
        planId: planB.id,
        expectedPlanVersion: b.version,
        method: 'DESK_REVIEW',
        verifiedOn: '2026-07-03',
        summary: 'Stukken beoordeeld.',
        grades: [
          { pointId: points.veiligThuis, grade: 'FULLY' },
          { pointId: points.collective, grade: 'NO_LONGER_RELEVANT', reason: 'Opgegaan in het gemeentelijk regiemodel.' },
        ],
      },
    });

    const closed = await t.ok(w.inspector.token, CLOSE, {
      input: { id: investigation.id, expectedVersion: inv.investigation.version, reason: 'Alle plannen getoetst.' },
    });
    expect(closed.closeInvestigation).toEqual({ status: 'CLOSED', closureReason: 'Alle plannen getoetst.' });
    const reviewer = await t.ok(w.reviewer.token, `{ investigations(filter: { status: CLOSED }) { totalCount } }`);
    expect(reviewer.investigations.totalCount).toBe(1);
    const other = await t.ok(w.otherReviewer.token, `{ investigations { totalCount } improvementPlans { totalCount } }`);
    expect(other).toEqual({ investigations: { totalCount: 0 }, improvementPlans: { totalCount: 0 } });
  });
});
