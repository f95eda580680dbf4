import { EntityTarget, ObjectLiteral } from 'typeorm';
import { Actor, group } from '@opvolging/shared';
import { rawAndEntities } from './entity-rows';
import { Database } from './transaction';

export interface BatchRead<E extends ObjectLiteral, V> {
  entity: EntityTarget<E>;
  alias: string;
  /** The column matched against the ids (`alias.column IN (…)`). */
  column: string;
  /** The id each row is grouped under. */
  key: (row: E) => string;
  /** The actor's scope as SQL on `alias` (from @opvolging/access); rows outside it are not there. */
  scope?: { sql: string; params: Record<string, unknown> };
  orderBy?: string[];
  /** What is kept of each row; the row itself when left out. */
  value?: (row: E) => V;
}

/**
 * The read behind a DataLoader: the rows of many parents in one scoped query, grouped by parent
 * id. One definition, so every batch read applies its scope and order the same way.
 */
export async function batchRead<E extends ObjectLiteral, V = E>(
  db: Database,
  actor: Actor | null,
  ids: readonly string[],
  read: BatchRead<E, V>,
): Promise<Map<string, V[]>> {
  if (!ids.length) return new Map();
  const rows = await db.read(actor, async ({ em }) => {
    const qb = em.getRepository(read.entity).createQueryBuilder(read.alias).where(`${read.alias}.${read.column} IN (:...ids)`, { ids });
    if (read.scope) qb.andWhere(read.scope.sql, read.scope.params);
    (read.orderBy ?? []).forEach((order, i) => (i ? qb.addOrderBy(order) : qb.orderBy(order)));
    return (await rawAndEntities(em, qb)).entities;
  });
  return group(rows, read.key, read.value ?? ((row) => row as unknown as V));
}
