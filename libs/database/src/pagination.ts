import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor, DomainError } from '@opvolging/shared';
import { rawAndEntities } from './entity-rows';
import { Database } from './transaction';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** How a list is ordered: a non-null SQL expression, its SQL type (for the cursor), a direction. */
export interface SortSpec {
  expression: string;
  type: 'text' | 'date' | 'timestamptz' | 'integer';
  direction: 'ASC' | 'DESC';
}

export interface Page<T> {
  nodes: T[];
  /** Per `include`d column, its value for each node, in node order (see `paginate`). */
  included: Record<string, unknown[]>;
  /** Made when first read (a getter), as the cursors cost a JSON and base64 encoding per row. */
  readonly edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; readonly endCursor: string | null };
  /** Counted only when a client asks for it (a getter: GraphQL reads it only when selected). */
  readonly totalCount: Promise<number>;
}

/** A keyset cursor: the sort value and id of the last row, opaque to clients. */
export function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// PostgreSQL's text form of a timestamptz (DateStyle ISO), as the cursor carries it.
const TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2}) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:[0-5]\d){0,2}$/;

function isDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The cursor's sort value must cast to the sort's SQL type; checked here so a forged one is bad input, not a SQL error. */
const VALID_SORT_VALUE: Record<SortSpec['type'], (value: string) => boolean> = {
  text: (v) => !v.includes('\u0000'),
  date: isDate,
  timestamptz: (v) => {
    const m = TIMESTAMPTZ.exec(v);
    return m !== null && isDate(m[1]);
  },
  integer: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2 ** 31 - 1,
};

/** decodeCursor's check for a keyset page: the sort value casts to `type` and the id is a UUID. */
export function sortCursor(type: SortSpec['type']): (pair: unknown[]) => boolean {
  return (pair) => typeof pair[0] === 'string' && typeof pair[1] === 'string' && VALID_SORT_VALUE[type](pair[0]) && UUID.test(pair[1]);
}

/** The pair in a cursor if `valid` accepts it; otherwise BAD_USER_INPUT on `after`. */
export function decodeCursor<T extends [unknown, unknown] = [string, string]>(
  cursor: string,
  valid: (pair: unknown[]) => boolean = (pair) => pair.every((p) => typeof p === 'string'),
): T {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && valid(parsed)) return parsed as T;
  } catch {
    // fall through to the error below
  }
  throw DomainError.badInput('The cursor in "after" is not one this API gave out.', [{ path: 'after', message: 'unknown cursor' }]);
}

/** A column computed per row of a page in the page's own statement, e.g. the rows nested under it as JSON. */
export interface PageColumn {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * Keyset pagination: `ORDER BY sort, id` and `WHERE (sort, id) > (cursor)`, so a page costs the same
 * wherever it is in the list and rows added meanwhile do not shift it. `build` makes the filtered
 * query; it runs once for the page and, only if asked for, once more for the total. `include`
 * adds columns to the page's statement (not to the count), returned in `Page.included`.
 * `properties`, when given, are all that is read of each row (partial entities, for a caller that
 * knows what will be read of them; `id` among them).
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  db: Database,
  actor: Actor,
  build: (em: EntityManager) => SelectQueryBuilder<T>,
  idExpression: string,
  sort: SortSpec,
  args: PageArgs,
  include: Record<string, PageColumn> = {},
  properties?: ReadonlySet<string>,
): Promise<Page<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}.`, [
      { path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` },
    ]);
  }
  const cursor = args.after ? decodeCursor(args.after, sortCursor(sort.type)) : null;
  const op = sort.direction === 'ASC' ? '>' : '<';
  // No joins in paged queries (filters use EXISTS): one raw row per entity.
  const { entities, raw } = await db.read(actor, async ({ em }) => {
    const qb = build(em);
    if (properties) qb.select([...properties].map((property) => `${qb.alias}.${property}`));
    if (cursor) {
      qb.andWhere(`(${sort.expression}, ${idExpression}) ${op} (CAST(:cursorValue AS ${sort.type}), CAST(:cursorId AS uuid))`, {
        cursorValue: cursor[0],
        cursorId: cursor[1],
      });
    }
    for (const [name, column] of Object.entries(include)) qb.addSelect(column.sql, `page_include_${name}`).setParameters(column.params);
    qb.addSelect(`(${sort.expression})::text`, 'page_sort_key')
      .orderBy(sort.expression, sort.direction)
      .addOrderBy(idExpression, sort.direction)
      .limit(first + 1);
    return rawAndEntities(em, qb);
  });
  const nodes = entities.slice(0, first);
  const cursorAt = (index: number) => encodeCursor(String((raw[index] as Record<string, unknown>).page_sort_key), nodes[index].id);
  const included = Object.fromEntries(
    Object.keys(include).map((name) => [name, nodes.map((_, index) => (raw[index] as Record<string, unknown>)[`page_include_${name}`])]),
  );
  let edges: Page<T>['edges'] | undefined;
  let total: Promise<number> | undefined;
  return {
    nodes,
    included,
    // Cursors are made only when a client asks for them (getters: GraphQL reads them only when selected).
    get edges() {
      edges ??= nodes.map((node, index) => ({ cursor: cursorAt(index), node }));
      return edges;
    },
    pageInfo: {
      hasNextPage: entities.length > first,
      get endCursor() {
        return nodes.length ? cursorAt(nodes.length - 1) : null;
      },
    },
    get totalCount() {
      total ??= db.read(actor, ({ em }) => build(em).getCount());
      return total;
    },
  };
}
