import PDFDocument from 'pdfkit';
import type { PlanProgressRow } from '@opvolging/overviews';
import { dates } from '@opvolging/shared';
import {
  AUDIT_STATUS,
  ENFORCEMENT_STATUS,
  ENFORCEMENT_TYPE,
  GRADE,
  GRADES,
  INVESTIGATION_STATUS,
  label,
  Locale,
  longDate,
  longDateTime,
  PLAN_STATUS,
} from './labels';

/** What the progress report shows: figures and statuses only, no names or e-mail addresses of people. */
export interface ProgressReport {
  title: string;
  municipality: string;
  investigationStatus: string;
  publicationDate: string | null;
  trajectoryEndDate: string | null;
  today: string;
  generatedAt: Date;
  /** The overview's plan rows: the report prints the same figures as the screens. */
  plans: Array<
    Pick<
      PlanProgressRow,
      | 'organisationName'
      | 'planStatus'
      | 'planDueDate'
      | 'planOriginalDueDate'
      | 'planOverdue'
      | 'measuresTotal'
      | 'measuresCompleted'
      | 'measuresCancelled'
      | 'measuresLate'
      | 'auditStatus'
      | 'auditDueDate'
      | 'auditOverdue'
      | 'enforcementCount'
      | 'enforcementType'
      | 'enforcementStatus'
      | 'grades'
    >
  >;
  points: Array<{ position: number; text: string; grades: Array<{ organisationName: string; grade: string }> }>;
  /** Evidence files: what they are (name, size, date), never their content. */
  evidence: Array<{ organisationName: string; item: string; fileName: string; sizeBytes: number; uploadedAt: Date }>;
}

const T = {
  nl: {
    kind: 'Voortgangsrapportage',
    evidence: 'Bewijsstukken',
    noEvidence: 'Er zijn (nog) geen bewijsstukken toegevoegd.',
    evidenceNote: 'Alleen naam, grootte en datum; de inhoud staat in Opvolging.',
    municipality: 'Gemeente',
    status: 'Status onderzoek',
    published: 'Publicatiedatum',
    trajectoryEnd: 'Einde verbetertraject',
    asOf: 'Stand van zaken op',
    plans: 'Verbeterplannen per organisatie',
    noPlans: 'Er zijn (nog) geen verbeterplannen.',
    planStatus: 'Status verbeterplan',
    due: 'Uiterste datum verbeterplan',
    original: 'oorspronkelijk',
    late: 'te laat',
    measures: 'Maatregelen',
    measuresLine: (r: ProgressReport['plans'][number]) =>
      `${r.measuresCompleted} van ${r.measuresTotal} afgerond, ${r.measuresLate} te laat${
        r.measuresCancelled ? `, ${r.measuresCancelled} geannuleerd` : ''
      }`,
    audit: 'Interne audit',
    noAudit: 'nog niet aan de orde',
    enforcement: 'Handhaving',
    noEnforcement: 'geen',
    enforcementLine: (n: number) => `${n} ${n === 1 ? 'maatregel' : 'maatregelen'}, nu: `,
    auditDue: 'uiterste datum',
    verification: 'Verificatie door de inspectie',
    notVerified: 'nog niet geverifieerd',
    points: 'Verbeterpunten en oordelen',
    noPoints: 'Er zijn geen verbeterpunten.',
    point: 'Verbeterpunt',
    notGraded: 'nog niet beoordeeld',
    summary: (plans: number, closed: number, late: number) =>
      `${plans} verbeterplan${plans === 1 ? '' : 'nen'}, waarvan ${closed} afgesloten; ${late} niet op tijd ingediend.`,
    measuresSummary: (done: number, total: number, late: number) => `${done} van ${total} maatregelen afgerond, ${late} te laat.`,
    generated: (when: string) => `Gegenereerd op ${when} door Opvolging`,
    page: (n: number, of: number) => `pagina ${n} van ${of}`,
  },
  en: {
    kind: 'Progress report',
    evidence: 'Evidence files',
    noEvidence: 'No evidence files have been added (yet).',
    evidenceNote: 'Name, size and date only; the content is in Opvolging.',
    municipality: 'Municipality',
    status: 'Investigation status',
    published: 'Publication date',
    trajectoryEnd: 'End of improvement trajectory',
    asOf: 'As of',
    plans: 'Improvement plans per organisation',
    noPlans: 'There are no improvement plans (yet).',
    planStatus: 'Plan status',
    due: 'Plan due date',
    original: 'originally',
    late: 'late',
    measures: 'Measures',
    measuresLine: (r: ProgressReport['plans'][number]) =>
      `${r.measuresCompleted} of ${r.measuresTotal} completed, ${r.measuresLate} late${
        r.measuresCancelled ? `, ${r.measuresCancelled} cancelled` : ''
      }`,
    audit: 'Internal audit',
    noAudit: 'not due yet',
    enforcement: 'Enforcement',
    noEnforcement: 'none',
    enforcementLine: (n: number) => `${n} ${n === 1 ? 'measure' : 'measures'}, now: `,
    auditDue: 'due',
    verification: 'Verification by the inspectorate',
    notVerified: 'not verified yet',
    points: 'Improvement points and grades',
    noPoints: 'There are no improvement points.',
    point: 'Improvement point',
    notGraded: 'not graded yet',
    summary: (plans: number, closed: number, late: number) =>
      `${plans} improvement plan${plans === 1 ? '' : 's'}, ${closed} closed; ${late} not submitted on time.`,
    measuresSummary: (done: number, total: number, late: number) => `${done} of ${total} measures completed, ${late} late.`,
    generated: (when: string) => `Generated on ${when} by Opvolging`,
    page: (n: number, of: number) => `page ${n} of ${of}`,
  },
};

