import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { Locale, Localized, yesNo } from './labels';

export type CellType = 'text' | 'number' | 'date' | 'boolean';
export type Cell = string | number | boolean | null;

/** A column of a list export: its header in both languages, the kind of value, the width in characters. */
export interface Column<R> {
  header: Localized;
  type: CellType;
  width?: number;
  value: (row: R) => Cell;
}

/** One list, rendered to CSV or XLSX from the same cells. Dates are `YYYY-MM-DD` strings. */
export interface Table {
  sheetName: string;
  columns: Array<{ header: string; type: CellType; width: number }>;
  rows: Cell[][];
}

export function table<R>(sheetName: string, columns: Array<Column<R>>, rows: R[], locale: Locale): Table {
  return {
    sheetName,
    columns: columns.map((c) => ({ header: c.header[locale], type: c.type, width: c.width ?? Math.max(12, c.header[locale].length + 2) })),
    rows: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

/**
 * CSV/formula injection (OWASP): a spreadsheet program evaluates a text cell that starts with
 * = + - @ (or a tab or carriage return before one), e.g. `=HYPERLINK(...)` typed into a measure.
 * Such text gets a leading single quote, which makes it plain text. Numbers are written as numbers
 * and never prefixed.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(value: Cell, type: CellType, locale: Locale): string | number {
  if (value === null || value === undefined) return '';
  if (type === 'boolean' || typeof value === 'boolean') return yesNo(Boolean(value), locale);
  if (typeof value === 'number') return value;
  return neutralise(String(value));
}

/**
 * UTF-8 with a byte-order mark (so Excel reads é and ë correctly), semicolon-separated: Excel with
 * Dutch regional settings expects ';' as the list separator (',' is the decimal comma there) and
 * opens such a file straight into columns; other programs detect it. Quoting per RFC 4180 (fields
 * with ; " or a line break in double quotes, quotes doubled), CRLF line ends.
 */
export function renderCsv(t: Table, locale: Locale): Buffer {
  const records = [
    t.columns.map((c) => neutralise(c.header)),
    ...t.rows.map((row) => row.map((v, i) => csvCell(v, t.columns[i].type, locale))),
  ];
  const text = stringify(records, { delimiter: ';', bom: true, record_delimiter: 'windows', quote: '"', escape: '"' });
  return Buffer.from(text, 'utf8');
}

/** A date-only string as the Date exceljs writes as that calendar day (it converts in UTC). */
function excelDate(value: string): Date {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

/** One sheet: bold header row that stays in view, real dates and numbers, column widths, an autofilter. */
export async function renderXlsx(t: Table, locale: Locale, created: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Opvolging';
  workbook.created = created;
  const sheet = workbook.addWorksheet(t.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = t.columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style: c.type === 'date' ? { numFmt: 'dd-mm-yyyy' } : c.type === 'number' ? { numFmt: '0' } : {},
  }));
  const header = sheet.addRow(t.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  for (const row of t.rows) {
    sheet.addRow(
      row.map((value, i) => {
        if (value === null || value === undefined || value === '') return null;
        switch (t.columns[i].type) {
          case 'date':
            return excelDate(String(value));
          case 'number':
            return Number(value);
          case 'boolean':
            return yesNo(Boolean(value), locale);
          default:
            // A string cell is never evaluated as a formula (exceljs writes formulas only from { formula }).
            return String(value);
        }
      }),
    );
  }
  if (t.columns.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
