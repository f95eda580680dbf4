import { Database } from '@opvolging/database';
import { Role } from '@opvolging/shared';
import { SmtpSink } from '../support/smtp-sink';
import { codes, fieldPaths, TestApp } from '../support/test-app';
import { createWorld, PASSWORD, publishedCase } from '../support/fixtures';
import { databaseUrl } from '../support/test-database';
import { Client } from 'pg';

describe('trust: history, isolation in the database, accounts', () => {
  const smtp = new SmtpSink();
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let c: Awaited<ReturnType<typeof publishedCase>>;
  let measureA: { id: string; version: number };
  let measureB: { id: string };

  beforeAll(async () => {
    await smtp.start();
    t = await TestApp.start({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    w = await createWorld(t);
    c = await publishedCase(t, w);
    const add = async (token: string, planId: string, pointId: string, ownerId: string) =>
      (
        await t.ok(token, `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id version } }`, {
          input: {
            planId,
            description: 'Escalatieprotocol',
            successIndicator: 'Vastgesteld',
            ownerId,
            dueDate: '2026-06-01',
            pointIds: [pointId],
          },
        })
      ).addMeasure;
    measureA = await add(w.buurtteamMember.token, c.planOf(w.orgs.buurtteam).id, c.points.buurtteam, w.buurtteamMember.id);
    measureB = await add(w.veiligThuisMember.token, c.planOf(w.orgs.veiligThuis).id, c.points.veiligThuis, w.veiligThuisMember.id);
  });
  afterAll(async () => {
    await t?.stop();
    await smtp.stop();
  });

  const HISTORY =
    `query($id: ID!) { history(entityId: $id) { entries { entityType operation changedFields actorRole actor { id } ` +
    `before after } nextCursor } }`;

  it('records who changed what, before and after, and shows it to those who may see the thing', async () => {
    await t.ok(w.buurtteamColleague.token, `mutation($input: UpdateMeasureInput!) { updateMeasure(input: $input) { id } }`, {
      input: { id: measureA.id, expectedVersion: 1, dueDate: '2026-07-01' },
    });
    const seen = await t.ok(w.buurtteamMember.token, HISTORY, { id: measureA.id });
    const [created, linked, changed] = seen.history.entries;
    expect(created).toMatchObject({
      entityType: 'measure',
      operation: 'INSERT',
      actorRole: 'ORGANISATION_MEMBER',
      actor: { id: w.buurtteamMember.id },
    });
    expect(linked).toMatchObject({
      entityType: 'measure_point',
      operation: 'INSERT',
      after: { measure_id: measureA.id, point_id: c.points.buurtteam },
    });
    expect(changed).toMatchObject({
      entityType: 'measure',
      operation: 'UPDATE',
      changedFields: ['due_date', 'original_due_date'],
      actor: { id: w.buurtteamColleague.id },
    });
    expect(changed.before.due_date).toBe('2026-06-01');
    expect(changed.after.due_date).toBe('2026-07-01');

    // Another organisation, a reviewer (draft content) and an outside inspector see nothing.
    for (const outsider of [w.veiligThuisMember, w.reviewer, w.outsideInspector]) {
      expect(codes(await t.gql(outsider.token, HISTORY, { id: measureA.id }))).toEqual(['NOT_FOUND']);
    }
    // Accounts: your own history, or an administrator's view; never a password hash.
    const own = await t.ok(w.buurtteamMember.token, HISTORY, { id: w.buurtteamMember.id });
    expect(own.history.entries[0].after).not.toHaveProperty('password_hash');
    expect(codes(await t.gql(w.veiligThuisMember.token, HISTORY, { id: w.buurtteamMember.id }))).toEqual(['NOT_FOUND']);
  });

  it('gives the inspector the full timeline of an investigation, and records every read', async () => {
    const TIMELINE =
      `query($id: ID!, $after: String) { investigationTimeline(investigationId: $id, first: 5, after: $after) { ` +
      `entries { entityType operation } nextCursor } }`;
    const first = await t.ok(w.inspector.token, TIMELINE, { id: c.id });
    expect(first.investigationTimeline.entries[0]).toEqual({ entityType: 'investigation', operation: 'INSERT' });
    const second = await t.ok(w.inspector.token, TIMELINE, { id: c.id, after: first.investigationTimeline.nextCursor });
    expect(second.investigationTimeline.entries).toHaveLength(5);
    expect(codes(await t.gql(w.buurtteamMember.token, TIMELINE, { id: c.id }))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(w.outsideInspector.token, TIMELINE, { id: c.id }))).toEqual(['NOT_FOUND']);

    const reads = await t
      .get(Database)
      .transaction(null, ({ em }) => em.query(`SELECT user_id, scope, subject_id, rows_returned FROM history_access ORDER BY id`));
    expect(reads).toEqual(
      expect.arrayContaining([
        { user_id: w.buurtteamMember.id, scope: 'ENTITY', subject_id: measureA.id, rows_returned: 3 },
        { user_id: w.inspector.id, scope: 'INVESTIGATION', subject_id: c.id, rows_returned: 5 },
      ]),
    );
  });

  it('refuses to change or delete history, even with SQL as the application user or as its owner', async () => {
    const url = databaseUrl(new URL(t.config.DATABASE_URL).pathname.slice(1));
    const client = new Client({ connectionString: url });
    await client.connect();
    const attempt = async (sql: string, asApp: boolean) => {
      await client.query('BEGIN');
      try {
        if (asApp) await client.query(`SET LOCAL ROLE opvolging_app`);
        await client.query(sql);
        return 'allowed';
      } catch (error) {
        return (error as Error).message;
      } finally {
        await client.query('ROLLBACK');
      }
    };
    try {
      expect(await attempt(`UPDATE history SET operation = 'DELETE'`, true)).toBe('permission denied for table history');
      expect(await attempt(`DELETE FROM history`, true)).toBe('permission denied for table history');
      expect(
        await attempt(`INSERT INTO history (entity_type, entity_id, operation) VALUES ('measure', gen_random_uuid(), 'INSERT')`, true),
      ).toBe('permission denied for table history');
      expect(await attempt(`UPDATE history SET operation = 'DELETE'`, false)).toBe('history is append-only: UPDATE refused');
      expect(await attempt(`DELETE FROM history`, false)).toBe('history is append-only: DELETE refused');
      expect(await attempt(`TRUNCATE history`, false)).toBe('history is append-only: TRUNCATE refused');
      expect(await attempt(`DELETE FROM history_access`, false)).toBe('history_access is append-only: DELETE refused');
    } finally {
      await client.end();
    }
  });

  it("hides another organisation's rows in the database itself, with the API checks bypassed", async () => {
    const db = t.get(Database);
    const asVeiligThuis = { userId: w.veiligThuisMember.id, role: Role.ORGANISATION_MEMBER, organisationId: w.orgs.veiligThuis };
    const seen = await db.transaction(asVeiligThuis, async ({ em }) => ({
      plans: (await em.query(`SELECT organisation_id FROM improvement_plans`)).map((r: { organisation_id: string }) => r.organisation_id),
      measures: (await em.query(`SELECT id FROM measures`)).map((r: { id: string }) => r.id),
      deadlines: (await em.query(`SELECT DISTINCT organisation_id FROM open_deadlines WHERE organisation_id IS NOT NULL`)).length,
      updated: (await em.query(`UPDATE measures SET description = 'overschreven' WHERE id = $1`, [measureA.id]))[1],
    }));
    expect(seen).toEqual({ plans: [w.orgs.veiligThuis], measures: [measureB.id], deadlines: 1, updated: 0 });
    // The same query without an actor's organisation setting sees nothing at all.
    const anonymous = await db.transaction(
      { userId: w.veiligThuisMember.id, role: Role.ORGANISATION_MEMBER, organisationId: null },
      ({ em }) => em.query(`SELECT count(*)::int AS n FROM improvement_plans`),
    );
    expect(anonymous[0].n).toBe(0);
    const inspector = await db.transaction({ userId: w.inspector.id, role: Role.INSPECTOR, organisationId: w.orgs.igj }, ({ em }) =>
      em.query(`SELECT count(*)::int AS n FROM improvement_plans`),
    );
    expect(inspector[0].n).toBe(2);
  });

  it('locks an account after repeated failures, with back-off, and lifts it after the wait', async () => {
    const signIn = (password: string) =>
      t.gql(null, `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
        input: { email: 'lid@veiligthuis.test', password },
      });
    for (let i = 0; i < 5; i++) expect(codes(await signIn('wrong-password-' + i))).toEqual(['UNAUTHENTICATED']);
    const locked = await signIn(PASSWORD);
    expect(codes(locked)).toEqual(['UNAUTHENTICATED']);
    expect(locked.errors![0].message).toContain('temporarily locked');
    t.clock.set(new Date(t.clock.now().getTime() + 61_000));
    expect(codes(await signIn(PASSWORD))).toEqual([]);
    // Reset by the success: four failures do not lock again.
    for (let i = 0; i < 4; i++) await signIn('wrong-again-' + i);
    expect(codes(await signIn(PASSWORD))).toEqual([]);
  });

  it('signs out everywhere', async () => {
    const token = await t.signIn('collega@buurtteam.test', PASSWORD);
    const other = token;
    await t.ok(token, `mutation { signOutEverywhere }`);
    expect(codes(await t.gql(other, `{ me { id } }`))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(await t.signIn('collega@buurtteam.test', PASSWORD), `{ me { id } }`))).toEqual([]);
  });

  it('refuses a token once it has expired or its signature is changed, also after the same token was accepted', async () => {
    const token = await t.signIn('collega@buurtteam.test', PASSWORD);
    expect(codes(await t.gql(token, `{ me { id } }`))).toEqual([]);
    expect(codes(await t.gql(token, `{ me { id } }`))).toEqual([]); // the second use is answered from the verified token
    const [head, payload, signature] = token.split('.');
    const forged = `${head}.${payload}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
    const refused = await t.gql(forged, `{ me { id } }`);
    expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
    expect(refused.errors![0].message).toBe('The bearer token is not valid: sign in again.');
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { exp: number };
    const before = t.clock.now();
    try {
      t.clock.set(new Date(exp * 1000 - 1000));
      expect(codes(await t.gql(token, `{ me { id } }`))).toEqual([]);
      t.clock.set(new Date(exp * 1000));
      const expired = await t.gql(token, `{ me { id } }`);
      expect(codes(expired)).toEqual(['UNAUTHENTICATED']);
      expect(expired.errors![0].message).toBe('Your session has expired: sign in again.');
    } finally {
      t.clock.set(before);
    }
  });

  it('resets a password by a mail link that works once and expires', async () => {
    const REQUEST = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
    const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
    expect((await t.ok(null, REQUEST, { input: { email: 'nobody@example.test' } })).requestPasswordReset).toBe(true);
    expect((await t.ok(null, REQUEST, { input: { email: 'LID@buurtteam.test' } })).requestPasswordReset).toBe(true);
    const mail = await smtp.waitUntil((m) => m.to === 'lid@buurtteam.test' && m.subject === 'Opvolging: nieuw wachtwoord instellen');
    expect(smtp.to('nobody@example.test')).toHaveLength(0);
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1];
    const session = t.token('lid@buurtteam.test');

    const weak = await t.gql(null, RESET, { input: { token, newPassword: 'short' } });
    expect(fieldPaths(weak)).toEqual(['input.newPassword']);
    expect(await t.ok(null, RESET, { input: { token, newPassword: 'een-nieuw-lang-wachtwoord' } })).toEqual({ resetPassword: true });
    expect(codes(await t.gql(session, `{ me { id } }`))).toEqual(['UNAUTHENTICATED']); // old sessions ended
    await t.signIn('lid@buurtteam.test', 'een-nieuw-lang-wachtwoord');
    const again = await t.gql(null, RESET, { input: { token, newPassword: 'nog-een-ander-wachtwoord' } });
    expect(again.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.token', message: 'invalid or expired' }],
    });

    await t.ok(null, REQUEST, { input: { email: 'lid@buurtteam.test' } });
    const second = await smtp.waitUntil((m) => m !== mail && m.to === 'lid@buurtteam.test' && m.subject.startsWith('Opvolging: nieuw'));
    const late = /#token=([A-Za-z0-9_-]+)/.exec(second.text)![1];
    t.clock.set(new Date(t.clock.now().getTime() + 31 * 60_000));
    expect(codes(await t.gql(null, RESET, { input: { token: late, newPassword: 'te-laat-ingesteld-ww' } }))).toEqual(['BAD_USER_INPUT']);
  });
});
