import { spawn } from 'child_process';
import { randomBytes } from 'crypto';
import { resolve } from 'path';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

const ROOT = resolve(__dirname, '../..');

/** OpenTelemetry: one trace from a GraphQL request down to its SQL, and its id in the log lines. */
describe('tracing', () => {
  let database: { name: string; url: string };
  let output = '';
  let spans: Array<{
    name: string;
    traceId: string;
    spanId: string;
    parentSpanId?: string;
    scope: string;
    attributes: Record<string, unknown>;
  }>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'test/support/trace-probe.ts'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          NODE_ENV: 'test',
          DATABASE_URL: database.url,
          QUEUE_PREFIX: `test-trace-${randomBytes(4).toString('hex')}`,
          DEMO_DATA: 'false',
          LOG_LEVEL: 'log',
          LOG_FORMAT: 'json',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    const code = await new Promise((done) => child.once('exit', done));
    if (code !== 0) throw new Error(`trace probe failed (${code}):\n${output.slice(-4000)}`);
    const line = output.split('\n').find((l) => l.startsWith('SPANS '));
    spans = JSON.parse(line!.slice(6));
  }, 120_000);
  afterAll(async () => {
    if (database) await dropTestDatabase(database.name);
  });

  it('follows one GraphQL request through HTTP and GraphQL to its SQL in one trace', () => {
    const server = spans.find((s) => s.scope.includes('instrumentation-http') && s.name === 'POST')!;
    expect(server).toBeDefined();
    const trace = spans.filter((s) => s.traceId === server.traceId);
    expect(trace.some((s) => s.scope.includes('instrumentation-graphql') && /signIn|Probe/.test(s.name))).toBe(true);
    const statement = (s: (typeof spans)[number]) => s.attributes['db.query.text'] ?? s.attributes['db.statement'];
    const sql = trace.filter((s) => s.scope.includes('instrumentation-pg') && typeof statement(s) === 'string');
    expect(sql.length).toBeGreaterThan(0);
    expect(sql.map(statement).join('\n')).toMatch(/FROM\s+"?users"?/i);
    // the SQL hangs below the GraphQL resolver, which hangs below the HTTP request
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const ancestors = (s: (typeof spans)[number]): string[] => {
      const parent = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
      return parent ? [parent.name, ...ancestors(parent)] : [];
    };
    const usersQuery = sql.find((s) => /FROM\s+"?users"?/i.test(String(statement(s))))!;
    expect(ancestors(usersQuery)).toEqual(expect.arrayContaining(['graphql.resolve signIn', 'POST']));
    // Statements without their values: the e-mail address given is nowhere in the spans.
    expect(JSON.stringify(spans)).not.toContain('nobody@example.test');
  });

  it('puts the trace id on the log lines of that request', () => {
    const server = spans.find((s) => s.scope.includes('instrumentation-http') && /POST/.test(s.name))!;
    const access = output
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'request completed' && l.operation === 'Probe');
    expect(access).toMatchObject({ traceId: server.traceId });
  });
});
