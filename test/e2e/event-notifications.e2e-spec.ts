import { Database } from '@opvolging/database';
import { DeadlineSweeper } from '@opvolging/notifications';
import { SmtpSink } from '../support/smtp-sink';
import { codes, TestApp } from '../support/test-app';
import { createWorld, publishedCase } from '../support/fixtures';

/**
 * Event notifications: the steps of the process reach the right people in-app and by mail (at once
 * or in the digest, Dutch or English, with a link into the web app), recorded in the step's own
 * transaction, once per recipient; mail can be turned off per event kind, never for deadlines.
 */
describe('event notifications', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let c: Awaited<ReturnType<typeof publishedCase>>;

  const PREFS = `mutation($input: MyPreferencesInput!) { updateMyPreferences(input: $input) { locale notificationMode mutedEventKinds } }`;
  const MINE =
    `query { myNotifications(first: 50) { nodes { id kind event title body link escalated subject { investigationId subjectId ` +
    `dueDate } } } }`;
  const events = async (token: string) => (await t.ok(token, MINE)).myNotifications.nodes.filter((n: any) => n.event);
  const rows = async (): Promise<Array<{ email: string; kind: string; email_status: string; event_id: string }>> =>
    t
      .get(Database)
      .transaction(null, ({ em }) =>
        em.query(
          `SELECT u.email, n.kind, n.email_status, n.event_id FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.event_id IS ` +
            `NOT NULL ORDER BY n.created_at, u.email`,
        ),
      );

  beforeAll(async () => {
    await smtp.start();
    t = await TestApp.start({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      SWEEP_INTERVAL_SECONDS: '3600',
      PUBLIC_URL: 'https://opvolging.test',
    });
    await t.startWorker();
    w = await createWorld(t);
    c = await publishedCase(t, w);
    await t.travel('2026-03-10T10:00:00');
  });
  afterAll(async () => {
    await t?.stop();
    await smtp.stop();
  });

  it('turns mail off per event kind, never for deadlines', async () => {
    const bad = await t.gql(w.buurtteamColleague.token, PREFS, { input: { mutedEventKinds: ['PLAN_DUE'] } });
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    const set = await t.ok(w.buurtteamColleague.token, PREFS, {
      input: { locale: 'en', mutedEventKinds: ['PLAN_ASSESSED', 'AUDIT_JUDGED'] },
    });
    expect(set.updateMyPreferences).toEqual({
      locale: 'en',
      notificationMode: 'IMMEDIATE',
      mutedEventKinds: ['AUDIT_JUDGED', 'PLAN_ASSESSED'],
    });
    await t.ok(w.veiligThuisMember.token, PREFS, { input: { notificationMode: 'DAILY_DIGEST' } });
  });

  it('tells the case inspectors that a plan was submitted, by mail with a link, and not the one who submitted', async () => {
    const plan = c.planOf(w.orgs.buurtteam);
    for (const pointIds of [[c.points.collective], [c.points.buurtteam]]) {
      await t.ok(w.buurtteamMember.token, `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`, {
        input: {
          planId: plan.id,
          description: 'Eén regisseur per gezin.',
          successIndicator: 'Elk gezin een regisseur.',
          ownerId: w.buurtteamMember.id,
          dueDate: '2026-09-01',
          pointIds,
        },
      });
    }
    const current = await t.ok(w.buurtteamMember.token, `query($id: ID!) { improvementPlan(id: $id) { version } }`, { id: plan.id });
    await t.ok(w.buurtteamMember.token, `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`, {
      input: { planId: plan.id, expectedVersion: current.improvementPlan.version },
    });
    const mail = await smtp.waitUntil((m) => m.to === w.inspector.email);
    expect(mail.subject).toBe('Verbeterplan ingediend: Sociaal Buurtteam Heerlen (Casus Heerlen 2015)');
    expect(mail.text).toContain('versie 1');
    expect(mail.text).toContain('7 april 2026');
    expect(mail.text).toContain(`https://opvolging.test/plannen/${plan.id}`);
    expect(mail.language).toBe('nl');
    expect(await events(w.inspector.token)).toEqual([
      {
        id: expect.any(String),
        kind: null,
        event: 'PLAN_SUBMITTED',
        title: 'Verbeterplan ingediend: Sociaal Buurtteam Heerlen (Casus Heerlen 2015)',
        body: expect.stringContaining('Beoordeel het uiterlijk 7 april 2026.'),
        link: `/plannen/${plan.id}`,
        escalated: false,
        subject: { investigationId: c.id, subjectId: plan.id, dueDate: null },
      },
    ]);
    // Not the submitter, not an inspector outside the case, not the reviewer.
    for (const who of [w.buurtteamMember, w.outsideInspector, w.reviewer]) expect(await events(who.token)).toEqual([]);
  });

  it('tells the organisation the assessment with the new due date, in each language; a muted kind stays in-app', async () => {
    const plan = c.planOf(w.orgs.buurtteam);
    const current = await t.ok(w.inspector.token, `query($id: ID!) { improvementPlan(id: $id) { version } }`, { id: plan.id });
    const judgement = (j: string) => ({ judgement: j, rationale: 'Onderbouwd.' });
    await t.ok(w.inspector.token, `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status dueDate } }`, {
      input: {
        planId: plan.id,
        expectedVersion: current.improvementPlan.version,
        aimedAtShortcomings: judgement('SUFFICIENT'),
        chanceOfSuccess: judgement('SUFFICIENT'),
        pace: judgement('INSUFFICIENT'),
      },
    });
    const mail = await smtp.waitUntil((m) => m.to === w.buurtteamMember.email);
    expect(mail.subject).toBe('Herziening van het verbeterplan gevraagd (Casus Heerlen 2015)');
    expect(mail.text).toContain('uiterlijk 7 april 2026');
    const [inEnglish] = await events(w.buurtteamColleague.token);
    expect(inEnglish).toMatchObject({
      event: 'PLAN_ASSESSED',
      title: 'Revision of the improvement plan requested (Casus Heerlen 2015)',
      body: expect.stringContaining('due 7 April 2026'),
    });
    expect(await rows()).toContainEqual(
      expect.objectContaining({ email: w.buurtteamColleague.email, kind: 'PLAN_ASSESSED', email_status: 'NOT_MAILED' }),
    );
    // Veilig Thuis is another organisation: told nothing about the team's plan.
    expect(await events(w.veiligThuisMember.token)).toEqual([]);
  });

  it('tells the inspectors of an extension request, and only the requester of the decision', async () => {
    const plan = c.planOf(w.orgs.buurtteam);
    const asked = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id version } }`,
      {
        input: { kind: 'PLAN_DUE', subjectId: plan.id, requestedDueDate: '2026-05-01', reason: 'Bestuur vergadert pas eind april.' },
      },
    );
    const request = await smtp.waitUntil((m) => m.to === w.inspector.email && m.subject.startsWith('Uitstel gevraagd'));
    expect(request.text).toContain('van 7 april 2026 tot 1 mei 2026');
    expect(request.text).toContain(`https://opvolging.test/termijnen/verlengingen/${asked.requestExtension.id}`);
    await t.ok(w.inspector.token, `mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { status } }`, {
      input: { id: asked.requestExtension.id, expectedVersion: asked.requestExtension.version, grant: true, note: 'Akkoord.' },
    });
    const granted = await smtp.waitUntil((m) => m.to === w.buurtteamMember.email && m.subject.startsWith('Uitstel verleend'));
    expect(granted.text).toContain('de nieuwe datum is 1 mei 2026');
    expect((await events(w.buurtteamColleague.token)).map((n: any) => n.event)).toEqual(['PLAN_ASSESSED']);
  });

  it('records each event once per recipient, in the transaction of the step, unreadable to the one who acted', async () => {
    const all = await rows();
    const keys = all.map((r) => `${r.event_id}/${r.email}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(all.map((r) => `${r.kind} → ${r.email}`)).toEqual([
      `PLAN_SUBMITTED → ${w.inspector.email}`,
      `PLAN_ASSESSED → ${w.buurtteamColleague.email}`,
      `PLAN_ASSESSED → ${w.buurtteamMember.email}`,
      `EXTENSION_REQUESTED → ${w.inspector.email}`,
      `EXTENSION_DECIDED → ${w.buurtteamMember.email}`,
    ]);
    // A refused step records nothing: the failed submission of Veilig Thuis (uncovered points) told nobody.
    const vt = c.planOf(w.orgs.veiligThuis);
    const refused = await t.gql(
      w.veiligThuisMember.token,
      `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`,
      {
        input: { planId: vt.id, expectedVersion: vt.version },
      },
    );
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(await rows()).toHaveLength(all.length);
  });

  it('puts events into the daily digest for digest users, with their links', async () => {
    const vt = c.planOf(w.orgs.veiligThuis);
    await t.ok(w.veiligThuisMember.token, `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`, {
      input: {
        planId: vt.id,
        description: 'Gedeelde normen.',
        successIndicator: 'Normen vastgesteld.',
        ownerId: w.veiligThuisMember.id,
        dueDate: '2026-09-01',
        pointIds: [c.points.collective, c.points.veiligThuis],
      },
    });
    const current = await t.ok(w.veiligThuisMember.token, `query($id: ID!) { improvementPlan(id: $id) { version } }`, { id: vt.id });
    await t.ok(w.veiligThuisMember.token, `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`, {
      input: { planId: vt.id, expectedVersion: current.improvementPlan.version },
    });
    const judgement = (j: string) => ({ judgement: j, rationale: 'Onderbouwd.' });
    const submitted = await t.ok(w.inspector.token, `query($id: ID!) { improvementPlan(id: $id) { version } }`, { id: vt.id });
    await t.ok(w.inspector.token, `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status } }`, {
      input: {
        planId: vt.id,
        expectedVersion: submitted.improvementPlan.version,
        aimedAtShortcomings: judgement('SUFFICIENT'),
        chanceOfSuccess: judgement('SUFFICIENT'),
        pace: judgement('SUFFICIENT'),
      },
    });
    expect(smtp.to(w.veiligThuisMember.email)).toEqual([]);
    await t.travel('2026-03-10T18:30:00');
    await t.worker!.get(DeadlineSweeper).sweep();
    const digest = await smtp.waitUntil((m) => m.to === w.veiligThuisMember.email);
    expect(digest.text).toContain('Verbeterplan geaccepteerd (Casus Heerlen 2015)');
    expect(digest.text).toContain(`https://opvolging.test/plannen/${vt.id}`);
  });
});
