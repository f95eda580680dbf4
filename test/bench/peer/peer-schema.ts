/**
 * What the PostGraphile peer needs beyond the product's tables: the scope rules Opvolging applies in
 * its application SQL (libs/access/src/access-scope.ts), written as PostGraphile "custom queries"
 * and a "computed column" in a schema of their own, so the peer answers the same rows with the
 * same conditions (row-level security alone would not: for inspectors the policies pass every row,
 * and draft plan content is hidden in application SQL, not by a policy).
 *
 * Plain SQL functions, STABLE, SECURITY INVOKER: PostgreSQL inlines them into PostGraphile's query
 * and the row-level security policies of `opvolging_app` still apply. Created by the benchmark in
 * the data set database and dropped at its end.
 */
export const PEER_SCHEMA = 'bench_peer';

export const PEER_SQL = `
DROP SCHEMA IF EXISTS ${PEER_SCHEMA} CASCADE;
CREATE SCHEMA ${PEER_SCHEMA};
GRANT USAGE ON SCHEMA ${PEER_SCHEMA} TO opvolging_app;

-- (a) me: the signed-in account (app.user_id, set per request from the verified token).
CREATE FUNCTION ${PEER_SCHEMA}.me() RETURNS users LANGUAGE sql STABLE AS $$
  SELECT u.* FROM users u WHERE u.id = app_user_id()
$$;

-- (b), (d) improvement points an inspector may see: the investigation is led by, or shared with,
-- the inspector's inspectorate (investigationScope and pointScope for INSPECTOR).
CREATE FUNCTION ${PEER_SCHEMA}.inspector_points() RETURNS SETOF improvement_points LANGUAGE sql STABLE AS $$
  SELECT pt.* FROM improvement_points pt
   WHERE app_role() = 'INSPECTOR'
     AND EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = pt.investigation_id
                   AND (scope_i.lead_inspectorate_id = app_organisation_id()
                        OR EXISTS (SELECT 1 FROM investigation_inspectorates scope_ii
                                    WHERE scope_ii.investigation_id = scope_i.id AND scope_ii.inspectorate_id = app_organisation_id())))
$$;

-- The measures covering a point, where an inspector sees the plan's contents: the plan's
-- investigation is in scope and the plan is no longer a draft (viaPlan(actor, 'm', true)).
CREATE FUNCTION ${PEER_SCHEMA}.improvement_points_inspector_measures(pt improvement_points) RETURNS SETOF measures LANGUAGE sql STABLE AS $$
  SELECT m.* FROM measures m JOIN measure_points mp ON mp.measure_id = m.id
   WHERE mp.point_id = pt.id AND app_role() = 'INSPECTOR'
     AND EXISTS (SELECT 1 FROM improvement_plans scope_p WHERE scope_p.id = m.plan_id
                   AND scope_p.status IN ('SUBMITTED', 'ACCEPTED', 'CLOSED')
                   AND EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = scope_p.investigation_id
                                 AND (scope_i.lead_inspectorate_id = app_organisation_id()
                                      OR EXISTS (SELECT 1 FROM investigation_inspectorates scope_ii
                                                  WHERE scope_ii.investigation_id = scope_i.id
                                                    AND scope_ii.inspectorate_id = app_organisation_id()))))
   ORDER BY m.created_at
$$;

-- (c) measures an organisation member may see: those of the organisation's own plans, drafts
-- included (viaPlan(actor, 'm', true) for ORGANISATION_MEMBER).
CREATE FUNCTION ${PEER_SCHEMA}.member_measures() RETURNS SETOF measures LANGUAGE sql STABLE AS $$
  SELECT m.* FROM measures m
   WHERE app_role() = 'ORGANISATION_MEMBER'
     AND EXISTS (SELECT 1 FROM improvement_plans scope_p WHERE scope_p.id = m.plan_id AND scope_p.organisation_id = app_organisation_id())
$$;

-- Smart tags: the custom queries take PostGraphile's condition and orderBy arguments, and short names.
COMMENT ON FUNCTION ${PEER_SCHEMA}.me() IS '@name me';
COMMENT ON FUNCTION ${PEER_SCHEMA}.inspector_points() IS E'@name inspectorPoints\n@behavior +filter +order';
COMMENT ON FUNCTION ${PEER_SCHEMA}.member_measures() IS E'@name memberMeasures\n@behavior +filter +order';
`;
