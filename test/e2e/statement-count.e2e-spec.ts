import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import { TypeMetadataStorage } from '@nestjs/graphql/dist/schema-builder/storages/type-metadata.storage';
import { NEST_PROPERTY_RESOLVER, PLAIN_DATA_TYPES } from '../../apps/api/src/graphql/plain-fields';
import { createWorld } from '../support/fixtures';
import { StatementCounter } from '../support/statement-counter';
import { TestApp } from '../support/test-app';

/**
 * Nested fields resolve through the request's DataLoaders, so the number of SQL statements of a
 * request depends on the shape of the query, not on the page size. Counted at the pg driver
 * (test/support/statement-counter.ts), for an inspector and for members of both organisations.
 */
describe('SQL statements per request do not grow with the page size', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let investigationId: string;
  const pointIds: string[] = [];
  const plans: { buurtteam: string; veiligThuis: string } = { buurtteam: '', veiligThuis: '' };
  /** The buurtteam's measure for each point (by index), and the one that covers points 0 and 1. */
  const btMeasure = new Map<number, string>();
  let extended: string; // a buurtteam measure whose due date moved
  let completed: string; // a buurtteam measure that is done: no open deadline

  const POINTS = 18;
  /** Point i: 0 → the buurtteam, 1 and 3 → collective (both), 2 → Veilig Thuis. */
  const addressees = (i: number) => (i % 4 === 0 ? ['bt'] : i % 4 === 2 ? ['vt'] : ['bt', 'vt']);
  const THEMES = ['INFORMATION_SHARING', 'CASE_DIRECTION', 'SAFETY_ASSESSMENT', 'ESCALATION'];
  const sql = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> => t.get(DataSource).query(text, params);

  beforeAll(async () => {
    t = await TestApp.start();
    w = await createWorld(t);
    const org = { bt: w.orgs.buurtteam, vt: w.orgs.veiligThuis };
    const inspector = () => w.inspector.token;

    const inv = await t.ok(inspector(), `mutation($input: CreateInvestigationInput!) { createInvestigation(input: $input) { id } }`, {
      input: { title: 'Casus Heerlen 2015', municipalityId: w.orgs.heerlen, involvedOrganisationIds: [org.bt, org.vt] },
    });
    investigationId = inv.createInvestigation.id;
    await t.ok(inspector(), `mutation($input: AddFindingInput!) { addFinding(input: $input) { id } }`, {
      input: { investigationId, text: 'Signalen werden niet gedeeld.' },
    });
    for (let i = 0; i < POINTS; i++) {
      const to = addressees(i).map((k) => org[k as 'bt' | 'vt']);
      const added = await t.ok(inspector(), `mutation($input: AddImprovementPointInput!) { addImprovementPoint(input: $input) { id } }`, {
        input: {
          investigationId,
          text: `Verbeterpunt ${i + 1}`,
          themes: [THEMES[i % THEMES.length]],
          addresseeIds: to,
          coordinatingOrganisationId: to.length > 1 ? org.bt : undefined,
        },
      });
      pointIds.push(added.addImprovementPoint.id);
    }
    const current = await t.ok(inspector(), `query($id: ID!) { investigation(id: $id) { version } }`, { id: investigationId });
    const published = await t.ok(
      inspector(),
      `mutation($input: PublishInvestigationInput!) { publishInvestigation(input: $input) { plans { id organisation { id } } } }`,
      {
        input: { id: investigationId, expectedVersion: current.investigation.version, publicationDate: '2026-03-02' },
      },
    );
    const planOf = (orgId: string) => published.publishInvestigation.plans.find((p: any) => p.organisation.id === orgId).id as string;
    plans.buurtteam = planOf(org.bt);
    plans.veiligThuis = planOf(org.vt);

    const ADD = `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`;
    const add = async (token: string, planId: string, ownerId: string, i: number, points: string[]) =>
      (
        await t.ok(token, ADD, {
          input: {
            planId,
            description: `Maatregel bij punt ${i + 1}`,
            successIndicator: 'Vastgesteld en ingevoerd',
            ownerId,
            dueDate: `2026-0${6 + (i % 3)}-01`,
            pointIds: points,
          },
        })
      ).addMeasure.id as string;
    for (let i = 0; i < POINTS; i++) {
      if (addressees(i).includes('bt')) {
        btMeasure.set(
          i,
          await add(w.buurtteamMember.token, plans.buurtteam, i % 2 ? w.buurtteamColleague.id : w.buurtteamMember.id, i, [pointIds[i]]),
        );
      }
      if (addressees(i).includes('vt')) await add(w.veiligThuisMember.token, plans.veiligThuis, w.veiligThuisMember.id, i, [pointIds[i]]);
    }
    // Points 0 and 1 are covered by a second buurtteam measure.
    await add(w.buurtteamMember.token, plans.buurtteam, w.buurtteamMember.id, 0, [pointIds[0], pointIds[1]]);

    const version = async (planId: string) =>
      (await t.ok(inspector(), `query($id: ID!) { improvementPlan(id: $id) { version } }`, { id: planId })).improvementPlan
        .version as number;
    const SUBMIT = `mutation($input: SubmitPlanInput!) { submitImprovementPlan(input: $input) { status } }`;
    const ASSESS = `mutation($input: AssessPlanInput!) { assessImprovementPlan(input: $input) { status } }`;
    const answers = (judgement: string) => ({
      aimedAtShortcomings: { judgement: 'SUFFICIENT', rationale: 'Gericht op de tekortkomingen.' },
      chanceOfSuccess: { judgement: 'SUFFICIENT', rationale: 'Eigenaarschap belegd.' },
      pace: { judgement, rationale: 'Tempo beoordeeld.' },
    });

    // Veilig Thuis: submitted, its assessment deadline moved, then sent back for revision
    // (PLAN_DUE open again on the same subject id that carried the ASSESSMENT_DUE move).
    await t.ok(w.veiligThuisMember.token, SUBMIT, {
      input: { planId: plans.veiligThuis, expectedVersion: await version(plans.veiligThuis) },
    });
    const moved = await t.ok(inspector(), `mutation($input: ExtendDeadlinesInput!) { extendDeadlines(input: $input) { affected } }`, {
      input: { investigationId, kind: 'ASSESSMENT_DUE', newDueDate: '2026-04-30', reason: 'Capaciteit van de inspectie.' },
    });
    expect(moved.extendDeadlines.affected).toBe(1);
    // The moved assessment deadline keeps its first date beside the new one.
    const assessment = await t.ok(
      inspector(),
      `{ deadlines(filter: { kind: ASSESSMENT_DUE }) { nodes { id dueDate originalDueDate changes { fromDate toDate } } } }`,
    );
    const [vt] = assessment.deadlines.nodes;
    expect(vt).toMatchObject({ id: plans.veiligThuis, dueDate: '2026-04-30', changes: [{ toDate: '2026-04-30' }] });
    expect(vt.originalDueDate).toBe(vt.changes[0].fromDate);
    expect(vt.originalDueDate).not.toBe('2026-04-30');
    const submittedVt = await t.ok(
      inspector(),
      `query($id: ID!) { improvementPlan(id: $id) { status deadline { kind } } deadlines(filter: { kind: ASSESSMENT_DUE }) { nodes { ` +
        `id } } }`,
      { id: plans.veiligThuis },
    );
    // Submitted: the plan's own deadline is met; only the inspectorate's assessment is open.
    expect(submittedVt).toEqual({
      improvementPlan: { status: 'SUBMITTED', deadline: null },
      deadlines: { nodes: [{ id: plans.veiligThuis }] },
    });
    await t.ok(inspector(), ASSESS, {
      input: { planId: plans.veiligThuis, expectedVersion: await version(plans.veiligThuis), ...answers('INSUFFICIENT') },
    });

    // Buurtteam: accepted (measure and audit deadlines open); one measure moved, one completed.
    await t.ok(w.buurtteamMember.token, SUBMIT, { input: { planId: plans.buurtteam, expectedVersion: await version(plans.buurtteam) } });
    const accepted = await t.ok(inspector(), ASSESS, {
      input: { planId: plans.buurtteam, expectedVersion: await version(plans.buurtteam), ...answers('SUFFICIENT') },
    });
    expect(accepted.assessImprovementPlan.status).toBe('ACCEPTED');

    extended = btMeasure.get(0)!;
    const asked = await t.ok(
      w.buurtteamMember.token,
      `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id version } }`,
      {
        input: { kind: 'MEASURE_DUE', subjectId: extended, requestedDueDate: '2026-09-01', reason: 'Afhankelijk van de regionale aanpak.' },
      },
    );
    await t.ok(inspector(), `mutation($input: DecideExtensionInput!) { decideExtension(input: $input) { status } }`, {
      input: { id: asked.requestExtension.id, expectedVersion: asked.requestExtension.version, grant: true, note: 'Akkoord.' },
    });
    completed = btMeasure.get(3)!;
    const started = await t.ok(
      w.buurtteamColleague.token,
      `mutation($input: VersionedRefInput!) { startMeasure(input: $input) { version } }`,
      { input: { id: completed, expectedVersion: 1 } },
    );
    await t.ok(w.buurtteamColleague.token, `mutation($input: CompleteMeasureInput!) { completeMeasure(input: $input) { status } }`, {
      input: { id: completed, expectedVersion: started.startMeasure.version, evidence: 'Werkwijze vastgesteld.' },
    });
  }, 180_000);
  afterAll(async () => t?.stop());

  const QUERY = `query($first: Int!) { improvementPoints(first: $first) { nodes {
    id text themes investigation { title } addressees { name } coordinatingOrganisation { name }
    measures { id dueDate overdue owner { displayName } deadline { kind dueDate daysLeft changes { toDate } }
      plan { status dueDate organisation { name } deadline { kind dueDate } internalAudit { dueDate deadline { kind dueDate } } } } } } }`;
  /** Each field backed by a DataLoader costs at most one statement; plus the token check and the page itself. */
  const LOADER_FIELDS = [
    'investigation',
    'addressees (ids)',
    'addressees',
    'coordinatingOrganisation',
    'measures',
    'owner',
    'deadline',
    'changes',
    'plan',
    'organisation',
    'deadline',
    'internalAudit',
    'deadline',
  ];
  const BOUND = LOADER_FIELDS.length + 2;

  /** Rows that nested fields returned: grows with the page, unlike the statements. */
  function nestedRows(nodes: any[]): number {
    let n = 0;
    for (const p of nodes) {
      n += 1 + p.addressees.length + (p.coordinatingOrganisation ? 1 : 0);
      for (const m of p.measures) {
        n += 1 + (m.owner ? 1 : 0) + (m.deadline ? 1 + m.deadline.changes.length : 0);
        n += 1 + (m.plan.deadline ? 1 : 0) + (m.plan.internalAudit ? 1 + (m.plan.internalAudit.deadline ? 1 : 0) : 0);
      }
    }
    return n;
  }

  async function measure(token: string, first: number) {
    const counter = StatementCounter.install();
    try {
      const data = await t.ok(token, QUERY, { first });
      const nodes = data.improvementPoints.nodes as any[];
      return {
        first,
        points: nodes.length,
        measures: nodes.flatMap((p) => p.measures).length,
        nested: nestedRows(nodes),
        statements: counter.data.length,
        nodes,
      };
    } finally {
      counter.uninstall();
    }
  }

  it('counts every statement TypeORM sends (the counter patches the same pg Client TypeORM uses)', async () => {
    const runners: PostgresQueryRunner[] = [];
    const create = DataSource.prototype.createQueryRunner;
    const created = jest.spyOn(DataSource.prototype, 'createQueryRunner').mockImplementation(function (this: DataSource, ...args) {
      const runner = create.apply(this, args) as PostgresQueryRunner;
      runners.push(runner);
      return runner;
    });
    const typeorm = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const counter = StatementCounter.install();
    try {
      await t.ok(w.inspector.token, QUERY, { first: 2 });
      expect(counter.statements.length).toBeGreaterThan(5);
      // Every statement of the request went out through a runner's connection, a client of the very
      // pg Client class the counter patches, and straight to it (Database: statementsStraight),
      // never through TypeORM's own PostgresQueryRunner.query.
      expect(runners.length).toBeGreaterThan(0);
      for (const runner of runners)
        expect((runner as unknown as { databaseConnection: unknown }).databaseConnection).toBeInstanceOf(Client);
      expect(typeorm).not.toHaveBeenCalled();
      // A transaction costs a COMMIT besides its data statements (START TRANSACTION and the settings go with its first);
      // a read, nothing besides them.
      expect(counter.total - counter.data.length).toBe(counter.statements.filter((s) => s === 'COMMIT').length);
    } finally {
      counter.uninstall();
      typeorm.mockRestore();
      created.mockRestore();
    }
  });

  /**
   * Issue 16: the request benchmark's requests (test/bench/requests.bench.ts) in at most 3 round
   * trips to PostgreSQL each (7 before `Database.read`: the account check, then START TRANSACTION
   * with the settings, the read and COMMIT for the root field and again for every loader batch).
   * Every round trip carries the acting user's settings (ActingQuery), so nothing runs outside them;
   * the account check of the token reads as the system.
   */
  it.each([
    ['(a) me with its organisation, member', () => w.buurtteamMember, `{ me { id displayName role organisation { id name kind } } }`, {}],
    [
      '(b) points of one investigation with their measures, inspector',
      () => w.inspector,
      `query($id: ID!) { improvementPoints(first: 12, filter: { investigationId: $id }) {
        nodes { id position text measures { id description status dueDate } } } }`,
      { id: '' },
    ],
    [
      '(c) PLANNED measures of the organisation by due date, member',
      () => w.buurtteamMember,
      `{ measures(first: 100, filter: { status: PLANNED }, orderBy: { field: DUE_DATE, direction: ASC }) {
        nodes { id description dueDate } } }`,
      {},
    ],
  ])('answers %s in at most 3 round trips, each as the acting user', async (_name, who, query, variables) => {
    const user = who();
    const counter = StatementCounter.install();
    let data: any;
    try {
      data = await t.ok(user.token, query, 'id' in variables ? { id: investigationId } : variables);
    } finally {
      counter.uninstall();
    }
    const rows = JSON.stringify(data).match(/"id"/g)?.length ?? 0;
    console.log(
      `${_name}: ${counter.total} round trips for ${rows} objects: ${JSON.stringify(counter.statements.map((s) => s.slice(0, 60)))}`,
    );
    expect(rows).toBeGreaterThan(1); // the nested field really resolved
    expect(counter.total).toBeLessThanOrEqual(3);
    // No transaction is opened for the reads: each carries its own settings, as this user.
    expect(counter.statements.filter((s) => /^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i.test(s))).toEqual([]);
    // Every round trip carries settings: the account check of the token as the system, the rest as this user.
    expect(counter.sent.map((q) => q.settings?.values.slice(0, 2))).toEqual([
      ['', 'SYSTEM'],
      ...Array.from({ length: counter.total - 1 }, () => [user.id, expect.any(String)]),
    ]);
  });

  /**
   * Issue 16: the token check reads the whole account, and the request's user loader starts with
   * it, so `me` (and any field naming the signed-in user) costs no read of its own: the answer is
   * the account as stored, for every field of it.
   */
  it('answers me from the account the token check read, in one round trip', async () => {
    const counter = StatementCounter.install();
    let data: any;
    try {
      const fields = 'id email displayName role locale active notificationMode mutedEventKinds version';
      data = await t.ok(w.buurtteamMember.token, `{ me { ${fields} } }`);
    } finally {
      counter.uninstall();
    }
    expect(counter.total).toBe(1);
    const [row] = await sql(
      `SELECT id, email, display_name AS "displayName", role, locale, active, notification_mode AS "notificationMode", ` +
        `muted_event_kinds AS "mutedEventKinds", version FROM users WHERE id = $1`,
      [w.buurtteamMember.id],
    );
    expect(data.me).toEqual(row);
  });

  /**
   * Issue 16: measures asked for under a page of points come in the page's own statement (a JSON
   * column, `MeasuresService.byPointColumn`), so the page costs the account check and one read.
   * The same measures, with the same values, as through the DataLoader (the points of
   * `investigation { improvementPoints }`, whose measures are read in a batch after them).
   */
  it.each([
    ['an inspector (draft plan contents hidden)', () => w.inspector],
    ['a member of the buurtteam', () => w.buurtteamMember],
    ['a member of Veilig Thuis (plan in revision)', () => w.veiligThuisMember],
  ])('as %s, a page of points reads the measures asked for under it in the same statement', async (_who, who) => {
    const user = who();
    const FIELDS = `id description successIndicator dueDate originalDueDate status evidence startedAt completedAt cancelledAt version`;
    const byPoints = (nodes: Array<{ id: string; measures: unknown[] }>) =>
      Object.fromEntries(nodes.map((p) => [p.id, p.measures])) as Record<string, unknown[]>;
    const counted = async (query: string) => {
      const counter = StatementCounter.install();
      try {
        return { data: await t.ok(user.token, query, { id: investigationId }), counter };
      } finally {
        counter.uninstall();
      }
    };

    const viaPage = await counted(`query($id: ID!) { improvementPoints(first: 100, filter: { investigationId: $id }) {
      nodes { id measures { ${FIELDS} } } } }`);
    expect(viaPage.counter.total).toBe(2); // the account check and the page with its measures
    expect(viaPage.counter.statements.filter((s) => s.includes('measure_points'))).toHaveLength(1);
    const viaLoader = await counted(`query($id: ID!) { investigation(id: $id) { improvementPoints { id measures { ${FIELDS} } } } }`);
    expect(viaLoader.counter.total).toBe(4); // the account check, the investigation, its points, their measures
    const page = byPoints(viaPage.data.improvementPoints.nodes);
    expect(Object.keys(page).length).toBeGreaterThan(1);
    expect(Object.values(page).flat().length).toBeGreaterThan(1);
    expect(page).toEqual(byPoints(viaLoader.data.investigation.improvementPoints));

    // Through edges, an alias and a fragment too; a page without measures reads none.
    const fragment = await counted(`query($id: ID!) { improvementPoints(first: 100, filter: { investigationId: $id }) {
      edges { node { ...P } } } } fragment P on ImprovementPoint { id covered: measures { id } }`);
    expect(fragment.counter.total).toBe(2);
    expect(fragment.data.improvementPoints.edges.map((e: any) => e.node.covered.map((m: any) => m.id))).toEqual(
      viaPage.data.improvementPoints.nodes.map((p: any) => p.measures.map((m: any) => m.id)),
    );
    const plain = await counted(`query($id: ID!) { improvementPoints(first: 100, filter: { investigationId: $id }) { nodes { id } } }`);
    expect(plain.counter.total).toBe(2);
    expect(plain.counter.statements.filter((s) => s.includes('measure_points'))).toEqual([]);
  });

  /**
   * Issue 16: the page's statement reads only the properties of its measures that their selection
   * reads (MEASURE_FIELD_READS for fields resolved from other properties), and answers what whole
   * measures answer; the partial measures serve that selection only, never another field of the
   * same request that reads the same points' measures.
   */
  it.each([
    ['an inspector (draft plan contents hidden)', () => w.inspector],
    ['a member of the buurtteam', () => w.buurtteamMember],
  ])('as %s, a page of points reads only the properties of its measures that are asked for', async (_who, who) => {
    const user = who();
    const counted = async (query: string, variables: Record<string, unknown>) => {
      const counter = StatementCounter.install();
      try {
        return { data: await t.ok(user.token, query, variables), statements: counter.statements };
      } finally {
        counter.uninstall();
      }
    };
    const nested = (statements: string[]) => statements.filter((s) => s.includes('measure_points'));
    const RESOLVED = `__typename id overdue plan { id } owner { id } deadline { kind dueDate } points { id }`;
    const viaPage = await counted(
      `query($id: ID!) { improvementPoints(first: 100, filter: { investigationId: $id }) { nodes { id measures { ${RESOLVED} } } } }`,
      { id: investigationId },
    );
    const [statement] = nested(viaPage.statements);
    expect(statement).toMatch(/SELECT "pt"\."id" AS "pt_id", /); // of the points, only their ids
    expect(statement).not.toContain('"pt"."text"');
    expect(statement).toMatch(
      /json_build_object\('id', m\.id, 'planId', m\.plan_id, 'ownerId', m\.owner_id, 'dueDate', m\.due_date, 'status', m\.status\)/,
    );
    const viaLoader = await t.ok(
      user.token,
      `query($id: ID!) { investigation(id: $id) { improvementPoints { id measures { ${RESOLVED} } } } }`,
      { id: investigationId },
    );
    const byPoint = (nodes: Array<{ id: string; measures: unknown[] }>) => Object.fromEntries(nodes.map((p) => [p.id, p.measures]));
    const page = byPoint(viaPage.data.improvementPoints.nodes);
    expect(Object.values(page).flat().length).toBeGreaterThan(1);
    expect(page).toEqual(byPoint(viaLoader.investigation.improvementPoints));

    // Every field of the points, those resolved from other properties too, as through the loader.
    const POINT = `__typename id position text themes collective version investigation { id } finding { id } addressees { id }
      coordinatingOrganisation { id }`;
    const points = await t.ok(
      user.token,
      `query($id: ID!) { improvementPoints(first: 100, filter: { investigationId: $id }) { nodes { ${POINT} } } }`,
      {
        id: investigationId,
      },
    );
    const pointsViaLoader = await t.ok(user.token, `query($id: ID!) { investigation(id: $id) { improvementPoints { ${POINT} } } }`, {
      id: investigationId,
    });
    expect(points.improvementPoints.nodes.length).toBeGreaterThan(1);
    expect(points.improvementPoints.nodes).toEqual(pointsViaLoader.investigation.improvementPoints);

    // Ids alone, and in the same request the same point's measures whole through another field.
    const FULL =
      'id description successIndicator dueDate originalDueDate status evidence cancellationReason ' +
      'startedAt completedAt cancelledAt version';
    const point = pointIds[1];
    const mixed = await counted(
      `query($id: ID!, $point: ID!) {
        improvementPoints(first: 100, filter: { investigationId: $id }) { nodes { id measures { id } } }
        improvementPoint(id: $point) { measures { ${FULL} } } }`,
      { id: investigationId, point },
    );
    // The two root fields run side by side, so their statements arrive in either order: the page's
    // reads the measures' ids alone, the other field's whole measures.
    expect(nested(mixed.statements)).toHaveLength(2);
    expect(nested(mixed.statements).filter((s) => s.includes(`json_build_object('id', m.id)`))).toHaveLength(1);
    const whole = await t.ok(user.token, `query($point: ID!) { improvementPoint(id: $point) { measures { ${FULL} } } }`, { point });
    expect(whole.improvementPoint.measures.length).toBeGreaterThan(0);
    expect(whole.improvementPoint.measures.every((m: { successIndicator: string }) => m.successIndicator.length > 0)).toBe(true);
    expect(mixed.data.improvementPoint).toEqual(whole.improvementPoint);
    const inPage = mixed.data.improvementPoints.nodes.find((p: { id: string }) => p.id === point);
    expect(inPage.measures).toEqual(whole.improvementPoint.measures.map((m: { id: string }) => ({ id: m.id })));

    // A field that is neither a column nor in MEASURE_FIELD_READS would read whole measures; all of them do.
    const all = await counted(
      `query($id: ID!) { improvementPoints(first: 100, filter: { investigationId: $id }) { nodes { id measures { ${FULL} } } } }`,
      { id: investigationId },
    );
    expect(nested(all.statements)[0]).toContain(`'cancellationReason', m.cancellation_reason`);
  });

  /**
   * Issue 16: the fields of the plain-data types that only read a property have no resolver
   * (graphql-jit reads them inline); fields with a resolver of their own, and the other types
   * (a connection's totalCount is a promise), keep theirs. The last line fails if Nest's property
   * resolver ever gets another name (then nothing would be taken off).
   */
  it('plain-data types read their properties without a resolver call', () => {
    const schema = t.get(GraphQLSchemaHost).schema;
    const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name];
    expect(field('Measure', 'description').resolve).toBeUndefined();
    expect(field('ImprovementPoint', 'text').resolve).toBeUndefined();
    expect(field('PlanProgress', 'measuresTotal').resolve).toBeUndefined();
    expect(field('Measure', 'plan').resolve).toBeDefined();
    expect(field('MeasureConnection', 'totalCount').resolve?.name).toBe(NEST_PROPERTY_RESOLVER);
    // Nest's resolver reads the property of the field's TypeScript name, graphql's the field's own
    // name: for these types they must be the same (no @Field({ name })).
    const types = TypeMetadataStorage.getObjectTypesMetadata().filter((type) =>
      (PLAIN_DATA_TYPES as readonly string[]).includes(type.name),
    );
    expect(types.map((type) => type.name).sort()).toEqual([...PLAIN_DATA_TYPES].sort());
    const renamed = types.flatMap((type) =>
      (type.properties ?? []).filter((p) => p.schemaName !== p.name).map((p) => `${type.name}.${p.name}`),
    );
    expect(renamed).toEqual([]);
  });

  /** Issue 16: a page of measures reads only the properties its nodes are asked for, and answers what whole measures answer. */
  it('a page of measures reads only the properties its nodes are asked for', async () => {
    const user = w.buurtteamMember;
    const counted = async (query: string) => {
      const counter = StatementCounter.install();
      try {
        return { data: await t.ok(user.token, query), statements: counter.statements };
      } finally {
        counter.uninstall();
      }
    };
    const page = (selection: string) => `{ measures(first: 100, orderBy: { field: DUE_DATE, direction: ASC }) { ${selection} } }`;
    const few = await counted(page('nodes { id description status dueDate overdue } edges { cursor node { plan { id } } }'));
    const [statement] = few.statements.filter((s) => s.includes('FROM "measures"'));
    expect(statement).toContain('"m"."description" AS "m_description"');
    expect(statement).toContain('"m"."plan_id" AS "m_plan_id"');
    expect(statement).not.toContain('m_success_indicator');
    const whole = await t.ok(
      user.token,
      page('nodes { id description successIndicator status dueDate overdue evidence } edges { cursor node { plan { id } } }'),
    );
    expect(whole.measures.nodes.length).toBeGreaterThan(1);
    expect(few.data.measures.nodes).toEqual(
      whole.measures.nodes.map(({ id, description, status, dueDate, overdue }: Record<string, unknown>) => ({
        id,
        description,
        status,
        dueDate,
        overdue,
      })),
    );
    expect(few.data.measures.edges).toEqual(whole.measures.edges);
    const count = await t.ok(user.token, page('totalCount'));
    expect(count.measures.totalCount).toBe(whole.measures.nodes.length);
  });

  it.each([
    ['an inspector', () => w.inspector.token],
    ['a member of the buurtteam (accepted plan)', () => w.buurtteamMember.token],
    ['a member of Veilig Thuis (plan in revision)', () => w.veiligThuisMember.token],
  ])('as %s, the same number of statements for 2, 5 and 12 points', async (_role, token) => {
    const runs = [await measure(token(), 2), await measure(token(), 5), await measure(token(), 12)];
    const summary = runs.map(({ first, points, measures, nested, statements }) => ({ first, points, measures, nested, statements }));
    console.log(`${_role}: ${JSON.stringify(summary)}`);
    // The pages are full, and a larger page really resolves more nested rows.
    expect(runs.map((r) => r.points)).toEqual([2, 5, 12]);
    expect(runs[0].measures).toBeGreaterThan(0);
    expect(runs[1].nested).toBeGreaterThan(runs[0].nested);
    expect(runs[2].nested).toBeGreaterThan(runs[1].nested);
    expect(runs[2].measures).toBeGreaterThan(runs[1].measures);
    // One statement per loader and batch, whatever the page size.
    expect(runs.map((r) => r.statements)).toEqual([runs[0].statements, runs[0].statements, runs[0].statements]);
    expect(runs[0].statements).toBeLessThanOrEqual(BOUND);
  });

  it('resolves the right values for one point, checked against the database directly', async () => {
    const { nodes } = await measure(w.inspector.token, 2);
    const point = nodes.find((p: any) => p.id === pointIds[1]); // collective: both organisations have measures for it
    const [visible] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM measure_points mp JOIN measures m ON m.id = mp.measure_id JOIN improvement_plans p ON p.id = m.plan_id
        WHERE mp.point_id = $1 AND p.status IN ('SUBMITTED','ACCEPTED','CLOSED')`,
      [pointIds[1]],
    );
    const [all] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM measure_points WHERE point_id = $1`, [pointIds[1]]);
    // Veilig Thuis' measure is in a plan in revision: a draft, not shown to the inspector.
    expect(all.n).toBe(3);
    expect(point.measures).toHaveLength(visible.n);
    expect(visible.n).toBe(2);
    expect(point.addressees.map((o: any) => o.name).sort()).toEqual(['Sociaal Buurtteam Heerlen', 'Veilig Thuis Zuid-Limburg']);
    expect(point.coordinatingOrganisation).toEqual({ name: 'Sociaal Buurtteam Heerlen' });

    // The first point's moved measure: its deadline and the recorded move, as stored.
    const first = nodes.find((p: any) => p.id === pointIds[0]);
    const moved = first.measures.find((m: any) => m.id === extended);
    const [row] = await sql<{ due_date: string; changes: number }>(
      `SELECT m.due_date::text, (SELECT count(*)::int FROM due_date_changes c WHERE c.subject_id = m.id AND c.kind = 'MEASURE_DUE') ` +
        `AS changes FROM measures m WHERE m.id = $1`,
      [extended],
    );
    expect(row).toEqual({ due_date: '2026-09-01', changes: 1 });
    expect(moved.deadline).toMatchObject({ kind: 'MEASURE_DUE', dueDate: row.due_date, changes: [{ toDate: '2026-09-01' }] });
    expect(moved.plan).toMatchObject({ status: 'ACCEPTED', deadline: null, internalAudit: { deadline: { kind: 'AUDIT_DUE' } } });
    expect(moved.plan.internalAudit.deadline.dueDate).toBe(moved.plan.internalAudit.dueDate);

    const done = await t.ok(
      w.buurtteamMember.token,
      `query($id: ID!) { improvementPoint(id: $id) { measures { id status deadline { kind } } } }`,
      { id: pointIds[3] },
    );
    expect(done.improvementPoint.measures.find((m: any) => m.id === completed)).toEqual({
      id: completed,
      status: 'COMPLETED',
      deadline: null,
    });
  });

  it("gives a plan its own deadline (PLAN_DUE), not the assessment's moves on the same subject id", async () => {
    const [assessmentMoves] = await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM due_date_changes WHERE subject_id = $1 AND kind = 'ASSESSMENT_DUE'`,
      [plans.veiligThuis],
    );
    expect(assessmentMoves.n).toBe(1);
    const [plan] = await sql<{ status: string; due_date: string }>(`SELECT status, due_date::text FROM improvement_plans WHERE id = $1`, [
      plans.veiligThuis,
    ]);
    expect(plan.status).toBe('REVISION_REQUESTED');
    for (const token of [w.veiligThuisMember.token, w.inspector.token]) {
      const data = await t.ok(
        token,
        `query($id: ID!) { improvementPlan(id: $id) { deadline { kind id dueDate changes { fromDate toDate } } } }`,
        { id: plans.veiligThuis },
      );
      // Only the plan's own move: the new due date set by the revision request (defect 7 of issue 12).
      expect(data.improvementPlan.deadline).toEqual({
        kind: 'PLAN_DUE',
        id: plans.veiligThuis,
        dueDate: plan.due_date,
        changes: [{ fromDate: '2026-04-13', toDate: plan.due_date }],
      });
    }
  });
});
