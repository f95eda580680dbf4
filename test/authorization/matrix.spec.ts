import { getQueueToken } from '@nestjs/bullmq';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { QUEUES } from '@opvolging/queue';
import { TestApp } from '../support/test-app';
import { MatrixFixtures, MatrixRole, ROLES } from './fixtures';
import { MatrixRow, outcomeOf, readMatrix } from './matrix';
import { requests } from './requests';

/**
 * The authorization matrix: every query and mutation of the live schema, sent by every role, on
 * the first organisation's data in a case, compared with the table in test/authorization/matrix.md.
 *
 * A new operation fails this test until it has a row in matrix.md and a request in requests.ts;
 * a changed rule fails it until the table says what the new rule is.
 */

// The matrix sends a few thousand mutations and sign-ins from one address: lift the rate limits.
const ENV = {
  RATE_LIMIT_MUTATIONS_PER_ACCOUNT: '1000000',
  RATE_LIMIT_MUTATIONS_PER_ADDRESS: '1000000',
  RATE_LIMIT_SIGN_IN_PER_EMAIL: '1000000',
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: '1000000',
};

describe('authorization matrix (test/authorization/matrix.md)', () => {
  let t: TestApp;
  let fx: MatrixFixtures;
  const matrix = readMatrix();

  beforeAll(async () => {
    t = await TestApp.start(ENV);
    fx = await MatrixFixtures.create(t);
  }, 120_000);
  afterAll(async () => {
    // requestExport queued jobs (no worker runs here): leave nothing behind in the shared Redis.
    for (const name of Object.values(QUEUES)) {
      try {
        await t.app.get(getQueueToken(name), { strict: false }).obliterate({ force: true });
      } catch {
        // not registered in the API, or nothing to remove
      }
    }
    await t?.stop();
  });

  /** Every root field of the schema the app serves, as `Query.x` / `Mutation.y`. */
  function liveOperations(): Array<{ type: 'Query' | 'Mutation' | 'Subscription'; name: string }> {
    const schema = t.get(GraphQLSchemaHost).schema;
    return [
      ...Object.keys(schema.getQueryType()?.getFields() ?? {}).map((name) => ({ type: 'Query' as const, name })),
      ...Object.keys(schema.getMutationType()?.getFields() ?? {}).map((name) => ({ type: 'Mutation' as const, name })),
      ...Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).map((name) => ({ type: 'Subscription' as const, name })),
    ];
  }

  it('reads matrix.md: one column per role, known outcomes only', () => {
    expect(matrix.problems).toEqual([]);
  });

  it(
    'has a row in matrix.md and a request in requests.ts for every operation of the schema, and none for operations that do not ' + 'exist',
    () => {
      const ops = liveOperations();
      const names = new Set(ops.map((o) => o.name));
      const rowLabels = new Set(matrix.rows.map((r) => r.label));
      const problems: string[] = [];
      for (const op of ops) {
        if (!matrix.rows.some((r) => r.operation === op.name))
          problems.push(`${op.type}.${op.name} has no row in matrix.md: add one with the expected outcome per role`);
        if (!requests[op.name]) problems.push(`${op.type}.${op.name} has no request in test/authorization/requests.ts`);
      }
      for (const row of matrix.rows) {
        if (!names.has(row.operation))
          problems.push(`matrix.md line ${row.line}: ${row.label} is not an operation of the schema (removed or renamed?)`);
        else if (!requests[row.label]) problems.push(`matrix.md line ${row.line}: ${row.label} has no request in requests.ts`);
      }
      for (const label of Object.keys(requests)) {
        if (!rowLabels.has(label)) problems.push(`requests.ts: ${label} has no row in matrix.md`);
      }
      if (problems.length) throw new Error(`The matrix does not cover the schema:\n  - ${problems.join('\n  - ')}`);
      expect(ops.length).toBeGreaterThan(50);
    },
  );

  it('answers every cell as matrix.md expects', async () => {
    const mismatches: string[] = [];
    const actualRows: string[] = [];
    const ops = new Set(liveOperations().map((o) => `${o.type}.${o.name}`));
    const isQuery = (row: MatrixRow) => ops.has(`Query.${row.operation}`);
    // Reads first, then changes; within each, in the table's order.
    const rows = [...matrix.rows.filter(isQuery), ...matrix.rows.filter((r) => !isQuery(r))];

    const timings: string[] = [];
    for (const row of rows) {
      const spec = requests[row.label];
      if (!spec) continue; // reported by the coverage test
      const started = Date.now();
      const shared = spec.shared && spec.setup ? await spec.setup(fx) : undefined;
      const actual = {} as Record<MatrixRole, string>;
      for (const role of ROLES) {
        const target = spec.shared ? shared : spec.setup ? await spec.setup(fx) : undefined;
        const actor = fx.actor(role);
        const res = await t.gql(actor.token, spec.query, spec.variables?.(target, actor, fx) ?? {});
        const outcome = outcomeOf(res, spec.sees && ((data) => spec.sees!(data, target, fx)));
        if (spec.after) await spec.after(fx, actor);
        actual[role] = outcome;
        if (!row.expected[role].includes(outcome)) {
          const message = res.errors?.[0]?.message;
          mismatches.push(
            `${row.label} as ${role}: expected ${row.expected[role].join(' / ')}, got ${outcome}${message ? ` ("${message}")` : ''}`,
          );
        }
      }
      timings.push(`${row.label}: ${Date.now() - started} ms`);
      if (ROLES.some((r) => !row.expected[r].includes(actual[r]))) {
        actualRows.push(`| \`${row.label}\` | ${ROLES.map((r) => actual[r]).join(' | ')} |`);
      }
    }

    if (process.env.MATRIX_TIMING) console.log(timings.join('\n'));
    if (mismatches.length) {
      throw new Error(
        `${mismatches.length} cell(s) of the authorization matrix differ from matrix.md:\n  - ${mismatches.join('\n  - ')}\n\n` +
          `What the API answered for those rows (| operation | ${ROLES.join(' | ')} |):\n${actualRows.join('\n')}`,
      );
    }
  }, 300_000);
});
