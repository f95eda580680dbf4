import { Database } from '@opvolging/database';
import request from 'supertest';
import { DRAFT_CONCLUSION, DRAFT_EVIDENCE, DRAFT_MEASURE, FUTURE, MatrixActor, MatrixFixtures, ReadWorld, TODAY } from './fixtures';

/**
 * One valid request per row of matrix.md, aimed at "own data": the neighbourhood team's
 * (MEMBER's organisation) plan, measure, audit or request in a case led by INSPECTOR's
 * inspectorate in REVIEWER's municipality. Every role sends the same request; what differs is the
 * answer. A row is an operation of the schema, or `operation [variant]` for a second target.
 *
 * Rows that change state (mutations) build a fresh target for every cell (`setup` runs per cell),
 * so an allowed call never spoils the next cell. Read-only rows (`shared: true`) look at one world
 * built once.
 */
export interface RequestSpec<T = any> {
  /** Builds the target: per cell, or once per row when `shared`. */
  setup?: (fx: MatrixFixtures) => Promise<T>;
  shared?: boolean;
  query: string;
  variables?: (target: T, actor: MatrixActor, fx: MatrixFixtures) => Record<string, unknown>;
  /**
   * For answers that are filtered rather than refused: whether the answer shows the target.
   * No errors and `sees` false is EMPTY; without `sees`, no errors is OK.
   */
  sees?: (data: any, target: T, fx: MatrixFixtures) => boolean;
  /** Runs after the cell, e.g. to sign in again after the actor ended its own sessions. */
  after?: (fx: MatrixFixtures, actor: MatrixActor) => Promise<void>;
}

const read =
  <T>(pick: (r: ReadWorld) => T) =>
  async (fx: MatrixFixtures) =>
    pick(await fx.readWorld());
const ids = (nodes: Array<{ id: string }> | undefined | null) => (nodes ?? []).map((n) => n.id);
const json = (data: unknown) => JSON.stringify(data);
const ANSWER = { judgement: 'SUFFICIENT', rationale: 'Voldoende onderbouwd.' };
const THREAD = `query($t: ThreadSubjectType!, $id: ID!) { commentThread(subjectType: $t, subjectId: $id) { comments { id } } }`;

/** A comment on a plan by a role of the matrix. */
async function comment(fx: MatrixFixtures, planId: string, role: 'MEMBER' | 'INSPECTOR', visibility: string) {
  const data = await fx.t.ok(fx.actor(role).token, `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`, {
    input: { subjectType: 'PLAN', subjectId: planId, visibility, body: `Opmerking ${fx.unique()}` },
  });
  // MEMBER's first public word tells the inspectors; they read it, so the notification rows keep their own world.
  if (role === 'MEMBER' && visibility === 'PUBLIC') await fx.t.ok(fx.actor('INSPECTOR').token, `mutation { markNotificationsRead }`);
  return { id: data.addComment.id as string, planId };
}

