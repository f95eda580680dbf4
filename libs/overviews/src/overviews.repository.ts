import { EntityManager } from 'typeorm';
import { PLAN_PER_CALL } from '@opvolging/database';
import { ScopeCondition } from '@opvolging/access';
import { NO_DRAFT_CONTENT } from '@opvolging/history';
import { overdueInInvestigationSql } from '@opvolging/investigations';
import { DeadlineKind, escalationDueSql } from '@opvolging/deadlines';
import { auditOpenSql, openSql, overdueSql, Theme } from '@opvolging/shared';
import { ActionNeeded, InvestigationHead, MonthPoint, PlanProgressRow, PortfolioFilter } from './overview.types';

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
         o.municipality_id AS "organisationMunicipalityId", o.version AS "organisationVersion", p.status AS "planStatus", p.due_date
         AS "planDueDate", p.original_due_date AS "planOriginalDueDate",
         ${overdueSql.plan('p')} AS "planOverdue",
         ${overdueSql.assessment('p')} AS "assessmentOverdue",
         m.total AS "measuresTotal", m.completed AS "measuresCompleted", m.cancelled AS "measuresCancelled", m.late AS "measuresLate",
         a.status AS "auditStatus", a.due_date AS "auditDueDate",
         coalesce(${overdueSql.audit('a', 'p')}, false) AS "auditOverdue", coalesce(${auditOpenSql('a', 'p')}, false) AS "auditOpen",
         g.grades, en.count AS "enforcementCount", en.type AS "enforcementType", en.status AS "enforcementStatus"
    FROM improvement_plans p
    JOIN investigations i ON i.id = p.investigation_id
    JOIN organisations o ON o.id = p.organisation_id
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE m.status = 'COMPLETED')::int AS completed,
             count(*) FILTER (WHERE m.status = 'CANCELLED')::int AS cancelled,
             count(*) FILTER (WHERE ${overdueSql.measure('m')})::int AS late
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
    CROSS JOIN LATERAL (
      SELECT count(*)::int AS count,
             (array_agg(e.type ORDER BY e.created_at DESC, e.id DESC))[1] AS type,
             (array_agg(e.status ORDER BY e.created_at DESC, e.id DESC))[1] AS status
        FROM enforcement_measures e WHERE e.investigation_id = p.investigation_id AND e.organisation_id = p.organisation_id
    ) en
   WHERE ${where}
   ORDER BY i.publication_date DESC NULLS LAST, i.id, o.name`;

/** Runs SQL written with :named parameters through TypeORM's escaping. */
function query<T>(em: EntityManager, sql: string, params: Record<string, unknown>): Promise<T[]> {
  const [text, values] = em.connection.driver.escapeQueryWithParameters(sql, params, {});
  return em.query(text, values);
}

/** Rows of the themes overview, per theme. */
export interface ThemeRows {
  findings: Array<{ theme: Theme; findings: number; investigations: number; first: number; last: number }>;
  points: Array<{ theme: Theme; points: number; investigations: number; first: number; last: number }>;
  investigations: Array<{ theme: Theme; n: number }>;
  grades: Array<{ theme: Theme; grade: string; n: number }>;
}

/** The SQL of the overviews: every figure is counted here, in PostgreSQL. */
export const overviewRepository = {
  /** The plans of the municipality's published investigations in the scope (no drafts counted). */
  municipalityPlans(em: EntityManager, scope: ScopeCondition, municipalityId: string, today: string): Promise<PlanProgressRow[]> {
    return query<PlanProgressRow>(em, PLAN_PROGRESS_SQL(`i.municipality_id = :municipalityId AND i.status <> 'DRAFT' AND ${scope.sql}`), {
      ...scope.params,
      municipalityId,
      today,
      seesDrafts: false,
    });
  },

  /** The plans of these investigations (no drafts counted). */
  plansOfInvestigations(em: EntityManager, ids: string[], today: string): Promise<PlanProgressRow[]> {
    return query<PlanProgressRow>(em, PLAN_PROGRESS_SQL('i.id = ANY(:ids)'), {
      ids,
      today,
      seesDrafts: false,
    });
  },

  /** The organisation's own plans in published investigations, its drafts counted. */
  organisationPlans(em: EntityManager, organisationId: string | null, today: string): Promise<PlanProgressRow[]> {
    return query<PlanProgressRow>(em, PLAN_PROGRESS_SQL(`p.organisation_id = :org AND i.status <> 'DRAFT'`), {
      org: organisationId,
      today,
      seesDrafts: true,
    });
  },

  /** One investigation's plans in the scope; for a member (`own`) only its organisation's, its drafts counted. */
  investigationPlans(
    em: EntityManager,
    scope: ScopeCondition,
    investigationId: string,
    own: { organisationId: string | null } | null,
    today: string,
  ): Promise<PlanProgressRow[]> {
    const member = own !== null;
    return query<PlanProgressRow>(
      em,
      PLAN_PROGRESS_SQL(`i.id = :investigationId AND ${scope.sql}${member ? ' AND p.organisation_id = :org' : ''}`),
      {
        ...scope.params,
        investigationId,
        org: own?.organisationId ?? null,
        today,
        seesDrafts: member,
      },
    );
  },

  /** Up to `limit` investigations in the scope that match the filter, newest publication first, after the cursor. */
  portfolioInvestigations(
    em: EntityManager,
    scope: ScopeCondition,
    filter: PortfolioFilter,
    cursor: [string, string] | null,
    today: string,
    limit: number,
  ): Promise<Array<InvestigationHead & { id: string; sort: string }>> {
    const where = [scope.sql];
    if (filter.municipalityId) where.push('i.municipality_id = :municipalityId');
    if (filter.status) where.push('i.status = :status');
    if (filter.organisationKind)
      where.push(
        'EXISTS (SELECT 1 FROM investigation_organisations fio JOIN organisations fo ON fo.id = fio.organisation_id WHERE ' +
          'fio.investigation_id = i.id AND fo.kind = :kind)',
      );
    if (filter.theme) {
      where.push(`EXISTS (SELECT 1 FROM (SELECT ff.themes FROM findings ff WHERE ff.investigation_id = i.id
                                          UNION ALL SELECT fp.themes FROM improvement_points fp WHERE fp.investigation_id = i.id) t
                          WHERE t.themes @> ARRAY[CAST(:theme AS text)])`);
    }
    if (filter.late !== undefined) where.push(`${filter.late ? '' : 'NOT '}${overdueInInvestigationSql('i')}`);
    if (cursor)
      where.push(`(coalesce(i.publication_date, DATE '9999-12-31'), i.id) < (CAST(:cursorDate AS date), CAST(:cursorId AS uuid))`);
    const params = {
      ...scope.params,
      municipalityId: filter.municipalityId,
      status: filter.status,
      kind: filter.organisationKind,
      theme: filter.theme,
      today,
      cursorDate: cursor?.[0],
      cursorId: cursor?.[1],
    };
    return query<InvestigationHead & { id: string; sort: string }>(
      em,
      // Its filters' selectivity and the page size decide the plan: planned per call, never prepared.
      `${PLAN_PER_CALL} SELECT i.id, i.id AS "investigationId", i.title, i.status, i.publication_date AS "publicationDate",
        i.trajectory_end_date AS "trajectoryEndDate",
                coalesce(i.publication_date, DATE '9999-12-31')::text AS sort
           FROM investigations i WHERE ${where.join(' AND ')}
          ORDER BY coalesce(i.publication_date, DATE '9999-12-31') DESC, i.id DESC LIMIT :limit`,
      { ...params, limit },
    );
  },

  actionsNeeded(em: EntityManager, scope: ScopeCondition, today: string, limit: number): Promise<ActionNeeded[]> {
    return query<ActionNeeded>(
      em,
      `SELECT * FROM (
           SELECT 'ASSESS_PLAN' AS kind, i.id AS "investigationId", i.title AS "investigationTitle", o.name AS "organisationName",
           p.id AS "subjectId",
                  p.assessment_due_date AS "dueDate", 'plan submitted, waiting for assessment' AS reason
             FROM improvement_plans p JOIN investigations i ON i.id = p.investigation_id JOIN organisations o ON o.id = p.organisation_id
            WHERE ${openSql.assessment('p')} AND ${scope.sql}
           UNION ALL
           SELECT 'JUDGE_AUDIT', i.id, i.title, o.name, a.id, (a.submitted_at AT TIME ZONE 'Europe/Amsterdam')::date,
                  'internal audit submitted, waiting for judgement'
             FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id JOIN investigations i ON i.id = p.investigation_id
             JOIN organisations o ON o.id = p.organisation_id
            WHERE a.status = 'SUBMITTED' AND ${scope.sql}
           UNION ALL
           SELECT 'VERIFY', i.id, i.title, o.name, p.id, a.verification_due_date,
                  CASE WHEN a.verification_due_date IS NULL THEN 'audit judged sufficient, verification pending'
                       ELSE 'audit insufficient: own verification (' || lower(replace(a.verification_method, '_', ' ')) || ') planned on '
                            || a.verification_due_date END
             FROM improvement_plans p JOIN internal_audits a ON a.plan_id = p.id JOIN investigations i ON i.id = p.investigation_id
             JOIN organisations o ON o.id = p.organisation_id
            WHERE p.status = 'ACCEPTED' AND a.status = 'JUDGED' AND ${scope.sql}
           UNION ALL
           SELECT 'DECIDE_EXTENSION', i.id, i.title, o.name, r.id, r.current_due_date, 'extension requested until ' || r.requested_due_date
             FROM extension_requests r JOIN investigations i ON i.id = r.investigation_id JOIN organisations o ON o.id = r.organisation_id
            WHERE r.status = 'PENDING' AND ${scope.sql}
           UNION ALL
           SELECT 'CONSIDER_ESCALATION', i.id, i.title, o.name, p.id, p.due_date, 'plan ' || (:today::date - p.due_date) || ' days late'
             FROM improvement_plans p JOIN investigations i ON i.id = p.investigation_id JOIN organisations o ON o.id = p.organisation_id
            WHERE ${openSql.plan('p')} AND ${escalationDueSql(DeadlineKind.PLAN_DUE, 'p.due_date', 'i.reminder_policy')} AND ${scope.sql}
           UNION ALL
           SELECT 'CONSIDER_ESCALATION', i.id, i.title, o.name, a.id, a.due_date, 'internal audit ' || (:today::date - a.due_date)
           || ' days late'
             FROM internal_audits a JOIN improvement_plans p ON p.id = a.plan_id JOIN investigations i ON i.id = p.investigation_id
             JOIN organisations o ON o.id = p.organisation_id
            WHERE ${auditOpenSql('a', 'p')} AND ${escalationDueSql(DeadlineKind.AUDIT_DUE, 'a.due_date', 'i.reminder_policy')} AND
              ${scope.sql}
           UNION ALL
           SELECT 'DECIDE_CLOSURE', i.id, i.title, NULL, i.id, i.trajectory_end_date,
                  CASE WHEN NOT EXISTS (SELECT 1 FROM improvement_plans cp WHERE cp.investigation_id = i.id AND cp.status <> 'CLOSED')
                       THEN 'every plan verified: the investigation can be closed' ELSE 'trajectory end passed' END
             FROM investigations i
            WHERE ${openSql.trajectory('i')} AND ${scope.sql}
              AND (i.trajectory_end_date < :today OR NOT EXISTS (SELECT 1 FROM improvement_plans cp WHERE cp.investigation_id = i.id
              AND cp.status <> 'CLOSED'))
         ) x ORDER BY "dueDate" NULLS LAST, kind LIMIT :limit`,
      { ...scope.params, today, limit },
    );
  },

  /** Findings, points, investigations and grades per theme, of investigations published in the years `from` to `to`. */
  async themes(em: EntityManager, params: { from: number; to: number }): Promise<ThemeRows> {
    const published = `i.status <> 'DRAFT' AND extract(year FROM i.publication_date) BETWEEN :from AND :to`;
    return {
      findings: await query<{ theme: Theme; findings: number; investigations: number; first: number; last: number }>(
        em,
        `SELECT t.theme, count(*)::int AS findings, count(DISTINCT i.id)::int AS investigations,
                min(extract(year FROM i.publication_date))::int AS first, max(extract(year FROM i.publication_date))::int AS last
           FROM findings f JOIN investigations i ON i.id = f.investigation_id CROSS JOIN LATERAL unnest(f.themes) AS t(theme)
          WHERE ${published} GROUP BY t.theme`,
        params,
      ),
      points: await query<{ theme: Theme; points: number; investigations: number; first: number; last: number }>(
        em,
        `SELECT t.theme, count(*)::int AS points, count(DISTINCT i.id)::int AS investigations,
                min(extract(year FROM i.publication_date))::int AS first, max(extract(year FROM i.publication_date))::int AS last
           FROM improvement_points p JOIN investigations i ON i.id = p.investigation_id CROSS JOIN LATERAL unnest(p.themes) AS t(theme)
          WHERE ${published} GROUP BY t.theme`,
        params,
      ),
      investigations: await query<{ theme: Theme; n: number }>(
        em,
        `SELECT t.theme, count(DISTINCT x.investigation_id)::int AS n
           FROM (SELECT f.investigation_id, f.themes FROM findings f UNION ALL SELECT p.investigation_id, p.themes FROM
           improvement_points p) x
           JOIN investigations i ON i.id = x.investigation_id CROSS JOIN LATERAL unnest(x.themes) AS t(theme)
          WHERE ${published} GROUP BY t.theme`,
        params,
      ),
      grades: await query<{ theme: Theme; grade: string; n: number }>(
        em,
        `SELECT t.theme, vg.grade, count(*)::int AS n
           FROM verification_grades vg JOIN improvement_points p ON p.id = vg.point_id JOIN investigations i ON i.id = p.investigation_id
           CROSS JOIN LATERAL unnest(p.themes) AS t(theme)
          WHERE ${published} GROUP BY t.theme, vg.grade`,
        params,
      ),
    };
  },

  /** Per month (the last `months`, up to `today`), the municipality's points published, implemented and no longer relevant. */
  monthlySeries(
    em: EntityManager,
    scope: ScopeCondition,
    municipalityId: string,
    today: string,
    months: number,
  ): Promise<Array<Omit<MonthPoint, 'open'>>> {
    return query<Omit<MonthPoint, 'open'>>(
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
                count(p.id) FILTER (WHERE p.irrelevant_on <= m.month_end AND (p.implemented_on IS NULL OR p.implemented_on >
                m.month_end))::int AS "noLongerRelevant"
           FROM months m LEFT JOIN pts p ON true
          GROUP BY m.month_end ORDER BY m.month_end`,
      { ...scope.params, municipalityId, today, months },
    );
  },

  /** When the user last marked the subject's overview as seen. */
  async seenAt(em: EntityManager, userId: string, subjectId: string): Promise<Date | null> {
    const [visit] = await em.query(`SELECT seen_at FROM overview_visits WHERE user_id = $1 AND subject_id = $2`, [userId, subjectId]);
    return visit?.seen_at ?? null;
  },

  /**
   * The latest 50 history entries of the investigations, of the given entity types, after `since`,
   * each with the count of all matches (`total`); with `withoutDrafts`, not the organisation's draft content.
   */
  changes(
    em: EntityManager,
    investigationIds: string[],
    types: string[],
    since: Date | null,
    withoutDrafts: boolean,
  ): Promise<Array<Record<string, unknown> & { total: number }>> {
    // The audit's creation at acceptance (a due date, no content of the organisation's) is an event of the case and stays.
    const hideDrafts = withoutDrafts ? `AND ((h.entity_type = 'internal_audit' AND h.operation = 'INSERT') OR ${NO_DRAFT_CONTENT})` : '';
    // Without a bookmark every change counts; with one, history_investigation_time_idx ranges from it.
    // The count of all matches comes with the latest 50 (a window over the rows before LIMIT).
    return em.query(
      `SELECT h.id, h.occurred_at AS "occurredAt", h.entity_type AS "entityType", h.entity_id AS "entityId", h.operation,
      h.changed_fields AS "changedFields",
              h.investigation_id AS "investigationId", h.organisation_id AS "organisationId", count(*) OVER ()::int AS total
         FROM history h
        WHERE h.investigation_id = ANY($1) AND h.entity_type = ANY($2)${since ? ' AND h.occurred_at > $3' : ''}
          AND (h.entity_type <> 'improvement_plan' OR h.operation = 'INSERT' OR h.changed_fields && ARRAY['status','due_date']::text[])
          ${hideDrafts}
        ORDER BY h.id DESC LIMIT 50`,
      since ? [investigationIds, types, since] : [investigationIds, types],
    );
  },

  /** Database time, like the history it is compared with. */
  async markSeen(em: EntityManager, userId: string, subjectId: string): Promise<Date> {
    const [row] = await em.query(
      `INSERT INTO overview_visits (user_id, subject_id, seen_at) VALUES ($1, $2, clock_timestamp())
         ON CONFLICT (user_id, subject_id) DO UPDATE SET seen_at = EXCLUDED.seen_at RETURNING seen_at`,
      [userId, subjectId],
    );
    return row.seen_at;
  },
};
