import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AttachmentsService, BlobStorage } from '@opvolging/conversation';
import { Database } from '@opvolging/database';
import { ExportSources, ExportView, renderProgressPdf } from '@opvolging/exports';
import { Role } from '@opvolging/shared';
import { pdfText } from '../support/pdf-text';
import { caseFlow } from '../support/case-flow';
import { createWorld, publishedCase } from '../support/fixtures';
import { EICAR, FakeClamd } from '../support/fake-clamd';
import { codes, TestApp } from '../support/test-app';
const S3rver = require('s3rver');

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Evidence files end to end over HTTP, on the real database and each storage backend: who may
 * upload and download, the limits, content checks by magic bytes, interrupted uploads, tombstones
 * and the consistency check.
 */
function attachmentSuite(backend: 'filesystem' | 's3', env: () => Promise<Record<string, string>>, teardown: () => Promise<void>) {
  describe(`evidence files on ${backend} storage`, () => {
    let t: TestApp;
    let w: Awaited<ReturnType<typeof createWorld>>;
    let c: Awaited<ReturnType<typeof publishedCase>>;
    let planId: string;
    let measureId: string;
    let auditId: string;
    const LIST = `query($t: ThreadSubjectType!, $id: ID!) { attachments(subjectType: $t, subjectId: $id) {
      id fileName contentType sizeBytes sha256 scanned uploadedByName deletedAt version downloadPath visibility } }`;

    const upload = (token: string | null, subjectType: string, subjectId: string, file: Buffer, name: string) => {
      const req = request(t.app.getHttpServer()).post(`/attachments?subjectType=${subjectType}&subjectId=${subjectId}`);
      if (token) req.set('authorization', `Bearer ${token}`);
      return req.attach('file', file, name);
    };
    const download = (token: string, id: string) =>
      request(t.app.getHttpServer())
        .get(`/attachments/${id}/download`)
        .set('authorization', `Bearer ${token}`)
        .buffer(true)
        .parse((res, cb) => {
          const parts: Buffer[] = [];
          res.on('data', (d: Buffer) => parts.push(d));
          res.on('end', () => cb(null, Buffer.concat(parts)));
        });
    const rows = () =>
      t.get(Database).transaction(null, ({ em }) => em.query(`SELECT id, deleted_at FROM attachments ORDER BY uploaded_at`));
    const storedKeys = async () => {
      const keys: string[] = [];
      for await (const o of t.app.get<BlobStorage>(BlobStorage).list()) keys.push(o.key);
      return keys;
    };

    beforeAll(async () => {
      t = await TestApp.start({
        ATTACHMENT_MAX_BYTES: String(64 * 1024),
        ATTACHMENT_MAX_BYTES_PER_ITEM: String(96 * 1024),
        ...(await env()),
      });
      w = await createWorld(t);
      c = await publishedCase(t, w);
      planId = c.planOf(w.orgs.buurtteam).id;
      const flow = caseFlow(t);
      measureId = (await flow.addMeasure(w.buurtteamMember.token, planId, w.buurtteamMember.id, [c.points.collective])).id;
      await flow.addMeasure(w.buurtteamMember.token, planId, w.buurtteamMember.id, [c.points.buurtteam]);
      await t.travel('2026-03-20T10:00:00');
      await flow.submit(w.buurtteamMember.token, planId);
      await flow.assess(w.inspector.token, planId);
      auditId = (await flow.plan(w.buurtteamMember.token, planId)).internalAudit.id;
    });
    afterAll(async () => {
      await t?.stop();
      await teardown();
    });

    it('stores evidence on a measure with its SHA-256, for exactly those who may see the measure', async () => {
      const res = await upload(w.buurtteamMember.token, 'MEASURE', measureId, PDF, '../../Protocol regie.pdf');
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        fileName: 'Protocol regie.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: sha(PDF),
        scanned: 'NOT_SCANNED',
      });
      const id = res.body.id;

      const list = await t.ok(w.inspector.token, LIST, { t: 'MEASURE', id: measureId });
      expect(list.attachments).toEqual([
        expect.objectContaining({
          id,
          fileName: 'Protocol regie.pdf',
          sha256: sha(PDF),
          uploadedByName: 'lid',
          downloadPath: `/attachments/${id}/download`,
          visibility: 'PUBLIC',
        }),
      ]);
      for (const who of [w.buurtteamColleague, w.inspector]) {
        const got = await download(who.token, id);
        expect(got.status).toBe(200);
        expect(sha(got.body)).toBe(sha(PDF));
        expect(got.headers['content-type']).toBe('application/pdf');
        expect(got.headers['content-disposition']).toContain('Protocol regie.pdf');
        expect(got.headers['x-content-type-options']).toBe('nosniff');
      }
      // Anyone else: 404, as if the file did not exist; reviewers never.
      for (const who of [w.veiligThuisMember, w.outsideInspector, w.reviewer, w.otherReviewer])
        expect((await download(who.token, id)).status).toBe(404);
      expect((await download(w.admin, id)).status).toBe(404);
      expect(codes(await t.gql(w.reviewer.token, LIST, { t: 'MEASURE', id: measureId }))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(w.veiligThuisMember.token, LIST, { t: 'MEASURE', id: measureId }))).toEqual(['NOT_FOUND']);
      expect((await request(t.app.getHttpServer()).get(`/attachments/${id}/download`)).status).toBe(401);
    });

    it('lets only those who own the item upload, checked before the body is read', async () => {
      expect((await upload(null, 'MEASURE', measureId, PDF, 'a.pdf')).status).toBe(401);
      const reviewer = await upload(w.reviewer.token, 'MEASURE', measureId, PDF, 'a.pdf');
      expect([reviewer.status, reviewer.body.code]).toEqual([403, 'FORBIDDEN']);
      expect((await upload(w.veiligThuisMember.token, 'MEASURE', measureId, PDF, 'a.pdf')).status).toBe(404);
      expect((await upload(w.inspector.token, 'MEASURE', measureId, PDF, 'a.pdf')).status).toBe(403);
      const badType = await upload(w.buurtteamMember.token, 'PLAN', planId, PDF, 'a.pdf');
      expect([badType.status, badType.body.fields?.[0]?.path]).toEqual([400, 'subjectType']);
      const badId = await upload(w.buurtteamMember.token, 'MEASURE', 'nope', PDF, 'a.pdf');
      expect([badId.status, badId.body.fields?.[0]?.path]).toEqual([400, 'subjectId']);
    });

    it('accepts by content only: Office, images, text and CSV in; executables and mismatched names out', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Deelnemers').addRow(['Training', 'Datum']);
      const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
      const ok = [
        [xlsx, 'Presentielijst.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        [PNG, 'foto.png', 'image/png'],
        [Buffer.from('Notulen training 12 maart\nAanwezig: 14 medewerkers\n'), 'notulen.txt', 'text/plain'],
        [Buffer.from('datum;aanwezig\n2026-03-12;14\n'), 'lijst.csv', 'text/csv'],
      ] as const;
      for (const [bytes, name, type] of ok) {
        const res = await upload(w.buurtteamMember.token, 'INTERNAL_AUDIT', auditId, bytes, name);
        expect([res.status, res.body.contentType]).toEqual([201, type]);
      }
      const before = (await rows()).length;
      const keys = (await storedKeys()).length;
      for (const [bytes, name] of [
        [EXE, 'protocol.pdf'],
        [EXE, 'setup.exe'],
        [PNG, 'verslag.pdf'],
        [Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]), 'data.txt'],
      ] as const) {
        const res = await upload(w.buurtteamMember.token, 'INTERNAL_AUDIT', auditId, bytes, name);
        expect([res.status, res.body.code, res.body.fields?.[0]?.path]).toEqual([400, 'BAD_USER_INPUT', 'file']);
        expect(res.body.message).toMatch(/refused/);
      }
      expect((await rows()).length).toBe(before);
      expect((await storedKeys()).length).toBe(keys);
      // The draft audit's evidence is the organisation's until the audit is submitted.
      expect(codes(await t.gql(w.inspector.token, LIST, { t: 'INTERNAL_AUDIT', id: auditId }))).toEqual(['NOT_FOUND']);
      expect((await t.ok(w.buurtteamColleague.token, LIST, { t: 'INTERNAL_AUDIT', id: auditId })).attachments).toHaveLength(4);
    });

    it('refuses files over the limits and interrupted uploads, leaving neither row nor bytes', async () => {
      const before = (await rows()).length;
      const keys = (await storedKeys()).length;
      const big = await upload(
        w.buurtteamMember.token,
        'MEASURE',
        measureId,
        Buffer.concat([PDF, Buffer.alloc(70 * 1024, 0x20)]),
        'groot.pdf',
      );
      expect([big.status, big.body.code, big.body.fields?.[0]?.path]).toEqual([413, 'BAD_USER_INPUT', 'file']);
      expect((await upload(w.buurtteamMember.token, 'MEASURE', measureId, Buffer.alloc(0), 'leeg.pdf')).status).toBe(400);
      // Per item: 96 KB together; the measure holds one small PDF, so one of 60 KB fits and a second does not.
      const pad = (n: number) => Buffer.concat([PDF, Buffer.alloc(n, 0x20)]);
      expect((await upload(w.buurtteamMember.token, 'MEASURE', measureId, pad(60 * 1024), 'een.pdf')).status).toBe(201);
      const over = await upload(w.buurtteamMember.token, 'MEASURE', measureId, pad(40 * 1024), 'twee.pdf');
      expect([over.status, over.body.code, over.body.fields[0].path]).toEqual([400, 'BAD_USER_INPUT', 'file']);
      expect(over.body.message).toContain('together at most 0.1 MB');

      // Cut off in the middle of the body: the connection dies, nothing is recorded or stored.
      const server = t.app.getHttpServer();
      if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const port = (server.address() as AddressInfo).port;
      await new Promise<void>((resolve) => {
        const boundary = 'xyzzy';
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/attachments?subjectType=MEASURE&subjectId=${measureId}`,
          headers: {
            authorization: `Bearer ${w.buurtteamMember.token}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': '100000',
          },
        });
        req.on('error', () => resolve());
        req.on('response', () => resolve());
        req.write(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        );
        req.write(PDF);
        setTimeout(() => {
          req.destroy();
          setTimeout(resolve, 300);
        }, 200);
      });
      expect((await rows()).length).toBe(before + 1);
      expect((await storedKeys()).length).toBe(keys + 1);
      // The spooled part is removed too (this process's files only: other test runs may share the directory).
      const spooled = async () => (await readdir(tmpdir())).filter((f) => f.startsWith(`opvolging-upload-${process.pid}-`));
      for (let i = 0; i < 50 && (await spooled()).length; i++) await new Promise((r) => setTimeout(r, 100));
      expect(await spooled()).toEqual([]);
    });

    it('deletes as a tombstone: name, size and hash kept, bytes gone, no download', async () => {
      const up = await upload(w.buurtteamMember.token, 'VERIFICATION', measureId, PDF, 'x.pdf');
      expect(up.status).toBe(404); // a measure is not a verification
      const res = await upload(w.buurtteamColleague.token, 'INTERNAL_AUDIT', auditId, PDF, 'Auditrapport.pdf');
      const id = res.body.id;
      const DEL = `mutation($input: VersionedRefInput!) { deleteAttachment(input: $input) { id fileName sha256 deletedAt version } }`;
      expect(codes(await t.gql(w.buurtteamMember.token, DEL, { input: { id, expectedVersion: 1 } }))).toEqual(['FORBIDDEN']);
      const gone = await t.ok(w.buurtteamColleague.token, DEL, { input: { id, expectedVersion: 1 } });
      expect(gone.deleteAttachment).toMatchObject({ fileName: 'Auditrapport.pdf', sha256: sha(PDF), version: 2 });
      expect(gone.deleteAttachment.deletedAt).toBeTruthy();
      expect(codes(await t.gql(w.buurtteamColleague.token, DEL, { input: { id, expectedVersion: 2 } }))).toEqual(['INVALID_TRANSITION']);
      expect((await download(w.buurtteamColleague.token, id)).status).toBe(404);
      const [row] = await t
        .get(Database)
        .transaction(null, ({ em }) => em.query(`SELECT storage_key FROM attachments WHERE id = $1`, [id]));
      expect(await t.app.get<BlobStorage>(BlobStorage).exists(row.storage_key)).toBe(false);
      const history = await t
        .get(Database)
        .transaction(null, ({ em }) =>
          em.query(`SELECT operation FROM history WHERE entity_type = 'attachment' AND entity_id = $1 ORDER BY id`, [id]),
        );
      expect(history.map((h: any) => h.operation)).toEqual(['INSERT', 'UPDATE']);
    });

    it('lets inspectors attach a visit report to a verification and the organisation read it', async () => {
      const flow = caseFlow(t);
      await flow.submitAudit(w.buurtteamMember.token, planId);
      await flow.judgeAudit(w.inspector.token, planId, 'SUFFICIENT');
      expect((await t.ok(w.inspector.token, LIST, { t: 'INTERNAL_AUDIT', id: auditId })).attachments.length).toBeGreaterThan(0);
      const input = await flow.verifyInput(w.inspector.token, planId, [c.points.collective, c.points.buurtteam], '2026-03-20');
      await t.ok(w.inspector.token, `mutation($input: RecordVerificationInput!) { recordVerification(input: $input) { status } }`, {
        input,
      });
      const [v] = await t
        .get(Database)
        .transaction(null, ({ em }) => em.query(`SELECT id FROM verifications WHERE plan_id = $1`, [planId]));
      expect((await upload(w.buurtteamMember.token, 'VERIFICATION', v.id, PDF, 'r.pdf')).status).toBe(403);
      const report = await upload(w.inspector.token, 'VERIFICATION', v.id, PDF, 'Bezoekverslag.pdf');
      expect(report.status).toBe(201);
      expect((await download(w.buurtteamMember.token, report.body.id)).status).toBe(200);
    });

    // eslint-disable-next-line max-len -- the test's name, as the evidence branch wrote it
    it('lists evidence (name, size, date, not content) in the measures export and the PDF progress report, never for reviewers', async () => {
      const sources = t.get(ExportSources);
      const member = { userId: w.buurtteamMember.id, role: Role.ORGANISATION_MEMBER, organisationId: w.orgs.buurtteam };
      const reviewer = { userId: w.reviewer.id, role: Role.MUNICIPALITY_REVIEWER, organisationId: w.orgs.heerlen };
      const { table } = await sources.table(member, ExportView.MEASURES, { filter: { planId } } as never, 'nl');
      const col = table.columns.findIndex((c) => c.header === 'Bewijsstukken');
      const cells = table.rows.map((r) => String(r[col] ?? ''));
      expect(cells.join(' | ')).toMatch(/Protocol regie\.pdf \(1 kB, 2026-03-20\)/);
      const { report } = await sources.progressReport(member, c.id, 'nl');
      expect(report.evidence.map((e) => e.fileName)).toEqual(expect.arrayContaining(['Protocol regie.pdf', 'Bezoekverslag.pdf']));
      const pdf = await pdfText(await renderProgressPdf(report, 'nl'));
      expect(pdf).toContain('Bewijsstukken');
      expect(pdf).toContain('Bezoekverslag.pdf');
      expect(pdf).not.toContain('%PDF-1.4'); // the list, never the content
      expect((await sources.progressReport(reviewer, c.id, 'nl')).report.evidence).toEqual([]);
    });

    it('reports rows without bytes (answering 404, not 500), removes orphans and leftovers on repair', async () => {
      const res = await upload(w.buurtteamMember.token, 'MEASURE', measureId, Buffer.from('Evaluatie\n'), 'evaluatie.txt');
      expect(res.status).toBe(201);
      const storage = t.app.get<BlobStorage>(BlobStorage);
      const [row] = await t
        .get(Database)
        .transaction(null, ({ em }) => em.query(`SELECT storage_key FROM attachments WHERE id = $1`, [res.body.id]));
      await storage.delete(row.storage_key);
      const missing = await download(w.buurtteamMember.token, res.body.id);
      expect([missing.status, missing.body.toString()]).toEqual([404, expect.stringContaining('missing from storage')]);
      const { Readable } = await import('node:stream');
      await storage.put('ab/orphan', () => Readable.from([Buffer.from('left behind')]), 11);
      const service = t.get(AttachmentsService);
      const fresh = await service.checkConsistency(false);
      expect(fresh.missingBytes).toEqual([{ id: res.body.id, fileName: 'evaluatie.txt', storageKey: row.storage_key }]);
      expect(fresh.orphans).toEqual([]); // younger than the grace period: it may be an upload in flight
      const report = await service.checkConsistency(true, 0);
      expect(report.orphans).toEqual(['ab/orphan']);
      expect(report.repaired).toBe(1);
      expect(await storage.exists('ab/orphan')).toBe(false);
    });
  });
}

