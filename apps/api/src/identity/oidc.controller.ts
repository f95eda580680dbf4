import { Controller, Get, NotFoundException, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '@opvolging/config';
import { OIDC_ATTEMPT_TTL_SECONDS, OidcProviderUnavailable, OidcService, SessionService } from '@opvolging/identity';
import { Clock, DomainError, ErrorCode } from '@opvolging/shared';
import { setRefreshCookie } from './session-http';
import { cookie } from '../http/cookie';

/** Binds a started sign-in to the browser that started it (see OidcService). */
export const OIDC_COOKIE = 'opvolging_oidc';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
};

/**
 * Sign-in through the external OpenID Connect provider (GET, browser redirects):
 * - /auth/oidc/login sends the browser to the provider;
 * - /auth/oidc/callback is where the provider sends it back. A browser is redirected to
 *   `${PUBLIC_URL}/#access_token=…&expires_at=…` (in the fragment, so the token reaches no server
 *   and no log), or `#error=…&error_description=…`. A browser also gets the refresh cookie of a
 *   new session (see SessionController), so the web app can refresh as after a password sign-in.
 *   A client that asks for `Accept: application/json` gets `{ accessToken, expiresAt }` or
 *   `{ statusCode, error, message }` instead, and no session.
 */
@Controller('auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcService,
    private readonly sessions: SessionService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Get('login')
  async login(@Res() res: Response): Promise<void> {
    this.assertEnabled();
    let attempt;
    try {
      attempt = await this.oidc.begin();
    } catch (error) {
      if (error instanceof OidcProviderUnavailable) throw new ServiceUnavailableException(error.message);
      throw error;
    }
    res.cookie(OIDC_COOKIE, attempt.browserBinding, { ...this.cookieOptions(), maxAge: OIDC_ATTEMPT_TTL_SECONDS * 1000 });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, attempt.authorizationUrl);
  }

  @Get('callback')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    this.assertEnabled();
    const json = req.accepts(['html', 'json']) === 'json';
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.clearCookie(OIDC_COOKIE, this.cookieOptions());
    try {
      const { accessToken, expiresAt, user } = await this.oidc.complete(req.query as Record<string, unknown>, cookie(req, OIDC_COOKIE));
      if (json) {
        res.status(200).json({ accessToken, expiresAt: expiresAt.toISOString() });
      } else {
        setRefreshCookie(res, this.config, this.clock, await this.sessions.start(user));
        res.redirect(302, this.publicUrl({ access_token: accessToken, token_type: 'Bearer', expires_at: expiresAt.toISOString() }));
      }
    } catch (error) {
      let status: number;
      if (error instanceof DomainError && STATUS[error.code]) status = STATUS[error.code]!;
      else if (error instanceof OidcProviderUnavailable) status = 503;
      else throw error;
      const code = status === 503 ? 'temporarily_unavailable' : status === 400 ? 'invalid_request' : 'access_denied';
      if (json) {
        res.status(status).json({ statusCode: status, error: code, message: error.message });
      } else {
        res.redirect(302, this.publicUrl({ error: code, error_description: error.message }));
      }
    }
  }

  private assertEnabled(): void {
    if (!this.oidc.enabled) {
      throw new NotFoundException('Sign-in through OpenID Connect is not configured on this installation (OIDC_ISSUER_URL is empty).');
    }
  }

  /** The cookie goes only to the callback, only over HTTPS when the callback is, and never to scripts. */
  private cookieOptions() {
    const callback = new URL(this.config.OIDC_REDIRECT_URL);
    return { httpOnly: true, sameSite: 'lax' as const, secure: callback.protocol === 'https:', path: callback.pathname };
  }

  private publicUrl(fragment: Record<string, string>): string {
    return `${this.config.PUBLIC_URL.replace(/\/+$/, '')}/#${new URLSearchParams(fragment)}`;
  }
}
