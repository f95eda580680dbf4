import { Controller, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppConfig } from '@opvolging/config';
import { AuthService, SessionService } from '@opvolging/identity';
import { Clock, DomainError, FieldProblem } from '@opvolging/shared';
import { RateLimiter } from '../graphql/rate-limit';
import { checkCsrfHeader, checkOrigin, clearRefreshCookie, readCookie, REFRESH_COOKIE, sendError, setRefreshCookie } from './session-http';

/**
 * Sessions for the web app (see docs/ARCHITECTURE.md, "Sessions in the browser"):
 * - POST /auth/session: e-mail and password (JSON) → an access token, and a refresh token in an HttpOnly cookie;
 * - POST /auth/session/refresh: the cookie → a new access token and the next refresh token;
 * - POST /auth/session/sign-out: ends the cookie's session.
 * Answers `{ accessToken, expiresAt, sessionExpiresAt }`; errors in the GraphQL shape.
 */
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  @Post()
  async signIn(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      checkOrigin(req, this.config);
      // A JSON body cannot come from a cross-site form, and a cross-site script needs a preflight for it.
      if (!req.is('application/json'))
        throw DomainError.badInput('Send the e-mail address and password as JSON (Content-Type: application/json).');
      const { email, password } = credentials(req.body);
      await this.limiter.signInAttempt(email, req.ip); // the same limits as the signIn mutation
      const { accessToken, expiresAt, user } = await this.auth.signIn(email, password);
      await this.limiter.signInSucceeded(email, req.ip);
      // The browser's previous session (its cookie is about to be replaced) would otherwise live on unseen.
      await this.sessions.signOut(readCookie(req, REFRESH_COOKIE));
      const session = await this.sessions.start(user);
      setRefreshCookie(res, this.config, this.clock, session);
      res.status(200).json(body(accessToken, expiresAt, session.sessionExpiresAt));
    });
  }

  @Post('refresh')
  async refresh(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      checkOrigin(req, this.config);
      checkCsrfHeader(req);
      await this.limiter.mutation(req.ip, undefined);
      try {
        const next = await this.sessions.refresh(readCookie(req, REFRESH_COOKIE));
        setRefreshCookie(res, this.config, this.clock, next);
        res.status(200).json(body(next.accessToken, next.expiresAt, next.sessionExpiresAt));
      } catch (error) {
        clearRefreshCookie(res, this.config); // a refused refresh token is no use to the browser any more
        throw error;
      }
    });
  }

  @Post('sign-out')
  async signOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      checkOrigin(req, this.config);
      checkCsrfHeader(req);
      await this.sessions.signOut(readCookie(req, REFRESH_COOKIE));
      clearRefreshCookie(res, this.config);
      res.status(204).end();
    });
  }

  private async answer(res: Response, work: () => Promise<void>): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    try {
      await work();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendError(res, error);
    }
  }
}

function credentials(input: unknown): { email: string; password: string } {
  const raw = (input ?? {}) as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  for (const field of ['email', 'password'] as const) {
    if (typeof raw[field] !== 'string' || raw[field] === '') problems.push({ path: field, message: 'required, as a string' });
  }
  if (problems.length) throw DomainError.badInput('Give your e-mail address and password.', problems);
  return { email: raw.email as string, password: raw.password as string };
}

const body = (accessToken: string, expiresAt: Date, sessionExpiresAt: Date) => ({
  accessToken,
  expiresAt: expiresAt.toISOString(),
  sessionExpiresAt: sessionExpiresAt.toISOString(),
});
