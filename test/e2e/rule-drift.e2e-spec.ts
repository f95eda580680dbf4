import { Client } from 'pg';
import { InternalAuditStatus } from '@opvolging/audits';
import { DeadlineKind, ExtensionStatus, OPEN_DEADLINE_SOURCES, ORGANISATION_KINDS } from '@opvolging/deadlines';
import { AmountBasis, EnforcementStatus, EnforcementType, ProgressReportStatus } from '@opvolging/enforcement';
import { ExportStatus } from '@opvolging/exports';
import { InvestigationStatus } from '@opvolging/investigations';
import { ImprovementPlanStatus, MeasureStatus } from '@opvolging/plans';
import { Role } from '@opvolging/shared';
import { createTestDatabase, dropTestDatabase } from '../support/test-database';

/**
 * The statuses and "open" rules are TypeScript constants; the schema states them again in SQL
 * (CHECK constraints, the view open_deadlines, the row-level security policies), because SQL
 * cannot import them. This test reads the SQL back from PostgreSQL, after the real migrations,
 * and fails when the two drift apart.
 */
describe('rules in TypeScript and in the schema', () => {
  let database: { name: string; url: string };
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
    await dropTestDatabase(database.name);
  });

  /** The quoted values of a CHECK on `table.column` that lists the allowed values. */
  async function allowedValues(table: string, column: string): Promise<string[]> {
    const { rows } = await client.query<{ def: string }>(
      `SELECT pg_get_constraintdef(c.oid) AS def
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
        WHERE c.contype = 'c' AND c.conrelid = $1::regclass AND a.attname = $2 AND cardinality(c.conkey) = 1`,
      [table, column],
    );
    const lists = rows.map((r) => r.def).filter((def) => /= ANY \(ARRAY\[/.test(def));
    expect(lists).toHaveLength(1);
    return literals(lists[0]);
  }

  /** The aliases the view's SQL gives the tables. */
  const VIEW_ALIAS: Record<string, string> = {
    improvement_plans: 'p',
    measures: 'm',
    internal_audits: 'a',
    investigations: 'i',
    enforcement_measures: 'e',
    enforcement_progress_reports: 'r',
  };
  const literals = (sql: string) => [...sql.matchAll(/'([A-Z_]+)'::text/g)].map((m) => m[1]);
  const sorted = (values: readonly string[]) => [...values].sort();

  it.each([
    ['improvement_plans', 'status', Object.values(ImprovementPlanStatus)],
    ['measures', 'status', Object.values(MeasureStatus)],
    ['internal_audits', 'status', Object.values(InternalAuditStatus)],
    ['investigations', 'status', Object.values(InvestigationStatus)],
    ['extension_requests', 'status', Object.values(ExtensionStatus)],
    ['exports', 'status', Object.values(ExportStatus)],
    ['enforcement_measures', 'status', Object.values(EnforcementStatus)],
    ['enforcement_measures', 'type', Object.values(EnforcementType)],
    ['enforcement_progress_reports', 'status', Object.values(ProgressReportStatus)],
    ['enforcement_measures', 'amount_basis', Object.values(AmountBasis)],
    // Only deadlines the organisation owns can be asked to extend.
    ['extension_requests', 'kind', ORGANISATION_KINDS],
    ['users', 'role', Object.values(Role)],
  ])('%s.%s allows exactly the values of the TypeScript type', async (table, column, values) => {
    expect(sorted(await allowedValues(table, column))).toEqual(sorted(values as string[]));
  });

  /** The view's branches by kind, each with the status conditions per table alias. */
  async function viewBranches(): Promise<Map<string, { from: string[][]; statuses: Record<string, string[]> }>> {
    const { rows } = await client.query<{ def: string }>(`SELECT pg_get_viewdef('open_deadlines'::regclass, true) AS def`);
    const branches = new Map<string, { from: string[][]; statuses: Record<string, string[]> }>();
    for (const branch of rows[0].def.split(/\bUNION ALL\b/)) {
      const kind = /SELECT\s+'([A-Z_]+)'::text/.exec(branch)![1];
      const from = [...branch.matchAll(/\b(?:FROM|JOIN)\s+(\w+)\s+(\w+)/g)].map((m) => [m[1], m[2]]);
      const where = branch.slice(branch.search(/\bWHERE\b/));
      const statuses: Record<string, string[]> = {};
      for (const m of where.matchAll(/(\w+)\.status\s*(?:=\s*ANY\s*\(ARRAY\[([^\]]*)\]\)|=\s*('[A-Z_]+'::text))/g)) {
        statuses[m[1]] = literals(m[2] ?? m[3]);
      }
      branches.set(kind, { from, statuses });
    }
    return branches;
  }

  it('open_deadlines has one branch per deadline kind, on the table the TypeScript names', async () => {
    const branches = await viewBranches();
    expect(sorted([...branches.keys()])).toEqual(sorted(Object.values(DeadlineKind)));
    for (const kind of Object.values(DeadlineKind)) {
      const { table } = OPEN_DEADLINE_SOURCES[kind];
      expect(branches.get(kind)!.from).toContainEqual([table, VIEW_ALIAS[table]]);
    }
  });

  it('open_deadlines counts a deadline open in exactly the statuses of the TypeScript constants', async () => {
    const branches = await viewBranches();
    for (const kind of Object.values(DeadlineKind)) {
      const source = OPEN_DEADLINE_SOURCES[kind];
      const { statuses } = branches.get(kind)!;
      expect([kind, sorted(statuses[VIEW_ALIAS[source.table]] ?? [])]).toEqual([kind, sorted(source.open)]);
      // The parent row's statuses: the plan of a measure, an audit or a verification; the enforcement measure of a report.
      const plan = source.table === 'improvement_plans' ? undefined : statuses.p;
      expect([kind, plan && sorted(plan)]).toEqual([kind, source.planOpen && sorted(source.planOpen)]);
      const measure = source.table === 'enforcement_measures' ? undefined : statuses.e;
      expect([kind, measure && sorted(measure)]).toEqual([kind, source.measureOpen && sorted(source.measureOpen)]);
    }
  });

  it('every open status is a status of its table', async () => {
    for (const source of Object.values(OPEN_DEADLINE_SOURCES)) {
      const values = await allowedValues(source.table, 'status');
      for (const status of source.open) expect([source.table, values.includes(status)]).toEqual([source.table, true]);
    }
  });

  it('the row-level security policies name only roles the TypeScript knows (and the system role)', async () => {
    const { rows } = await client.query<{ text: string }>(
      `SELECT coalesce(qual, '') || ' ' || coalesce(with_check, '') AS text FROM pg_policies WHERE schemaname = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const named = new Set(rows.flatMap((r) => [...r.text.matchAll(/app_role\(\)[^']*'([A-Z_]+)'/g)].map((m) => m[1])));
    const roles = new Set(rows.flatMap((r) => literals(r.text)).filter((v) => named.has(v)));
    expect(roles.size).toBeGreaterThan(0);
    for (const role of roles) expect([role, [...Object.values(Role), 'SYSTEM'].includes(role)]).toEqual([role, true]);
  });
});
