import { DeadlineSweeper } from '@opvolging/notifications';
import request from 'supertest';
import { SmtpSink } from '../support/smtp-sink';
import { codes, TestApp } from '../support/test-app';
import { createWorld, publishedCase } from '../support/fixtures';

/**
 * Reminders, overdue notices, escalation, extensions, digest and languages, with the real worker
 * consuming from Redis and mail arriving at a real SMTP server. The clock moves; the sweep is run
 * when the test says, as the worker's schedule would.
 */
describe('deadlines that move with the work', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let c: Awaited<ReturnType<typeof publishedCase>>;
  let sweeper: DeadlineSweeper;

  beforeAll(async () => {
    await smtp.start();
    t = await TestApp.start({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, SWEEP_INTERVAL_SECONDS: '3600' });
    await t.startWorker();
    sweeper = t.worker!.get(DeadlineSweeper);
    w = await createWorld(t);
    c = await publishedCase(t, w);
  });
  afterAll(async () => {
    await t?.stop();
    await smtp.stop();
  });

  const sweepAt = async (when: string) => {
    await t.travel(when);
    return sweeper.sweep();
  };
  /** Every notice recorded so far, as "KIND due-date STEP". */
  const notices = async (): Promise<string[]> => {
    const { Database } = await import('@opvolging/database');
    const rows: Array<{ s: string }> = await t
      .get(Database)
      .transaction(null, ({ em }) => em.query(`SELECT kind || ' ' || due_date::text || ' ' || step AS s FROM deadline_notices ORDER BY 1`));
    return rows.map((r) => r.s);
  };
  /** Sweeps at a moment and returns the notices that sweep recorded. */
  const sweepSteps = async (when: string): Promise<string[]> => {
    const before = new Set(await notices());
    await sweepAt(when);
    return (await notices()).filter((n) => !before.has(n));
  };
  const PREFS = `mutation($input: MyPreferencesInput!) { updateMyPreferences(input: $input) { locale notificationMode } }`;

  it('sends nothing before the first reminder date', async () => {
    await t.ok(w.buurtteamColleague.token, PREFS, { input: { locale: 'en' } });
    await t.ok(w.veiligThuisMember.token, PREFS, { input: { notificationMode: 'DAILY_DIGEST' } });
    const result = await sweepAt('2026-03-29T09:00:00');
    expect(result.notices).toBe(0);
  });

  it("reminds 14 days before the plan is due, once, in each user's language; digest users get one mail a day", async () => {
    const result = await sweepAt('2026-03-30T09:00:00');
    expect(result).toMatchObject({ notices: 2, notifications: 3 });
    await smtp.waitFor(3);
    const [nl] = smtp.to('lid@buurtteam.test');
    expect(nl.subject).toBe('Herinnering: nog 14 dagen voor het verbeterplan van Sociaal Buurtteam Heerlen (Casus Heerlen 2015)');
    expect(nl.text).toContain(
      'Uiterlijk 13 april 2026 is het verbeterplan van Sociaal Buurtteam Heerlen voor Casus Heerlen 2015 aan de beurt.',
    );
    expect(nl.language).toBe('nl');
    const [en] = smtp.to('collega@buurtteam.test');
    expect(en.subject).toBe('Reminder: 14 days left for the improvement plan of Sociaal Buurtteam Heerlen (Casus Heerlen 2015)');
    expect(en.language).toBe('en');
    const [digest] = smtp.to('lid@veiligthuis.test');
    expect(digest.subject).toBe('Opvolging: 1 melding op 30 maart 2026');
    expect(digest.text).toContain('• Herinnering: nog 14 dagen voor het verbeterplan van Veilig Thuis Zuid-Limburg');

    // A second sweep (or a second worker) the same day adds nothing.
    expect(await sweeper.sweep()).toMatchObject({ notices: 0, notifications: 0 });
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(3);
  });

  it('shows notifications in the product with an unread count', async () => {
    const mine = await t.ok(
      w.buurtteamMember.token,
      `{ unreadNotificationCount myNotifications { nodes { id title body escalated kind subject { dueDate } } } }`,
    );
    expect(mine.unreadNotificationCount).toBe(1);
    expect(mine.myNotifications.nodes[0]).toMatchObject({ kind: 'PLAN_DUE', escalated: false, subject: { dueDate: '2026-04-13' } });
    expect(mine.myNotifications.nodes[0].title).toMatch(/^Herinnering: nog 14 dagen/);
    const marked = await t.ok(w.buurtteamMember.token, `mutation { markNotificationsRead }`);
    expect(marked.markNotificationsRead).toBe(1);
    expect((await t.ok(w.buurtteamMember.token, `{ unreadNotificationCount }`)).unreadNotificationCount).toBe(0);
    const foreign = await t.gql(
      w.veiligThuisMember.token,
      `mutation($input: MarkNotificationsReadInput) { markNotificationsRead(input: $input) }`,
      { input: { ids: [mine.myNotifications.nodes[0].id] } },
    );
    expect(codes(foreign)).toEqual(['NOT_FOUND']);
  });

  it('moves a deadline and its reminders when an extension is granted, keeping the original date and the reason', async () => {
    const REQUEST = `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id version status currentDueDate } }`;
    const early = await t.gql(w.buurtteamMember.token, REQUEST, {
      input: { kind: 'PLAN_DUE', subjectId: c.planOf(w.orgs.buurtteam).id, requestedDueDate: '2026-04-01', reason: 'x' },
    });
    expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.requestedDueDate' }] });
    const other = await t.gql(w.buurtteamMember.token, REQUEST, {
      input: { kind: 'PLAN_DUE', subjectId: c.planOf(w.orgs.veiligThuis).id, requestedDueDate: '2026-05-11', reason: 'x' },
    });
    expect(codes(other)).toEqual(['NOT_FOUND']);

    const asked = await t.ok(w.buurtteamMember.token, REQUEST, {
      input: {
        kind: 'PLAN_DUE',
        subjectId: c.planOf(w.orgs.buurtteam).id,
        requestedDueDate: '2026-05-11',
        reason: 'Bestuur vergadert pas op 7 mei over het plan.',
      },
    });
    expect(asked.requestExtension).toMatchObject({ status: 'PENDING', currentDueDate: '2026-04-13' });
    const twice = await t.gql(w.buurtteamColleague.token, REQUEST, {
      input: { kind: 'PLAN_DUE', subjectId: c.planOf(w.orgs.buurtteam).id, requestedDueDate: '2026-05-12', reason: 'Nogmaals' },
    });
    expect(codes(twice)).toEqual(['CONFLICT']);

    const DECIDE = `mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { status grantedDueDate decidedBy { id } } }`;
    expect(
      codes(
        await t.gql(w.buurtteamMember.token, DECIDE, {
          input: { id: asked.requestExtension.id, expectedVersion: 1, grant: true, note: 'zelf' },
        }),
      ),
    ).toEqual(['FORBIDDEN']);
    const granted = await t.ok(w.inspector.token, DECIDE, {
      input: { id: asked.requestExtension.id, expectedVersion: 1, grant: true, note: 'Akkoord, gezien de bestuursvergadering.' },
    });
    expect(granted.decideExtension).toEqual({ status: 'GRANTED', grantedDueDate: '2026-05-11', decidedBy: { id: w.inspector.id } });

    const deadlines = await t.ok(
      w.buurtteamMember.token,
      `{ deadlines(filter: { kind: PLAN_DUE }) { nodes { dueDate originalDueDate changes { fromDate toDate reason decidedBy { id } } } } }`,
    );
    expect(deadlines.deadlines.nodes).toEqual([
      {
        dueDate: '2026-05-11',
        originalDueDate: '2026-04-13',
        changes: [
          {
            fromDate: '2026-04-13',
            toDate: '2026-05-11',
            reason: 'Bestuur vergadert pas op 7 mei over het plan. — Akkoord, gezien de bestuursvergadering.',
            decidedBy: { id: w.inspector.id },
          },
        ],
      },
    ]);

    // 3 days before the old date: only Veilig Thuis (not extended) is reminded.
    const result = await sweepAt('2026-04-10T09:00:00');
    expect(result.notices).toBe(1);
    // The member was told only of the decision on the extension (an event), not reminded of the old date.
    const notice = await t.ok(
      w.buurtteamMember.token,
      `{ unreadNotificationCount myNotifications(first: 5, filter: { unreadOnly: true }) { nodes { kind event } } }`,
    );
    expect(notice.unreadNotificationCount).toBe(1);
    expect(notice.myNotifications.nodes).toEqual([{ kind: null, event: 'EXTENSION_DECIDED' }]);
  });

  it('extends many deadlines at once as one recorded decision, leaving out one organisation', async () => {
    const EXTEND =
      `mutation($input: ExtendDeadlinesInput!) { extendDeadlines(input: $input) { affected newDueDate ` + `excludedOrganisationIds } }`;
    const decision = await t.ok(w.inspector.token, EXTEND, {
      input: {
        investigationId: c.id,
        kind: 'PLAN_DUE',
        newDueDate: '2026-05-18',
        exceptOrganisationIds: [w.orgs.buurtteam],
        reason: 'Meivakantie: alle partijen uitstel, behalve wie al uitstel kreeg.',
      },
    });
    expect(decision.extendDeadlines).toEqual({ affected: 1, newDueDate: '2026-05-18', excludedOrganisationIds: [w.orgs.buurtteam] });
    const all = await t.ok(
      w.inspector.token,
      `query($id: ID!) { deadlines(filter: { investigationId: $id, kind: PLAN_DUE }) { nodes { dueDate organisation { id } } } }`,
      { id: c.id },
    );
    expect(all.deadlines.nodes).toEqual([
      { dueDate: '2026-05-11', organisation: { id: w.orgs.buurtteam } },
      { dueDate: '2026-05-18', organisation: { id: w.orgs.veiligThuis } },
    ]);
    const nothing = await t.gql(w.inspector.token, EXTEND, {
      input: { investigationId: c.id, kind: 'PLAN_DUE', newDueDate: '2026-05-01', reason: 'te vroeg' },
    });
    expect(nothing.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.newDueDate', message: 'nothing to extend' }],
    });
    expect(
      codes(
        await t.gql(w.outsideInspector.token, EXTEND, {
          input: { investigationId: c.id, kind: 'PLAN_DUE', newDueDate: '2026-06-01', reason: 'x' },
        }),
      ),
    ).toEqual(['NOT_FOUND']);

    // The trajectory end too, with its first date kept beside the new one.
    await t.ok(w.inspector.token, EXTEND, {
      input: { investigationId: c.id, kind: 'TRAJECTORY_END', newDueDate: '2027-06-01', reason: 'Vertraging door uitstel van de plannen.' },
    });
    const end = await t.ok(
      w.inspector.token,
      `{ deadlines(filter: { kind: TRAJECTORY_END }) { nodes { dueDate originalDueDate changes { fromDate toDate } } } }`,
    );
    expect(end.deadlines.nodes).toEqual([
      { dueDate: '2027-06-01', originalDueDate: '2027-03-02', changes: [{ fromDate: '2027-03-02', toDate: '2027-06-01' }] },
    ]);
  });

  it('walks the escalation ladder when the plan is late, backing off instead of nagging daily', async () => {
    // Buurtteam is 1 day late; Veilig Thuis' moved deadline (18 May) gets its own 14-day reminder.
    expect(await sweepSteps('2026-05-12T09:00:00')).toEqual(['PLAN_DUE 2026-05-11 O1', 'PLAN_DUE 2026-05-18 R14']);
    expect(await sweepSteps('2026-05-13T09:00:00')).toEqual([]); // day 2: back-off
    expect(await sweepSteps('2026-05-14T09:00:00')).toEqual(['PLAN_DUE 2026-05-11 O3']);
    await smtp.waitUntil((m) => m.to === 'lid@buurtteam.test' && m.subject.endsWith('3 dagen'));
    expect(
      smtp
        .to('lid@buurtteam.test')
        .map((m) => m.subject)
        .slice(-2),
    ).toEqual([
      'Te laat: het verbeterplan van Sociaal Buurtteam Heerlen (Casus Heerlen 2015), 1 dag',
      'Te laat: het verbeterplan van Sociaal Buurtteam Heerlen (Casus Heerlen 2015), 3 dagen',
    ]);
    // No deadline mail yet for the inspector (only the event mails of the extension requests).
    expect(smtp.to('inspecteur@igj.test').filter((m) => !m.subject.startsWith('Uitstel gevraagd'))).toHaveLength(0);

    expect(await sweepSteps('2026-06-08T09:00:00')).toEqual(['PLAN_DUE 2026-05-11 O28', 'PLAN_DUE 2026-05-18 O14']);
    const escalation = await smtp.waitUntil(
      (m) => m.to === 'inspecteur@igj.test' && m.subject.startsWith('Te laat') && m.subject.includes('Sociaal Buurtteam'),
    );
    expect(escalation.subject).toBe('Te laat: het verbeterplan van Sociaal Buurtteam Heerlen (Casus Heerlen 2015), 28 dagen');
    expect(escalation.text).toContain('Overweeg escalatie: het plan is vier weken of langer te laat.');
    const inspectorView = await t.ok(w.inspector.token, `{ myNotifications { nodes { escalated title } } }`);
    expect(inspectorView.myNotifications.nodes.some((n: any) => n.escalated && n.title.includes('28 dagen'))).toBe(true);
  });

  it("offers a calendar feed of the user's own deadlines, behind a revocable secret URL", async () => {
    const feed = await t.ok(w.buurtteamMember.token, `mutation { createCalendarFeed { url } }`);
    const path = new URL(feed.createCalendarFeed.url).pathname;
    const ics = await request(t.app.getHttpServer())
      .get(path)
      .expect(200)
      .expect('content-type', /text\/calendar/);
    expect(ics.text).toContain('BEGIN:VEVENT');
    expect(ics.text).toContain('DTSTART;VALUE=DATE:20260511');
    expect(ics.text).not.toContain('Veilig Thuis Zuid-Limburg');
    await t.ok(w.buurtteamMember.token, `mutation { revokeCalendarFeed }`);
    await request(t.app.getHttpServer()).get(path).expect(404);
  });

  it('keeps the in-product notification when SMTP is down and mails once it is back', async () => {
    await smtp.stop();
    const count = smtp.mails.length;
    // Buurtteam is 35 days late (O28 already sent); Veilig Thuis reaches 28 days.
    expect(await sweepSteps('2026-06-15T09:00:00')).toEqual(['PLAN_DUE 2026-05-18 O28']);
    const waiting = await t.ok(w.inspector.token, `{ myNotifications(first: 1) { nodes { title } } }`);
    expect(waiting.myNotifications.nodes[0].title).toContain('Veilig Thuis Zuid-Limburg');
    await new Promise((r) => setTimeout(r, 1500)); // the first attempt fails against the closed port
    await smtp.start(smtp.port);
    // BullMQ retries with back-off; the test does not wait 15 s but lets the sweep re-queue what is pending.
    const mailJobs = t.worker!.get((await import('@opvolging/notifications')).MailJobs);
    const pending: Array<{ id: string }> = await t
      .worker!.get((await import('@opvolging/database')).Database)
      .transaction(null, ({ em }) => em.query(`SELECT id FROM notifications WHERE email_status = 'PENDING'`));
    expect(pending.length).toBeGreaterThan(0);
    for (const n of pending) await mailJobs.sendNotification(n.id);
    await smtp.waitUntil(
      (m) => m.to === 'inspecteur@igj.test' && m.subject.includes('Veilig Thuis Zuid-Limburg (Casus Heerlen 2015), 28 dagen'),
    );
    expect(smtp.mails.length).toBeGreaterThan(count);
    // The worker's metrics saw both: mail sent, and the attempt against the closed port to be retried.
    const metrics = (await request(t.worker!.getHttpServer()).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^opvolging_mails_total\{kind="notification",outcome="sent"\} [1-9]/m);
    expect(metrics).toMatch(/^opvolging_mails_total\{kind="notification",outcome="retried"\} [1-9]/m);
  });

  it('deletes read notifications after the retention period, and keeps unread ones', async () => {
    const { RetentionService } = await import('@opvolging/notifications');
    const count = async (token: string) =>
      (await t.ok(token, `{ myNotifications(first: 100) { totalCount } }`)).myNotifications.totalCount as number;
    await t.ok(w.buurtteamMember.token, `mutation { markNotificationsRead }`);
    const buurtteamBefore = await count(w.buurtteamMember.token);
    const inspectorBefore = await count(w.inspector.token);
    expect(buurtteamBefore).toBeGreaterThan(0);
    await t.travel('2028-01-05T09:00:00'); // created_at is database time (the real day); a year and more later
    expect(await t.worker!.get(RetentionService).run()).toMatchObject({ notifications: buurtteamBefore });
    expect(await count(w.buurtteamMember.token)).toBe(0);
    expect(await count(w.inspector.token)).toBe(inspectorBefore); // unread: kept
  });
});
