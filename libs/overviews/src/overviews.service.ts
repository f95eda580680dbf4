import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Database } from '@opvolging/database';
import { investigationScope } from '@opvolging/identity';
import { overdueInInvestigationSql } from '@opvolging/investigations';
import { Actor, Clock, DomainError, Role, requireRole, Theme } from '@opvolging/shared';

/** One organisation's plan in one investigation, as counted for an overview. */
export interface PlanProgressRow {
  investigationId: string;
  investigationTitle: string;
  investigationStatus: string;
  publicationDate: string | null;
  trajectoryEndDate: string | null;
  municipalityId: string;
  planId: string;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  organisationMunicipalityId: string | null;
  organisationVersion: number;
  planStatus: string;
  planDueDate: string;
  planOriginalDueDate: string;
  planOverdue: boolean;
  assessmentOverdue: boolean;
  measuresTotal: number;
  measuresCompleted: number;
  measuresCancelled: number;
  measuresLate: number;
  auditStatus: string | null;
  auditDueDate: string | null;
  auditOverdue: boolean;
  grades: Record<string, number>;
}

/** An investigation as the portfolio lists it, with or without plans. */
export interface InvestigationHead {
  investigationId: string;
  title: string;
  status: string;
  publicationDate: string | null;
  trajectoryEndDate: string | null;
}

export interface PortfolioFilter {
  municipalityId?: string;
  organisationKind?: string;
  status?: string;
  theme?: Theme;
  late?: boolean;
}

export interface ActionNeeded {
  kind: 'ASSESS_PLAN' | 'JUDGE_AUDIT' | 'VERIFY' | 'DECIDE_EXTENSION' | 'CONSIDER_ESCALATION' | 'DECIDE_CLOSURE';
  investigationId: string;
  investigationTitle: string;
  organisationName: string | null;
  subjectId: string;
  dueDate: string | null;
  reason: string;
}

export interface ThemeCount {
  theme: Theme;
  investigations: number;
  findings: number;
  points: number;
  firstYear: number | null;
  lastYear: number | null;
  grades: Record<string, number>;
}

export interface ChangesSince {
  since: Date | null;
  count: number;
  entries: Array<Record<string, unknown>>;
}

export interface MonthPoint {
  month: string;
  points: number;
  implemented: number;
  noLongerRelevant: number;
  open: number;
}

const GRADES = ['FULLY', 'MOSTLY', 'PARTLY', 'NOT_IMPLEMENTED', 'NO_LONGER_RELEVANT'];

/**
 * The plan-level figures every overview is built from: one row per plan, measures and grades
 * counted by GROUP BY in PostgreSQL. Measures of unsubmitted plans are not counted for anyone but
 * the organisation itself (no drafts for reviewers and inspectors).
 *
 * The counts are LATERAL subqueries per plan, so each is an index-only range scan of that plan's
 * measures (measures_plan_status_idx) and grades, whatever the row estimates under row-level
 * security say; the plans of the PERFORMANCE.md benchmark show the shape.
 */
