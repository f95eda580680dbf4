import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor, DomainError } from '@opvolging/shared';
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
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Counted only when a client asks for it (a getter: GraphQL reads it only when selected). */
  readonly totalCount: Promise<number>;
}

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((p) => typeof p === 'string')) return parsed as [string, string];
  } catch {
    // fall through to the error below
  }
  throw DomainError.badInput('The cursor in "after" is not one this API gave out.', [{ path: 'after', message: 'unknown cursor' }]);
}

/**
 * Keyset pagination: `ORDER BY sort, id` and `WHERE (sort, id) > (cursor)`, so a page costs the same
 * wherever it is in the list and rows added meanwhile do not shift it. `build` makes the filtered
 * query; it runs once for the page and, only if asked for, once more for the total.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  db: Database,
  actor: Actor,
  build: (em: EntityManager) => SelectQueryBuilder<T>,
  idExpression: string,
  sort: SortSpec,
  args: PageArgs,
): Promise<Page<T>> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw DomainError.badInput(`"first" must be between 1 and ${MAX_PAGE_SIZE}.`, [
      { path: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` },
    ]);
  }
  const cursor = args.after ? decodeCursor(args.after) : null;
  const op = sort.direction === 'ASC' ? '>' : '<';
  // No joins in paged queries (filters use EXISTS), so raw rows line up with entities.
  const { entities, raw } = await db.transaction(actor, ({ em }) => {
    const qb = build(em);
    if (cursor) {
      qb.andWhere(`(${sort.expression}, ${idExpression}) ${op} (CAST(:cursorValue AS ${sort.type}), CAST(:cursorId AS uuid))`, {
        cursorValue: cursor[0],
        cursorId: cursor[1],
      });
    }
    return qb
      .addSelect(`(${sort.expression})::text`, 'page_sort_key')
      .orderBy(sort.expression, sort.direction)
      .addOrderBy(idExpression, sort.direction)
      .limit(first + 1)
      .getRawAndEntities();
  });
  const nodes = entities.slice(0, first);
  const edges = nodes.map((node, index) => ({ cursor: encodeCursor(String((raw[index] as Record<string, unknown>).page_sort_key), node.id), node }));
  let total: Promise<number> | undefined;
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage: entities.length > first, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    get totalCount() {
      total ??= db.transaction(actor, ({ em }) => build(em).getCount());
      return total;
    },
  };
}
