import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditsService } from '@opvolging/audits';
import { Database } from '@opvolging/database';
import { investigationScope } from '@opvolging/identity';
import { InvestigationsService, ReportContentService } from '@opvolging/investigations';
import { MeasuresService, PlansService } from '@opvolging/plans';
import { Actor, DomainError, Role, requireRole } from '@opvolging/shared';
import { HistoryEntry } from './history.entity';

export const MAX_HISTORY_PAGE = 200;

/**
 * A draft is the organisation's own (as everywhere else): others do not see changes to measures
 * that no submitted version has included yet (before acceptance), nor changes to an internal audit
 * or its results that were not followed by a submission. Ordered by history id, not by clocks.
 */
const NO_DRAFT_CONTENT = `NOT (
  (h.entity_type IN ('measure', 'measure_point')
     AND NOT EXISTS (
       SELECT 1 FROM history s
        WHERE s.entity_type = 'improvement_plan'
          AND s.entity_id = coalesce((coalesce(h.after, h.before) ->> 'plan_id')::uuid, (SELECT m.plan_id FROM measures m WHERE m.id = h.entity_id))
          AND ((s.after ->> 'status' = 'SUBMITTED' AND s.id > h.id) OR (s.after ->> 'status' = 'ACCEPTED' AND s.id < h.id))))
  OR (h.entity_type = 'internal_audit_result' OR (h.entity_type = 'internal_audit' AND coalesce(h.after, h.before) ->> 'status' IN ('DRAFT', 'REVISION_REQUESTED')))
     AND NOT EXISTS (
       SELECT 1 FROM history s
        WHERE s.entity_type = 'internal_audit' AND s.entity_id = coalesce((coalesce(h.after, h.before) ->> 'audit_id')::uuid, h.entity_id)
          AND s.after ->> 'status' = 'SUBMITTED' AND s.id > h.id))`;

export interface HistoryPage {
  entries: HistoryEntry[];
  /** Pass as `after` for the next page; null on the last one. */
  nextCursor: string | null;
}

/**
 * Reading the append-only history. An entity's history is readable by whoever may see the entity
 * now (through the same scoped services as everything else); an investigation's full timeline by
 * its inspectors. Every read is recorded in history_access, in the same transaction.
 */
@Injectable()
export class HistoryService {
  constructor(
    private readonly db: Database,
    private readonly investigations: InvestigationsService,
    private readonly content: ReportContentService,
    private readonly plans: PlansService,
    private readonly measures: MeasuresService,
    private readonly audits: AuditsService,
  ) {}

  async ofEntity(actor: Actor, entityId: string, page: { first?: number; after?: string }): Promise<HistoryPage> {
    const type = await this.db.transaction(null, async ({ em }) => {
      const [row] = await em.query(`SELECT entity_type FROM history WHERE entity_id = $1 ORDER BY id LIMIT 1`, [entityId]);
      return row?.entity_type as string | undefined;
    });
    if (!type || !(await this.maySee(actor, type, entityId))) throw DomainError.notFound('History of', entityId);
    return this.read(actor, 'ENTITY', entityId, (qb) => qb.where('h.entity_id = :entityId', { entityId }), page);
  }

  /** Everything that happened in an investigation, for the inspectors on it. */
  async timeline(actor: Actor, investigationId: string, page: { first?: number; after?: string }): Promise<HistoryPage> {
    requireRole(actor, [Role.INSPECTOR], "read an investigation's full timeline");
    await this.investigations.get(actor, investigationId); // NOT_FOUND when out of scope
    return this.read(actor, 'INVESTIGATION', investigationId, (qb) => qb.where('h.investigation_id = :investigationId', { investigationId }), page);
  }

  private async read(
    actor: Actor,
    scope: 'ENTITY' | 'INVESTIGATION',
    subjectId: string,
    filter: (qb: ReturnType<EntityManager['createQueryBuilder']>) => ReturnType<EntityManager['createQueryBuilder']>,
    page: { first?: number; after?: string },
  ): Promise<HistoryPage> {
    const first = page.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > MAX_HISTORY_PAGE) {
      throw DomainError.badInput(`"first" must be between 1 and ${MAX_HISTORY_PAGE}.`, [{ path: 'first', message: `between 1 and ${MAX_HISTORY_PAGE}` }]);
    }
    if (page.after !== undefined && !/^\d{1,18}$/.test(page.after)) throw DomainError.badInput('The cursor in "after" is not one this API gave out.', [{ path: 'after', message: 'unknown cursor' }]);
    return this.db.transaction(actor, async ({ em }) => {
      const qb = filter(em.getRepository(HistoryEntry).createQueryBuilder('h'));
      if (actor.role !== Role.INSPECTOR && actor.role !== Role.ADMIN && scope === 'INVESTIGATION') qb.andWhere('FALSE');
      if (page.after) qb.andWhere('h.id > :after', { after: page.after });
      if (actor.role !== Role.ORGANISATION_MEMBER) qb.andWhere(NO_DRAFT_CONTENT);
      const rows = (await qb.orderBy('h.id', 'ASC').limit(first + 1).getMany()) as HistoryEntry[];
      const entries = rows.slice(0, first);
      await em.query(`INSERT INTO history_access (user_id, scope, subject_id, rows_returned) VALUES ($1, $2, $3, $4)`, [actor.userId, scope, subjectId, entries.length]);
      return { entries, nextCursor: rows.length > first ? entries[entries.length - 1].id : null };
    });
  }

  /** Whether the actor may see the entity now, asked of the scoped services that serve it. */
  private async maySee(actor: Actor, type: string, id: string): Promise<boolean> {
    const one = async <T>(rows: Promise<T[]>) => (await rows).length > 0;
    switch (type) {
      case 'user':
        return actor.role === Role.ADMIN || actor.userId === id;
      case 'organisation':
        return actor.role === Role.ADMIN;
      case 'investigation':
        return one(this.investigations.byIds(actor, [id]));
      case 'finding':
        return one(this.content.findingsByIds(actor, [id]));
      case 'improvement_point':
        return one(this.content.pointsByIds(actor, [id]));
      case 'improvement_plan':
        return one(this.plans.byIds(actor, [id]));
      case 'measure':
        return one(this.measures.byIds(actor, [id]));
      case 'internal_audit':
        return one(this.audits.byIds(actor, [id]));
      default:
        // Rows of other tables (versions, assessments, grades, requests) are read through their parent or the timeline.
        return this.db.transaction(actor, async ({ em }) => {
          const scope = investigationScope(actor, 'i');
          const [row] = await em.query(`SELECT investigation_id FROM history WHERE entity_id = $1 AND investigation_id IS NOT NULL LIMIT 1`, [id]);
          if (!row || actor.role === Role.ORGANISATION_MEMBER) return false;
          return em.createQueryBuilder().select('1').from('investigations', 'i').where('i.id = :inv', { inv: row.investigation_id }).andWhere(scope.sql, scope.params).getExists();
        });
    }
  }
}

