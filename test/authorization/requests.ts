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

const read = <T>(pick: (r: ReadWorld) => T) => async (fx: MatrixFixtures) => pick(await fx.readWorld());
const ids = (nodes: Array<{ id: string }> | undefined | null) => (nodes ?? []).map((n) => n.id);
const json = (data: unknown) => JSON.stringify(data);
const ANSWER = { judgement: 'SUFFICIENT', rationale: 'Voldoende onderbouwd.' };

/** requestExport for every list view, each filtered to the target where the view takes a filter. */
function exportVariants(): Record<string, RequestSpec> {
  const variant = (view: string, input: (c: ReadWorld['case'], fx: MatrixFixtures) => Record<string, unknown> = () => ({})): RequestSpec => ({
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
    query: `query($planId: ID!) { comparePlanVersions(planId: $planId, fromVersion: 1, toVersion: 1) { fromVersion toVersion added { id } } }`,
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
  themeOverview: {
    shared: true,
    setup: read((r) => r.case),
    query: `{ themeOverview { theme findings points } }`,
    sees: (d) => d.themeOverview.some((t: any) => t.theme === 'SAFETY_ASSESSMENT' && t.findings > 0),
  },
  unreadNotificationCount: {
    shared: true,
    setup: read((r) => r.notificationId),
    query: `{ unreadNotificationCount }`,
    sees: (d) => d.unreadNotificationCount > 0,
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
    variables: (_c, actor) => ({ input: { currentPassword: actor.account?.password ?? 'not-signed-in-123', newPassword: actor.account?.password ?? 'not-signed-in-123' } }),
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
    variables: (_c, _a, fx) => ({ input: { name: `Jeugdhulp matrix ${fx.unique()}`, kind: 'YOUTH_CARE', municipalityId: fx.orgs.heerlen } }),
  },
  updateOrganisation: {
    setup: (fx) => fx.organisation(),
    query: `mutation($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { id name } }`,
    variables: (o, _a, fx) => ({ input: { id: o.id, expectedVersion: o.version, name: `Hernoemd ${fx.unique()}` } }),
  },
  createUser: {
    query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    variables: (_c, _a, fx) => ({
      input: { email: `nieuw-${fx.unique()}@buurtteam.test`, displayName: 'Nieuw', role: 'ORGANISATION_MEMBER', organisationId: fx.orgs.buurtteam, password: 'a-long-password-123' },
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
      input: { title: `Casus matrix ${fx.unique()}`, municipalityId: fx.orgs.heerlen, involvedOrganisationIds: [fx.orgs.buurtteam, fx.orgs.veiligThuis] },
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
    variables: (c, _a, fx) => ({ input: { investigationId: c.id, text: 'Deel signalen dezelfde dag.', addresseeIds: [fx.orgs.buurtteam] } }),
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
      input: { planId: c.plan.id, description: 'Escalatieprotocol', successIndicator: 'Vastgesteld', ownerId: fx.accounts.MEMBER.id, dueDate: FUTURE, pointIds: [c.pointId] },
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
    variables: (c) => ({ input: { planId: c.plan.id, expectedVersion: c.plan.version, aimedAtShortcomings: ANSWER, chanceOfSuccess: ANSWER, pace: ANSWER } }),
  },
  startMeasure: {
    setup: (fx) => fx.case('accepted'),
    query: `mutation($input: VersionedRefInput!) { startMeasure(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.measure.id, expectedVersion: c.measure.version } }),
  },
  completeMeasure: {
    setup: (fx) => fx.case('accepted'),
    query: `mutation($input: CompleteMeasureInput!) { completeMeasure(input: $input) { id status } }`,
    variables: (c) => ({ input: { id: c.measure.id, expectedVersion: c.measure.version, evidence: 'Protocol vastgesteld door het bestuur.' } }),
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
      input: { id: c.audit.id, expectedVersion: c.audit.version, conclusion: 'Ingevoerd.', results: [{ measureId: c.measure.id, implementation: 'IMPLEMENTED', evidence: 'Steekproef van tien dossiers.' }] },
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
    variables: (c) => ({ input: { id: c.audit.id, expectedVersion: c.audit.version, quality: 'SUFFICIENT', rationale: 'Representatief.' } }),
  },
  recordVerification: {
    setup: (fx) => fx.case('auditJudged'),
    query: `mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { id status } }`,
    variables: (c) => ({
      input: { planId: c.plan.id, expectedPlanVersion: c.plan.version, method: 'DESK_REVIEW', verifiedOn: TODAY, summary: 'Stukken beoordeeld.', grades: [{ pointId: c.pointId, grade: 'FULLY' }] },
    }),
  },

  // ---- deadlines and extensions -------------------------------------------------------------
  requestExtension: {
    setup: (fx) => fx.case('published'),
    query: `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id status } }`,
    variables: (c) => ({ input: { kind: 'PLAN_DUE', subjectId: c.plan.id, requestedDueDate: '2026-05-11', reason: 'Het bestuur vergadert pas in mei.' } }),
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
};
