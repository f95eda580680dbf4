import { renderProgressPdf, type ProgressReport } from '@opvolging/exports';
import { pdfStructure, rolesInOrder } from '../support/pdf-structure';
import { pdfText } from '../support/pdf-text';

// The progress report as a tagged, accessible PDF: language, title shown, headings, reading order, footers as artifacts.
const report: ProgressReport = {
  title: 'Casus Groningen 2015',
  municipality: 'Gemeente Groningen',
  investigationStatus: 'FOLLOW_UP',
  publicationDate: '2026-01-05',
  trajectoryEndDate: '2027-01-05',
  today: '2026-12-01',
  generatedAt: new Date('2026-12-01T10:00:00Z'),
  plans: [
    {
      organisationName: 'Jeugdhulp Groningen',
      planStatus: 'ACCEPTED',
      planDueDate: '2026-02-16',
      planOriginalDueDate: '2026-02-16',
      planOverdue: false,
      measuresTotal: 2,
      measuresCompleted: 0,
      measuresCancelled: 0,
      measuresLate: 2,
      auditStatus: 'DRAFT',
      auditDueDate: '2026-12-15',
      auditOverdue: false,
      grades: {},
    },
    {
      organisationName: 'WIJ-team Groningen Oost',
      planStatus: 'ACCEPTED',
      planDueDate: '2026-02-16',
      planOriginalDueDate: '2026-02-10',
      planOverdue: false,
      measuresTotal: 1,
      measuresCompleted: 1,
      measuresCancelled: 0,
      measuresLate: 0,
      auditStatus: null,
      auditDueDate: null,
      auditOverdue: false,
      grades: {},
    },
  ] as ProgressReport['plans'],
  points: [{ position: 1, text: 'Zorg voor één regisseur per gezin.', grades: [] }],
  evidence: [],
};

describe('tagged progress report PDF', () => {
  it.each([
    ['nl', 'nl-NL', 'Voortgangsrapportage: Casus Groningen 2015'],
    ['en', 'en-GB', 'Progress report: Casus Groningen 2015'],
  ] as const)('has language, title, headings in reading order and untagged footers only (%s)', async (locale, lang, title) => {
    const pdf = await renderProgressPdf(report, locale);
    const s = await pdfStructure(pdf);
    expect(s.marked).toBe(true);
    expect(s.language).toBe(lang);
    expect(s.title).toBe(title);
    expect(pdf.toString('latin1')).toMatch(/\/DisplayDocTitle true/);

    const roles = s.pages.flatMap((p) => rolesInOrder(p));
    // One document; the title as H1 before any H2; a section with an H3 per organisation and per point.
    expect(roles[0]).toBe('Document');
    expect(roles.filter((r) => r === 'H1')).toHaveLength(1);
    expect(roles.indexOf('H1')).toBeLessThan(roles.indexOf('H2'));
    expect(roles.filter((r) => r === 'H2')).toHaveLength(3); // plans, points, evidence
    expect(roles.filter((r) => r === 'Sect')).toHaveLength(report.plans.length + report.points.length);
    expect(roles.filter((r) => r === 'H3')).toHaveLength(report.plans.length + report.points.length);
    expect(roles.filter((r) => r === 'P').length).toBeGreaterThan(10);
    // Each Sect starts with its heading (reading order).
    for (let i = 0; i < roles.length; i++) if (roles[i] === 'Sect') expect(roles[i + 1]).toBe('H3');

    // All text is tagged except the page footer, which is an artifact.
    expect(s.untagged.join(' ')).toMatch(locale === 'nl' ? /Gegenereerd op .* pagina 1 van/ : /Generated on .* page 1 of/);
    expect(s.untagged.join(' ')).not.toContain('Jeugdhulp Groningen');
    // The text is still all there.
    const text = await pdfText(pdf);
    expect(text).toContain('Jeugdhulp Groningen');
    expect(text).toContain('Casus Groningen 2015');
  });
});
