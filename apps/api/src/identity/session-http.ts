import type { Request, Response } from 'express';
import { AppConfig } from '@opvolging/config';
import { SessionStart } from '@opvolging/identity';
import { Clock, DomainError, ErrorCode } from '@opvolging/shared';
import { httpStatusOf } from '../graphql/http-status';

/** The browser session's refresh token: HttpOnly, sent only to the session endpoints, never cross-site. */
export const REFRESH_COOKIE = 'opvolging_refresh';
export const REFRESH_COOKIE_PATH = '/auth/session';
/** The header the cookie-authenticated endpoints require: a cross-site form cannot send it, and a cross-site script needs a preflight. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_HEADER_VALUE = 'opvolging';

function cookieOptions(config: AppConfig) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: new URL(config.PUBLIC_URL).protocol === 'https:',
    path: REFRESH_COOKIE_PATH,
  };
}

/** Max-Age runs until the family's absolute end, measured by the product's clock. */
export function setRefreshCookie(res: Response, config: AppConfig, clock: Clock, session: SessionStart): void {
  // Whole seconds, rounded up: Max-Age is in seconds, and the server enforces the end anyway.
  const maxAge = Math.max(0, Math.ceil((session.sessionExpiresAt.getTime() - clock.now().getTime()) / 1000) * 1000);
  res.cookie(REFRESH_COOKIE, session.refreshToken, { ...cookieOptions(config), maxAge });
}

export function clearRefreshCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(config));
}

export function readCookie(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return undefined; // not a value this product set
      }
    }
  }
  return undefined;
}

/**
 * CSRF defence of the cookie-authenticated endpoints, besides SameSite=Strict: a browser that says
 * where the request comes from must say PUBLIC_URL's origin.
 */
export function checkOrigin(req: Request, config: AppConfig): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== new URL(config.PUBLIC_URL).origin) {
    throw DomainError.forbidden(`Requests from ${origin} are not accepted: only from ${new URL(config.PUBLIC_URL).origin}.`);
  }
}

export function checkCsrfHeader(req: Request): void {
  if (req.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    throw DomainError.forbidden(`This request needs the header "X-Requested-With: ${CSRF_HEADER_VALUE}".`);
  }
}

/** Errors in the GraphQL shape, so the web app reads every answer with one parser. */
export function sendError(res: Response, error: DomainError): void {
  const status = httpStatusOf(error);
  if (error.code === ErrorCode.TOO_MANY_REQUESTS && error.details.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(error.details.retryAfterSeconds));
  }
  res.status(status).json({ errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] });
}
