import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database, decodeCursor, encodeCursor } from '@opvolging/database';
import { investigationScope } from '@opvolging/access';
import { recordHistoryRead } from '@opvolging/history';
import { Actor, Clock, DomainError, Role, requireRole, Theme } from '@opvolging/shared';
import { ActionNeeded, ChangesSince, InvestigationHead, MonthPoint, PlanProgressRow, PortfolioFilter, ThemeCount } from './overview.types';
import { overviewRepository } from './overviews.repository';

export * from './overview.types';

const GRADES = ['FULLY', 'MOSTLY', 'PARTLY', 'NOT_IMPLEMENTED', 'NO_LONGER_RELEVANT'];

@Injectable()
export class OverviewsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Reviewers see their own municipality; inspectors name one (and see their investigations in it). */
  private municipalityOf(actor: Actor, municipalityId?: string): string {
    requireRole(actor, [Role.MUNICIPALITY_REVIEWER, Role.INSPECTOR], 'read municipality overviews');
    if (actor.role === Role.MUNICIPALITY_REVIEWER && municipalityId && municipalityId !== actor.organisationId)
      throw DomainError.notFound('Municipality overview', municipalityId);
    const id = actor.role === Role.MUNICIPALITY_REVIEWER ? actor.organisationId : municipalityId;
    if (!id) throw DomainError.badInput('Name the municipality.', [{ path: 'municipalityId', message: 'required for inspectors' }]);
    return id;
  }

  /** Per investigation and organisation in a municipality: plans, measures, audits, grades. */
  async municipality(actor: Actor, municipalityId?: string): Promise<{ municipalityId: string; rows: PlanProgressRow[] }> {
    const id = this.municipalityOf(actor, municipalityId);
    const rows = await this.db.read(actor, ({ em }) => this.municipalityRows(em, actor, id));
    return { municipalityId: id, rows };
  }

  /** The municipality overview as a reviewer opens it: the figures and what changed since the last visit, in one transaction. */
  async municipalityWithChanges(
    actor: Actor,
    municipalityId?: string,
  ): Promise<{ municipalityId: string; rows: PlanProgressRow[]; changes: ChangesSince }> {
    const id = this.municipalityOf(actor, municipalityId);
    return this.db.transaction(actor, async ({ em }) => {
      const rows = await this.municipalityRows(em, actor, id);
      const changes = await this.changesIn(em, actor, id, [...new Set(rows.map((r) => r.investigationId))]);
      return { municipalityId: id, rows, changes };
    });
  }

  private municipalityRows(em: EntityManager, actor: Actor, municipalityId: string): Promise<PlanProgressRow[]> {
    const scope = investigationScope(actor, 'i');
    return overviewRepository.municipalityPlans(em, scope, municipalityId, this.clock.today());
  }

  /**
   * Everything an inspectorate follows: a page of investigations (newest publication first) that
   * match the filters, with the per-plan figures of each. Filters apply to the investigation.
   */
  async portfolio(
    actor: Actor,
    filter: PortfolioFilter,
    page: { first?: number; after?: string },
  ): Promise<{ rows: PlanProgressRow[]; investigations: InvestigationHead[]; nextCursor: string | null }> {
    requireRole(actor, [Role.INSPECTOR], "read the inspectorate's portfolio");
    const first = page.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 200)
      throw DomainError.badInput('"first" must be between 1 and 200.', [{ path: 'first', message: 'between 1 and 200' }]);
    const cursor = page.after ? decodeCursor<[string, string]>(page.after, (pair) => /^[0-9a-f-]{36}$/.test(String(pair[1]))) : null;
    const scope = investigationScope(actor, 'i');
    return this.db.read(actor, async ({ em }) => {
      const investigations = await overviewRepository.portfolioInvestigations(em, scope, filter, cursor, this.clock.today(), first + 1);
      const pageRows = investigations.slice(0, first);
      const ids = pageRows.map((r) => r.id);
      const rows = ids.length ? await overviewRepository.plansOfInvestigations(em, ids, this.clock.today()) : [];
      const last = pageRows[pageRows.length - 1];
      return {
        rows,
        investigations: pageRows,
        nextCursor: investigations.length > first ? encodeCursor(last.sort, last.id) : null,
      };
    });
  }

  /** An organisation member's own plans across investigations (their drafts included). */
  async organisation(actor: Actor): Promise<PlanProgressRow[]> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'read your organisation overview');
    return this.db.read(actor, ({ em }) => overviewRepository.organisationPlans(em, actor.organisationId, this.clock.today()));
  }

  /**
   * One investigation's plans, as the actor may see it (the progress report): inspectors and the
   * municipality every plan, an organisation member only its own (drafts included).
   */
  async investigation(actor: Actor, investigationId: string): Promise<PlanProgressRow[]> {
    if (actor.role === Role.ADMIN) throw DomainError.forbidden('Administrators do not see case data.');
    const scope = investigationScope(actor, 'i');
    const member = actor.role === Role.ORGANISATION_MEMBER;
    return this.db.read(actor, ({ em }) =>
      overviewRepository.investigationPlans(
        em,
        scope,
        investigationId,
        member ? { organisationId: actor.organisationId } : null,
        this.clock.today(),
      ),
    );
  }

  /** What needs an inspector's action now, oldest due first. */
  async actionsNeeded(actor: Actor, limit = 200): Promise<ActionNeeded[]> {
    requireRole(actor, [Role.INSPECTOR], 'see what needs an inspector');
    const scope = investigationScope(actor, 'i');
    return this.db.read(actor, ({ em }) => overviewRepository.actionsNeeded(em, scope, this.clock.today(), limit));
  }

  /**
   * Per theme, across every published investigation: how often it is found and addressed, over
   * which years, and how the points with that theme were graded. Counts only, no contents.
   */
  async themes(actor: Actor, range: { fromYear?: number; toYear?: number }): Promise<ThemeCount[]> {
    if (actor.role === Role.ADMIN) throw DomainError.forbidden('Administrators do not see case data.');
    const params = { from: range.fromYear ?? 1900, to: range.toYear ?? 9999 };
    const rows = await this.db.read(null, ({ em }) => overviewRepository.themes(em, params));
    return Object.values(Theme).map((theme) => {
      const f = rows.findings.find((r) => r.theme === theme);
      const p = rows.points.find((r) => r.theme === theme);
      const years = [f?.first, f?.last, p?.first, p?.last].filter((y): y is number => y != null);
      return {
        theme,
        investigations: rows.investigations.find((r) => r.theme === theme)?.n ?? 0,
        findings: f?.findings ?? 0,
        points: p?.points ?? 0,
        firstYear: years.length ? Math.min(...years) : null,
        lastYear: years.length ? Math.max(...years) : null,
        grades: Object.fromEntries(GRADES.map((g) => [g, rows.grades.find((r) => r.theme === theme && r.grade === g)?.n ?? 0])),
      };
    });
  }

  /** Month by month for a municipality: improvement points published so far, implemented, still open. */
  async monthlySeries(actor: Actor, municipalityId: string | undefined, months: number): Promise<MonthPoint[]> {
    const id = this.municipalityOf(actor, municipalityId);
    if (!Number.isInteger(months) || months < 1 || months > 120)
      throw DomainError.badInput('"months" must be between 1 and 120.', [{ path: 'months', message: 'between 1 and 120' }]);
    const scope = investigationScope(actor, 'i');
    return this.db.read(actor, ({ em }) =>
      overviewRepository
        .monthlySeries(em, scope, id, this.clock.today(), months)
        .then((rows) => rows.map((r) => ({ ...r, open: r.points - r.implemented - r.noLongerRelevant }))),
    );
  }

  /** Changes since the user last marked the overview as seen: plan, assessment, audit and verification events. */
  private async changesIn(em: EntityManager, actor: Actor, subjectId: string, investigationIds: string[]): Promise<ChangesSince> {
    const since = await overviewRepository.seenAt(em, actor.userId, subjectId);
    const types = [
      'investigation',
      'improvement_plan',
      'plan_assessment',
      'internal_audit',
      'internal_audit_judgement',
      'verification',
      'due_date_change',
    ];
    // Others do not see the organisation's unsubmitted audit edits (history's rule).
    const rows = await overviewRepository.changes(em, investigationIds, types, since, actor.role !== Role.ORGANISATION_MEMBER);
    const entries = rows.map(({ total: _total, ...entry }) => entry);
    await recordHistoryRead(em, { userId: actor.userId, scope: 'OVERVIEW', subjectId, rowsReturned: entries.length });
    return { since, count: rows[0]?.total ?? 0, entries };
  }

  /** Database time, like the history it is compared with. */
  async markSeen(actor: Actor, subjectId: string): Promise<Date> {
    return this.db.transaction(actor, ({ em }) => overviewRepository.markSeen(em, actor.userId, subjectId));
  }
}