// --- the filesystem backend (the default) --------------------------------------------------------
let dir = '';
attachmentSuite(
  'filesystem',
  async () => {
    dir = await mkdtemp(join(tmpdir(), 'opvolging-storage-'));
    return { STORAGE_DIR: dir };
  },
  async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  },
);

// --- a real S3-compatible server on loopback -----------------------------------------------------
let s3: { close(): Promise<void> } | null = null;
let s3dir = '';
attachmentSuite(
  's3',
  async () => {
    s3dir = await mkdtemp(join(tmpdir(), 'opvolging-s3rver-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: s3dir, configureBuckets: [{ name: 'evidence' }] });
    const { port } = await server.run();
    s3 = server;
    return {
      STORAGE_URL: 's3://evidence/opvolging',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    };
  },
  async () => {
    await s3?.close();
    if (s3dir) await rm(s3dir, { recursive: true, force: true });
  },
);

// --- the virus-scanning hook, against a fake clamd speaking INSTREAM on loopback ------------------
describe('evidence files with a virus scanner', () => {
  const clamd = new FakeClamd();
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createWorld>>;
  let measureId: string;
  let dir = '';
  const upload = (file: Buffer, name: string) =>
    request(t.app.getHttpServer())
      .post(`/attachments?subjectType=MEASURE&subjectId=${measureId}`)
      .set('authorization', `Bearer ${w.buurtteamMember.token}`)
      .attach('file', file, name);

  beforeAll(async () => {
    await clamd.start();
    dir = await mkdtemp(join(tmpdir(), 'opvolging-storage-'));
    t = await TestApp.start({ STORAGE_DIR: dir, CLAMD_SOCKET: `127.0.0.1:${clamd.port}` });
    w = await createWorld(t);
    const c = await publishedCase(t, w);
    const planId = c.planOf(w.orgs.buurtteam).id;
    measureId = (await caseFlow(t).addMeasure(w.buurtteamMember.token, planId, w.buurtteamMember.id, [c.points.collective])).id;
  });
  afterAll(async () => {
    await t?.stop();
    await clamd.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('scans every upload whole, records CLEAN, and refuses what clamd finds', async () => {
    const clean = await upload(PDF, 'protocol.pdf');
    expect([clean.status, clean.body.scanned]).toEqual([201, 'CLEAN']);
    expect(clamd.scanned.at(-1)).toEqual(PDF);
    const before = await t.get(Database).transaction(null, ({ em }) => em.query(`SELECT count(*)::int AS n FROM attachments`));
    const infected = await upload(Buffer.from(`${EICAR}\n`), 'eicar.txt');
    expect([infected.status, infected.body.code, infected.body.fields?.[0]?.path]).toEqual([400, 'BAD_USER_INPUT', 'file']);
    expect(infected.body.message).toContain('Eicar-Test-Signature');
    const after = await t.get(Database).transaction(null, ({ em }) => em.query(`SELECT count(*)::int AS n FROM attachments`));
    expect(after).toEqual(before);
  });

  it('refuses uploads while the configured scanner does not answer, rather than pretending to scan', async () => {
    await clamd.stop();
    const res = await upload(PDF, 'protocol.pdf');
    expect([res.status, res.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
  });
});
