import { EntityManager } from 'typeorm';
import { planContentScope, planScope } from '@opvolging/access';
import { Actor } from '@opvolging/shared';

/** Where a subject's plan is: its table, the SQL naming its plan (over alias `s`), and whether it is plan content (draft rules). */
export interface ThreadParent {
  table: string;
  planOf: string;
  content: boolean;
}

/** The SQL that finds a thread's subject within the actor's scope (`resolveThread`). */
export const threadRepository = {
  /** A comment of a visibility the actor may read. */
  async comment(
    em: EntityManager,
    id: string,
    visibilities: string[],
  ): Promise<{ subject_type: string; subject_id: string; visibility: string; deleted_at: Date | null } | undefined> {
    const [row] = await em.query(
      `SELECT subject_type, subject_id, visibility, deleted_at FROM comments WHERE id = $1 AND visibility = ANY($2)`,
      [id, visibilities],
    );
    return row;
  },

  /** An enforcement measure in the actor's scope (its plan's rules; enforcement has no draft). */
  enforcementMeasure(
    em: EntityManager,
    actor: Actor,
    id: string,
  ): Promise<{ plan_id: string | null; investigation_id: string; organisation_id: string } | undefined> {
    const scope = planScope(actor, 'e');
    return em
      .createQueryBuilder()
      .select(['e.plan_id AS plan_id', 'e.investigation_id AS investigation_id', 'e.organisation_id AS organisation_id'])
      .from('enforcement_measures', 'e')
      .where('e.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .getRawOne();
  },

  /** The plan of a subject in `parent.table`, in the actor's scope (plan content follows the draft rules). */
  planOf(
    em: EntityManager,
    actor: Actor,
    parent: ThreadParent,
    id: string,
  ): Promise<{ plan_id: string; investigation_id: string; organisation_id: string; status: string } | undefined> {
    const scope = (parent.content ? planContentScope : planScope)(actor, 'p');
    return em
      .createQueryBuilder()
      .select(['p.id AS plan_id', 'p.investigation_id AS investigation_id', 'p.organisation_id AS organisation_id', 'p.status AS status'])
      .from(parent.table, 's')
      .innerJoin('improvement_plans', 'p', `p.id = ${parent.planOf}`)
      .where('s.id = :id', { id })
      .andWhere(scope.sql, scope.params)
      .getRawOne();
  },
};
