import { createHash, randomBytes } from 'crypto';
import { Database } from '@opvolging/database';
import { createWorld, PASSWORD } from '../support/fixtures';
import { TestApp } from '../support/test-app';

/**
 * The world of the authorization matrix: one case (led by the IGJ inspectorate, in Heerlen,
 * involving the neighbourhood team and Veilig Thuis) and one actor per column of the matrix.
 * "Own data" is always the neighbourhood team's (buurtteam) data in a case of this world.
 */

/** The columns of the matrix, in order. */
export const ROLES = [
  'ANONYMOUS',
  'ADMIN',
  'INSPECTOR',
  'OUTSIDE_INSPECTOR',
  'MEMBER',
  'OTHER_MEMBER',
  'REVIEWER',
  'OTHER_REVIEWER',
] as const;
export type MatrixRole = (typeof ROLES)[number];

export interface Account {
  id: string;
  email: string;
  password: string;
}

/** Who sends a cell's request: no token for ANONYMOUS. */
export interface MatrixActor {
  role: MatrixRole;
  account: Account | null;
  token: string | null;
}

const ADMIN_EMAIL = 'admin@example.test';
const ADMIN_PASSWORD = 'admin-password-123'; // TestApp.createAdmin's default

export const TODAY = '2026-03-02'; // TestApp's clock; it does not move in this test
export const FUTURE = '2026-06-01';

const ANSWER = { judgement: 'SUFFICIENT', rationale: 'Voldoende onderbouwd.' };

export interface DraftCase {
  id: string;
  version: number;
  findingId: string;
  /** The point addressed to the neighbourhood team (MEMBER's organisation). */
  pointId: string;
  /** The point addressed to Veilig Thuis (OTHER_MEMBER's organisation), when there is one. */
  otherPointId: string | null;
}

export interface PlanCase extends DraftCase {
  /** The neighbourhood team's plan, and the state of what hangs off it. */
  plan: { id: string; version: number; status: string };
  measure: { id: string; version: number } | null;
  audit: { id: string; version: number; status: string } | null;
}

/** How far a case is taken along the lifecycle; each stage includes the ones before. */
export type Stage =
  'draft' | 'published' | 'measure' | 'submitted' | 'accepted' | 'auditSaved' | 'auditSubmitted' | 'auditJudged' | 'verified';
const STAGES: Stage[] = [
  'draft',
  'published',
  'measure',
  'submitted',
  'accepted',
  'auditSaved',
  'auditSubmitted',
  'auditJudged',
  'verified',
];

/** Texts that are only ever in draft content, to see whether draft content reaches someone. */
export const DRAFT_CONCLUSION = 'CONCEPT-CONCLUSIE nog niet ingediend';
export const DRAFT_EVIDENCE = 'CONCEPT-BEWIJS nog niet ingediend';
export const DRAFT_MEASURE = 'CONCEPT-MAATREGEL nog niet ingediend';

export class MatrixFixtures {
  private counter = 0;
  private readCache?: Promise<ReadWorld>;

  private constructor(
    readonly t: TestApp,
    readonly w: Awaited<ReturnType<typeof createWorld>>,
    readonly accounts: Record<Exclude<MatrixRole, 'ANONYMOUS'>, Account>,
    /** An account that nobody in the matrix acts as: the target of password resets. */
    readonly resetAccount: Account,
  ) {}

