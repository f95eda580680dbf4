import type { INestApplication } from '@nestjs/common';
import { mountQueueDashboard } from '../admin/queue-dashboard';
import { mountBodyParser } from '../graphql/body-limit';
import { mountWebApp } from '../web/web-app';

/**
 * What the API's HTTP server gets besides Nest's routes, in this order, before `app.init()` (main.ts
 * and the tests' TestApp): the JSON body parser with its limit, the queue dashboard, the web app.
 *
 * No ETags from Express: it would hash every answer (a SHA-1 of the whole body, after copying it
 * into a Buffer) for a header no GraphQL POST is ever revalidated with. The web app's files keep
 * theirs (serve-static sets its own), `index.html` is revalidated by its Last-Modified; a calendar
 * feed's text differs at every render (its DTSTAMP is the time of rendering), so an ETag of it
 * never matched.
 */
export function mountHttp(app: INestApplication): void {
  app.getHttpAdapter().getInstance().set('etag', false);
  mountBodyParser(app);
  mountQueueDashboard(app);
  mountWebApp(app); // before the API's routes are registered; passes API paths through
}