const PLAN_PROGRESS_SQL = (where: string) => `
  SELECT i.id AS "investigationId", i.title AS "investigationTitle", i.status AS "investigationStatus",
         i.publication_date AS "publicationDate", i.trajectory_end_date AS "trajectoryEndDate", i.municipality_id AS "municipalityId",
         p.id AS "planId", p.organisation_id AS "organisationId", o.name AS "organisationName", o.kind AS "organisationKind",
         o.municipality_id AS "organisationMunicipalityId", o.version AS "organisationVersion", p.status AS "planStatus", p.due_date AS "planDueDate", p.original_due_date AS "planOriginalDueDate",
         (p.status IN ('DRAFT','REVISION_REQUESTED') AND p.due_date < :today) AS "planOverdue",
         (p.status = 'SUBMITTED' AND p.assessment_due_date < :today) AS "assessmentOverdue",
         m.total AS "measuresTotal", m.completed AS "measuresCompleted", m.cancelled AS "measuresCancelled", m.late AS "measuresLate",
         a.status AS "auditStatus", a.due_date AS "auditDueDate",
         coalesce(a.status IN ('DRAFT','REVISION_REQUESTED') AND a.due_date < :today, false) AS "auditOverdue",
         g.grades
    FROM improvement_plans p
    JOIN investigations i ON i.id = p.investigation_id
    JOIN organisations o ON o.id = p.organisation_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE m.status = 'COMPLETED')::int AS completed,
             count(*) FILTER (WHERE m.status = 'CANCELLED')::int AS cancelled,
             count(*) FILTER (WHERE m.status IN ('PLANNED','IN_PROGRESS') AND m.due_date < :today)::int AS late
        FROM measures m
       WHERE m.plan_id = p.id AND (p.status IN ('SUBMITTED','ACCEPTED','CLOSED') OR :seesDrafts)
    ) m
    LEFT JOIN verifications v ON v.plan_id = p.id
    CROSS JOIN LATERAL (
      -- "v.id IS NOT NULL" refers to the outer row only: a one-time filter, so unverified plans skip the grouping.
      SELECT coalesce(jsonb_object_agg(x.grade, x.n), '{}'::jsonb) AS grades
        FROM (SELECT vg.grade, count(*) AS n FROM verification_grades vg
               WHERE v.id IS NOT NULL AND vg.verification_id = v.id GROUP BY vg.grade) x
    ) g
    LEFT JOIN internal_audits a ON a.plan_id = p.id
   WHERE ${where}
   ORDER BY i.publication_date DESC NULLS LAST, i.id, o.name`;

