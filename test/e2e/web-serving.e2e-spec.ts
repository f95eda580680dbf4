import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import request from 'supertest';
import { isApiPath } from '../../apps/api/src/web/web-app';
import { TestApp } from '../support/test-app';

const INDEX = '<!doctype html><html lang="nl"><head><title>Opvolging</title></head><body><div id="root"></div></body></html>';
const ASSET = 'console.log("opvolging");';
const GRAPHIQL = '<!doctype html><html lang="en"><title>GraphiQL (local bundle)</title></html>';
const HTML = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

function webDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opvolging-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), ASSET);
  writeFileSync(join(dir, 'graphiql.html'), GRAPHIQL);
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
  return dir;
}

describe('The API serves the built web app', () => {
  let t: TestApp;
  let dir: string;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    dir = webDist();
    t = await TestApp.start({ WEB_DIST_DIR: dir });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for the app’s own routes, with no-cache', async () => {
    for (const path of ['/', '/plans/123', '/investigations/abc/points?tab=open']) {
      const res = await http().get(path).set('accept', HTML);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(INDEX);
    }
    expect((await http().head('/plans/123').set('accept', HTML)).status).toBe(200);
    // A browser revalidates the page by its date: 304 without the page while the build is the same.
    const first = await http().get('/plans/123').set('accept', HTML);
    expect(first.headers['last-modified']).toBeDefined();
    const again = await http().get('/plans/123').set('accept', HTML).set('if-modified-since', first.headers['last-modified']);
    expect(again.status).toBe(304);
    expect((await http().get('/assets/app-abc123.js').set('accept', '*/*')).headers.etag).toBeDefined();
  });

  it('serves hashed assets as immutable for a year, and a missing asset is a 404, not the page', async () => {
    const res = await http().get('/assets/app-abc123.js').set('accept', '*/*');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(ASSET);
    const missing = await http().get('/assets/app-gone99.js').set('accept', HTML);
    expect(missing.status).toBe(404);
    expect(missing.text).not.toContain('<div id="root">');
  });

  it('serves other files of the build with no-cache, and 404s what accepts no HTML', async () => {
    const robots = await http().get('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.headers['cache-control']).toBe('no-cache');
    const icon = await http().get('/favicon.ico').set('accept', 'image/avif,image/webp,image/*');
    expect(icon.status).toBe(404);
  });

  it('never shadows the API: GraphQL, health, calendar, exports, OIDC sign-in and the dashboard', async () => {
    const gql = await http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(gql.body).toEqual({ data: { __typename: 'Query' } });
    expect(gql.headers.etag).toBeUndefined(); // no hash of every answer (mountHttp)
    const health = await http().get('/health').set('accept', HTML);
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/json/);
    expect(health.body.status).toBe('ok');
    for (const path of ['/exports/x/download', '/calendar/x.ics', '/auth/oidc/login', '/admin/queues', '/metrics', '/graphql']) {
      const res = await http().get(path).set('accept', HTML);
      expect([path, res.text]).not.toEqual([path, INDEX]);
      expect(res.text).not.toContain('<div id="root">');
      expect(res.text).not.toContain('GraphiQL (local bundle)');
    }
    expect((await http().get('/exports/x/download').set('accept', HTML)).status).toBe(401);
    expect((await http().get('/auth/oidc/login').set('accept', HTML)).status).toBe(404);
    expect((await http().get('/admin/queues').set('accept', HTML)).status).toBe(303);
    // The session endpoints are POST only; a GET reaches the API's 404, not the page.
    expect((await http().get('/auth/session/refresh').set('accept', HTML)).text).not.toContain('<div id="root">');
  });

  it('does not serve the GraphQL explorer outside development, not even as a file', async () => {
    const res = await http().get('/graphiql.html').set('accept', HTML);
    expect(res.text).toBe(INDEX); // the app's fallback, not the explorer
  });

  it('tells in plain text that the web app is not built when WEB_DIST_DIR holds none, and the API still answers', async () => {
    rmSync(join(dir, 'index.html'));
    const res = await http().get('/plans/1').set('accept', HTML);
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toContain('npm run build:web');
    expect((await http().get('/health')).status).toBe(200);
    writeFileSync(join(dir, 'index.html'), INDEX);
    expect((await http().get('/').set('accept', HTML)).text).toBe(INDEX);
  });
});

describe('The GraphQL explorer in development', () => {
  let t: TestApp;
  let dir: string;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    dir = webDist();
    t = await TestApp.start({ WEB_DIST_DIR: dir, NODE_ENV: 'development' });
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the locally bundled GraphiQL page to a browser at GET /graphql', async () => {
    const res = await http().get('/graphql').set('accept', HTML);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.text).toBe(GRAPHIQL);
  });

  it('leaves API clients alone: JSON GET and POST /graphql answer as before', async () => {
    const get = await http().get('/graphql?query=%7B__typename%7D').set({ accept: 'application/json', 'apollo-require-preflight': 'true' });
    expect(get.body).toEqual({ data: { __typename: 'Query' } });
    const post = await http().post('/graphql').set('content-type', 'application/json').send({ query: '{ __typename }' });
    expect(post.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers as before when the page was not built', async () => {
    rmSync(join(dir, 'graphiql.html'));
    const res = await http().get('/graphql').set('accept', HTML);
    expect(res.text).not.toBe(GRAPHIQL);
  });
});

describe('Which paths are the API’s', () => {
  it('keeps every API prefix, and nothing else, from the web app', () => {
    for (const path of [
      '/graphql',
      '/health',
      '/health/ready',
      '/calendar/a.ics',
      '/exports/1/download',
      '/auth/oidc/callback',
      '/auth/session',
      '/admin/queues',
      '/metrics',
    ])
      expect([path, isApiPath(path)]).toEqual([path, true]);
    for (const path of ['/', '/plans/123', '/graphqlish', '/authors', '/assets/app.js', '/reset-password'])
      expect([path, isApiPath(path)]).toEqual([path, false]);
  });
});
