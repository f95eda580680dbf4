import { PassThrough } from 'stream';
import request from 'supertest';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { Database } from '@opvolging/database';
import { QUEUES } from '@opvolging/queue';
import { TestApp } from '../support/test-app';

/**
 * Structured logs and metrics of the real API and worker: the lines as the processes write them
 * (JSON), read back from the stream pino writes to.
 */
describe('observability', () => {
  let t: TestApp;
  let text = '';
  const PASSWORD = 'admin-password-123';
  const EMAIL = 'beheer.logtest@example.test';
  let token: string;
  const lines = () =>
    text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Record<string, any>);

  beforeAll(async () => {
    const logs = new PassThrough();
    logs.on('data', (chunk) => (text += chunk));
    t = await TestApp.start({ LOG_LEVEL: 'log', LOG_FORMAT: 'json' }, { logs });
    await t.createAdmin(EMAIL, PASSWORD);
    token = t.token(EMAIL);
    await t.startWorker();
  });
  afterAll(async () => t?.stop());

  const server = () => t.app.getHttpServer();

  it('takes a request id from X-Request-Id, returns it, logs it on the access line and puts it in error extensions', async () => {
    const res = await request(server())
      .post('/graphql')
      .set('x-request-id', 'probe-0123456789')
      .send({ query: 'query Probe { me { email } }' });
    expect(res.headers['x-request-id']).toBe('probe-0123456789');
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', requestId: 'probe-0123456789' });
    const access = lines().find((l) => l.requestId === 'probe-0123456789' && l.msg === 'request completed');
    expect(access).toMatchObject({
      level: 30,
      service: 'api',
      req: { method: 'POST', path: '/graphql' },
      res: { status: 200 },
      operation: 'Probe',
      errorCodes: ['UNAUTHENTICATED'],
      durationMs: expect.any(Number),
    });
  });

  it('makes up a request id when none (or a malformed one) is given', async () => {
    const res = await request(server()).post('/graphql').set('x-request-id', 'bad id with spaces').send({ query: '{ __typename }' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs a refused body (413, bad gzip) as one WARN line without a stack, and counts it', async () => {
    const before = await scrape(server());
    await request(server())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(`{"query":"${'x'.repeat(3_000_000)}"}`)
      .expect(413);
    await request(server()).post('/graphql').set('content-type', 'application/json').set('content-encoding', 'gzip').send('not gzip');
    const refused = lines().filter((l) => /request refused/.test(l.msg));
    expect(refused.length).toBeGreaterThanOrEqual(2);
    for (const line of refused) {
      expect(line.level).toBe(40);
      expect(JSON.stringify(line)).not.toMatch(/\s+at /);
    }
    expect(lines().filter((l) => l.level >= 50)).toEqual([]);
    const after = await scrape(server());
    expect(value(after, 'opvolging_http_refused_requests_total', { status: '413', reason: 'entity.too.large' })).toBe(
      value(before, 'opvolging_http_refused_requests_total', { status: '413', reason: 'entity.too.large' }) + 1,
    );
  });

  it('logs a failed query without its SQL or bound parameters', async () => {
    const db = t.get(Database);
    const [{ id: userId }] = await db.dataSource.query(`SELECT id FROM users WHERE email = $1`, [EMAIL]);
    await db.dataSource.query(`ALTER TABLE exports RENAME TO exports_hidden`);
    try {
      await request(server())
        .get('/exports/11111111-2222-4333-8444-555555555555/download')
        .set('authorization', `Bearer ${token}`)
        .expect(500);
    } finally {
      await db.dataSource.query(`ALTER TABLE exports_hidden RENAME TO exports`);
    }
    const errors = lines().filter((l) => l.level >= 50);
    expect(errors).toHaveLength(2); // the filter's line and the access line
    expect(errors[0]).toMatchObject({
      err: { type: 'QueryFailedError', message: expect.stringMatching(/relation "exports" does not exist/) },
    });
    // The filter's line carries the request's id (its logging context), as the access line does.
    expect(errors[1]).toMatchObject({
      msg: 'request failed',
      req: { method: 'GET', path: '/exports/11111111-2222-4333-8444-555555555555/download' },
      res: { status: 500 },
      durationMs: expect.any(Number),
    });
    expect(errors[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(errors[1].requestId).toBe(errors[0].requestId);
    const logged = JSON.stringify(errors);
    expect(logged).not.toMatch(/SELECT|parameters/i);
    expect(logged).not.toContain(userId);
  });

  it('metrics of GraphQL requests, errors and rate limits move', async () => {
    const before = await scrape(server());
    await t.ok(token, 'query { me { email } }');
    await t.gql(null, 'query { me { email } }');
    const after = await scrape(server());
    const okCount = { operation: 'query me', outcome: 'ok' };
    expect(value(after, 'opvolging_graphql_request_duration_seconds_count', okCount)).toBe(
      value(before, 'opvolging_graphql_request_duration_seconds_count', okCount) + 1,
    );
    expect(value(after, 'opvolging_graphql_errors_total', { code: 'UNAUTHENTICATED' })).toBe(
      value(before, 'opvolging_graphql_errors_total', { code: 'UNAUTHENTICATED' }) + 1,
    );
    expect(after).toMatch(/^opvolging_db_pool_connections\{state="total"\} [1-9]/m);
    expect(after).toMatch(/^opvolging_dependency_up\{dependency="redis"\} 1$/m);
    expect(after).toMatch(/^opvolging_rate_limit_refusals_total \d+$/m);
  });

  it('the worker serves queue lengths and the sweep; the sweep figures move when it runs', async () => {
    const worker = t.worker!.getHttpServer();
    let body = await scrape(worker);
    expect(body).toMatch(/^opvolging_queue_jobs\{queue="maintenance",state="waiting"\} \d+$/m);
    expect(body).toMatch(/^opvolging_queue_jobs\{queue="notifications",state="failed"\} \d+$/m);
    const until = Date.now() + 20_000;
    while (!(value(body, 'opvolging_sweep_duration_seconds_count') > 0)) {
      if (Date.now() > until) throw new Error(`no sweep measured:\n${body}`);
      await new Promise((r) => setTimeout(r, 300));
      body = await scrape(worker);
    }
    expect(body).toMatch(/^opvolging_sweep_notices_created_total \d+$/m);
  });

  it('names the job on every line logged while it runs', async () => {
    const queue = t.worker!.get<Queue>(getQueueToken(QUEUES.maintenance));
    const job = await queue.add('no-such-job', {}, { removeOnFail: true });
    const until = Date.now() + 15_000;
    let line: Record<string, any> | undefined;
    while (!(line = lines().find((l) => l.jobId === job.id))) {
      if (Date.now() > until) throw new Error('no line of the job');
      await new Promise((r) => setTimeout(r, 200));
    }
    // (service: API and worker share one process here, and so nestjs-pino's root logger)
    expect(line).toMatchObject({
      level: 40,
      job: 'no-such-job',
      msg: 'job no-such-job failed (attempt 1 of 1)',
      err: { message: expect.stringMatching(/No handler for job "no-such-job"/) },
    });
  });

  it('keeps passwords, tokens, e-mail addresses in variables and the SQL out of the log', () => {
    expect(text.length).toBeGreaterThan(1000);
    for (const secret of [PASSWORD, token, token.split('.')[2], EMAIL]) expect(text).not.toContain(secret);
    expect(text).not.toMatch(/authorization|bearer/i);
  });
});

describe('metrics behind METRICS_TOKEN', () => {
  let t: TestApp;
  const TOKEN = 'metrics-token-0123456789';
  beforeAll(async () => {
    t = await TestApp.start({ METRICS_TOKEN: TOKEN });
  });
  afterAll(async () => t?.stop());

  it('answers 401 without the token or with a wrong one, and the figures with it', async () => {
    const server = t.app.getHttpServer();
    await request(server).get('/metrics').expect(401);
    await request(server).get('/metrics').set('authorization', 'Bearer metrics-token-0123456780').expect(401);
    const res = await request(server).get('/metrics').set('authorization', `Bearer ${TOKEN}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/^# TYPE opvolging_graphql_request_duration_seconds histogram$/m);
  });
});

async function scrape(server: any): Promise<string> {
  const res = await request(server).get('/metrics').expect(200);
  return res.text;
}

/** The value of one series in Prometheus' text format (0 when absent). */
function value(body: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels);
  for (const line of body.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (wanted.every(([k, v]) => present[k] === v) && Object.keys(present).length === wanted.length) return Number(match[3]);
  }
  return 0;
}
