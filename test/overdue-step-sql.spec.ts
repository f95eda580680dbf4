import { DeadlineKind, lateStepSql, noticeDue, resolvePolicy } from '@opvolging/deadlines';
import { dates, DeadlineUnit } from '@opvolging/shared';

// The SQL half of the deadline schedule (libs/deadlines/src/deadline-schedule.spec.ts has the rules):
// the sweep's step in SQL must equal noticeDue's, so it runs against PostgreSQL.
const addDaysIso = (d: string, n: number) => dates.addDays(d, n);

describe('overdue step in SQL', () => {
  it('is the same step as in TypeScript for every kind, policy and lateness up to 400 days', async () => {
    const { Client } = await import('pg');
    const { TEST_DATABASE_URL } = await import('./support/test-database');
    const client = new Client({ connectionString: TEST_DATABASE_URL });
    await client.connect();
    try {
      for (const policy of [
        {},
        { MEASURE_DUE: { inspectorAfterDays: 10, organisationAfterDays: 2 }, PLAN_DUE: { inspectorAfterDays: 45 } },
      ]) {
        for (const kind of Object.values(DeadlineKind)) {
          const { rows } = await client.query(
            `SELECT l, ${lateStepSql('l', 'd', '$2::jsonb')} AS step FROM generate_series(1, 400) AS l, (SELECT $1::text AS kind) d`,
            [kind, JSON.stringify(policy)],
          );
          const expected = rows.map(
            (r: { l: number }) =>
              noticeDue(kind, '2026-01-01', addDaysIso('2026-01-01', r.l), DeadlineUnit.CALENDAR_DAYS, resolvePolicy(policy)[kind])!.step,
          );
          expect(rows.map((r: { step: string }) => r.step)).toEqual(expected);
        }
      }
    } finally {
      await client.end();
    }
  });
});
