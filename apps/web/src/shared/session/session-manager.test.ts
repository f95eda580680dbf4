import { describe, expect, it } from 'vitest';
import { createAuthFetch } from './auth-fetch';
import { SessionManager } from './session-manager';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const tokenBody = (token: string, inMs: number, now: number) => ({
  accessToken: token,
  expiresAt: new Date(now + inMs).toISOString(),
  sessionExpiresAt: new Date(now + 3_600_000).toISOString(),
});

describe('SessionManager', () => {
  it('shares one refresh among concurrent callers', async () => {
    let now = 1_000_000;
    let refreshes = 0;
    const manager = new SessionManager(
      async (url) => {
        if (String(url).endsWith('/refresh')) {
          refreshes++;
          await new Promise((r) => setTimeout(r, 10));
          return json(200, tokenBody(`t${refreshes}`, 60_000, now));
        }
        return json(200, tokenBody('t0', 60_000, now));
      },
      () => now,
    );
    await manager.signIn('a@b.nl', 'pw');
    expect(await manager.getToken()).toBe('t0');
    now += 50_000; // inside the refresh margin
    const tokens = await Promise.all([manager.getToken(), manager.getToken(), manager.getToken()]);
    expect(tokens).toEqual(['t1', 't1', 't1']);
    expect(refreshes).toBe(1);
  });

  it('a refused refresh ends the session as expired', async () => {
    let now = 0;
    const manager = new SessionManager(
      async (url) => {
        if (String(url).endsWith('/refresh'))
          return json(401, { errors: [{ message: 'Session over', extensions: { code: 'UNAUTHENTICATED' } }] });
        return json(200, tokenBody('t0', 60_000, now));
      },
      () => now,
    );
    await manager.signIn('a@b.nl', 'pw');
    now = 59_000;
    expect(await manager.getToken()).toBeNull();
    expect(manager.status).toBe('expired');
  });

  it('sign-in failures carry the code and field problems', async () => {
    const manager = new SessionManager(async () =>
      json(400, {
        errors: [
          { message: 'Give your e-mail address', extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'email', message: 'required' }] } },
        ],
      }),
    );
    await expect(manager.signIn('', '')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'email', message: 'required' }],
    });
    expect(manager.status).toBe('unknown');
  });

  it('takes over the OIDC fragment', () => {
    const manager = new SessionManager(async () => json(500, {}));
    expect(manager.adoptFragment('#access_token=abc&token_type=Bearer&expires_at=2030-01-01T00:00:00.000Z')).toEqual({ adopted: true });
    expect(manager.status).toBe('signed-in');
    expect(new SessionManager().adoptFragment('#error=access_denied&error_description=No%20account')).toEqual({
      adopted: false,
      error: 'No account',
    });
  });
});

describe('createAuthFetch', () => {
  it('refreshes once on UNAUTHENTICATED and sends the request again with the new token', async () => {
    const now = 0;
    const seen: Array<string | null> = [];
    const api = async (url: RequestInfo | URL, init?: RequestInit) => {
      if (String(url).endsWith('/auth/session')) return json(200, tokenBody('old', 600_000, now));
      if (String(url).endsWith('/refresh')) return json(200, tokenBody('new', 600_000, now));
      const auth = new Headers(init?.headers).get('authorization');
      seen.push(auth);
      return auth === 'Bearer new'
        ? json(200, { data: { ok: true } })
        : json(200, { errors: [{ message: 'expired', extensions: { code: 'UNAUTHENTICATED' } }] });
    };
    const manager = new SessionManager(api, () => now);
    await manager.signIn('a@b.nl', 'pw');
    const res = await createAuthFetch(manager, api)('/graphql', { method: 'POST', body: '{}' });
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(seen).toEqual(['Bearer old', 'Bearer new']);
  });

  it('sends no token and does not refresh when nobody is signed in', async () => {
    let refreshes = 0;
    const api = async (url: RequestInfo | URL) => {
      if (String(url).endsWith('/refresh')) {
        refreshes++;
        return json(401, { errors: [{ message: 'no session', extensions: { code: 'UNAUTHENTICATED' } }] });
      }
      return json(200, { data: { requestPasswordReset: true } });
    };
    const manager = new SessionManager(api);
    await manager.restore();
    expect(manager.status).toBe('signed-out');
    const res = await createAuthFetch(manager, api)('/graphql', { method: 'POST', body: '{}' });
    expect(await res.json()).toEqual({ data: { requestPasswordReset: true } });
    expect(refreshes).toBe(1); // only the restore at page load
  });
});