/** An evidence file on a measure, uploaded by MEMBER over HTTP. */
async function evidence(fx: MatrixFixtures, measureId: string) {
  const res = await request(fx.t.app.getHttpServer())
    .post(`/attachments?subjectType=MEASURE&subjectId=${measureId}`)
    .set('authorization', `Bearer ${fx.actor('MEMBER').token}`)
    .attach('file', Buffer.from(`Notulen ${fx.unique()}\n`), 'notulen.txt');
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${res.text}`);
  return { id: res.body.id as string, subjectId: measureId };
}

// ---- enforcement targets: intensified supervision on the team's plan, or a penalty order after it ----
const MEASURE_FIELDS = `id version status type progressReports { id version status }`;
const RECORD_ENFORCEMENT =
  `mutation($input: RecordEnforcementMeasureInput!) { recordEnforcementMeasure(input: $input) { ` + `${MEASURE_FIELDS} } }`;
const ENFORCEMENT_RATIONALE = 'Het verbeterplan blijft uit; verscherpt toezicht.';
async function supervision(fx: MatrixFixtures) {
  const c = await fx.case('published');
  const measure = (
    await fx.t.ok(fx.actor('INSPECTOR').token, RECORD_ENFORCEMENT, {
      input: { planId: c.plan.id, type: 'INTENSIFIED_SUPERVISION', decisionDate: TODAY, rationale: ENFORCEMENT_RATIONALE },
    })
  ).recordEnforcementMeasure;
  return { c, measure, report: measure.progressReports[0] as { id: string; version: number } };
}
async function submittedReport(fx: MatrixFixtures) {
  const s = await supervision(fx);
  const submitted = (
    await fx.t.ok(
      fx.actor('MEMBER').token,
      `mutation($input: SubmitProgressReportInput!) { submitEnforcementProgressReport(input: $input) { id version } }`,
      { input: { id: s.report.id, expectedVersion: s.report.version, report: 'Eerste maand: planning gemaakt.' } },
    )
  ).submitEnforcementProgressReport;
  return { ...s, report: submitted as { id: string; version: number } };
}
/** A penalty order whose compliance deadline has passed (moved back in the database: this test's clock stands still). */
async function penaltyOrder(fx: MatrixFixtures) {
  const s = await supervision(fx);
  const order = (
    await fx.t.ok(fx.actor('INSPECTOR').token, RECORD_ENFORCEMENT, {
      input: {
        planId: s.c.plan.id,
        type: 'PENALTY_ORDER',
        decisionDate: TODAY,
        rationale: 'Geen plan ontvangen.',
        requirements: 'Dien het verbeterplan in.',
        complianceDueDate: FUTURE,
        amountCents: 100000,
        amountBasis: 'TOTAL',
      },
    })
  ).recordEnforcementMeasure;
  await fx.t
    .get(Database)
    .transaction(null, ({ em }) =>
      em.query(`UPDATE enforcement_measures SET compliance_due_date = '2026-02-27' WHERE id = $1`, [order.id]),
    );
  return { ...s, measure: order as { id: string; version: number } };
}

/** requestExport for every list view, each filtered to the target where the view takes a filter. */
function exportVariants(): Record<string, RequestSpec> {
  const variant = (
    view: string,
    input: (c: ReadWorld['case'], fx: MatrixFixtures) => Record<string, unknown> = () => ({}),
  ): RequestSpec => ({
    shared: true,
    setup: read((r) => r.case),
    query: `mutation($input: RequestExportInput!) { requestExport(input: $input) { id status } }`,
    variables: (c, _a, fx) => ({ input: { view, format: 'CSV', ...input(c, fx) } }),
    after: (fx) => fx.closeOpenExports(),
  });
  return {
    'requestExport [MUNICIPALITY_OVERVIEW]': variant('MUNICIPALITY_OVERVIEW', (_c, fx) => ({ municipalityId: fx.orgs.heerlen })),
    'requestExport [PORTFOLIO]': variant('PORTFOLIO', (_c, fx) => ({ portfolioFilter: { municipalityId: fx.orgs.heerlen } })),
    'requestExport [ORGANISATION_OVERVIEW]': variant('ORGANISATION_OVERVIEW'),
    'requestExport [THEMES]': variant('THEMES'),
    'requestExport [MEASURES]': variant('MEASURES', (c) => ({ measureFilter: { planId: c.plan.id } })),
    'requestExport [IMPROVEMENT_POINTS]': variant('IMPROVEMENT_POINTS', (c) => ({ improvementPointFilter: { investigationId: c.id } })),
    'requestExport [DEADLINES]': variant('DEADLINES', (c) => ({ deadlineFilter: { investigationId: c.id } })),
  };
}

export const requests: Record<string, RequestSpec> = {
  // ======================================= queries ==========================================

  actionsNeeded: {
    shared: true,
    setup: read((r) => r.case),
    query: `{ actionsNeeded { kind subjectId } }`,
    sees: (d, c) => d.actionsNeeded.some((a: any) => a.kind === 'ASSESS_PLAN' && a.subjectId === c.plan.id),
  },
  comparePlanVersions: {
    shared: true,
    setup: read((r) => r.case),
    query:
      `query($planId: ID!) { comparePlanVersions(planId: $planId, fromVersion: 1, toVersion: 1) { fromVersion toVersion added { ` +
      `id } } }`,
    variables: (c) => ({ planId: c.plan.id }),
  },
  deadlines: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID) { deadlines(first: 100, filter: { investigationId: $id }) { nodes { id kind } } }`,
    variables: (c) => ({ id: c.id }),
    sees: (d, c) => ids(d.deadlines.nodes).includes(c.plan.id),
  },
  export: {
    shared: true,
    setup: read((r) => r.exportId),
    query: `query($id: ID!) { export(id: $id) { id view } }`,
    variables: (id) => ({ id }),
  },
  extensionRequests: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID) { extensionRequests(first: 100, filter: { investigationId: $id }) { nodes { id } } }`,
    variables: (c) => ({ id: c.id }),
    sees: (d, c) => ids(d.extensionRequests.nodes).includes(c.request.id),
  },
  history: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID!) { history(entityId: $id) { entries { entityType operation } } }`,
    variables: (c) => ({ id: c.measure.id }),
    sees: (d) => d.history.entries.length > 0,
  },
  'history [draft internal audit]': {
    shared: true,
    setup: read((r) => r.draftAudit),
    query: `query($id: ID!) { history(entityId: $id) { entries { entityType operation before after } } }`,
    variables: (c) => ({ id: c.audit.id }),
    sees: (d) => json(d).includes(DRAFT_CONCLUSION),
  },
  'history [measure, draft audit result]': {
    shared: true,
    setup: read((r) => r.draftAudit),
    query: `query($id: ID!) { history(entityId: $id) { entries { entityType operation before after } } }`,
    variables: (c) => ({ id: c.measure.id }),
    sees: (d) => json(d).includes(DRAFT_EVIDENCE),
  },
  improvementPlan: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID!) { improvementPlan(id: $id) { id status } }`,
    variables: (c) => ({ id: c.plan.id }),
  },
  'improvementPlan [draft internal audit]': {
    shared: true,
    setup: read((r) => r.draftAudit),
    query: `query($id: ID!) { improvementPlan(id: $id) { internalAudit { status conclusion results { evidence } } } }`,
    variables: (c) => ({ id: c.plan.id }),
    sees: (d) => json(d).includes(DRAFT_CONCLUSION) || json(d).includes(DRAFT_EVIDENCE),
  },
  improvementPlans: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID) { improvementPlans(first: 100, filter: { investigationId: $id }) { nodes { id } } }`,
    variables: (c) => ({ id: c.id }),
    sees: (d, c) => ids(d.improvementPlans.nodes).includes(c.plan.id),
  },
  improvementPoint: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID!) { improvementPoint(id: $id) { id text } }`,
    variables: (c) => ({ id: c.pointId }),
  },
  improvementPoints: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID) { improvementPoints(first: 100, filter: { investigationId: $id }) { nodes { id } } }`,
    variables: (c) => ({ id: c.id }),
    sees: (d, c) => ids(d.improvementPoints.nodes).includes(c.pointId),
  },
  inspectoratePortfolio: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($m: ID) { inspectoratePortfolio(first: 200, filter: { municipalityId: $m }) { investigations { investigationId } } }`,
    variables: (c, _a, fx) => ({ m: fx.orgs.heerlen }),
    sees: (d, c) => d.inspectoratePortfolio.investigations.some((i: any) => i.investigationId === c.id),
  },
  investigation: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID!) { investigation(id: $id) { id title } }`,
    variables: (c) => ({ id: c.id }),
  },
  investigationTimeline: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($id: ID!) { investigationTimeline(investigationId: $id, first: 200) { entries { entityType operation } } }`,
    variables: (c) => ({ id: c.id }),
    sees: (d) => d.investigationTimeline.entries.length > 0,
  },
  'investigationTimeline [draft plan]': {
    shared: true,
    setup: read((r) => r.draftPlan),
    query: `query($id: ID!) { investigationTimeline(investigationId: $id, first: 200) { entries { entityType entityId after } } }`,
    variables: (c) => ({ id: c.id }),
    sees: (d) => json(d).includes(DRAFT_MEASURE),
  },
  'investigationTimeline [draft internal audit]': {
    shared: true,
    setup: read((r) => r.draftAudit),
    query: `query($id: ID!) { investigationTimeline(investigationId: $id, first: 200) { entries { entityType before after } } }`,
    variables: (c) => ({ id: c.id }),
    sees: (d) => json(d).includes(DRAFT_CONCLUSION) || json(d).includes(DRAFT_EVIDENCE),
  },
  investigations: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($search: String) { investigations(first: 100, filter: { search: $search }) { nodes { id } } }`,
    variables: (c) => ({ search: c.title }),
    sees: (d, c) => ids(d.investigations.nodes).includes(c.id),
  },
  me: {
    query: `{ me { id role } }`,
    sees: (d, _c, fx) => Object.values(fx.accounts).some((a) => a.id === d.me.id),
  },
  measures: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($planId: ID) { measures(first: 100, filter: { planId: $planId }) { nodes { id } } }`,
    variables: (c) => ({ planId: c.plan.id }),
    sees: (d, c) => ids(d.measures.nodes).includes(c.measure.id),
  },
  'measures [draft plan]': {
    shared: true,
    setup: read((r) => r.draftPlan),
    query: `query($planId: ID) { measures(first: 100, filter: { planId: $planId }) { nodes { id } } }`,
    variables: (c) => ({ planId: c.plan.id }),
    sees: (d, c) => ids(d.measures.nodes).includes(c.measureId),
  },
  municipalityOverview: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($m: ID) { municipalityOverview(municipalityId: $m) { investigations { investigationId } } }`,
    variables: (c, _a, fx) => ({ m: fx.orgs.heerlen }),
    sees: (d, c) => d.municipalityOverview.investigations.some((i: any) => i.investigationId === c.id),
  },
  municipalityProgressSeries: {
    shared: true,
    setup: read((r) => r.case),
    query: `query($m: ID) { municipalityProgressSeries(municipalityId: $m, months: 1) { month points } }`,
    variables: (c, _a, fx) => ({ m: fx.orgs.heerlen }),
    sees: (d) => d.municipalityProgressSeries.some((m: any) => m.points > 0),
  },
  myExports: {
    shared: true,
    setup: read((r) => r.exportId),
    query: `{ myExports(first: 100) { id } }`,
    sees: (d, id) => ids(d.myExports).includes(id),
  },
  myNotifications: {
    shared: true,
    setup: read((r) => r.notificationId),
    query: `{ myNotifications(first: 100) { nodes { id title } } }`,
    sees: (d, id) => ids(d.myNotifications.nodes).includes(id),
  },
  organisation: {
    query: `query($id: ID!) { organisation(id: $id) { id name } }`,
    variables: (_c, _a, fx) => ({ id: fx.orgs.buurtteam }),
  },
  organisationOverview: {
    shared: true,
    setup: read((r) => r.case),
    query: `{ organisationOverview { investigationId plans { planId } } }`,
    sees: (d, c) => d.organisationOverview.some((i: any) => i.plans.some((p: any) => p.planId === c.plan.id)),
  },
  organisations: {
    query: `{ organisations(first: 100, filter: { search: "Sociaal Buurtteam" }) { nodes { id } } }`,
    sees: (d, _c, fx) => ids(d.organisations.nodes).includes(fx.orgs.buurtteam),
  },
  publicationPreview: {
    shared: true,
    setup: read((r) => r.draft),
    query:
      `query($id: ID!, $date: Date!) { publicationPreview(investigationId: $id, publicationDate: $date) ` +
      `{ trajectoryEndDate plans { dueDate organisation { id } } } }`,
    variables: (c) => ({ id: c.id, date: TODAY }),
  },
  themeOverview: {
    shared: true,
    setup: read((r) => r.case),
    query: `{ themeOverview { theme findings points } }`,
    sees: (d) => d.themeOverview.some((t: any) => t.theme === 'SAFETY_ASSESSMENT' && t.findings > 0),
  },
  unreadNotificationCount: {
    shared: true,
    setup: read((r) => r.notificationId),
    // Inspectors and reviewers have unread event notifications of their own: the target is MEMBER's, counted among the unread.
    query: `{ unreadNotificationCount myNotifications(first: 100, filter: { unreadOnly: true }) { nodes { id } } }`,
    sees: (d, notificationId) => d.unreadNotificationCount > 0 && ids(d.myNotifications.nodes).includes(notificationId),
  },
  users: {
    query: `query($search: String) { users(first: 100, filter: { search: $search }) { nodes { id } } }`,
    variables: (_c, _a, fx) => ({ search: fx.accounts.MEMBER.email }),
    sees: (d, _c, fx) => ids(d.users.nodes).includes(fx.accounts.MEMBER.id),
  },

  // ====================================== mutations =========================================

  // ---- sessions and one's own account -------------------------------------------------------
  signIn: {
    query: `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
    variables: (_c, _a, fx) => ({ input: { email: fx.accounts.MEMBER.email, password: fx.accounts.MEMBER.password } }),
  },
  requestPasswordReset: {
    query: `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`,
    variables: (_c, _a, fx) => ({ input: { email: fx.resetAccount.email } }),
  },
  resetPassword: {
    setup: (fx) => fx.resetToken(),
    query: `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`,
    variables: (token, _a, fx) => ({ input: { token, newPassword: fx.resetAccount.password } }),
  },
  changeMyPassword: {
    query: `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }`,
    // The same password again: the sessions still end, and the actor can sign in as before.
    variables: (_c, actor) => ({
      input: {
        currentPassword: actor.account?.password ?? 'not-signed-in-123',
        newPassword: actor.account?.password ?? 'not-signed-in-123',
      },
    }),
    after: (fx, actor) => fx.signInAgain(actor),
  },
  signOutEverywhere: {
    query: `mutation { signOutEverywhere }`,
    after: (fx, actor) => fx.signInAgain(actor),
  },
  updateMyPreferences: {
    query: `mutation($input: MyPreferencesInput!) { updateMyPreferences(input: $input) { id locale } }`,
    variables: () => ({ input: { locale: 'nl', notificationMode: 'IMMEDIATE' } }),
  },
  createCalendarFeed: {
    query: `mutation { createCalendarFeed { url } }`,
  },
  revokeCalendarFeed: {
    query: `mutation { revokeCalendarFeed }`,
  },
  markNotificationsRead: {
    setup: (fx) => fx.notification(),
    query: `mutation($input: MarkNotificationsReadInput) { markNotificationsRead(input: $input) }`,
    variables: (id) => ({ input: { ids: [id] } }),
  },
  markOverviewSeen: {
    query: `mutation($id: ID!) { markOverviewSeen(subjectId: $id) }`,
    variables: (_c, _a, fx) => ({ id: fx.orgs.heerlen }),
  },

  // ---- exports (the request is answered at once; the worker makes the file as the same user) ---
  requestExport: {
    shared: true,
    setup: read((r) => r.case),
    query: `mutation($input: RequestExportInput!) { requestExport(input: $input) { id status } }`,
    variables: (c) => ({ input: { view: 'INVESTIGATION_PROGRESS', format: 'PDF', investigationId: c.id } }),
    after: (fx) => fx.closeOpenExports(),
  },
  ...exportVariants(),

  // ---- reference data and accounts ----------------------------------------------------------
  createOrganisation: {
    query: `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }`,
    variables: (_c, _a, fx) => ({
      input: { name: `Jeugdhulp matrix ${fx.unique()}`, kind: 'YOUTH_CARE', municipalityId: fx.orgs.heerlen },
    }),
  },
  updateOrganisation: {
    setup: (fx) => fx.organisation(),
    query: `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name } }`,
    variables: (o, _a, fx) => ({ input: { id: o.id, expectedVersion: o.version, name: `Hernoemd ${fx.unique()}` } }),
  },
  createUser: {
    query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    variables: (_c, _a, fx) => ({
      input: {
        email: `nieuw-${fx.unique()}@buurtteam.test`,
        displayName: 'Nieuw',
        role: 'ORGANISATION_MEMBER',
        organisationId: fx.orgs.buurtteam,
        password: 'a-long-password-123',
      },
    }),
  },
  updateUser: {
    setup: (fx) => fx.user(),
    query: `mutation($input: UpdateUserInput!) { updateUser(input: $input) { id displayName } }`,
    variables: (id) => ({ input: { id, expectedVersion: 1, displayName: 'Hernoemd' } }),
  },

  // ---- investigations and the report's content (inspectors) ---------------------------------
  createInvestigation: {
    query: `mutation($input: CreateInvestigationInput!) { createInvestigation(input: $input) { id } }`,
    variables: (_c, _a, fx) => ({
      input: {
        title: `Casus matrix ${fx.unique()}`,
        municipalityId: fx.orgs.heerlen,
        involvedOrganisationIds: [fx.orgs.buurtteam, fx.orgs.veiligThuis],
      },
    }),
  },
  updateInvestigation: {
    setup: (fx) => fx.case('draft'),
    query: `mutation($input: UpdateInvestigationInput!) { updateInvestigation(input: $input) { id summary } }`,
    variables: (c) => ({ input: { id: c.id, expectedVersion: c.version, summary: 'Samenvatting' } }),
  },
  publishInvestigation: {
    setup: (fx) => fx.case('draft'),
    query: `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.id, expectedVersion: c.version, publicationDate: TODAY } }),
  },
  closeInvestigation: {
    setup: (fx) => fx.case('verified', { otherPlan: false }),
    query: `mutation($input: CloseInvestigationInput!) { closeInvestigation(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.id, expectedVersion: c.version, reason: 'Alle plannen getoetst.' } }),
  },
  addFinding: {
    setup: (fx) => fx.case('draft'),
    query: `mutation($input: AddFindingInput!) { addFinding(input: $input) { id } }`,
    variables: (c) => ({ input: { investigationId: c.id, text: 'Signalen werden niet gedeeld.' } }),
  },
  updateFinding: {
    setup: (fx) => fx.case('draft'),
    query: `mutation($input: UpdateFindingInput!) { updateFinding(input: $input) { id text } }`,
    variables: (c) => ({ input: { id: c.findingId, expectedVersion: 1, text: 'Signalen werden te laat gedeeld.' } }),
  },
  removeFinding: {
    setup: (fx) => fx.case('draft'),
    query: `mutation($input: VersionedRefInput!) { removeFinding(input: $input) { id } }`,
    variables: (c) => ({ input: { id: c.findingId, expectedVersion: 1 } }),
  },
  addImprovementPoint: {
    setup: (fx) => fx.case('draft'),
    query: `mutation($input: AddImprovementPointInput!) { addImprovementPoint(input: $input) { id } }`,
    variables: (c, _a, fx) => ({
      input: { investigationId: c.id, text: 'Deel signalen dezelfde dag.', addresseeIds: [fx.orgs.buurtteam] },
    }),
  },
  updateImprovementPoint: {
    setup: (fx) => fx.case('draft'),
    query: `mutation($input: UpdateImprovementPointInput!) { updateImprovementPoint(input: $input) { id text } }`,
    variables: (c) => ({ input: { id: c.pointId, expectedVersion: 1, text: 'Schakel Veilig Thuis binnen een dag in.' } }),
  },
  removeImprovementPoint: {
    setup: (fx) => fx.case('draft'),
    query: `mutation($input: VersionedRefInput!) { removeImprovementPoint(input: $input) { id } }`,
    variables: (c) => ({ input: { id: c.pointId, expectedVersion: 1 } }),
  },

  // ---- the plan and its measures (organisation) and its assessment (inspectors) -------------
  addMeasure: {
    setup: (fx) => fx.case('published'),
    query: `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`,
    variables: (c, _a, fx) => ({
      input: {
        planId: c.plan.id,
        description: 'Escalatieprotocol',
        successIndicator: 'Vastgesteld',
        ownerId: fx.accounts.MEMBER.id,
        dueDate: FUTURE,
        pointIds: [c.pointId],
      },
    }),
  },
  updateMeasure: {
    setup: (fx) => fx.case('measure'),
    query: `mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id description } }`,
    variables: (c) => ({ input: { id: c.measure.id, expectedVersion: c.measure.version, description: 'Escalatieprotocol, herzien' } }),
  },
  removeMeasure: {
    setup: (fx) => fx.case('measure'),
    query: `mutation($input: VersionedRefInput!) { removeMeasure(input: $input) { id } }`,
    variables: (c) => ({ input: { id: c.measure.id, expectedVersion: c.measure.version } }),
  },
  submitImprovementPlan: {
    setup: (fx) => fx.case('measure'),
    query: `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { id status } }`,
    variables: (c) => ({ input: { planId: c.plan.id, expectedVersion: c.plan.version } }),
  },
  assessImprovementPlan: {
    setup: (fx) => fx.case('submitted'),
    query: `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { id status } }`,
    variables: (c) => ({
      input: { planId: c.plan.id, expectedVersion: c.plan.version, aimedAtShortcomings: ANSWER, chanceOfSuccess: ANSWER, pace: ANSWER },
    }),
  },
  startMeasure: {
    setup: (fx) => fx.case('accepted'),
    query: `mutation($input: VersionedRefInput!) { startMeasure(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.measure.id, expectedVersion: c.measure.version } }),
  },
  completeMeasure: {
    setup: (fx) => fx.case('accepted'),
    query: `mutation($input: CompleteMeasureInput!) { completeMeasure(input: $input) { id status } }`,
    variables: (c) => ({
      input: { id: c.measure.id, expectedVersion: c.measure.version, evidence: 'Protocol vastgesteld door het bestuur.' },
    }),
  },
  cancelMeasure: {
    setup: (fx) => fx.case('accepted'),
    query: `mutation($input: CancelMeasureInput!) { cancelMeasure(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.measure.id, expectedVersion: c.measure.version, reason: 'Vervangen door een ketenafspraak.' } }),
  },

  // ---- internal audit (organisation), judgement and verification (inspectors) ---------------
  saveInternalAudit: {
    setup: (fx) => fx.case('accepted'),
    query: `mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { id version } }`,
    variables: (c) => ({
      input: {
        id: c.audit.id,
        expectedVersion: c.audit.version,
        conclusion: 'Ingevoerd.',
        results: [{ measureId: c.measure.id, implementation: 'IMPLEMENTED', evidence: 'Steekproef van tien dossiers.' }],
      },
    }),
  },
  submitInternalAudit: {
    setup: (fx) => fx.case('auditSaved'),
    query: `mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.audit.id, expectedVersion: c.audit.version } }),
  },
  judgeInternalAudit: {
    setup: (fx) => fx.case('auditSubmitted'),
    query: `mutation($input: JudgeInternalAuditInput!) { judgeInternalAudit(input: $input) { id status } }`,
    variables: (c) => ({
      input: { id: c.audit.id, expectedVersion: c.audit.version, quality: 'SUFFICIENT', rationale: 'Representatief.' },
    }),
  },
  'judgeInternalAudit [own verification]': {
    setup: (fx) => fx.case('auditSubmitted'),
    query: `mutation($input: JudgeInternalAuditInput!) { judgeInternalAudit(input: $input) { id status verificationDueDate } }`,
    variables: (c) => ({
      input: {
        id: c.audit.id,
        expectedVersion: c.audit.version,
        quality: 'INSUFFICIENT',
        rationale: 'Alleen beleid getoetst.',
        followUp: 'OWN_VERIFICATION',
        verificationMethod: 'SITE_VISIT',
        verificationPlannedOn: FUTURE,
      },
    }),
  },
  recordVerification: {
    setup: (fx) => fx.case('auditJudged'),
    query: `mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { id status } }`,
    variables: (c) => ({
      input: {
        planId: c.plan.id,
        expectedPlanVersion: c.plan.version,
        method: 'DESK_REVIEW',
        verifiedOn: TODAY,
        summary: 'Stukken beoordeeld.',
        grades: [{ pointId: c.pointId, grade: 'FULLY' }],
      },
    }),
  },

  // ---- deadlines and extensions -------------------------------------------------------------
  requestExtension: {
    setup: (fx) => fx.case('published'),
    query: `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id status } }`,
    variables: (c) => ({
      input: { kind: 'PLAN_DUE', subjectId: c.plan.id, requestedDueDate: '2026-05-11', reason: 'Het bestuur vergadert pas in mei.' },
    }),
  },
  decideExtension: {
    setup: (fx) => fx.extensionRequest(),
    query: `mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.request.id, expectedVersion: c.request.version, grant: true, note: 'Akkoord.' } }),
  },
  withdrawExtensionRequest: {
    setup: (fx) => fx.extensionRequest(),
    query: `mutation($input: VersionedRefInput!) { withdrawExtensionRequest(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.request.id, expectedVersion: c.request.version } }),
  },
  extendDeadlines: {
    setup: (fx) => fx.case('published'),
    query: `mutation($input: ExtendDeadlinesInput!) { extendDeadlines(input: $input) { id affected } }`,
    variables: (c) => ({ input: { investigationId: c.id, kind: 'PLAN_DUE', newDueDate: '2026-05-18', reason: 'Meivakantie.' } }),
  },

  // ---- comments and evidence files (uploads and downloads over HTTP: test/e2e/attachments.e2e-spec.ts) ----
  commentThread: {
    shared: true,
    setup: async (fx) => comment(fx, (await fx.readWorld()).case.plan.id, 'MEMBER', 'PUBLIC'),
    query: THREAD,
    variables: (c) => ({ t: 'PLAN', id: c.planId }),
    sees: (d, c) => d.commentThread.comments.some((x: { id: string }) => x.id === c.id),
  },
  'commentThread [internal note]': {
    shared: true,
    setup: async (fx) => comment(fx, (await fx.readWorld()).case.plan.id, 'INSPECTOR', 'INTERNAL'),
    query: THREAD,
    variables: (c) => ({ t: 'PLAN', id: c.planId }),
    sees: (d, c) => d.commentThread.comments.some((x: { id: string }) => x.id === c.id),
  },
  'commentThread [draft plan]': {
    shared: true,
    setup: async (fx) => comment(fx, (await fx.readWorld()).draftPlan.plan.id, 'MEMBER', 'ORGANISATION'),
    query: THREAD,
    variables: (c) => ({ t: 'PLAN', id: c.planId }),
    sees: (d, c) => d.commentThread.comments.some((x: { id: string }) => x.id === c.id),
  },
  attachments: {
    shared: true,
    setup: async (fx) => evidence(fx, (await fx.readWorld()).case.measure.id),
    query: `query($id: ID!) { attachments(subjectType: MEASURE, subjectId: $id) { id } }`,
    variables: (a) => ({ id: a.subjectId }),
    sees: (d, a) => ids(d.attachments).includes(a.id),
  },
  addComment: {
    shared: true,
    setup: read((r) => r.case),
    query: `mutation($input: AddCommentInput!) { addComment(input: $input) { id } }`,
    variables: (c) => ({
      input: { subjectType: 'PLAN', subjectId: c.plan.id, visibility: 'PUBLIC', body: 'Hoe staat het met de planning?' },
    }),
  },
  editComment: {
    setup: async (fx) => comment(fx, (await fx.readWorld()).case.plan.id, 'MEMBER', 'PUBLIC'),
    query: `mutation($input: EditCommentInput!) { editComment(input: $input) { id } }`,
    variables: (c) => ({ input: { id: c.id, expectedVersion: 1, body: 'Aangepast.' } }),
  },
  deleteComment: {
    setup: async (fx) => comment(fx, (await fx.readWorld()).case.plan.id, 'MEMBER', 'PUBLIC'),
    query: `mutation($input: VersionedRefInput!) { deleteComment(input: $input) { id } }`,
    variables: (c) => ({ input: { id: c.id, expectedVersion: 1 } }),
  },
  deleteAttachment: {
    setup: async (fx) => evidence(fx, (await fx.readWorld()).case.measure.id),
    query: `mutation($input: VersionedRefInput!) { deleteAttachment(input: $input) { id } }`,
    variables: (a) => ({ input: { id: a.id, expectedVersion: 1 } }),
  },

  // ---- enforcement --------------------------------------------------------------------------
  enforcementMeasure: {
    shared: true,
    setup: supervision,
    query: `query($id: ID!) { enforcementMeasure(id: $id) { id type status } }`,
    variables: (s) => ({ id: s.measure.id }),
  },
  'enforcementMeasure [rationale]': {
    shared: true,
    setup: supervision,
    query: `query($id: ID!) { enforcementMeasure(id: $id) { id rationale } }`,
    variables: (s) => ({ id: s.measure.id }),
    sees: (d) => d.enforcementMeasure.rationale === ENFORCEMENT_RATIONALE,
  },
  recordEnforcementMeasure: {
    setup: (fx) => fx.case('published'),
    query: `mutation($input: RecordEnforcementMeasureInput!) { recordEnforcementMeasure(input: $input) { id status } }`,
    variables: (c) => ({
      input: { planId: c.plan.id, type: 'INTENSIFIED_SUPERVISION', decisionDate: TODAY, rationale: ENFORCEMENT_RATIONALE },
    }),
  },
  decideIntensifiedSupervision: {
    setup: supervision,
    query: `mutation($input: DecideSupervisionInput!) { decideIntensifiedSupervision(input: $input) { id status } }`,
    variables: (s) => ({
      input: {
        id: s.measure.id,
        expectedVersion: s.measure.version,
        decision: 'EXTEND',
        extendMonths: 1,
        decidedOn: TODAY,
        note: 'Een maand langer.',
      },
    }),
  },
  submitEnforcementProgressReport: {
    setup: supervision,
    query: `mutation($input: SubmitProgressReportInput!) { submitEnforcementProgressReport(input: $input) { id status } }`,
    variables: (s) => ({ input: { id: s.report.id, expectedVersion: s.report.version, report: 'Eerste maand: planning gemaakt.' } }),
  },
  reviewEnforcementProgressReport: {
    setup: submittedReport,
    query: `mutation($input: ReviewProgressReportInput!) { reviewEnforcementProgressReport(input: $input) { id status } }`,
    variables: (s) => ({ input: { id: s.report.id, expectedVersion: s.report.version, accepted: true, note: 'Voldoende.' } }),
  },
  recordEnforcementCompliance: {
    setup: penaltyOrder,
    query: `mutation($input: RecordComplianceInput!) { recordEnforcementCompliance(input: $input) { id status } }`,
    variables: (s) => ({
      input: { id: s.measure.id, expectedVersion: s.measure.version, complied: true, decidedOn: TODAY, note: 'Plan ontvangen.' },
    }),
  },
  recordEnforcementForfeit: {
    setup: penaltyOrder,
    query: `mutation($input: RecordForfeitInput!) { recordEnforcementForfeit(input: $input) { id forfeitedCents } }`,
    variables: (s) => ({
      input: { id: s.measure.id, expectedVersion: s.measure.version, forfeitedOn: TODAY, amountCents: 50000, note: 'Verbeurd.' },
    }),
  },
};
