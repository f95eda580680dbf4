import { Actor, Role } from '@opvolging/shared';

/**
 * Who sees what, as SQL conditions. Every read of a case row goes through one of these, so a row
 * outside the actor's scope is simply not there ("answers as if it does not exist").
 * Parameters are always :scopeOrgId; aliases are the caller's.
 */
export interface ScopeCondition {
  sql: string;
  params: Record<string, unknown>;
}

const none: ScopeCondition = { sql: 'FALSE', params: {} };

function orgParam(actor: Actor) {
  return { scopeOrgId: actor.organisationId };
}

/** Investigations: inspectors of a leading or participating inspectorate; addressed organisations and the municipality once published. */
export function investigationScope(actor: Actor, i = 'i'): ScopeCondition {
  switch (actor.role) {
    case Role.INSPECTOR:
      return {
        sql:
          `(${i}.lead_inspectorate_id = :scopeOrgId OR EXISTS (SELECT 1 FROM investigation_inspectorates scope_ii WHERE ` +
          `scope_ii.investigation_id = ${i}.id AND scope_ii.inspectorate_id = :scopeOrgId))`,
        params: orgParam(actor),
      };
    case Role.ORGANISATION_MEMBER:
      return {
        sql:
          `(${i}.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM investigation_organisations scope_io WHERE scope_io.investigation_id ` +
          `= ${i}.id AND scope_io.organisation_id = :scopeOrgId))`,
        params: orgParam(actor),
      };
    case Role.MUNICIPALITY_REVIEWER:
      return { sql: `(${i}.status <> 'DRAFT' AND ${i}.municipality_id = :scopeOrgId)`, params: orgParam(actor) };
    default:
      return none;
  }
}

/** Rows that hang off an investigation (findings, points, plans) through `${alias}.investigation_id`. */
function viaInvestigation(actor: Actor, alias: string): ScopeCondition {
  const inner = investigationScope(actor, 'scope_i');
  return {
    sql: `EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = ${alias}.investigation_id AND ${inner.sql})`,
    params: inner.params,
  };
}

export function findingScope(actor: Actor, f = 'f'): ScopeCondition {
  return viaInvestigation(actor, f);
}

/** Improvement points: organisation members see only the points addressed to their organisation. */
export function pointScope(actor: Actor, pt = 'pt'): ScopeCondition {
  const base = viaInvestigation(actor, pt);
  if (actor.role !== Role.ORGANISATION_MEMBER) return base;
  return {
    sql:
      `(${base.sql} AND EXISTS (SELECT 1 FROM improvement_point_addressees scope_a WHERE scope_a.point_id = ${pt}.id AND ` +
      `scope_a.organisation_id = :scopeOrgId))`,
    params: base.params,
  };
}

/** Plans: an organisation sees only its own plan, never another organisation's. */
export function planScope(actor: Actor, p = 'p'): ScopeCondition {
  if (actor.role === Role.ORGANISATION_MEMBER) {
    return { sql: `(${p}.organisation_id = :scopeOrgId)`, params: orgParam(actor) };
  }
  return viaInvestigation(actor, p);
}

/** Plan statuses in which the plan's content (measures, coverage) is no longer the organisation's own draft. */
export const SUBMITTED_PLAN_STATUSES = ['SUBMITTED', 'ACCEPTED', 'CLOSED'] as const;

/** Plan contents (measures): a draft is the organisation's own work; others see what was submitted. */
export function planContentScope(actor: Actor, p = 'p'): ScopeCondition {
  const base = planScope(actor, p);
  if (actor.role === Role.ORGANISATION_MEMBER) return base;
  return { sql: `(${base.sql} AND ${p}.status IN (${SUBMITTED_PLAN_STATUSES.map((s) => `'${s}'`).join(',')}))`, params: base.params };
}

/** `planContentScope` for one plan already loaded (within the actor's plan scope). */
export function seesPlanContent(actor: Actor, plan: { status: string }): boolean {
  return actor.role === Role.ORGANISATION_MEMBER || (SUBMITTED_PLAN_STATUSES as readonly string[]).includes(plan.status);
}

/** Rows that hang off a plan through `${alias}.plan_id`. */
export function viaPlan(actor: Actor, alias: string, content = false): ScopeCondition {
  const inner = (content ? planContentScope : planScope)(actor, 'scope_p');
  return {
    sql: `EXISTS (SELECT 1 FROM improvement_plans scope_p WHERE scope_p.id = ${alias}.plan_id AND ${inner.sql})`,
    params: inner.params,
  };
}

/** Whether the actor may see an organisation's unsubmitted work (draft measures, draft audit). */
export function seesDrafts(actor: Actor): boolean {
  return actor.role === Role.ORGANISATION_MEMBER;
}
