import { Injectable } from '@nestjs/common';
import { AuditsService } from '@opvolging/audits';
import { EnforcementService } from '@opvolging/enforcement';
import { Database } from '@opvolging/database';
import { investigationScope } from '@opvolging/access';
import { InvestigationsService, ReportContentService } from '@opvolging/investigations';
import { MeasuresService, PlansService } from '@opvolging/plans';
import { Actor, DomainError, Role, requireRole } from '@opvolging/shared';
import { HistoryEntry } from './history.entity';
import { historyPageArgs } from './history-page';
import { HistoryFilter, historyRepository as rows } from './history.repository';

export { MAX_HISTORY_PAGE } from './history-page';
export { NO_DRAFT_CONTENT } from './history.repository';

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
    private readonly enforcement: EnforcementService,
  ) {}

  async ofEntity(actor: Actor, entityId: string, page: { first?: number; after?: string }): Promise<HistoryPage> {
    const type = await this.db.transaction(null, ({ em }) => rows.entityType(em, entityId));
    if (!type || !(await this.maySee(actor, type, entityId))) throw DomainError.notFound('History of', entityId);
    return this.read(actor, 'ENTITY', entityId, (qb) => qb.where('h.entity_id = :entityId', { entityId }), page);
  }

  /** Everything that happened in an investigation, for the inspectors on it. */
  async timeline(actor: Actor, investigationId: string, page: { first?: number; after?: string }): Promise<HistoryPage> {
    requireRole(actor, [Role.INSPECTOR], "read an investigation's full timeline");
    await this.investigations.get(actor, investigationId); // NOT_FOUND when out of scope
    return this.read(
      actor,
      'INVESTIGATION',
      investigationId,
      (qb) => qb.where('h.investigation_id = :investigationId', { investigationId }),
      page,
    );
  }

  private async read(
    actor: Actor,
    scope: 'ENTITY' | 'INVESTIGATION',
    subjectId: string,
    filter: HistoryFilter,
    page: { first?: number; after?: string },
  ): Promise<HistoryPage> {
    const { first, after } = historyPageArgs(page);
    return this.db.transaction(actor, async ({ em }) => {
      const found = await rows.page(em, filter, {
        first,
        after,
        // Only inspectors and administrators read whole timelines; drafts are their organisation's own.
        none: actor.role !== Role.INSPECTOR && actor.role !== Role.ADMIN && scope === 'INVESTIGATION',
        hideDrafts: actor.role !== Role.ORGANISATION_MEMBER,
      });
      const entries = found.slice(0, first).map((h) => (actor.role === Role.MUNICIPALITY_REVIEWER ? withoutEnforcementTexts(h) : h));
      await rows.recordAccess(em, { userId: actor.userId, scope, subjectId, rowsReturned: entries.length });
      return { entries, nextCursor: found.length > first ? entries[entries.length - 1].id : null };
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
      case 'enforcement_measure':
        return one(this.enforcement.byIds(actor, [id]));
      default:
        // Rows of other tables (versions, assessments, grades, requests) are read through their parent or the timeline.
        return this.db.transaction(actor, async ({ em }) => {
          const investigationId = await rows.investigationOf(em, id);
          if (!investigationId || actor.role === Role.ORGANISATION_MEMBER) return false;
          return rows.investigationVisible(em, investigationId, investigationScope(actor, 'i'));
        });
    }
  }
}

/** Municipality reviewers see that an enforcement step exists, its step and dates, not its texts. */
const ENFORCEMENT_TEXTS = ['rationale', 'requirements', 'outcome_note', 'report', 'review_note', 'note'];
function withoutEnforcementTexts(h: HistoryEntry): HistoryEntry {
  if (!h.entityType.startsWith('enforcement_')) return h;
  const strip = (row: Record<string, unknown> | null) =>
    row && Object.fromEntries(Object.entries(row).filter(([key]) => !ENFORCEMENT_TEXTS.includes(key)));
  return { ...h, before: strip(h.before), after: strip(h.after) } as HistoryEntry;
}
