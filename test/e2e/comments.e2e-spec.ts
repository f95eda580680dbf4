import { Database } from '@opvolging/database';
import { Role } from '@opvolging/shared';
import { caseFlow } from '../support/case-flow';
import { createWorld, publishedCase } from '../support/fixtures';
import { codes, fieldPaths, TestApp } from '../support/test-app';

/**
 * Comments over the real API and database: public comments between the organisation and the
 * case's inspectors, internal notes of the inspectorate, the organisation's own talk on a draft
 * plan; the edit window, tombstones and the history of every version; who is told, in-app.
 */
describe('comments', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let c: Awaited<ReturnType<typeof publishedCase>>;
  let planId: string;

  const THREAD = `query($t: ThreadSubjectType!, $id: ID!) { commentThread(subjectType: $t, subjectId: $id) {
    editWindowMinutes maxLength privacyReminderNl comments { id visibility body authorName mentionedUserIds deletedAt editedAt version
      versions { body operation } } } }`;
  const ADD = `mutation($input: AddCommentInput!) { addComment(input: $input) { id visibility body version mentionedUserIds } }`;
  const EDIT = `mutation($input: EditCommentInput!) { editComment(input: $input) { id body version editedAt } }`;
  const DELETE = `mutation($input: VersionedRefInput!) { deleteComment(input: $input) { id body deletedAt version } }`;
  const MINE = `query { myNotifications(first: 50) { nodes { event title body link subject { subjectId } } } }`;
  const thread = (token: string, type: string, id: string) => t.gql(token, THREAD, { t: type, id });
  const bodies = async (token: string, type = 'PLAN', id = planId) =>
    ((await t.ok(token, THREAD, { t: type, id })).commentThread.comments as Array<{ body: string | null }>).map((x) => x.body);
  const add = (token: string, body: string, visibility: string, subjectType = 'PLAN', subjectId = planId) =>
    t.gql(token, ADD, { input: { subjectType, subjectId, visibility, body } });
  const told = async (token: string, kind: string) =>
    ((await t.ok(token, MINE)).myNotifications.nodes as Array<{ event: string; title: string; link: string }>).filter(
      (n) => n.event === kind,
    );

  beforeAll(async () => {
    t = await TestApp.start({ COMMENT_EDIT_WINDOW_MINUTES: '15' });
    w = await createWorld(t);
    c = await publishedCase(t, w);
    planId = c.planOf(w.orgs.buurtteam).id;
    await t.travel('2026-03-10T10:00:00');
  });
  afterAll(() => t?.stop());

  it("keeps the organisation's talk on a draft plan its own, and shows what it explicitly shares to the case's inspectors", async () => {
    const own = await add(w.buurtteamMember.token, 'Wie schrijft de eerste versie?\nIk stel voor: Anna.', 'ORGANISATION');
    expect(own.errors).toBeUndefined();
    expect(own.data.addComment).toMatchObject({ visibility: 'ORGANISATION', body: 'Wie schrijft de eerste versie?\nIk stel voor: Anna.' });
    const shared = await add(w.buurtteamMember.token, 'Kan de inspectie meekijken naar de opzet?', 'PUBLIC');
    expect(shared.errors).toBeUndefined();

    expect(await bodies(w.buurtteamColleague.token)).toEqual([
      'Wie schrijft de eerste versie?\nIk stel voor: Anna.',
      'Kan de inspectie meekijken naar de opzet?',
    ]);
    expect(await bodies(w.inspector.token)).toEqual(['Kan de inspectie meekijken naar de opzet?']);
    // The first public word reaches the other side: the case's inspectors, with a link to the comment.
    const [n] = await told(w.inspector.token, 'COMMENT_ADDED');
    expect(n.title).toBe('Nieuwe opmerking bij het verbeterplan (Casus Heerlen 2015)');
    expect(n.link).toBe(`/plannen/${planId}#opmerking-${shared.data.addComment.id}`);
    expect(await told(w.buurtteamColleague.token, 'COMMENT_ADDED')).toEqual([]); // org-only talk tells nobody who did not take part

    // Nobody else sees the thread: another organisation, an inspectorate not on the case, reviewers, administrators.
    expect(codes(await thread(w.veiligThuisMember.token, 'PLAN', planId))).toEqual(['NOT_FOUND']);
    expect(codes(await thread(w.outsideInspector.token, 'PLAN', planId))).toEqual(['NOT_FOUND']);
    expect(codes(await thread(w.reviewer.token, 'PLAN', planId))).toEqual(['FORBIDDEN']);
    expect(codes(await thread(w.admin, 'PLAN', planId))).toEqual(['FORBIDDEN']);
    expect(codes(await add(w.reviewer.token, 'Hallo', 'PUBLIC'))).toEqual(['FORBIDDEN']);
  });

  it('keeps internal notes of the inspectorate from the organisation, also in the database itself', async () => {
    const note = await add(w.inspector.token, 'Intern: tempo lijkt laag, volgende week bespreken.', 'INTERNAL');
    expect(note.errors).toBeUndefined();
    expect(await bodies(w.inspector.token)).toContain('Intern: tempo lijkt laag, volgende week bespreken.');
    expect(await bodies(w.buurtteamMember.token)).not.toContain('Intern: tempo lijkt laag, volgende week bespreken.');
    // Row-level security, with the API's scope bypassed: the organisation reads neither the note nor its history.
    const asMember = { userId: w.buurtteamMember.id, role: Role.ORGANISATION_MEMBER, organisationId: w.orgs.buurtteam };
    const raw = await t.get(Database).transaction(asMember, async ({ em }) => ({
      comments: await em.query(`SELECT visibility FROM comments ORDER BY created_at`),
      history: await em.query(`SELECT after ->> 'visibility' AS visibility FROM history WHERE entity_type = 'comment'`),
    }));
    expect(raw.comments.map((r: any) => r.visibility).sort()).toEqual(['ORGANISATION', 'PUBLIC']);
    expect(raw.history.map((r: any) => r.visibility).sort()).toEqual(['ORGANISATION', 'PUBLIC']);
    const asInspector = { userId: w.inspector.id, role: Role.INSPECTOR, organisationId: w.orgs.igj };
    const seen = await t
      .get(Database)
      .transaction(asInspector, ({ em }) => em.query(`SELECT visibility FROM comments ORDER BY visibility`));
    expect(seen.map((r: any) => r.visibility)).toEqual(['INTERNAL', 'PUBLIC']);

    // Each side writes only its own kinds, with the field named.
    const wrong = await add(w.inspector.token, 'x', 'ORGANISATION');
    expect([codes(wrong), fieldPaths(wrong)]).toEqual([['BAD_USER_INPUT'], ['input.visibility']]);
    const wrong2 = await add(w.buurtteamMember.token, 'x', 'INTERNAL');
    expect([codes(wrong2), fieldPaths(wrong2)]).toEqual([['BAD_USER_INPUT'], ['input.visibility']]);
  });

  it('tells the participants and the people mentioned who may read the thread, and nobody else', async () => {
    const reply = await add(w.inspector.token, 'Graag. @collega@buurtteam.test en @lid@veiligthuis.test: wie is de regisseur?', 'PUBLIC');
    expect(reply.errors).toBeUndefined();
    // Veilig Thuis may not read this plan's thread, so the mention is not kept and nobody there is told.
    expect(reply.data.addComment.mentionedUserIds).toEqual([w.buurtteamColleague.id]);
    const [mention] = await told(w.buurtteamColleague.token, 'COMMENT_MENTIONED');
    expect(mention.title).toBe('U bent genoemd in een opmerking (Casus Heerlen 2015)');
    expect(await told(w.veiligThuisMember.token, 'COMMENT_MENTIONED')).toEqual([]);
    // The member wrote in this thread before: a participant.
    expect((await told(w.buurtteamMember.token, 'COMMENT_ADDED')).length).toBe(1);
    // Mail and in-app texts never carry the comment's text.
    expect(mention.title + JSON.stringify(await told(w.buurtteamMember.token, 'COMMENT_ADDED'))).not.toContain('regisseur');
  });

  it('lets the author edit within the window and delete as a tombstone, keeping every version in the history', async () => {
    const written = (await add(w.buurtteamMember.token, 'Eerste versie.', 'PUBLIC')).data.addComment;
    const other = await t.gql(w.buurtteamColleague.token, EDIT, { input: { id: written.id, expectedVersion: 1, body: 'Niet van mij.' } });
    expect(codes(other)).toEqual(['FORBIDDEN']);
    const edited = await t.ok(w.buurtteamMember.token, EDIT, { input: { id: written.id, expectedVersion: 1, body: 'Tweede versie.' } });
    expect(edited.editComment).toMatchObject({ body: 'Tweede versie.', version: 2 });
    const stale = await t.gql(w.buurtteamMember.token, EDIT, { input: { id: written.id, expectedVersion: 1, body: 'Oud.' } });
    expect(codes(stale)).toEqual(['CONFLICT']);

    await t.travel('2026-03-10T10:16:00'); // past the 15-minute window
    const late = await t.gql(w.buurtteamMember.token, EDIT, { input: { id: written.id, expectedVersion: 2, body: 'Te laat.' } });
    expect(codes(late)).toEqual(['FORBIDDEN']);
    expect(late.errors![0].message).toContain('15 minutes');

    const deleted = await t.ok(w.buurtteamMember.token, DELETE, { input: { id: written.id, expectedVersion: 2 } });
    expect(deleted.deleteComment).toMatchObject({ body: null, version: 3 });
    expect(deleted.deleteComment.deletedAt).toBeTruthy();
    const again = await t.gql(w.buurtteamMember.token, DELETE, { input: { id: written.id, expectedVersion: 3 } });
    expect(codes(again)).toEqual(['INVALID_TRANSITION']);

    const view = (await t.ok(w.inspector.token, THREAD, { t: 'PLAN', id: planId })).commentThread;
    const tomb = view.comments.find((x: any) => x.id === written.id);
    expect(tomb.body).toBeNull();
    expect(tomb.versions).toEqual([
      { body: 'Eerste versie.', operation: 'INSERT' },
      { body: 'Tweede versie.', operation: 'UPDATE' },
      { body: null, operation: 'UPDATE' },
    ]);
    expect(view).toMatchObject({ editWindowMinutes: 15, maxLength: 5000 });
    expect(view.privacyReminderNl).toContain('persoonsgegevens');
    // Tombstones cannot be removed, not even with SQL as the application.
    const removal = await t
      .get(Database)
      .transaction(null, ({ em }) => em.query(`DELETE FROM comments WHERE id = $1`, [written.id]))
      .catch((e: Error) => e.message);
    expect(removal).toMatch(/permission denied|append-only/);
  });

  it('refuses bad input with the field named', async () => {
    const long = await add(w.buurtteamMember.token, 'x'.repeat(5001), 'PUBLIC');
    expect([codes(long), fieldPaths(long)]).toEqual([['BAD_USER_INPUT'], ['input.body']]);
    const blank = await add(w.buurtteamMember.token, ' \n ', 'PUBLIC');
    expect([codes(blank), fieldPaths(blank)]).toEqual([['BAD_USER_INPUT'], ['input.body']]);
    const control = await add(w.buurtteamMember.token, 'bel\u0007', 'PUBLIC');
    expect([codes(control), fieldPaths(control)]).toEqual([['BAD_USER_INPUT'], ['input.body']]);
    const unknown = await add(w.buurtteamMember.token, 'x', 'PUBLIC', 'MEASURE', '00000000-0000-4000-8000-000000000000');
    expect(codes(unknown)).toEqual(['NOT_FOUND']);
  });

  it('holds threads on measures, audits and verifications with the access rules of the item', async () => {
    const flow = caseFlow(t);
    const m1 = await flow.addMeasure(w.buurtteamMember.token, planId, w.buurtteamMember.id, [c.points.collective]);
    await flow.addMeasure(w.buurtteamMember.token, planId, w.buurtteamMember.id, [c.points.buurtteam]);
    // Before submission the inspectors do not see the measure, so its thread is the organisation's.
    expect(codes(await thread(w.inspector.token, 'MEASURE', m1.id))).toEqual(['NOT_FOUND']);
    const early = await add(w.buurtteamMember.token, 'Concept.', 'PUBLIC', 'MEASURE', m1.id);
    expect([codes(early), fieldPaths(early)]).toEqual([['BAD_USER_INPUT'], ['input.visibility']]);
    await flow.submit(w.buurtteamMember.token, planId);
    await flow.assess(w.inspector.token, planId);
    const q = await add(w.inspector.token, 'Waarom schuift deze maatregel?', 'PUBLIC', 'MEASURE', m1.id);
    expect(q.errors).toBeUndefined();
    const [n] = await told(w.buurtteamColleague.token, 'COMMENT_ADDED');
    expect(n.link).toBe(`/plannen/${planId}/maatregelen/${m1.id}#opmerking-${q.data.addComment.id}`);
    expect(await bodies(w.buurtteamMember.token, 'MEASURE', m1.id)).toEqual(['Waarom schuift deze maatregel?']);
    // After submission organisation-only comments are no longer possible.
    const late = await add(w.buurtteamMember.token, 'Onder ons.', 'ORGANISATION');
    expect([codes(late), fieldPaths(late)]).toEqual([['BAD_USER_INPUT'], ['input.visibility']]);

    const audit = (await flow.plan(w.buurtteamMember.token, planId)).internalAudit;
    expect((await add(w.buurtteamMember.token, 'Audit gepland in juni.', 'PUBLIC', 'INTERNAL_AUDIT', audit.id)).errors).toBeUndefined();
    expect(await bodies(w.inspector.token, 'INTERNAL_AUDIT', audit.id)).toEqual(['Audit gepland in juni.']);
    expect(codes(await thread(w.veiligThuisMember.token, 'INTERNAL_AUDIT', audit.id))).toEqual(['NOT_FOUND']);
  });
  it('holds a thread on an enforcement measure for the organisation and the inspectors, never for reviewers', async () => {
    const other = c.planOf(w.orgs.veiligThuis).id;
    await t.travel('2026-05-20T10:00:00');
    const measure = (
      await t.ok(w.inspector.token, `mutation($input: RecordEnforcementMeasureInput!) { recordEnforcementMeasure(input: $input) { id } }`, {
        input: {
          planId: other,
          type: 'INTENSIFIED_SUPERVISION',
          decisionDate: '2026-05-20',
          rationale: 'Het verbeterplan is te laat; verscherpt toezicht.',
        },
      })
    ).recordEnforcementMeasure.id as string;
    const q = await add(w.inspector.token, 'Graag de eerste voortgangsrapportage voor 20 juni.', 'PUBLIC', 'ENFORCEMENT_MEASURE', measure);
    expect(q.errors).toBeUndefined();
    const [n] = await told(w.veiligThuisMember.token, 'COMMENT_ADDED');
    expect(n.link).toBe(`/handhaving/${measure}#opmerking-${q.data.addComment.id}`);
    const answer = await add(w.veiligThuisMember.token, 'Komt eraan.', 'PUBLIC', 'ENFORCEMENT_MEASURE', measure);
    expect(answer.errors).toBeUndefined();
    expect(await bodies(w.inspector.token, 'ENFORCEMENT_MEASURE', measure)).toEqual([
      'Graag de eerste voortgangsrapportage voor 20 juni.',
      'Komt eraan.',
    ]);
    expect(codes(await thread(w.buurtteamMember.token, 'ENFORCEMENT_MEASURE', measure))).toEqual(['NOT_FOUND']);
    expect(codes(await thread(w.reviewer.token, 'ENFORCEMENT_MEASURE', measure))).toEqual(['FORBIDDEN']);
    const own = await add(w.veiligThuisMember.token, 'Onder ons.', 'ORGANISATION', 'ENFORCEMENT_MEASURE', measure);
    expect([codes(own), fieldPaths(own)]).toEqual([['BAD_USER_INPUT'], ['input.visibility']]);
    // Under row-level security another organisation reads neither the comments nor their history.
    const asOther = { userId: w.buurtteamMember.id, role: Role.ORGANISATION_MEMBER, organisationId: w.orgs.buurtteam };
    const leaked = await t
      .get(Database)
      .transaction(asOther, ({ em }) =>
        em.query(`SELECT 1 FROM history WHERE entity_type = 'comment' AND (after ->> 'subject_id') = $1`, [measure]),
      );
    expect(leaked).toEqual([]);
  });
});
