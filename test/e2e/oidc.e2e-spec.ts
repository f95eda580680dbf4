import { generateKeyPairSync, randomBytes } from 'crypto';
import http, { IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { Redis } from 'ioredis';
import { Provider } from 'oidc-provider';
import request from 'supertest';
import { ConfigError, loadConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { TestApp } from '../support/test-app';
import { createWorld } from '../support/fixtures';

/**
 * Sign-in through a real OpenID Connect provider (oidc-provider) on loopback: the real
 * authorization endpoint (with PKCE required), token endpoint and signed ID tokens. Its login page
 * is stood in for by an interaction handler that signs in the account the test names.
 */

/** The identities the provider knows, by subject. */
const IDENTITIES: Record<string, { email?: string; email_verified: boolean; emailOnlyAtUserinfo?: boolean }> = {
  'kc-inspecteur': { email: 'Inspecteur@IGJ.test', email_verified: true },
  'kc-reviewer': { email: 'toezicht@heerlen.test', email_verified: true, emailOnlyAtUserinfo: true },
  'kc-unverified': { email: 'lid@buurtteam.test', email_verified: false },
  'kc-stranger': { email: 'nobody@elsewhere.test', email_verified: true },
  'kc-disabled': { email: 'lid@veiligthuis.test', email_verified: true },
};

const CLIENT_ID = 'opvolging';
const CLIENT_SECRET = randomBytes(24).toString('base64url');

describe('sign-in through an external OpenID Connect provider', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let provider: Provider;
  let providerServer: Server;
  let apiServer: Server;
  let issuer: string;
  let api: string;
  let redis: Redis;

  beforeAll(async () => {
    // Both ports first: the provider must know the callback URL, the API the issuer.
    providerServer = await listen();
    apiServer = await listen();
    issuer = `http://127.0.0.1:${port(providerServer)}`;
    api = `http://127.0.0.1:${port(apiServer)}`;

    provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [`${api}/auth/oidc/callback`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      jwks: {
        keys: [
          {
            ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
            kid: 'test-key',
            use: 'sig',
            alg: 'RS256',
          },
        ],
      },
      cookies: { keys: [randomBytes(32).toString('hex')] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'] },
      // Keycloak puts the scope claims in the ID token; kc-reviewer shows the userinfo fallback.
      conformIdTokenClaims: false,
      features: { devInteractions: { enabled: false } },
      ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx, sub) => {
        const identity = IDENTITIES[sub];
        if (!identity) return undefined;
        return {
          accountId: sub,
          claims: async (use) =>
            identity.emailOnlyAtUserinfo && use === 'id_token'
              ? { sub }
              : { sub, email: identity.email, email_verified: identity.email_verified },
        };
      },
    });
    const oidc = provider.callback();
    providerServer.on('request', (req, res) => {
      if (req.url?.startsWith('/interaction/')) interact(req, res).catch((error) => res.writeHead(500).end(String(error)));
      else oidc(req, res);
    });

    t = await TestApp.start({ PUBLIC_URL: api, OIDC_ISSUER_URL: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET });
    apiServer.on('request', t.app.getHttpAdapter().getInstance());
    w = await createWorld(t);
    redis = new Redis(t.config.REDIS_URL, { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    redis?.disconnect();
    for (const server of [apiServer, providerServer]) {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
    }
    await t?.stop();
  });

  /** The stand-in login page: signs in ?account=…, then consents to what the client asked for. */
  async function interact(req: IncomingMessage, res: http.ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      const accountId = new URL(req.url!, issuer).searchParams.get('account')!;
      await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
    const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  /**
   * A browser without JavaScript: GET /auth/oidc/login on the API, then the provider's redirects
   * until it sends us back to the API's callback. Answers that callback URL, unvisited.
   */
  async function toCallback(account: string) {
    const browser = new Jar();
    const login = await get(`${api}/auth/oidc/login`, browser);
    expect(login.status).toBe(302);
    let location = new URL(login.headers.location!);
    expect(location.origin + location.pathname).toBe(`${issuer}/auth`);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    for (let hops = 0; hops < 10; hops++) {
      if (location.origin === api) return { callback: location, browser };
      if (location.pathname.startsWith('/interaction/')) location.searchParams.set('account', account);
      const res = await get(location.href, browser);
      if (![302, 303].includes(res.status)) throw new Error(`provider answered ${res.status} at ${location.pathname}: ${res.body}`);
      location = new URL(res.headers.location!, location);
    }
    throw new Error('too many redirects');
  }

  async function callback(url: URL, browser: Jar, accept = 'application/json') {
    const res = await get(url.href, browser, { accept });
    return { ...res, json: res.headers['content-type']?.includes('json') ? JSON.parse(res.body) : undefined };
  }

  async function signIn(account: string) {
    const { callback: url, browser } = await toCallback(account);
    return callback(url, browser);
  }

  const me = async (token: string) => (await t.ok(token, `{ me { id email } }`)).me;
  const link = async (email: string) =>
    (
      await t.get(Database).transaction(null, ({ em }) => em.query(`SELECT oidc_issuer, oidc_subject FROM users WHERE email = $1`, [email]))
    )[0];

  it('links the account with the verified e-mail address, and its token works on the API', async () => {
    const { callback: url, browser } = await toCallback('kc-inspecteur');
    const state = url.searchParams.get('state')!;
    // The attempt waits in Redis (shared by all replicas), briefly, and only until used.
    const ttl = await redis.ttl(`${t.config.QUEUE_PREFIX}:oidc-attempt:${state}`);
    expect(ttl).toBeGreaterThan(500);
    expect(ttl).toBeLessThanOrEqual(600);

    const res = await callback(url, browser);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ accessToken: expect.any(String), expiresAt: '2026-03-02T08:15:00.000Z' });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(await me(res.json.accessToken)).toEqual({ id: w.inspector.id, email: 'inspecteur@igj.test' });
    expect(await link('inspecteur@igj.test')).toEqual({ oidc_issuer: issuer, oidc_subject: 'kc-inspecteur' });
    expect(await redis.exists(`${t.config.QUEUE_PREFIX}:oidc-attempt:${state}`)).toBe(0);

    // The linking is in the history, by the system on behalf of the OIDC sign-in.
    const [entry] = await t
      .get(Database)
      .transaction(null, ({ em }) =>
        em.query(`SELECT actor_role, on_behalf_of, changed_fields FROM history WHERE entity_id = $1 ORDER BY id DESC LIMIT 1`, [
          w.inspector.id,
        ]),
      );
    expect(entry).toEqual({ actor_role: 'SYSTEM', on_behalf_of: 'oidc-sign-in', changed_fields: ['oidc_issuer', 'oidc_subject'] });
  });

  it('finds a linked account by its subject the next time, whatever the e-mail address says then', async () => {
    IDENTITIES['kc-inspecteur'] = { email: 'renamed@elsewhere.test', email_verified: false };
    const res = await signIn('kc-inspecteur');
    expect(res.status).toBe(200);
    expect(await me(res.json.accessToken)).toEqual({ id: w.inspector.id, email: 'inspecteur@igj.test' });
  });

  it('redirects a browser to the product with the token in the URL fragment', async () => {
    const { callback: url, browser } = await toCallback('kc-inspecteur');
    const res = await callback(url, browser, 'text/html,application/xhtml+xml,*/*;q=0.8');
    expect(res.status).toBe(302);
    const target = new URL(res.headers.location!);
    expect(target.origin + target.pathname).toBe(`${api}/`);
    expect(target.search).toBe('');
    const fragment = new URLSearchParams(target.hash.slice(1));
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('expires_at')).toBe('2026-03-02T08:15:00.000Z');
    expect(await me(fragment.get('access_token')!)).toMatchObject({ id: w.inspector.id });
    expect(res.headers['set-cookie']?.join()).toMatch(/opvolging_oidc=;/); // the binding cookie is cleared
    // A browser session starts too: the refresh cookie, as after a password sign-in, and it refreshes.
    const refresh = res.headers['set-cookie']!.find((c) => c.startsWith('opvolging_refresh='))!;
    expect(refresh).toMatch(
      /^opvolging_refresh=[A-Za-z0-9_-]{43}; Max-Age=43200; Path=\/auth\/session; Expires=.*; HttpOnly; SameSite=Strict$/,
    );
    const refreshed = await request(t.app.getHttpServer())
      .post('/auth/session/refresh')
      .set({ 'x-requested-with': 'opvolging', cookie: refresh.split(';')[0] });
    expect(refreshed.status).toBe(200);
    expect(await me(refreshed.body.accessToken)).toMatchObject({ id: w.inspector.id });
  });

  it('starts no browser session for a client that asks for JSON', async () => {
    const res = await signIn('kc-inspecteur');
    expect(res.status).toBe(200);
    expect(res.headers['set-cookie']?.join() ?? '').not.toContain('opvolging_refresh=');
  });

  it('reads the e-mail address from userinfo when the ID token does not carry it', async () => {
    const res = await signIn('kc-reviewer');
    expect(res.status).toBe(200);
    expect(await me(res.json.accessToken)).toEqual({ id: w.reviewer.id, email: 'toezicht@heerlen.test' });
    expect(await link('toezicht@heerlen.test')).toEqual({ oidc_issuer: issuer, oidc_subject: 'kc-reviewer' });
  });

  it('creates no account for an unknown e-mail address, and says so', async () => {
    const res = await signIn('kc-stranger');
    expect(res.status).toBe(403);
    expect(res.json).toEqual({
      statusCode: 403,
      error: 'access_denied',
      message:
        'There is no Opvolging account for nobody@elsewhere.test. Accounts are created by an administrator: ask one to create yours.',
    });
    const [{ count }] = await t
      .get(Database)
      .transaction(null, ({ em }) => em.query(`SELECT count(*)::int AS count FROM users WHERE email = 'nobody@elsewhere.test'`));
    expect(count).toBe(0);

    // A browser is sent to the product with the reason in the fragment.
    const { callback: url, browser } = await toCallback('kc-stranger');
    const page = await callback(url, browser, 'text/html');
    const fragment = new URLSearchParams(new URL(page.headers.location!).hash.slice(1));
    expect(fragment.get('error')).toBe('access_denied');
    expect(fragment.get('error_description')).toMatch(/no Opvolging account for nobody@elsewhere\.test/);
  });

  it('does not link by an e-mail address the provider has not verified', async () => {
    const res = await signIn('kc-unverified');
    expect(res.status).toBe(403);
    expect(res.json.message).toBe(
      'The identity provider has not verified the e-mail address lid@buurtteam.test, so it cannot be linked to an account: verify it ' +
        'there, or ask an administrator.',
    );
    expect(await link('lid@buurtteam.test')).toEqual({ oidc_issuer: null, oidc_subject: null });
  });

  it('refuses a replayed, forged or foreign state', async () => {
    const first = await toCallback('kc-inspecteur');
    expect((await callback(first.callback, first.browser)).status).toBe(200);
    const replayed = await callback(first.callback, first.browser);
    expect(replayed.status).toBe(400);
    expect(replayed.json.message).toBe('This sign-in attempt is unknown, expired or already used: start again at /auth/oidc/login.');

    const second = await toCallback('kc-inspecteur');
    const forged = new URL(second.callback);
    forged.searchParams.set('state', randomBytes(32).toString('base64url'));
    expect((await callback(forged, second.browser)).json.message).toMatch(/unknown, expired or already used/);
    const garbage = new URL(second.callback);
    garbage.searchParams.set('state', '../../x');
    expect((await callback(garbage, second.browser)).status).toBe(400);

    // The real callback, brought by another browser (login CSRF): refused, and spent.
    const stolen = await callback(second.callback, new Jar());
    expect(stolen.status).toBe(400);
    expect(stolen.json.message).toMatch(/started in another browser/);
    expect((await callback(second.callback, second.browser)).json.message).toMatch(/already used/);

    // A code that is not the provider's: its token endpoint refuses it.
    const third = await toCallback('kc-inspecteur');
    const fakeCode = new URL(third.callback);
    fakeCode.searchParams.set('code', 'not-a-real-code');
    const refused = await callback(fakeCode, third.browser);
    expect(refused.status).toBe(401);
    expect(refused.json.message).toMatch(/^The identity provider's answer could not be verified \(invalid_grant/);
  });

  it('refuses a disabled account, linked or not', async () => {
    const disable = (email: string) =>
      t.get(Database).transaction(null, ({ em }) => em.query(`UPDATE users SET active = false WHERE email = $1`, [email]));
    await disable('lid@veiligthuis.test');
    const unlinked = await signIn('kc-disabled');
    expect(unlinked.status).toBe(403);
    expect(unlinked.json.message).toBe('This account is disabled: ask an administrator to enable it.');
    expect(await link('lid@veiligthuis.test')).toEqual({ oidc_issuer: null, oidc_subject: null });

    await disable('toezicht@heerlen.test'); // linked to kc-reviewer above
    const linked = await signIn('kc-reviewer');
    expect(linked.status).toBe(403);
    expect(linked.json.message).toBe('This account is disabled: ask an administrator to enable it.');
  });

  it('is off, with a clear answer, when no issuer is configured; and needs a client when one is', async () => {
    const off = await TestApp.start();
    try {
      const res = await request(off.app.getHttpServer()).get('/auth/oidc/login');
      expect(res.status).toBe(404);
      expect(res.body.message).toBe('Sign-in through OpenID Connect is not configured on this installation (OIDC_ISSUER_URL is empty).');
    } finally {
      await off.stop();
    }
    expect(() => loadConfig({ OIDC_ISSUER_URL: issuer })).toThrow(ConfigError);
    expect(() => loadConfig({ OIDC_ISSUER_URL: issuer })).toThrow(
      /OIDC_CLIENT_ID: required when OIDC_ISSUER_URL is set[\s\S]*OIDC_CLIENT_SECRET: required/,
    );
    expect(loadConfig({ PUBLIC_URL: 'https://opvolging.example.nl/' })).toMatchObject({
      OIDC_REDIRECT_URL: 'https://opvolging.example.nl/auth/oidc/callback',
      OIDC_SCOPES: 'openid email profile',
    });
  });
});

function listen(): Promise<Server> {
  const server = http.createServer();
  return new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve(server)));
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}

/** Cookies per origin; path and expiry are not needed here beyond deletion. */
class Jar {
  private readonly cookies = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.cookies.get(url.origin) ?? new Map()).entries()].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(url: URL, setCookie: string[] = []) {
    const jar = this.cookies.get(url.origin) ?? new Map<string, string>();
    this.cookies.set(url.origin, jar);
    for (const line of setCookie) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const [name, ...value] = pair.split('=');
      const expired =
        attributes.some((a) => /^expires=/i.test(a) && new Date(a.slice(8)).getTime() < Date.now()) ||
        attributes.some((a) => /^max-age=0$/i.test(a));
      if (expired || value.join('=') === '') jar.delete(name);
      else jar.set(name, value.join('='));
    }
  }
}

/** One GET without following redirects, over a fresh connection (so nothing lingers at the end). */
function get(
  href: string,
  jar: Jar,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(href);
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, timeout: 10_000, headers: { ...headers, cookie: jar.header(url) } }, (res) => {
      jar.store(url, res.headers['set-cookie']);
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${href} timed out`)));
    req.on('error', reject);
  });
}
