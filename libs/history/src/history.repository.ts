import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { HistoryEntry } from './history.entity';

/**
 * A draft is the organisation's own (as everywhere else): others do not see changes to measures
 * that no submitted version has included yet (before acceptance), nor changes to an internal audit
 * or its results that were not followed by a submission. Ordered by history id, not by clocks.
 */
export const NO_DRAFT_CONTENT = `NOT (
  (h.entity_type IN ('measure', 'measure_point')
     AND NOT EXISTS (
       SELECT 1 FROM history s
        WHERE s.entity_type = 'improvement_plan'
          AND s.entity_id = coalesce((coalesce(h.after, h.before) ->> 'plan_id')::uuid, (SELECT m.plan_id FROM measures m WHERE m.id
          = h.entity_id))
          AND ((s.after ->> 'status' = 'SUBMITTED' AND s.id > h.id) OR (s.after ->> 'status' = 'ACCEPTED' AND s.id < h.id))))
  OR (h.entity_type = 'internal_audit_result' OR (h.entity_type = 'internal_audit' AND coalesce(h.after, h.before) ->> 'status' IN
  ('DRAFT', 'REVISION_REQUESTED')))
     AND NOT EXISTS (
       SELECT 1 FROM history s
        WHERE s.entity_type = 'internal_audit' AND s.entity_id = coalesce((coalesce(h.after, h.before) ->> 'audit_id')::uuid, h.entity_id)
          AND s.after ->> 'status' = 'SUBMITTED' AND s.id > h.id))`;

export type HistoryFilter = (qb: SelectQueryBuilder<HistoryEntry>) => SelectQueryBuilder<HistoryEntry>;

/** The SQL of this library: history is read here, and every read is recorded here. */
export const historyRepository = {
  async entityType(em: EntityManager, entityId: string): Promise<string | undefined> {
    const [row] = await em.query(`SELECT entity_type FROM history WHERE entity_id = $1 ORDER BY id LIMIT 1`, [entityId]);
    return row?.entity_type as string | undefined;
  },

  /** Up to `first + 1` entries after `after`, oldest first (one more tells whether a next page exists). */
  page(
    em: EntityManager,
    filter: HistoryFilter,
    options: { first: number; after?: string; none: boolean; hideDrafts: boolean },
  ): Promise<HistoryEntry[]> {
    const qb = filter(em.getRepository(HistoryEntry).createQueryBuilder('h'));
    if (options.none) qb.andWhere('FALSE');
    if (options.after) qb.andWhere('h.id > :after', { after: options.after });
    if (options.hideDrafts) qb.andWhere(NO_DRAFT_CONTENT);
    return qb
      .orderBy('h.id', 'ASC')
      .limit(options.first + 1)
      .getMany();
  },

  async recordAccess(em: EntityManager, read: { userId: string; scope: string; subjectId: string; rowsReturned: number }): Promise<void> {
    await em.query(`INSERT INTO history_access (user_id, scope, subject_id, rows_returned) VALUES ($1, $2, $3, $4)`, [
      read.userId,
      read.scope,
      read.subjectId,
      read.rowsReturned,
    ]);
  },

  async investigationOf(em: EntityManager, entityId: string): Promise<string | undefined> {
    const [row] = await em.query(`SELECT investigation_id FROM history WHERE entity_id = $1 AND investigation_id IS NOT NULL LIMIT 1`, [
      entityId,
    ]);
    return row?.investigation_id as string | undefined;
  },

  investigationVisible(em: EntityManager, investigationId: string, scope: { sql: string; params: Record<string, unknown> }) {
    return em
      .createQueryBuilder()
      .select('1')
      .from('investigations', 'i')
      .where('i.id = :inv', { inv: investigationId })
      .andWhere(scope.sql, scope.params)
      .getExists();
  },
};

/** Records a read of the history by a library above this one (an overview's changes), in the reader's transaction. */
export function recordHistoryRead(
  em: EntityManager,
  read: { userId: string; scope: string; subjectId: string; rowsReturned: number },
): Promise<void> {
  return historyRepository.recordAccess(em, read);
}