@Injectable()
export class OverviewsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /** Runs SQL written with :named parameters through TypeORM's escaping. */
  private query<T>(em: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
    const [text, values] = em.connection.driver.escapeQueryWithParameters(sql, params, {});
    return em.query(text, values);
  }

  /** Reviewers see their own municipality; inspectors name one (and see their investigations in it). */
  private municipalityOf(actor: Actor, municipalityId?: string): string {
    requireRole(actor, [Role.MUNICIPALITY_REVIEWER, Role.INSPECTOR], 'read municipality overviews');
    if (actor.role === Role.MUNICIPALITY_REVIEWER && municipalityId && municipalityId !== actor.organisationId) throw DomainError.notFound('Municipality overview', municipalityId);
    const id = actor.role === Role.MUNICIPALITY_REVIEWER ? actor.organisationId : municipalityId;
    if (!id) throw DomainError.badInput('Name the municipality.', [{ path: 'municipalityId', message: 'required for inspectors' }]);
    return id;
  }

  /** Per investigation and organisation in a municipality: plans, measures, audits, grades. */
  async municipality(actor: Actor, municipalityId?: string): Promise<{ municipalityId: string; rows: PlanProgressRow[] }> {
    const id = this.municipalityOf(actor, municipalityId);
    const rows = await this.db.transaction(actor, ({ em }) => this.municipalityRows(em, actor, id));
    return { municipalityId: id, rows };
  }

  /** The municipality overview as a reviewer opens it: the figures and what changed since the last visit, in one transaction. */
  async municipalityWithChanges(actor: Actor, municipalityId?: string): Promise<{ municipalityId: string; rows: PlanProgressRow[]; changes: ChangesSince }> {
    const id = this.municipalityOf(actor, municipalityId);
    return this.db.transaction(actor, async ({ em }) => {
      const rows = await this.municipalityRows(em, actor, id);
      const changes = await this.changesIn(em, actor, id, [...new Set(rows.map((r) => r.investigationId))]);
      return { municipalityId: id, rows, changes };
    });
  }

  private municipalityRows(em: EntityManager, actor: Actor, municipalityId: string): Promise<PlanProgressRow[]> {
    const scope = investigationScope(actor, 'i');
    return this.query<PlanProgressRow>(em, PLAN_PROGRESS_SQL(`i.municipality_id = :municipalityId AND i.status <> 'DRAFT' AND ${scope.sql}`), {
      ...scope.params,
      municipalityId,
      today: this.clock.today(),
      seesDrafts: false,
    });
  }

  /**
   * Everything an inspectorate follows: a page of investigations (newest publication first) that
   * match the filters, with the per-plan figures of each. Filters apply to the investigation.
   */
  async portfolio(actor: Actor, filter: PortfolioFilter, page: { first?: number; after?: string }): Promise<{ rows: PlanProgressRow[]; investigations: InvestigationHead[]; nextCursor: string | null }> {
    requireRole(actor, [Role.INSPECTOR], "read the inspectorate's portfolio");
    const first = page.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > 200) throw DomainError.badInput('"first" must be between 1 and 200.', [{ path: 'first', message: 'between 1 and 200' }]);
    let cursor: [string, string] | null = null;
    if (page.after) {
      try {
        cursor = JSON.parse(Buffer.from(page.after, 'base64url').toString('utf8'));
        if (!Array.isArray(cursor) || cursor.length !== 2 || !/^[0-9a-f-]{36}$/.test(String(cursor[1]))) throw new Error('bad');
      } catch {
        throw DomainError.badInput('The cursor in "after" is not one this API gave out.', [{ path: 'after', message: 'unknown cursor' }]);
      }
    }
    const scope = investigationScope(actor, 'i');
    const where = [scope.sql];
    if (filter.municipalityId) where.push('i.municipality_id = :municipalityId');
    if (filter.status) where.push('i.status = :status');
    if (filter.organisationKind) where.push('EXISTS (SELECT 1 FROM investigation_organisations fio JOIN organisations fo ON fo.id = fio.organisation_id WHERE fio.investigation_id = i.id AND fo.kind = :kind)');
    if (filter.theme) {
      where.push(`EXISTS (SELECT 1 FROM (SELECT ff.themes FROM findings ff WHERE ff.investigation_id = i.id
                                          UNION ALL SELECT fp.themes FROM improvement_points fp WHERE fp.investigation_id = i.id) t
                          WHERE t.themes @> ARRAY[CAST(:theme AS text)])`);
    }
    if (filter.late !== undefined) where.push(`${filter.late ? '' : 'NOT '}${overdueInInvestigationSql('i')}`);
    if (cursor) where.push(`(coalesce(i.publication_date, DATE '9999-12-31'), i.id) < (CAST(:cursorDate AS date), CAST(:cursorId AS uuid))`);
    const params = { ...scope.params, municipalityId: filter.municipalityId, status: filter.status, kind: filter.organisationKind, theme: filter.theme, today: this.clock.today(), cursorDate: cursor?.[0], cursorId: cursor?.[1] };
    return this.db.transaction(actor, async ({ em }) => {
      const investigations = await this.query<InvestigationHead & { id: string; sort: string }>(
        em,
        `SELECT i.id, i.id AS "investigationId", i.title, i.status, i.publication_date AS "publicationDate", i.trajectory_end_date AS "trajectoryEndDate",
                coalesce(i.publication_date, DATE '9999-12-31')::text AS sort
           FROM investigations i WHERE ${where.join(' AND ')}
          ORDER BY coalesce(i.publication_date, DATE '9999-12-31') DESC, i.id DESC LIMIT :limit`,
        { ...params, limit: first + 1 },
      );
      const pageRows = investigations.slice(0, first);
      const ids = pageRows.map((r) => r.id);
      const rows = ids.length ? await this.query<PlanProgressRow>(em, PLAN_PROGRESS_SQL('i.id = ANY(:ids)'), { ids, today: this.clock.today(), seesDrafts: false }) : [];
      const last = pageRows[pageRows.length - 1];
      return { rows, investigations: pageRows, nextCursor: investigations.length > first ? Buffer.from(JSON.stringify([last.sort, last.id])).toString('base64url') : null };
    });
  }

  /** An organisation member's own plans across investigations (their drafts included). */
  async organisation(actor: Actor): Promise<PlanProgressRow[]> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'read your organisation overview');
    return this.db.transaction(actor, ({ em }) =>
      this.query<PlanProgressRow>(em, PLAN_PROGRESS_SQL(`p.organisation_id = :org AND i.status <> 'DRAFT'`), { org: actor.organisationId, today: this.clock.today(), seesDrafts: true }),
    );
  }

  /**
   * One investigation's plans, as the actor may see it (the progress report): inspectors and the
   * municipality every plan, an organisation member only its own (drafts included).
   */
  async investigation(actor: Actor, investigationId: string): Promise<PlanProgressRow[]> {
    if (actor.role === Role.ADMIN) throw DomainError.forbidden('Administrators do not see case data.');
    const scope = investigationScope(actor, 'i');
    const member = actor.role === Role.ORGANISATION_MEMBER;
    return this.db.transaction(actor, ({ em }) =>
      this.query<PlanProgressRow>(em, PLAN_PROGRESS_SQL(`i.id = :investigationId AND ${scope.sql}${member ? ' AND p.organisation_id = :org' : ''}`), {
        ...scope.params,
        investigationId,
        org: actor.organisationId,
        today: this.clock.today(),
        seesDrafts: member,
      }),
    );
  }

  /** What needs an inspector's action now, oldest due first. */
  async actionsNeeded(actor: Actor, limit = 200): Promise<ActionNeeded[]> {
    requireRole(actor, [Role.INSPECTOR], 'see what needs an inspector');
    const scope = investigationScope(actor, 'i');
    return this.db.transaction(actor, ({ em }) =>
      this.query<ActionNeeded>(
        em,
        `SELECT * FROM (
           SELECT 'ASSESS_PLAN' AS kind, i.id AS "investigationId", i.title AS "investigationTitle", o.name AS "organisationName", p.id AS "subjectId",
                  p.assessment_due_date AS "dueDate", 'plan submitted, waiting for assessment' AS reason
             FROM improvement_plans p JOIN investigations i ON i.id = p.investigation_id JOIN organisations o ON o.id = p.organisation_id
            WHERE p.status = 'SUBMITTED' AND ${scope.sql}
           UNION ALL
           SELECT 'JUDGE_AUDIT', i.id, i.title, o.name, a.id, (a.submitted_at AT TIME ZONE 'Europe/Amsterdam')::date, 'internal audit submitted, waiting for judgement'
             FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id JOIN investigations i ON i.id = p.investigation_id JOIN organisations o ON o.id = p.organisation_id
            WHERE a.status = 'SUBMITTED' AND ${scope.sql}
           UNION ALL
           SELECT 'VERIFY', i.id, i.title, o.name, p.id, NULL::date, 'audit judged sufficient, verification pending'
             FROM improvement_plans p JOIN internal_audits a ON a.plan_id = p.id JOIN investigations i ON i.id = p.investigation_id JOIN organisations o ON o.id = p.organisation_id
            WHERE p.status = 'ACCEPTED' AND a.status = 'JUDGED' AND ${scope.sql}
           UNION ALL
           SELECT 'DECIDE_EXTENSION', i.id, i.title, o.name, r.id, r.current_due_date, 'extension requested until ' || r.requested_due_date
             FROM extension_requests r JOIN investigations i ON i.id = r.investigation_id JOIN organisations o ON o.id = r.organisation_id
            WHERE r.status = 'PENDING' AND ${scope.sql}
           UNION ALL
           SELECT 'CONSIDER_ESCALATION', i.id, i.title, o.name, p.id, p.due_date, 'plan ' || (:today::date - p.due_date) || ' days late'
             FROM improvement_plans p JOIN investigations i ON i.id = p.investigation_id JOIN organisations o ON o.id = p.organisation_id
            WHERE p.status IN ('DRAFT','REVISION_REQUESTED') AND p.due_date <= :today::date - 28 AND ${scope.sql}
           UNION ALL
           SELECT 'CONSIDER_ESCALATION', i.id, i.title, o.name, a.id, a.due_date, 'internal audit ' || (:today::date - a.due_date) || ' days late'
             FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id JOIN investigations i ON i.id = p.investigation_id JOIN organisations o ON o.id = p.organisation_id
            WHERE a.status IN ('DRAFT','REVISION_REQUESTED') AND a.due_date < :today AND ${scope.sql}
           UNION ALL
           SELECT 'DECIDE_CLOSURE', i.id, i.title, NULL, i.id, i.trajectory_end_date,
                  CASE WHEN NOT EXISTS (SELECT 1 FROM improvement_plans cp WHERE cp.investigation_id = i.id AND cp.status <> 'CLOSED')
                       THEN 'every plan verified: the investigation can be closed' ELSE 'trajectory end passed' END
             FROM investigations i
            WHERE i.status = 'FOLLOW_UP' AND ${scope.sql}
              AND (i.trajectory_end_date < :today OR NOT EXISTS (SELECT 1 FROM improvement_plans cp WHERE cp.investigation_id = i.id AND cp.status <> 'CLOSED'))
         ) x ORDER BY "dueDate" NULLS LAST, kind LIMIT :limit`,
        { ...scope.params, today: this.clock.today(), limit },
      ),
    );
  }

  /**
   * Per theme, across every published investigation: how often it is found and addressed, over
   * which years, and how the points with that theme were graded. Counts only, no contents.
   */
  async themes(actor: Actor, range: { fromYear?: number; toYear?: number }): Promise<ThemeCount[]> {
    if (actor.role === Role.ADMIN) throw DomainError.forbidden('Administrators do not see case data.');
    const params = { from: range.fromYear ?? 1900, to: range.toYear ?? 9999 };
    const published = `i.status <> 'DRAFT' AND extract(year FROM i.publication_date) BETWEEN :from AND :to`;
    const rows = await this.db.transaction(null, async ({ em }) => ({
      findings: await this.query<{ theme: Theme; findings: number; investigations: number; first: number; last: number }>(
        em,
        `SELECT t.theme, count(*)::int AS findings, count(DISTINCT i.id)::int AS investigations,
                min(extract(year FROM i.publication_date))::int AS first, max(extract(year FROM i.publication_date))::int AS last
           FROM findings f JOIN investigations i ON i.id = f.investigation_id CROSS JOIN LATERAL unnest(f.themes) AS t(theme)
          WHERE ${published} GROUP BY t.theme`,
        params,
      ),
      points: await this.query<{ theme: Theme; points: number; investigations: number; first: number; last: number }>(
        em,
        `SELECT t.theme, count(*)::int AS points, count(DISTINCT i.id)::int AS investigations,
                min(extract(year FROM i.publication_date))::int AS first, max(extract(year FROM i.publication_date))::int AS last
           FROM improvement_points p JOIN investigations i ON i.id = p.investigation_id CROSS JOIN LATERAL unnest(p.themes) AS t(theme)
          WHERE ${published} GROUP BY t.theme`,
        params,
      ),
      investigations: await this.query<{ theme: Theme; n: number }>(
        em,
        `SELECT t.theme, count(DISTINCT x.investigation_id)::int AS n
           FROM (SELECT f.investigation_id, f.themes FROM findings f UNION ALL SELECT p.investigation_id, p.themes FROM improvement_points p) x
           JOIN investigations i ON i.id = x.investigation_id CROSS JOIN LATERAL unnest(x.themes) AS t(theme)
          WHERE ${published} GROUP BY t.theme`,
        params,
      ),
      grades: await this.query<{ theme: Theme; grade: string; n: number }>(
        em,
        `SELECT t.theme, vg.grade, count(*)::int AS n
           FROM verification_grades vg JOIN improvement_points p ON p.id = vg.point_id JOIN investigations i ON i.id = p.investigation_id
           CROSS JOIN LATERAL unnest(p.themes) AS t(theme)
          WHERE ${published} GROUP BY t.theme, vg.grade`,
        params,
      ),
    }));
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
    if (!Number.isInteger(months) || months < 1 || months > 120) throw DomainError.badInput('"months" must be between 1 and 120.', [{ path: 'months', message: 'between 1 and 120' }]);
    const scope = investigationScope(actor, 'i');
    return this.db.transaction(actor, ({ em }) =>
      this.query<MonthPoint>(
        em,
        `WITH months AS (
           SELECT (date_trunc('month', :today::date) - make_interval(months => n) + interval '1 month - 1 day')::date AS month_end
             FROM generate_series(0, :months - 1) AS n
         ), pts AS (
           SELECT pt.id, i.publication_date,
                  (SELECT min(v.verified_on) FROM verification_grades vg JOIN verifications v ON v.id = vg.verification_id
                    WHERE vg.point_id = pt.id AND vg.grade IN ('FULLY','MOSTLY')) AS implemented_on,
                  (SELECT min(v.verified_on) FROM verification_grades vg JOIN verifications v ON v.id = vg.verification_id
                    WHERE vg.point_id = pt.id AND vg.grade = 'NO_LONGER_RELEVANT') AS irrelevant_on
             FROM improvement_points pt JOIN investigations i ON i.id = pt.investigation_id
            WHERE i.municipality_id = :municipalityId AND i.status <> 'DRAFT' AND ${scope.sql}
         )
         SELECT to_char(m.month_end, 'YYYY-MM') AS month,
                count(p.id) FILTER (WHERE p.publication_date <= m.month_end)::int AS points,
                count(p.id) FILTER (WHERE p.implemented_on <= m.month_end)::int AS implemented,
                count(p.id) FILTER (WHERE p.irrelevant_on <= m.month_end AND (p.implemented_on IS NULL OR p.implemented_on > m.month_end))::int AS "noLongerRelevant"
           FROM months m LEFT JOIN pts p ON true
          GROUP BY m.month_end ORDER BY m.month_end`,
        { ...scope.params, municipalityId: id, today: this.clock.today(), months },
      ).then((rows) => rows.map((r) => ({ ...r, open: r.points - r.implemented - r.noLongerRelevant }))),
    );
  }

  /** Changes since the user last marked the overview as seen: plan, assessment, audit and verification events. */
  private async changesIn(em: EntityManager, actor: Actor, subjectId: string, investigationIds: string[]): Promise<ChangesSince> {
    const [visit] = await em.query(`SELECT seen_at FROM overview_visits WHERE user_id = $1 AND subject_id = $2`, [actor.userId, subjectId]);
    const since: Date | null = visit?.seen_at ?? null;
    const types = ['investigation', 'improvement_plan', 'plan_assessment', 'internal_audit', 'internal_audit_judgement', 'verification', 'due_date_change'];
    // Without a bookmark every change counts; with one, history_investigation_time_idx ranges from it.
    // The count of all matches comes with the latest 50 (a window over the rows before LIMIT).
    const rows: Array<Record<string, unknown> & { total: number }> = await em.query(
      `SELECT h.id, h.occurred_at AS "occurredAt", h.entity_type AS "entityType", h.entity_id AS "entityId", h.operation, h.changed_fields AS "changedFields",
              h.investigation_id AS "investigationId", h.organisation_id AS "organisationId", count(*) OVER ()::int AS total
         FROM history h
        WHERE h.investigation_id = ANY($1) AND h.entity_type = ANY($2)${since ? ' AND h.occurred_at > $3' : ''}
          AND (h.entity_type <> 'improvement_plan' OR h.operation = 'INSERT' OR h.changed_fields && ARRAY['status','due_date']::text[])
        ORDER BY h.id DESC LIMIT 50`,
      since ? [investigationIds, types, since] : [investigationIds, types],
    );
    const entries = rows.map(({ total: _total, ...entry }) => entry);
    await em.query(`INSERT INTO history_access (user_id, scope, subject_id, rows_returned) VALUES ($1, 'OVERVIEW', $2, $3)`, [actor.userId, subjectId, entries.length]);
    return { since, count: rows[0]?.total ?? 0, entries };
  }

  /** Database time, like the history it is compared with. */
  async markSeen(actor: Actor, subjectId: string): Promise<Date> {
    const [row] = await this.db.transaction(actor, ({ em }) =>
      em.query(
        `INSERT INTO overview_visits (user_id, subject_id, seen_at) VALUES ($1, $2, clock_timestamp())
         ON CONFLICT (user_id, subject_id) DO UPDATE SET seen_at = EXCLUDED.seen_at RETURNING seen_at`,
        [actor.userId, subjectId],
      ),
    );
    return row.seen_at;
  }
}
