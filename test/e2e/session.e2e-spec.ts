import express from 'express';
import request from 'supertest';
import { loadConfig } from '@opvolging/config';
import { ManualClock, Role } from '@opvolging/shared';
import { setRefreshCookie } from '../../apps/api/src/identity/session-http';
import { Database } from '@opvolging/database';
import { RetentionService } from '@opvolging/notifications';
import { TestApp } from '../support/test-app';

const PASSWORD = 'correct-horse-battery-9';
const ME = '{ me { id email } }';

interface Answer {
  status: number;
  body: any;
  cookie?: string;
  setCookie?: string;
}

/** The browser's side: one cookie jar entry for the refresh token, as a browser would keep it. */
describe('Sessions in the browser (refresh cookie)', () => {
  let t: TestApp;
  let userId: string;
  let version: number;
  const email = 'lid@buurtteam.test';

  beforeAll(async () => {
    t = await TestApp.start({ PUBLIC_URL: 'http://localhost:3000', RATE_LIMIT_SIGN_IN_PER_EMAIL: '4' });
    const admin = t.token(await t.createAdmin());
    const org = await t.ok(admin, `mutation { createOrganisation(input: { name: "Gemeente Heerlen", kind: MUNICIPALITY }) { id } }`);
    const user = await t.ok(admin, `mutation($input: CreateUserInput!) { createUser(input: $input) { id version } }`, {
      input: { email, displayName: 'Lid', role: 'ORGANISATION_MEMBER', organisationId: org.createOrganisation.id, password: PASSWORD },
    });
    userId = user.createUser.id;
    version = user.createUser.version;
  });
  afterAll(() => t.stop());

  const http = () => request(t.app.getHttpServer());

  function answer(res: request.Response): Answer {
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('opvolging_refresh='));
    const value = setCookie ? /^opvolging_refresh=([^;]*)/.exec(setCookie)![1] : undefined;
    return { status: res.status, body: res.body, setCookie, cookie: value || undefined };
  }

  async function signIn(password = PASSWORD, who = email): Promise<Answer> {
    return answer(await http().post('/auth/session').set('content-type', 'application/json').send({ email: who, password }));
  }

  async function refresh(
    cookie: string | undefined,
    headers: Record<string, string> = { 'x-requested-with': 'opvolging' },
  ): Promise<Answer> {
    const req = http().post('/auth/session/refresh').set(headers);
    if (cookie) req.set('cookie', `opvolging_refresh=${cookie}`);
    return answer(await req.send());
  }

  async function signOut(
    cookie: string | undefined,
    headers: Record<string, string> = { 'x-requested-with': 'opvolging' },
  ): Promise<Answer> {
    const req = http().post('/auth/session/sign-out').set(headers);
    if (cookie) req.set('cookie', `opvolging_refresh=${cookie}`);
    return answer(await req.send());
  }

  const code = (a: Answer) => a.body?.errors?.[0]?.extensions?.code;
  const admin = () => t.token('admin@example.test');

  async function updateUser(input: Record<string, unknown>) {
    const data = await t.ok(admin(), `mutation($input: UpdateUserInput!) { updateUser(input: $input) { version } }`, {
      input: { id: userId, expectedVersion: version, ...input },
    });
    version = data.updateUser.version;
  }

  it('signs in with e-mail and password: an access token, and the refresh token in a strict HttpOnly cookie', async () => {
    const a = await signIn();
    expect(a.status).toBe(200);
    expect(Object.keys(a.body).sort()).toEqual(['accessToken', 'expiresAt', 'sessionExpiresAt']);
    const now = t.clock.now().getTime();
    expect(new Date(a.body.expiresAt).getTime() - now).toBe(900_000);
    expect(new Date(a.body.sessionExpiresAt).getTime() - now).toBe(12 * 3600_000);
    const attributes = a.setCookie!.split(';').map((s) => s.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/auth/session', `max-age=${12 * 3600}`]));
    expect(attributes).not.toContain('secure'); // PUBLIC_URL is http here
    expect(a.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The access token works for GraphQL as a bearer token.
    expect((await t.ok(a.body.accessToken, ME)).me.email).toBe(email);
  });

  it('stores only a hash of the refresh token', async () => {
    const a = await signIn();
    const rows = await t
      .get(Database)
      .dataSource.query(`SELECT token_hash FROM refresh_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [a.cookie]);
    expect(rows).toHaveLength(1);
    const plain = await t.get(Database).dataSource.query(`SELECT 1 FROM refresh_tokens WHERE token_hash = $1`, [a.cookie]);
    expect(plain).toHaveLength(0);
  });

  it('keeps refresh tokens from every acting user at the database (system only), and out of the history', async () => {
    await signIn();
    const db = t.get(Database);
    const asUser = await db.transaction({ userId, role: Role.ORGANISATION_MEMBER, organisationId: null }, ({ em }) =>
      em.query(`SELECT count(*)::int AS n FROM refresh_tokens`),
    );
    expect(asUser[0].n).toBe(0);
    const asSystem = await db.transaction(null, ({ em }) => em.query(`SELECT count(*)::int AS n FROM refresh_tokens`));
    expect(asSystem[0].n).toBeGreaterThan(0);
    const history = await db.dataSource.query(`SELECT count(*)::int AS n FROM history WHERE before ? 'token_hash' OR after ? 'token_hash'`);
    expect(history[0].n).toBe(0);
  });

  it('refuses a wrong password (UNAUTHENTICATED, no cookie), bad input (BAD_USER_INPUT), unparseable JSON (BAD_REQUEST)', async () => {
    const wrong = await signIn('wrong-password-123');
    expect(wrong.status).toBe(401);
    expect(code(wrong)).toBe('UNAUTHENTICATED');
    expect(wrong.setCookie).toBeUndefined();
    const missing = answer(await http().post('/auth/session').set('content-type', 'application/json').send({ email }));
    expect(missing.status).toBe(400);
    expect(code(missing)).toBe('BAD_USER_INPUT');
    expect(missing.body.errors[0].extensions.fields).toEqual([{ path: 'password', message: 'required, as a string' }]);
    // The API's one body parser answers a body that is not JSON before any endpoint sees it (as for /graphql).
    const broken = answer(await http().post('/auth/session').set('content-type', 'application/json').send('{"email": '));
    expect(broken.status).toBe(400);
    expect(code(broken)).toBe('BAD_REQUEST');
    const form = answer(await http().post('/auth/session').type('form').send({ email, password: PASSWORD }));
    expect(form.status).toBe(400);
    expect(code(form)).toBe('BAD_USER_INPUT');
  });

  it('rotates on refresh: a new access token and a new cookie; the old cookie value no longer works', async () => {
    const first = await signIn();
    t.clock.set(new Date(t.clock.now().getTime() + 60_000));
    const second = await refresh(first.cookie);
    expect(second.status).toBe(200);
    expect(second.cookie).toBeDefined();
    expect(second.cookie).not.toBe(first.cookie);
    expect(second.body.sessionExpiresAt).toBe(first.body.sessionExpiresAt); // refreshing never extends the session
    expect((await t.ok(second.body.accessToken, ME)).me.id).toBe(userId);
    const third = await refresh(second.cookie);
    expect(third.status).toBe(200);
    expect(third.setCookie).toMatch(`max-age=${12 * 3600 - 60}`.replace('max-age', 'Max-Age'));
    // Past the grace window, the first token is a reused one.
    t.clock.set(new Date(t.clock.now().getTime() + 11_000));
    const replay = await refresh(first.cookie);
    expect(replay.status).toBe(401);
    expect(code(replay)).toBe('UNAUTHENTICATED');
  });

  it('revokes the whole family when a replaced token is presented again: the newest token fails too', async () => {
    const first = await signIn();
    const second = await refresh(first.cookie);
    t.clock.set(new Date(t.clock.now().getTime() + 30_000));
    const stolen = await refresh(first.cookie);
    expect(stolen.status).toBe(401);
    expect(stolen.setCookie).toMatch(/^opvolging_refresh=;.*Expires=Thu, 01 Jan 1970/); // cleared
    const newest = await refresh(second.cookie);
    expect(newest.status).toBe(401);
    expect(code(newest)).toBe('UNAUTHENTICATED');
    const [row] = await t
      .get(Database)
      .dataSource.query(`SELECT revoked_reason FROM refresh_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [second.cookie]);
    expect(row.revoked_reason).toBe('REUSED');
  });

  it('lets two tabs refresh with the same token at once: both get the same successor, and the session goes on', async () => {
    const first = await signIn();
    const [a, b] = await Promise.all([refresh(first.cookie), refresh(first.cookie)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.cookie).toBe(b.cookie);
    expect(a.body.accessToken).toBeDefined();
    const next = await refresh(a.cookie);
    expect(next.status).toBe(200);
    // The grace is once only: a third use of the first token is reuse.
    const third = await refresh(first.cookie);
    expect(third.status).toBe(401);
    expect((await refresh(next.cookie)).status).toBe(401);
  });

  it('refuses a missing, unknown or malformed cookie with 401 and clears it', async () => {
    for (const cookie of [undefined, 'not-a-token', '%E0%A4%A']) {
      const a = await refresh(cookie);
      expect(a.status).toBe(401);
      expect(code(a)).toBe('UNAUTHENTICATED');
      expect(a.setCookie).toMatch(/^opvolging_refresh=;/);
    }
  });

  it('ends the browser’s previous session when it signs in again', async () => {
    const first = await signIn();
    const again = answer(
      await http()
        .post('/auth/session')
        .set({ 'content-type': 'application/json', cookie: `opvolging_refresh=${first.cookie}` })
        .send({ email, password: PASSWORD }),
    );
    expect(again.status).toBe(200);
    expect((await refresh(first.cookie)).status).toBe(401);
    expect((await refresh(again.cookie)).status).toBe(200);
  });

  it('signs out: the family ends, the cookie is cleared, 204, and signing out again is fine', async () => {
    const first = await signIn();
    const out = await signOut(first.cookie);
    expect(out.status).toBe(204);
    expect(out.setCookie).toMatch(/^opvolging_refresh=;/);
    expect((await refresh(first.cookie)).status).toBe(401);
    expect((await signOut(first.cookie)).status).toBe(204);
    expect((await signOut(undefined)).status).toBe(204);
  });

  it('ends every session on sign out everywhere, a role change, a password change, and disabling the account', async () => {
    const everywhere = await signIn();
    await t.ok(everywhere.body.accessToken, `mutation { signOutEverywhere }`);
    expect((await refresh(everywhere.cookie)).status).toBe(401);

    const role = await signIn();
    await updateUser({ role: 'MUNICIPALITY_REVIEWER' });
    const refused = await refresh(role.cookie);
    expect(refused.status).toBe(401);
    expect(code(refused)).toBe('UNAUTHENTICATED');
    await updateUser({ role: 'ORGANISATION_MEMBER' });

    const password = await signIn();
    await t.ok(password.body.accessToken, `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }`, {
      input: { currentPassword: PASSWORD, newPassword: 'another-long-password-7' },
    });
    expect((await refresh(password.cookie)).status).toBe(401);
    const changed = await signIn('another-long-password-7');
    await t.ok(changed.body.accessToken, `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) }`, {
      input: { currentPassword: 'another-long-password-7', newPassword: PASSWORD },
    });

    const disabled = await signIn();
    await updateUser({ active: false });
    expect((await refresh(disabled.cookie)).status).toBe(401);
    await updateUser({ active: true });
    // A new sign-in works again.
    expect((await refresh((await signIn()).cookie)).status).toBe(200);
  });

  it('keeps a user signed in past the access token expiry, and ends the session at its absolute end', async () => {
    const start = t.clock.now().getTime();
    const first = await signIn();
    t.clock.set(new Date(start + 16 * 60_000));
    const stale = await t.gql(first.body.accessToken, ME);
    expect(stale.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    let cookie = first.cookie;
    // A working day of refreshes every 14 minutes.
    for (let minutes = 16; minutes < 12 * 60; minutes += 14) {
      t.clock.set(new Date(start + minutes * 60_000));
      const next = await refresh(cookie);
      expect(next.status).toBe(200);
      cookie = next.cookie;
      if (minutes === 16) expect((await t.ok(next.body.accessToken, ME)).me.id).toBe(userId);
    }
    t.clock.set(new Date(start + 12 * 3600_000));
    const ended = await refresh(cookie);
    expect(ended.status).toBe(401);
    expect(ended.body.errors[0].message).toMatch(/maximum length/);
  });

  it('refuses cookie requests without the X-Requested-With header or from another origin (CSRF)', async () => {
    const first = await signIn();
    const noHeader = await refresh(first.cookie, {});
    expect(noHeader.status).toBe(403);
    expect(code(noHeader)).toBe('FORBIDDEN');
    const wrongHeader = await refresh(first.cookie, { 'x-requested-with': 'XMLHttpRequest' });
    expect(wrongHeader.status).toBe(403);
    const foreign = await refresh(first.cookie, { 'x-requested-with': 'opvolging', origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(code(foreign)).toBe('FORBIDDEN');
    const foreignOut = await signOut(first.cookie, { origin: 'https://evil.example', 'x-requested-with': 'opvolging' });
    expect(foreignOut.status).toBe(403);
    const foreignSignIn = answer(
      await http().post('/auth/session').set({ 'content-type': 'application/json', origin: 'null' }).send({ email, password: PASSWORD }),
    );
    expect(foreignSignIn.status).toBe(403);
    // No CORS: a script on another site gets no permission to send the header.
    const preflight = await http().options('/auth/session/refresh').set({
      origin: 'https://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'x-requested-with',
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
    // None of the refusals used the token up.
    const same = await refresh(first.cookie, { 'x-requested-with': 'opvolging', origin: 'http://localhost:3000' });
    expect(same.status).toBe(200);
  });

  it('deletes ended sessions by retention after RETENTION_SESSIONS_DAYS, and keeps live ones', async () => {
    const live = await signIn();
    const ended = await signIn();
    await signOut(ended.cookie);
    const count = async (cookie: string | undefined) =>
      (
        await t
          .get(Database)
          .dataSource.query(`SELECT count(*)::int AS n FROM refresh_tokens WHERE token_hash = encode(sha256($1::bytea), 'hex')`, [cookie])
      )[0].n;
    t.clock.set(new Date(t.clock.now().getTime() + 6 * 24 * 3600_000));
    await t.get(RetentionService).run();
    expect(await count(ended.cookie)).toBe(1);
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 24 * 3600_000));
    const result = await t.get(RetentionService).run();
    expect(result.sessions).toBeGreaterThan(0);
    expect(await count(ended.cookie)).toBe(0);
    expect(await count(live.cookie)).toBe(0); // expired (12 hours) eight days ago
  });

  it('counts sign-ins against the same limits as the signIn mutation', async () => {
    const who = 'nobody@example.test';
    const answers: Answer[] = [];
    for (let i = 0; i < 5; i++) answers.push(await signIn('wrong-password-123', who));
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([401, 401, 401, 401]);
    expect(answers[4].status).toBe(429);
    expect(code(answers[4])).toBe('TOO_MANY_REQUESTS');
    expect(answers[4].body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    // The GraphQL signIn shares the count.
    const gql = await t.gql(null, `mutation { signIn(input: { email: "${who}", password: "x" }) { accessToken } }`);
    expect(gql.errors?.[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('The refresh cookie behind HTTPS', () => {
  it('is Secure when PUBLIC_URL is https, and not otherwise', async () => {
    const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));
    const session = { refreshToken: 'x', sessionExpiresAt: new Date('2026-03-02T21:00:00Z') };
    for (const [url, secure] of [
      ['https://opvolging.example.nl', true],
      ['http://localhost:3000', false],
    ] as const) {
      const config = loadConfig({ PUBLIC_URL: url });
      const server = express().get('/', (_req, res) => {
        setRefreshCookie(res, config, clock, session);
        res.end();
      });
      const cookie = (await request(server).get('/')).headers['set-cookie'][0];
      expect(cookie).toMatch(/^opvolging_refresh=x; Max-Age=43200; Path=\/auth\/session; Expires=[^;]+; HttpOnly/);
      expect(cookie.split('; ').includes('Secure')).toBe(secure);
      expect(cookie.split('; ').includes('SameSite=Strict')).toBe(true);
    }
  });
});
