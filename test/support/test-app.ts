import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'crypto';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { mountHttp } from '../../apps/api/src/http/mount';
import { APPLICATION_OPTIONS } from '../../apps/composition/src/process';
import { AppConfig, loadConfig } from '@opvolging/config';
import { Database } from '@opvolging/database';
import { LOG_DESTINATION } from '@opvolging/observability';
import { Logger } from 'nestjs-pino';
import { Writable } from 'stream';
import { PasswordHasher, User } from '@opvolging/identity';
import { Clock, ManualClock, Role } from '@opvolging/shared';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions: { code: string; [key: string]: any } }>;
}

/**
 * The real API (AppModule) over HTTP on a database cloned from the migrated template, with a clock
 * the test controls and its own queue prefix in the shared Redis.
 */
export class TestApp {
  readonly clock = new ManualClock(new Date('2026-03-02T09:00:00+01:00'));
  app!: INestApplication;
  /** The queue worker, when a test started it: same database, Redis prefix and clock. */
  worker?: INestApplication;
  config!: AppConfig;
  private database!: { name: string; url: string };

  /** Set by `logs`: the app's log lines are written there (and the Nest logger goes through pino, as in main.ts). */
  private logs?: Writable;

  /**
   * `options.logs`: a stream that receives the app's log lines, as the process would write them to
   * stdout. nestjs-pino keeps one root logger per process, made by the first app: use it for the
   * first TestApp of a test file.
   */
  static async start(env: Record<string, string> = {}, options: { logs?: Writable } = {}): Promise<TestApp> {
    const t = new TestApp();
    t.logs = options.logs;
    await t.init(env);
    return t;
  }

  private async init(env: Record<string, string>) {
    this.database = await createTestDatabase();
    this.config = loadConfig({
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: this.database.url,
      QUEUE_PREFIX: `test-${randomBytes(4).toString('hex')}`,
      DEMO_DATA: 'false',
      // Access lines are at info level; tests that read logs ask for them.
      LOG_LEVEL: 'error',
      ...env,
    });
    this.app = await this.create(AppModule);
  }

  private async create(module: unknown): Promise<INestApplication> {
    const moduleRef = await Test.createTestingModule({ imports: [module as never] })
      .overrideProvider(AppConfig)
      .useValue(this.config)
      .overrideProvider(Clock)
      .useValue(this.clock)
      .overrideProvider(LOG_DESTINATION)
      .useValue(this.logs ?? null)
      .compile();
    const app = moduleRef.createNestApplication({ ...APPLICATION_OPTIONS, ...(this.logs ? { bufferLogs: true } : { logger: ['error'] }) });
    if (this.logs) app.useLogger(app.get(Logger));
    if (module === AppModule) {
      // as main.ts does, before init
      mountHttp(app);
    }
    await app.init();
    return app;
  }

  async startWorker(): Promise<INestApplication> {
    const { WorkerModule } = await import('../../apps/worker/src/worker.module');
    this.worker = await this.create(WorkerModule);
    return this.worker;
  }

  async stop() {
    if (this.worker) {
      const { getQueueToken } = await import('@nestjs/bullmq');
      const { QUEUES } = await import('@opvolging/queue');
      for (const name of Object.values(QUEUES)) await this.worker.get(getQueueToken(name)).obliterate({ force: true });
      await this.worker.close();
    }
    await this.app?.close();
    if (this.database) await dropTestDatabase(this.database.name);
  }

  get<T>(type: new (...args: any[]) => T): T {
    return this.app.get(type as any);
  }

  /** POST /graphql as the holder of `token` (or anonymously). */
  async gql<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse<T>> {
    const req = request(this.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    if (res.status >= 500) throw new Error(`HTTP ${res.status}: ${res.text}`);
    return res.body;
  }

  /** Like gql, but fails the test on any error and returns data. */
  async ok<T = any>(token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await this.gql<T>(token, query, variables);
    if (res.errors?.length) throw new Error(`Unexpected GraphQL error: ${JSON.stringify(res.errors, null, 2)}`);
    return res.data as T;
  }

  /** The first administrator is inserted directly, as on a fresh installation. */
  /** Returns the administrator's e-mail address; `token(email)` gives the current token. */
  async createAdmin(email = 'admin@example.test', password = 'admin-password-123'): Promise<string> {
    const hash = await this.get(PasswordHasher).hash(password);
    await this.get(Database).transaction(null, ({ em }) =>
      em.getRepository(User).insert({
        email,
        displayName: 'Beheer',
        role: Role.ADMIN,
        organisationId: null,
        locale: 'nl',
        active: true,
        tokenVersion: 0,
        version: 1,
        passwordHash: hash,
      }),
    );
    await this.signIn(email, password);
    return email;
  }

  private readonly sessions = new Map<string, { password: string; token: string }>();

  async signIn(email: string, password: string): Promise<string> {
    const data = await this.ok(null, `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`, {
      input: { email, password },
    });
    this.sessions.set(email, { password, token: data.signIn.accessToken });
    return data.signIn.accessToken;
  }

  /** The current token of an account signed in through this helper. */
  token(email: string): string {
    const session = this.sessions.get(email);
    if (!session) throw new Error(`${email} never signed in`);
    return session.token;
  }

  /** Moves the clock and signs everyone in again (tokens expire by the same clock). */
  async travel(to: string): Promise<void> {
    this.clock.set(to);
    for (const [email, { password }] of this.sessions) await this.signIn(email, password);
  }
}

/** The error codes of a response, e.g. ['NOT_FOUND']. */
export function codes(res: GraphQLResponse): string[] {
  return (res.errors ?? []).map((e) => e.extensions.code);
}

/** The input paths an error names, e.g. ['input.dueDate']. */
export function fieldPaths(res: GraphQLResponse): string[] {
  return (res.errors?.[0]?.extensions.fields ?? []).map((f: { path: string }) => f.path);
}
