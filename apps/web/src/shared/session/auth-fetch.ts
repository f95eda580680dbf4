import type { SessionManager } from './session-manager';

/**
 * The fetch Apollo uses: adds the bearer token (refreshed before it runs out) and, when the API
 * still answers UNAUTHENTICATED, refreshes once and sends the request again. When the refresh is
 * refused the session ends, which sends the user to the sign-in page with the intended URL kept.
 */
export function createAuthFetch(session: SessionManager, fetchImpl: typeof fetch = (...args) => fetch(...args)): typeof fetch {
  return async (input, init) => {
    const send = (token: string | null) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set('Authorization', `Bearer ${token}`);
      return fetchImpl(input, { ...init, headers });
    };
    const token = await session.getToken();
    const res = await send(token);
    if (!token || !(await saysUnauthenticated(res))) return res;
    const fresh = await session.refresh();
    if (!fresh) return res;
    const retry = await send(fresh.accessToken);
    if (await saysUnauthenticated(retry)) session.expire();
    return retry;
  };
}

async function saysUnauthenticated(res: Response): Promise<boolean> {
  if (res.status === 401) return true;
  if (!(res.headers.get('content-type') ?? '').includes('json')) return false;
  const body = (await res
    .clone()
    .json()
    .catch(() => null)) as { errors?: Array<{ extensions?: { code?: string } }> } | null;
  return body?.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
}