const GREY = '#555555';
const dateOnly = (at: Date) => dates.dateOf(new Date(at));
const ACCENT = '#154273'; // Rijkshuisstijl dark blue

/**
 * An A4 progress report of one investigation, for a council letter or a publication. Uses the PDF
 * standard fonts (Helvetica, WinAnsi): Dutch accented letters are fine, so no font files are needed.
 * Tagged PDF (PDF/UA style): document language and title, a structure tree in reading order
 * (Document → H1, P, H2, Sect with H3 …), and the page footers marked as artifacts.
 */
export function renderProgressPdf(r: ProgressReport, locale: Locale): Promise<Buffer> {
  const t = T[locale];
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    tagged: true,
    lang: locale === 'nl' ? 'nl-NL' : 'en-GB',
    displayTitle: true,
    info: { Title: `${t.kind}: ${r.title}`, Author: 'Opvolging', Subject: t.kind, Creator: 'Opvolging', CreationDate: r.generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  // Every piece of content belongs to a structure element, added in reading order.
  const root = doc.struct('Document');
  doc.addStructure(root);
  let parent = root;
  const tag = (type: string, draw: () => void) => parent.add(doc.struct(type, {}, draw));
  const section = (draw: () => void) => {
    const sect = doc.struct('Sect');
    root.add(sect);
    parent = sect;
    draw();
    sect.end();
    parent = root;
  };
  const keepRoom = (points: number) => {
    if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const field = (name: string, value: string) =>
    tag('P', () => {
      doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(`${name}: `, { continued: true }).font('Helvetica').text(value);
    });
  const heading = (text: string) => {
    keepRoom(60);
    doc.moveDown(1);
    tag('H2', () => doc.font('Helvetica-Bold').fontSize(14).fillColor(ACCENT).text(text));
    doc.moveDown(0.4).fillColor('black');
  };

  tag('P', () => doc.font('Helvetica').fontSize(10).fillColor(GREY).text(t.kind.toUpperCase(), { characterSpacing: 1 }));
  doc.moveDown(0.3);
  tag('H1', () => doc.font('Helvetica-Bold').fontSize(20).fillColor(ACCENT).text(r.title, { width }));
  doc.moveDown(0.6).fillColor('black');
  field(t.municipality, r.municipality);
  field(t.status, label(INVESTIGATION_STATUS, r.investigationStatus, locale));
  field(t.published, longDate(r.publicationDate, locale));
  field(t.trajectoryEnd, longDate(r.trajectoryEndDate, locale));
  field(t.asOf, longDate(r.today, locale));
  const sum = (f: (p: ProgressReport['plans'][number]) => number) => r.plans.reduce((n, p) => n + f(p), 0);
  doc.moveDown(0.5).font('Helvetica').fontSize(10);
  tag('P', () =>
    doc.text(
      t.summary(r.plans.length, r.plans.filter((p) => p.planStatus === 'CLOSED').length, r.plans.filter((p) => p.planOverdue).length),
    ),
  );
  tag('P', () =>
    doc.text(
      t.measuresSummary(
        sum((p) => p.measuresCompleted),
        sum((p) => p.measuresTotal),
        sum((p) => p.measuresLate),
      ),
    ),
  );

  heading(t.plans);
  if (!r.plans.length) tag('P', () => doc.font('Helvetica').fontSize(10).text(t.noPlans));
  for (const p of r.plans)
    section(() => {
      keepRoom(110);
      doc.moveDown(0.5);
      tag('H3', () => doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(p.organisationName));
      doc.moveDown(0.2);
      field(t.planStatus, label(PLAN_STATUS, p.planStatus, locale) + (p.planOverdue ? ` (${t.late})` : ''));
      field(
        t.due,
        longDate(p.planDueDate, locale) +
          (p.planOriginalDueDate !== p.planDueDate ? ` (${t.original} ${longDate(p.planOriginalDueDate, locale)})` : ''),
      );
      field(t.measures, t.measuresLine(p));
      field(
        t.audit,
        p.auditStatus
          ? `${label(AUDIT_STATUS, p.auditStatus, locale)}${
              p.auditDueDate ? `, ${t.auditDue} ${longDate(p.auditDueDate, locale)}` : ''
            }${p.auditOverdue ? ` (${t.late})` : ''}`
          : t.noAudit,
      );
      field(
        t.enforcement,
        p.enforcementCount && p.enforcementType
          ? `${t.enforcementLine(p.enforcementCount)}${label(ENFORCEMENT_TYPE, p.enforcementType, locale)} ` +
              `(${label(ENFORCEMENT_STATUS, p.enforcementStatus, locale).toLowerCase()})`
          : t.noEnforcement,
      );
      const graded = GRADES.filter((g) => Number(p.grades[g] ?? 0) > 0);
      field(t.verification, graded.length ? graded.map((g) => `${label(GRADE, g, locale)}: ${p.grades[g]}`).join('; ') : t.notVerified);
    });

  heading(t.points);
  if (!r.points.length) tag('P', () => doc.font('Helvetica').fontSize(10).text(t.noPoints));
  for (const point of r.points)
    section(() => {
      keepRoom(60);
      doc.moveDown(0.4);
      tag('H3', () => doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(`${t.point} ${point.position}`));
      tag('P', () => doc.font('Helvetica').fontSize(10).text(point.text, { width }));
      const grades = point.grades.length
        ? point.grades.map((g) => `${g.organisationName}: ${label(GRADE, g.grade, locale)}`).join('; ')
        : t.notGraded;
      tag('P', () => doc.font('Helvetica-Oblique').fontSize(9).fillColor(GREY).text(grades, { width }));
      doc.fillColor('black');
    });
  heading(t.evidence);
  tag('P', () => doc.font('Helvetica-Oblique').fontSize(9).fillColor(GREY).text(t.evidenceNote, { width }));
  doc.fillColor('black');
  if (!r.evidence.length) tag('P', () => doc.font('Helvetica').fontSize(10).text(t.noEvidence));
  for (const e of r.evidence) {
    keepRoom(30);
    const kb = Math.max(1, Math.round(e.sizeBytes / 1024)).toLocaleString(locale === 'nl' ? 'nl-NL' : 'en-GB');
    const when = longDate(dateOnly(e.uploadedAt), locale);
    tag('P', () =>
      doc.font('Helvetica').fontSize(10).text(`${e.organisationName}, ${e.item}: ${e.fileName} (${kb} kB, ${when})`, { width }),
    );
  }
  root.end();

  // Footer on every page: when it was made, and the page number. Written below the bottom margin,
  // so the margin is lifted meanwhile (otherwise pdfkit would start a new page).
  const generated = t.generated(longDateTime(r.generatedAt, locale));
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(8).fillColor(GREY);
    // Not part of the content: screen readers skip it.
    doc.markContent('Artifact', { type: 'Pagination' });
    doc.text(`${generated} · ${t.page(i - range.start + 1, range.count)}`, doc.page.margins.left, doc.page.height - 40, {
      width,
      align: 'center',
      lineBreak: false,
    });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
