// The access token lives in memory only; the refresh token is an HttpOnly cookie the browser sends
// to /auth/session/refresh. One refresh at a time: concurrent callers share the same promise.

export interface SessionTokens {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export type SessionStatus = 'unknown' | 'signed-in' | 'signed-out' | 'expired';

export interface ApiErrorBody {
  errors?: Array<{
    message: string;
    extensions?: { code?: string; fields?: Array<{ path: string; message: string }> } & Record<string, unknown>;
  }>;
}

/** A failed call to one of the /auth/session endpoints, in the GraphQL error shape. */
export class SessionError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields: Array<{ path: string; message: string }> = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const CSRF = { 'X-Requested-With': 'opvolging' };
/** Refresh this long before the token runs out, so a request never leaves with a dying token. */
export const REFRESH_MARGIN_MS = 20_000;

type Listener = (status: SessionStatus) => void;

export class SessionManager {
  private tokens: SessionTokens | null = null;
  private refreshing: Promise<SessionTokens | null> | null = null;
  private statusValue: SessionStatus = 'unknown';
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly fetchImpl: typeof fetch = (...args) => fetch(...args),
    private readonly now: () => number = Date.now,
  ) {}

  get status(): SessionStatus {
    return this.statusValue;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private setStatus(status: SessionStatus): void {
    if (status === this.statusValue) return;
    this.statusValue = status;
    for (const l of this.listeners) l(status);
  }

  /** Sign-in with e-mail and password; throws SessionError with the API's code and field problems. */
  async signIn(email: string, password: string): Promise<void> {
    const res = await this.fetchImpl('/auth/session', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', ...CSRF },
      body: JSON.stringify({ email, password }),
    });
    this.adopt(await readTokens(res));
  }

  /** The OIDC callback hands the token over in the URL fragment; returns true when it did. */
  adoptFragment(hash: string): { adopted: boolean; error?: string } {
    const params = new URLSearchParams(hash.replace(/^#/, ''));
    const error = params.get('error');
    if (error) return { adopted: false, error: params.get('error_description') ?? error };
    const accessToken = params.get('access_token');
    const expiresAt = params.get('expires_at');
    if (!accessToken || !expiresAt) return { adopted: false };
    const at = Number.isNaN(Number(expiresAt)) ? Date.parse(expiresAt) : Number(expiresAt) * (Number(expiresAt) < 1e12 ? 1000 : 1);
    this.adopt({ accessToken, expiresAt: at });
    return { adopted: true };
  }

  private adopt(tokens: SessionTokens): void {
    this.tokens = tokens;
    this.setStatus('signed-in');
  }

  /** A token good for at least REFRESH_MARGIN_MS, refreshing first when needed; null when there is no session. */
  async getToken(): Promise<string | null> {
    if (this.tokens && this.tokens.expiresAt - this.now() > REFRESH_MARGIN_MS) return this.tokens.accessToken;
    if (!this.tokens && this.statusValue !== 'unknown') return null;
    const tokens = await this.refresh();
    return tokens?.accessToken ?? null;
  }

  /** Restores a session from the refresh cookie (page load); resolves to whether one exists. */
  async restore(): Promise<boolean> {
    return (await this.refresh()) !== null;
  }

  /**
   * Gets a new access token with the refresh cookie. Shared by everyone who asks while it runs.
   * A refused refresh ends the session (status `expired` when there was one, else `signed-out`).
   */
  refresh(): Promise<SessionTokens | null> {
    if (!this.refreshing) {
      this.refreshing = (async () => {
        try {
          const res = await this.fetchImpl('/auth/session/refresh', { method: 'POST', credentials: 'same-origin', headers: CSRF });
          const tokens = await readTokens(res);
          this.adopt(tokens);
          return tokens;
        } catch (error) {
          if (error instanceof SessionError) {
            const had = this.tokens !== null;
            this.tokens = null;
            this.setStatus(had ? 'expired' : 'signed-out');
            return null;
          }
          throw error; // network trouble: the session may well be fine
        } finally {
          this.refreshing = null;
        }
      })();
    }
    return this.refreshing;
  }

  /** Forgets the token without asking the server (after the API said the session is over). */
  expire(): void {
    this.tokens = null;
    this.setStatus('expired');
  }

  async signOut(): Promise<void> {
    try {
      await this.fetchImpl('/auth/session/sign-out', { method: 'POST', credentials: 'same-origin', headers: CSRF });
    } finally {
      this.tokens = null;
      this.setStatus('signed-out');
    }
  }

  /** After signOutEverywhere or a password change the server already ended every session. */
  forget(): void {
    this.tokens = null;
    this.setStatus('signed-out');
  }
}

async function readTokens(res: Response): Promise<SessionTokens> {
  const body = (await res.json().catch(() => ({}))) as ApiErrorBody & { accessToken?: string; expiresAt?: string };
  if (!res.ok || !body.accessToken || !body.expiresAt) {
    const first = body.errors?.[0];
    const { code = res.status === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR', fields = [], ...details } = first?.extensions ?? {};
    throw new SessionError(code, first?.message ?? res.statusText, fields, details);
  }
  return { accessToken: body.accessToken, expiresAt: Date.parse(body.expiresAt) };
}
