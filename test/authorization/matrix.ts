import { readFileSync } from 'fs';
import { GraphQLResponse } from '../support/test-app';
import { MatrixRole, ROLES } from './fixtures';

/** Where the expected matrix lives; the test reads it, people read it too. */
export const MATRIX_FILE = `${__dirname}/matrix.md`;

/** The words a cell may hold besides an error code (see matrix.md). */
export const OUTCOMES = [
  'OK',
  'EMPTY',
  'FORBIDDEN',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'BAD_USER_INPUT',
  'INVALID_TRANSITION',
  'CONFLICT',
] as const;

export interface MatrixRow {
  /** As written in the first column, e.g. `history` or `history [draft internal audit]`. */
  label: string;
  /** The schema field the row is about. */
  operation: string;
  /** Per role: the accepted outcomes (usually one; `A / B` accepts either). */
  expected: Record<MatrixRole, string[]>;
  line: number;
}

/** The operation a row label names: the first word, before any `[variant]`. */
export const operationOf = (label: string) => label.split(/[\s[]/)[0];

/**
 * Reads the Markdown table: the header row must name exactly the roles (other columns, such as a
 * description of the target, are ignored); every other table row is one operation or variant.
 */
export function readMatrix(text = readFileSync(MATRIX_FILE, 'utf8')): { rows: MatrixRow[]; problems: string[] } {
  const problems: string[] = [];
  const rows: MatrixRow[] = [];
  let header: string[] | null = null;
  const cells = (line: string) =>
    line
      .trim()
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim());
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line.startsWith('|')) {
      if (header && line !== '') header = null; // a table ends at the first line that is not a row
      return;
    }
    const row = cells(line);
    if (!header) {
      if (!ROLES.every((r) => row.includes(r))) return; // not the matrix (e.g. the vocabulary table)
      header = row;
      return;
    }
    if (row.every((c) => /^:?-+:?$/.test(c))) return; // the separator line
    const label = row[0].replace(/`/g, '').trim();
    const expected = {} as Record<MatrixRole, string[]>;
    for (const role of ROLES) {
      const cell = (row[header.indexOf(role)] ?? '').replace(/[*`]/g, '').trim();
      const words = cell
        .split('/')
        .map((w) => w.trim().split(/\s/)[0])
        .filter(Boolean);
      if (!words.length) problems.push(`matrix.md line ${index + 1}: ${label} has no expectation for ${role}`);
      for (const w of words)
        if (!(OUTCOMES as readonly string[]).includes(w))
          problems.push(`matrix.md line ${index + 1}: ${label}, ${role}: unknown outcome "${w}"`);
      expected[role] = words;
    }
    rows.push({ label, operation: operationOf(label), expected, line: index + 1 });
  });
  if (!rows.length) problems.push('matrix.md holds no matrix (a table whose header names every role)');
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.label)) problems.push(`matrix.md line ${r.line}: ${r.label} appears twice`);
    seen.add(r.label);
  }
  return { rows, problems };
}

/**
 * The outcome of one cell: the error code (all distinct codes, joined, if there are several), else
 * EMPTY when the answer does not show the target, else OK.
 */
export function outcomeOf(res: GraphQLResponse, sees?: (data: any) => boolean): string {
  if (res.errors?.length) return [...new Set(res.errors.map((e) => e.extensions?.code ?? 'NO_CODE'))].join('+');
  if (sees && !sees(res.data)) return 'EMPTY';
  return 'OK';
}
