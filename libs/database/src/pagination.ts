import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '@opvolging/shared';

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
  /** Counted only when a client asks for it (GraphQL calls function-valued fields). */
  totalCount: () => Promise<number>;
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
 * wherever it is in the list and rows added meanwhile do not shift it.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<T>,
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
  const countQuery = qb.clone();
  const op = sort.direction === 'ASC' ? '>' : '<';
  if (args.after) {
    const [value, id] = decodeCursor(args.after);
    qb.andWhere(`(${sort.expression}, ${idExpression}) ${op} (CAST(:cursorValue AS ${sort.type}), CAST(:cursorId AS uuid))`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  qb.addSelect(`(${sort.expression})::text`, 'page_sort_key')
    .orderBy(sort.expression, sort.direction)
    .addOrderBy(idExpression, sort.direction)
    .limit(first + 1);
  // No joins in paged queries (filters use EXISTS), so raw rows line up with entities.
  const { entities, raw } = await qb.getRawAndEntities();
  const hasNextPage = entities.length > first;
  const nodes = entities.slice(0, first);
  const edges = nodes.map((node, index) => ({ cursor: encodeCursor(String((raw[index] as Record<string, unknown>).page_sort_key), node.id), node }));
  return {
    nodes,
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length ? edges[edges.length - 1].cursor : null },
    totalCount: () => countQuery.getCount(),
  };
}