  static async create(t: TestApp): Promise<MatrixFixtures> {
    const w = await createWorld(t);
    const adminId = (await t.ok(w.admin, `{ me { id } }`)).me.id as string;
    const account = (u: { id: string; email: string }): Account => ({ id: u.id, email: u.email, password: PASSWORD });
    const accounts = {
      ADMIN: { id: adminId, email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      INSPECTOR: account(w.inspector),
      OUTSIDE_INSPECTOR: account(w.outsideInspector),
      MEMBER: account(w.buurtteamMember),
      OTHER_MEMBER: account(w.veiligThuisMember),
      REVIEWER: account(w.reviewer),
      OTHER_REVIEWER: account(w.otherReviewer),
    };
    const fx = new MatrixFixtures(t, w, accounts, { id: '', email: 'reset@buurtteam.test', password: PASSWORD });
    fx.resetAccount.id = await fx.user('reset@buurtteam.test');
    return fx;
  }

  get orgs() {
    return this.w.orgs;
  }

  /** A unique suffix for names that must not repeat (titles, e-mail addresses). */
  unique(): string {
    return `${++this.counter}-${randomBytes(3).toString('hex')}`;
  }

  actor(role: MatrixRole): MatrixActor {
    if (role === 'ANONYMOUS') return { role, account: null, token: null };
    const account = this.accounts[role];
    return { role, account, token: this.t.token(account.email) };
  }

  /** Signs the actor in again (after signOutEverywhere or changeMyPassword ended its sessions). */
  async signInAgain(actor: MatrixActor): Promise<void> {
    if (actor.account) await this.t.signIn(actor.account.email, actor.account.password);
  }

  private as(role: Exclude<MatrixRole, 'ANONYMOUS'>) {
    return this.t.token(this.accounts[role].email);
  }

  // ---- reference data and accounts (administrator) -------------------------------------------

  async organisation(): Promise<{ id: string; version: number }> {
    const data = await this.t.ok(
      this.as('ADMIN'),
      `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id version } }`,
      {
        input: { name: `Wijkteam matrix ${this.unique()}`, kind: 'SOCIAL_TEAM', municipalityId: this.orgs.heerlen },
      },
    );
    return data.createOrganisation;
  }

  /** A neighbourhood-team member nobody acts as; returns the id. */
  async user(email = `lid-${this.unique()}@buurtteam.test`): Promise<string> {
    const data = await this.t.ok(this.as('ADMIN'), `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`, {
      input: { email, displayName: 'Matrix', role: 'ORGANISATION_MEMBER', organisationId: this.orgs.buurtteam, password: PASSWORD },
    });
    return data.createUser.id;
  }

  /** A password-reset secret for the reset account, stored as the product stores it (hash only). */
  async resetToken(): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const hash = createHash('sha256').update(token).digest('hex');
    await this.t
      .get(Database)
      .transaction(null, ({ em }) =>
        em.query(`INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
          this.resetAccount.id,
          hash,
          new Date(this.t.clock.now().getTime() + 30 * 60_000),
        ]),
      );
    return token;
  }

  /** An unread notification of MEMBER's, as the deadline sweep would write it. */
  async notification(investigationId = '00000000-0000-4000-8000-000000000000'): Promise<string> {
    const params = {
      kind: 'PLAN_DUE',
      type: 'REMINDER',
      days: 14,
      dueDate: '2026-04-13',
      investigationId,
      investigationTitle: 'Casus matrix',
      organisationName: 'Sociaal Buurtteam Heerlen',
      subjectId: investigationId,
      subjectLabel: null,
      escalated: false,
    };
    const [row] = await this.t
      .get(Database)
      .transaction(null, ({ em }) =>
        em.query(`INSERT INTO notifications (user_id, kind, params, email_status) VALUES ($1, 'PLAN_DUE', $2, 'SENT') RETURNING id`, [
          this.accounts.MEMBER.id,
          params,
        ]),
      );
    return row.id;
  }

  /** An export MEMBER asked for (the progress report of a case); it stays queued: no worker runs here. */
  async memberExport(investigationId: string): Promise<string> {
    const data = await this.t.ok(this.as('MEMBER'), `mutation($input: RequestExportInput!) { requestExport(input: $input) { id } }`, {
      input: { view: 'INVESTIGATION_PROGRESS', format: 'PDF', investigationId },
    });
    return data.requestExport.id;
  }

  /** Ends every waiting export (no worker runs here), so nobody reaches the limit of open exports. */
  async closeOpenExports(): Promise<void> {
    await this.t
      .get(Database)
      .transaction(null, ({ em }) =>
        em.query(
          `UPDATE exports SET status = 'FAILED', error = 'closed by the authorization matrix', finished_at = now() WHERE status IN ` +
            `('QUEUED','RUNNING')`,
        ),
      );
  }

  // ---- cases, taken as far along the lifecycle as a cell needs -------------------------------

  /**
   * A fresh case at `stage`. The neighbourhood team's plan is taken along; Veilig Thuis has a plan
   * of its own in the same case unless `otherPlan` is false (closing needs every plan verified).
   */
  async case(stage: 'draft', options?: { otherPlan?: boolean }): Promise<DraftCase>;
  async case(stage: Exclude<Stage, 'draft'>, options?: { otherPlan?: boolean }): Promise<PlanCase>;
  async case(stage: Stage, options: { otherPlan?: boolean } = {}): Promise<DraftCase | PlanCase> {
    const reached = (s: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(s);
    const { t } = this;
    const inspector = this.as('INSPECTOR');
    const member = this.as('MEMBER');
    const otherPlan = options.otherPlan ?? true;

    const id = (
      await t.ok(inspector, `mutation($input: CreateInvestigationInput!) { createInvestigation(input: $input) { id } }`, {
        input: {
          title: `Casus matrix ${this.unique()}`,
          municipalityId: this.orgs.heerlen,
          involvedOrganisationIds: [this.orgs.buurtteam, this.orgs.veiligThuis],
        },
      })
    ).createInvestigation.id as string;
    const findingId = (
      await t.ok(inspector, `mutation($input: AddFindingInput!) { addFinding(input: $input) { id } }`, {
        input: { investigationId: id, text: 'Veiligheid kreeg onvoldoende prioriteit.', themes: ['SAFETY_ASSESSMENT'] },
      })
    ).addFinding.id as string;
    const point = async (organisationId: string) =>
      (
        await t.ok(inspector, `mutation($input: AddImprovementPointInput!) { addImprovementPoint(input: $input) { id } }`, {
          input: {
            investigationId: id,
            findingId,
            text: 'Schakel Veilig Thuis direct in.',
            addresseeIds: [organisationId],
            themes: ['SAFETY_ASSESSMENT'],
          },
        })
      ).addImprovementPoint.id as string;
    const pointId = await point(this.orgs.buurtteam);
    const otherPointId = otherPlan ? await point(this.orgs.veiligThuis) : null;
    const investigationVersion = async () =>
      (await t.ok(inspector, `query($id: ID!) { investigation(id: $id) { version } }`, { id })).investigation.version as number;
    const draft: DraftCase = { id, version: await investigationVersion(), findingId, pointId, otherPointId };
    if (!reached('published')) return draft;

    const published = await t.ok(
      inspector,
      `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { version plans { id organisation { id } } } }`,
      {
        input: { id, expectedVersion: draft.version, publicationDate: TODAY },
      },
    );
    const planId = published.publishInvestigation.plans.find((p: any) => p.organisation.id === this.orgs.buurtteam).id as string;
    const state = async (): Promise<PlanCase> => {
      const data = await t.ok(
        member,
        `query($id: ID!) { improvementPlan(id: $id) { id version status measures { id version } internalAudit { id version status } } }`,
        { id: planId },
      );
      const p = data.improvementPlan;
      return {
        ...draft,
        version: await investigationVersion(),
        plan: { id: p.id, version: p.version, status: p.status },
        measure: p.measures[0] ?? null,
        audit: p.internalAudit,
      };
    };
    if (!reached('measure')) return state();

    await t.ok(member, `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`, {
      input: {
        planId,
        description: 'Escalatieprotocol naar Veilig Thuis',
        successIndicator: 'Protocol vastgesteld',
        ownerId: this.accounts.MEMBER.id,
        dueDate: FUTURE,
        pointIds: [pointId],
      },
    });
    let c = await state();
    if (!reached('submitted')) return c;

    await t.ok(member, `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { id } }`, {
      input: { planId, expectedVersion: c.plan.version },
    });
    c = await state();
    if (!reached('accepted')) return c;

    await t.ok(inspector, `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { id } }`, {
      input: { planId, expectedVersion: c.plan.version, aimedAtShortcomings: ANSWER, chanceOfSuccess: ANSWER, pace: ANSWER },
    });
    c = await state();
    if (!reached('auditSaved')) return c;

    await t.ok(member, `mutation($input: SaveInternalAuditInput!) { saveInternalAudit(input: $input) { id } }`, {
      input: {
        id: c.audit!.id,
        expectedVersion: c.audit!.version,
        conclusion: DRAFT_CONCLUSION,
        results: [{ measureId: c.measure!.id, implementation: 'IMPLEMENTED', evidence: DRAFT_EVIDENCE }],
      },
    });
    c = await state();
    if (!reached('auditSubmitted')) return c;

    await t.ok(member, `mutation($input: VersionedRefInput!) { submitInternalAudit(input: $input) { id } }`, {
      input: { id: c.audit!.id, expectedVersion: c.audit!.version },
    });
    c = await state();
    if (!reached('auditJudged')) return c;

    await t.ok(inspector, `mutation($input: JudgeInternalAuditInput!) { judgeInternalAudit(input: $input) { id } }`, {
      input: { id: c.audit!.id, expectedVersion: c.audit!.version, quality: 'SUFFICIENT', rationale: 'Representatieve steekproef.' },
    });
    c = await state();
    if (!reached('verified')) return c;

    await t.ok(inspector, `mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { id } }`, {
      input: {
        planId,
        expectedPlanVersion: c.plan.version,
        method: 'DESK_REVIEW',
        verifiedOn: TODAY,
        summary: 'Stukken beoordeeld.',
        grades: [{ pointId, grade: 'FULLY' }],
      },
    });
    return state();
  }

  /** A pending extension request of the neighbourhood team for its plan's due date. */
  async extensionRequest(): Promise<PlanCase & { request: { id: string; version: number } }> {
    const c = await this.case('published');
    const data = await this.t.ok(
      this.as('MEMBER'),
      `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id version } }`,
      {
        input: { kind: 'PLAN_DUE', subjectId: c.plan.id, requestedDueDate: '2026-05-11', reason: 'Het bestuur vergadert pas in mei.' },
      },
    );
    return { ...c, request: data.requestExtension };
  }

  // ---- the world the read-only rows look at (built once) -------------------------------------

  /** Built once and shared by every query row: reads change nothing a later cell depends on. */
  readWorld(): Promise<ReadWorld> {
    this.readCache ??= this.buildReadWorld();
    return this.readCache;
  }

  private async buildReadWorld(): Promise<ReadWorld> {
    const member = this.as('MEMBER');
    // The main case: the team asked for more time, then submitted its plan (waiting for assessment).
    const requested = await this.extensionRequest();
    const submittedCase = await (async () => {
      const c = requested;
      await this.t.ok(member, `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`, {
        input: {
          planId: c.plan.id,
          description: 'Escalatieprotocol naar Veilig Thuis',
          successIndicator: 'Protocol vastgesteld',
          ownerId: this.accounts.MEMBER.id,
          dueDate: FUTURE,
          pointIds: [c.pointId],
        },
      });
      const plan = (
        await this.t.ok(member, `query($id: ID!) { improvementPlan(id: $id) { version measures { id version } } }`, { id: c.plan.id })
      ).improvementPlan;
      await this.t.ok(member, `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { id } }`, {
        input: { planId: c.plan.id, expectedVersion: plan.version },
      });
      return { ...c, measure: plan.measures[0] };
    })();
    const title = (await this.t.ok(member, `query($id: ID!) { investigation(id: $id) { title } }`, { id: submittedCase.id })).investigation
      .title as string;

    // A plan still in draft, with a measure only its organisation may see.
    const draftPlan = await this.case('published');
    await this.t.ok(member, `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`, {
      input: {
        planId: draftPlan.plan.id,
        description: DRAFT_MEASURE,
        successIndicator: 'Protocol vastgesteld',
        ownerId: this.accounts.MEMBER.id,
        dueDate: FUTURE,
        pointIds: [draftPlan.pointId],
      },
    });
    const draftMeasureId = (
      await this.t.ok(member, `query($id: ID!) { improvementPlan(id: $id) { measures { id } } }`, { id: draftPlan.plan.id })
    ).improvementPlan.measures[0].id as string;

    // An accepted plan whose internal audit is saved but not submitted: conclusion and results are a draft.
    const draftAudit = await this.case('auditSaved');

    // A report not yet published (the publication preview looks at it and changes nothing).
    const draft = await this.case('draft');

    return {
      case: { ...submittedCase, title, measure: submittedCase.measure! },
      notificationId: await this.notification(submittedCase.id),
      exportId: await this.memberExport(submittedCase.id),
      draftPlan: { ...draftPlan, measureId: draftMeasureId },
      draftAudit,
      draft,
    };
  }
}

export interface ReadWorld {
  /** Published; the team's plan is SUBMITTED with one measure; an extension request is pending. */
  case: PlanCase & { title: string; measure: { id: string; version: number }; request: { id: string; version: number } };
  /** An unread notification of MEMBER's about the case. */
  notificationId: string;
  /** An export MEMBER asked for. */
  exportId: string;
  /** Published; the team's plan is a DRAFT with one measure (DRAFT_MEASURE). */
  draftPlan: PlanCase & { measureId: string };
  /** The team's plan is ACCEPTED; its internal audit holds DRAFT_CONCLUSION and DRAFT_EVIDENCE, not submitted. */
  draftAudit: PlanCase;
  /** A complete report in DRAFT, not published. */
  draft: DraftCase;
}
