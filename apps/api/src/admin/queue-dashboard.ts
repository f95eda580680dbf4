import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { NextFunction, Request, Response } from 'express';
import { json, urlencoded } from 'express';
import { AppConfig } from '@opvolging/config';
import { AuthService } from '@opvolging/identity';
import { QUEUES } from '@opvolging/queue';
import { DomainError, ErrorCode, Role } from '@opvolging/shared';
import { RateLimiter } from '../graphql/rate-limit';
import { cookie } from '../http/cookie';

export const DASHBOARD_PATH = '/admin/queues';
const COOKIE = 'opvolging_admin';

const page = (message = '') => `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Opvolging – wachtrijen</title></head>
<body style="font-family:sans-serif;max-width:28rem;margin:4rem auto">
<h1>Wachtrijen (beheer)</h1><p>Alleen voor beheerders. / Administrators only.</p>
${message ? `<p role="alert" style="color:#b00">${message}</p>` : ''}
<form method="post" action="/admin/session">
<label>E-mail<br><input name="email" type="email" required autocomplete="username"></label><br><br>
<label>Wachtwoord / Password<br><input name="password" type="password" required autocomplete="current-password"></label><br><br>
<button type="submit">Inloggen / Sign in</button></form></body></html>`;

/**
 * The BullMQ dashboard (bull-board) at /admin/queues, for administrators only. A browser signs in
 * at /admin/login and gets an HttpOnly, SameSite=Strict cookie holding a normal access token, so
 * the dashboard expires and is revoked exactly like API sessions; API clients may send a bearer token.
 */
export function mountQueueDashboard(app: INestApplication): void {
  const auth = app.get(AuthService);
  const config = app.get(AppConfig);
  const limiter = app.get(RateLimiter);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Opvolging' } },
  });
  const http = app.getHttpAdapter().getInstance();

  http.get('/admin/login', (_req: Request, res: Response) => res.type('html').send(page()));
  http.post('/admin/session', urlencoded({ extended: false }), json(), async (req: Request, res: Response) => {
    try {
      await limiter.signInAttempt(String(req.body?.email ?? ''), req.ip); // same limits as the GraphQL signIn
      const { accessToken, expiresAt, user } = await auth.signIn(String(req.body?.email ?? ''), String(req.body?.password ?? ''));
      await limiter.signInSucceeded(String(req.body?.email ?? ''), req.ip);
      if (user.role !== Role.ADMIN)
        return res.status(403).type('html').send(page('Alleen beheerders hebben toegang. / Administrators only.'));
      res.cookie(COOKIE, accessToken, {
        httpOnly: true,
        sameSite: 'strict',
        secure: config.isProduction,
        path: '/admin',
        expires: expiresAt,
      });
      return res.redirect(303, DASHBOARD_PATH);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.TOO_MANY_REQUESTS) {
        return res
          .status(429)
          .set('retry-after', String(error.details.retryAfterSeconds))
          .type('html')
          .send(page('Te veel pogingen; probeer het later opnieuw. / Too many attempts; try again later.'));
      }
      if (error instanceof DomainError) return res.status(401).type('html').send(page('Inloggen mislukt. / Sign-in failed.'));
      throw error;
    }
  });

  const adminOnly = async (req: Request, res: Response, next: NextFunction) => {
    const header = req.headers.authorization ?? '';
    const token = header.toLowerCase().startsWith('bearer ') ? header.slice(7) : cookie(req, COOKIE);
    if (!token) return res.redirect(303, '/admin/login');
    try {
      const actor = await auth.authenticate(token);
      if (actor.role !== Role.ADMIN) return res.status(403).send('Administrators only.');
      return next();
    } catch {
      return res.redirect(303, '/admin/login');
    }
  };
  http.use(DASHBOARD_PATH, adminOnly, serverAdapter.getRouter());
}
