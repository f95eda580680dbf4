import { INestApplication, Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { static as serveStatic } from 'express';
import { existsSync } from 'fs';
import { join } from 'path';
import { AppConfig } from '@opvolging/config';

/** First path segments that belong to the API; the web app never answers for them. */
const API_SEGMENTS = new Set(['graphql', 'calendar', 'exports', 'attachments', 'auth', 'admin', 'metrics']);

/** The page the web app's GraphiQL build writes next to index.html; served in development only. */
export const GRAPHIQL_PAGE = 'graphiql.html';

/** True for /graphql, /health, /health/ready, /calendar/…, /exports/…, /attachments/…, /auth/…, /admin/…, /metrics. */
export function isApiPath(path: string): boolean {
  const first = path.split('/')[1] ?? '';
  return API_SEGMENTS.has(first) || first.startsWith('health');
}

const NO_CACHE = (res: Response) => res.setHeader('Cache-Control', 'no-cache');

/**
 * Serves the built web app (WEB_DIST_DIR, written by `npm run build:web`) with Express' own static
 * middleware (serve-static):
 * - `/assets/…` (hashed file names) cached for a year as immutable; a missing asset is a 404, never the page;
 * - other files and `index.html` with `no-cache`, so a new release is picked up at the next visit;
 * - any other GET that accepts HTML gets `index.html` (the app's own routes, e.g. /plans/123).
 * API paths (see isApiPath) always pass through to the API. Mounted before the API's routes (like
 * the queue dashboard), so it must stay out of their way: it only ever answers GET and HEAD.
 * In development, a browser's GET /graphql gets the locally bundled GraphiQL page when it was built.
 */
export function mountWebApp(app: INestApplication): void {
  const config = app.get(AppConfig);
  const dir = config.WEB_DIST_DIR;
  const index = join(dir, 'index.html');
  const http = app.getHttpAdapter().getInstance();
  if (!existsSync(index)) new Logger('WebApp').log(`No web app in ${dir}: run \`npm run build:web\` to serve it at /.`);

  if (config.NODE_ENV === 'development') {
    http.get('/graphql', (req: Request, res: Response, next: NextFunction) => {
      const page = join(dir, GRAPHIQL_PAGE);
      // JSON first: a client that takes anything (*/*) gets the API's answer, as before.
      if (req.accepts(['json', 'html']) !== 'html' || !existsSync(page)) return next();
      NO_CACHE(res);
      res.sendFile(GRAPHIQL_PAGE, { root: dir, cacheControl: false });
    });
  }

  const assets = serveStatic(join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: true, redirect: false });
  const files = serveStatic(dir, { index: false, cacheControl: false, setHeaders: NO_CACHE, redirect: false });

  http.use('/assets', (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    assets(req, res, () => {
      res.status(404).type('text/plain').send('Niet gevonden. / Not found.');
    });
  });
  http.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    // The explorer page is no file of the app: only /graphql serves it, in development.
    if (req.path === `/${GRAPHIQL_PAGE}`) return fallback(req, res, next);
    return files(req, res, () => fallback(req, res, next));
  });

  function fallback(req: Request, res: Response, next: NextFunction) {
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send(
          `De webapplicatie is niet gebouwd: voer \`npm run build:web\` uit (die schrijft naar ${dir}).\n` +
            `The web app is not built: run \`npm run build:web\` (it writes to ${dir}).\n`,
        );
      return;
    }
    NO_CACHE(res);
    res.sendFile('index.html', { root: dir, cacheControl: false });
  }
}
