import { codes, fieldPaths, TestApp } from '../support/test-app';
import { createWorld } from '../support/fixtures';

const PREVIEW = `query($id: ID!, $date: Date!) { publicationPreview(investigationId: $id, publicationDate: $date) {
  investigationId publicationDate trajectoryEndDate plans { dueDate organisation { id name } } } }`;

const WINDOW = `query($id: ID!, $date: Date!) { publicationPreview(investigationId: $id, publicationDate: $date) {
  earliestPublicationDate latestPublicationDate } }`;

/**
 * The publication preview over HTTP: it answers what publishInvestigation then creates (plan due
 * dates per addressed organisation, the trajectory end), refuses the dates publish refuses, and
 * only the lead inspectorate's inspectors may ask. The clock stands at 2 March 2026.
 */
describe('publication preview', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
  });
  afterAll(async () => t?.stop());

  /** A complete draft: a collective point for both organisations and one for the team only. */
  async function draft(policy: Record<string, unknown>) {
    const created = await t.ok(
      w.inspector.token,
      `mutation($input: CreateInvestigationInput!) { createInvestigation(input: $input) { id } }`,
      {
        input: {
          title: 'Casus Heerlen 2015',
          municipalityId: w.orgs.heerlen,
          involvedOrganisationIds: [w.orgs.buurtteam, w.orgs.veiligThuis],
          policy,
        },
      },
    );
    const id = created.createInvestigation.id as string;
    await t.ok(w.inspector.token, `mutation($input: AddFindingInput!) { addFinding(input: $input) { id } }`, {
      input: { investigationId: id, text: 'Signalen werden niet gedeeld.' },
    });
    for (const addresseeIds of [[w.orgs.buurtteam, w.orgs.veiligThuis], [w.orgs.buurtteam]]) {
      await t.ok(w.inspector.token, `mutation($input: AddImprovementPointInput!) { addImprovementPoint(input: $input) { id } }`, {
        input: {
          investigationId: id,
          text: 'Deel signalen direct.',
          addresseeIds,
          coordinatingOrganisationId: addresseeIds.length > 1 ? w.orgs.buurtteam : undefined,
        },
      });
    }
    return id;
  }

  async function publish(id: string, publicationDate: string) {
    const { investigation } = await t.ok(w.inspector.token, `query($id: ID!) { investigation(id: $id) { version } }`, { id });
    const data = await t.ok(
      w.inspector.token,
      `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { status publicationDate trajectoryEndDate ` +
        `plans { dueDate originalDueDate organisation { id } } } }`,
      { input: { id, expectedVersion: investigation.version, publicationDate } },
    );
    return data.publishInvestigation;
  }

  const byOrganisation = (plans: Array<{ dueDate: string; organisation: { id: string } }>) =>
    Object.fromEntries(plans.map((p) => [p.organisation.id, p.dueDate]));

  it('previews across a public holiday and a weekend exactly what publishing then creates', async () => {
    // Friday 24 April 2026: King's Day (Monday 27 April) and Liberation Day (5 May) are not working days;
    // 12 months later is Saturday 24 April 2027, moved to Monday 26 April.
    const id = await draft({ unit: 'WORKING_DAYS', planDueDays: 10, trajectoryMonths: 12 });
    const preview = (await t.ok(w.inspector.token, PREVIEW, { id, date: '2026-04-24' })).publicationPreview;
    expect(preview).toMatchObject({ investigationId: id, publicationDate: '2026-04-24', trajectoryEndDate: '2027-04-26' });
    expect(preview.plans.map((p: any) => p.organisation.name)).toEqual(['Sociaal Buurtteam Heerlen', 'Veilig Thuis Zuid-Limburg']);
    expect(preview.plans.map((p: any) => p.dueDate)).toEqual(['2026-05-12', '2026-05-12']);

    // The preview changed nothing: the draft is still a draft.
    const before = await t.ok(w.inspector.token, `query($id: ID!) { investigation(id: $id) { status plans { id } } }`, { id });
    expect(before.investigation).toEqual({ status: 'DRAFT', plans: [] });

    const published = await publish(id, '2026-04-24');
    expect(published).toMatchObject({ status: 'FOLLOW_UP', publicationDate: '2026-04-24', trajectoryEndDate: preview.trajectoryEndDate });
    expect(published.plans).toHaveLength(preview.plans.length);
    expect(byOrganisation(published.plans)).toEqual(byOrganisation(preview.plans));
    for (const plan of published.plans) expect(plan.originalDueDate).toBe(plan.dueDate);

    // Once published there is nothing left to preview: the same refusal as publishing again.
    expect(codes(await t.gql(w.inspector.token, PREVIEW, { id, date: '2026-04-24' }))).toEqual(['INVALID_TRANSITION']);
  });

  it('agrees with publishing under calendar days too (month end clamped)', async () => {
    const id = await draft({ unit: 'CALENDAR_DAYS', planDueDays: 42, trajectoryMonths: 1 });
    const preview = (await t.ok(w.inspector.token, PREVIEW, { id, date: '2026-01-31' })).publicationPreview;
    expect(preview.trajectoryEndDate).toBe('2026-02-28');
    expect(preview.plans.map((p: any) => p.dueDate)).toEqual(['2026-03-14', '2026-03-14']);
    const published = await publish(id, '2026-01-31');
    expect(published.trajectoryEndDate).toBe(preview.trajectoryEndDate);
    expect(byOrganisation(published.plans)).toEqual(byOrganisation(preview.plans));
  });

  it('refuses a date outside the publication window, naming the field, as publishing does', async () => {
    const id = await draft({});
    for (const date of ['2026-06-01', '2025-03-01']) {
      const res = await t.gql(w.inspector.token, PREVIEW, { id, date });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(fieldPaths(res)).toEqual(['publicationDate']);
    }
    // The edges of the window are accepted, and the preview names them.
    for (const date of ['2026-05-31', '2025-03-02']) {
      const edge = (await t.ok(w.inspector.token, WINDOW, { id, date })).publicationPreview;
      expect(edge).toEqual({ earliestPublicationDate: '2025-03-02', latestPublicationDate: '2026-05-31' });
    }
    // Publishing refuses the same date with its own input path.
    const { investigation } = await t.ok(w.inspector.token, `query($id: ID!) { investigation(id: $id) { version } }`, { id });
    const publishing = await t.gql(
      w.inspector.token,
      `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { id } }`,
      {
        input: { id, expectedVersion: investigation.version, publicationDate: '2026-06-01' },
      },
    );
    expect(codes(publishing)).toEqual(['BAD_USER_INPUT']);
    expect(fieldPaths(publishing)).toEqual(['input.publicationDate']);
  });

  it('answers only the inspectors who may publish', async () => {
    const id = await draft({});
    const vars = { id, date: '2026-03-02' };
    expect(codes(await t.gql(w.outsideInspector.token, PREVIEW, vars))).toEqual(['NOT_FOUND']);
    for (const other of [w.buurtteamMember, w.reviewer]) expect(codes(await t.gql(other.token, PREVIEW, vars))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(w.admin, PREVIEW, vars))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(null, PREVIEW, vars))).toEqual(['UNAUTHENTICATED']);
  });
});
