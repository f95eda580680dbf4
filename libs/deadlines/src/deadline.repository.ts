import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { investigationScope } from '@opvolging/access';
import { Actor, Role } from '@opvolging/shared';
import { DueDateChange, ExtensionDecision, ExtensionRequest, ExtensionStatus, OpenDeadline } from './deadline.entity';
import { DeadlineKind, INSPECTOR_KINDS } from './reminder-policy';

export interface DeadlineFilter {
  investigationId?: string;
  organisationId?: string;
  kind?: DeadlineKind;
  overdue?: boolean;
  dueBefore?: string;
  /** Only the deadlines the actor answers for (own measures, own organisation's plan and audit). */
  mine?: boolean;
}

/**
 * SQL: deadlines a user answers for. Members: own measures, and their organisation's plan and audit; inspectors: assessments and
 * trajectory ends of their inspectorate's cases.
 */
export function mineSql(actor: Actor, d = 'd'): string {
  if (actor.role === Role.ORGANISATION_MEMBER) {
    return (
      `((${d}.kind = 'MEASURE_DUE' AND ${d}.owner_id = :mineUser) OR ` +
      `(${d}.kind IN ('PLAN_DUE','AUDIT_DUE','ENFORCEMENT_REPORT_DUE','COMPLIANCE_DUE') AND ${d}.organisation_id = :mineOrg))`
    );
  }
  if (actor.role === Role.INSPECTOR) {
    return (
      `(${d}.kind IN (${INSPECTOR_KINDS.map((k) => `'${k}'`).join(',')}) AND EXISTS (SELECT 1 FROM investigations mine_i ` +
      `WHERE mine_i.id = ${d}.investigation_id AND mine_i.lead_inspectorate_id = :mineOrg))`
    );
  }
  return 'FALSE';
}

/** Organisation members see their organisation's deadlines; inspectors and reviewers their investigations'. */
function scoped(em: EntityManager, actor: Actor): SelectQueryBuilder<OpenDeadline> {
  const qb = em.getRepository(OpenDeadline).createQueryBuilder('d');
  if (actor.role === Role.ORGANISATION_MEMBER) return qb.where('d.organisation_id = :scopeOrgId', { scopeOrgId: actor.organisationId });
  const scope = investigationScope(actor, 'scope_i');
  return qb.where(`EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = d.investigation_id AND ${scope.sql})`, scope.params);
}

/** Extension requests: members their organisation's, others those of the investigations they see. */
function requestsInScope<T extends SelectQueryBuilder<ExtensionRequest>>(qb: T, actor: Actor, first: boolean): T {
  const where = (sql: string, params: Record<string, unknown>) => (first ? qb.where(sql, params) : qb.andWhere(sql, params));
  if (actor.role === Role.ORGANISATION_MEMBER) where('r.organisation_id = :scopeOrgId', { scopeOrgId: actor.organisationId });
  else {
    const scope = investigationScope(actor, 'scope_i');
    where(`EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = r.investigation_id AND ${scope.sql})`, scope.params);
  }
  return qb;
}

/** The SQL of this library: open deadlines, extension requests and decisions, due date changes. */
export const deadlineRepository = {
  filtered(em: EntityManager, actor: Actor, filter: DeadlineFilter, today: string): SelectQueryBuilder<OpenDeadline> {
    const qb = scoped(em, actor);
    if (filter.investigationId) qb.andWhere('d.investigation_id = :investigationId', { investigationId: filter.investigationId });
    if (filter.organisationId) qb.andWhere('d.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.kind) qb.andWhere('d.kind = :kind', { kind: filter.kind });
    if (filter.dueBefore) qb.andWhere('d.due_date < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.overdue !== undefined) qb.andWhere(`d.due_date ${filter.overdue ? '<' : '>='} :today`, { today });
    if (filter.mine) qb.andWhere(mineSql(actor), { mineUser: actor.userId, mineOrg: actor.organisationId });
    return qb;
  },

  bySubjects(em: EntityManager, actor: Actor, ids: readonly string[], kinds?: readonly DeadlineKind[]): Promise<OpenDeadline[]> {
    const qb = scoped(em, actor).andWhere('d.subject_id IN (:...ids)', { ids });
    if (kinds) qb.andWhere('d.kind IN (:...kinds)', { kinds });
    return qb.getMany();
  },

  responsibleFor(em: EntityManager, actor: Actor, limit: number): Promise<OpenDeadline[]> {
    return scoped(em, actor)
      .andWhere(mineSql(actor), { mineUser: actor.userId, mineOrg: actor.organisationId })
      .orderBy('d.due_date')
      .limit(limit)
      .getMany();
  },

  /** The open deadline of this kind and subject, in the actor's scope. */
  visible(em: EntityManager, actor: Actor, kind: DeadlineKind, subjectId: string): Promise<OpenDeadline | null> {
    return scoped(em, actor).andWhere('d.kind = :kind AND d.subject_id = :subjectId', { kind, subjectId }).getOne();
  },

  changesBySubject(em: EntityManager, actor: Actor, subjectIds: readonly string[]): Promise<DueDateChange[]> {
    const scope = investigationScope(actor, 'scope_i');
    const qb = em.getRepository(DueDateChange).createQueryBuilder('c').where('c.subject_id IN (:...ids)', { ids: subjectIds });
    if (actor.role === Role.ORGANISATION_MEMBER) {
      qb.andWhere(
        '(EXISTS (SELECT 1 FROM open_deadlines od WHERE od.subject_id = c.subject_id AND od.organisation_id = :scopeOrgId) OR ' +
          'EXISTS (SELECT 1 FROM extension_requests er WHERE er.subject_id = c.subject_id AND er.organisation_id = :scopeOrgId))',
        { scopeOrgId: actor.organisationId },
      );
    } else {
      qb.andWhere(`EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = c.investigation_id AND ${scope.sql})`, scope.params);
    }
    return qb.orderBy('c.created_at').getMany();
  },

  requestsFiltered(
    em: EntityManager,
    actor: Actor,
    filter: { investigationId?: string; status?: ExtensionStatus },
  ): SelectQueryBuilder<ExtensionRequest> {
    const qb = requestsInScope(em.getRepository(ExtensionRequest).createQueryBuilder('r'), actor, true);
    if (filter.investigationId) qb.andWhere('r.investigation_id = :investigationId', { investigationId: filter.investigationId });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    return qb;
  },

  async insertRequest(
    em: EntityManager,
    data: Omit<ExtensionRequest, 'id' | 'grantedDueDate' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'createdAt'>,
  ): Promise<ExtensionRequest> {
    const repo = em.getRepository(ExtensionRequest);
    const saved = await repo.save(repo.create(data));
    return repo.findOneByOrFail({ id: saved.id });
  },

  request(em: EntityManager, id: string): Promise<ExtensionRequest> {
    return em.getRepository(ExtensionRequest).findOneByOrFail({ id });
  },

  async updateRequest(em: EntityManager, id: string, patch: Partial<ExtensionRequest>): Promise<void> {
    await em.update(ExtensionRequest, { id }, patch);
  },

  /** The request in the actor's scope, its row locked until the transaction ends. */
  lockRequest(em: EntityManager, actor: Actor, id: string): Promise<ExtensionRequest | null> {
    const qb = em.getRepository(ExtensionRequest).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write');
    return requestsInScope(qb, actor, false).getOne();
  },

  /** Locks the row that carries the due date (in its owner's table) until the transaction ends. */
  async lockSubjectRow(em: EntityManager, table: string, id: string): Promise<void> {
    await em.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE`, [id]);
  },

  openDeadline(em: EntityManager, kind: DeadlineKind, id: string): Promise<OpenDeadline | null> {
    return em.getRepository(OpenDeadline).findOneBy({ kind, id });
  },

  /** Whether the investigation is in the actor's scope; its row locked until the transaction ends. */
  async lockVisibleInvestigation(em: EntityManager, actor: Actor, investigationId: string): Promise<boolean> {
    const scope = investigationScope(actor, 'i');
    const visible = await em
      .createQueryBuilder()
      .select('i.id')
      .from('investigations', 'i')
      .where('i.id = :id', { id: investigationId })
      .andWhere(scope.sql, scope.params)
      .setLock('pessimistic_write')
      .getRawOne();
    return !!visible;
  },

  /** The investigation's open deadlines of a kind due before a date, but those of the excluded organisations. */
  dueBefore(
    em: EntityManager,
    data: { investigationId: string; kind: DeadlineKind; newDueDate: string; excluded: string[] },
  ): Promise<OpenDeadline[]> {
    const { excluded } = data;
    return em
      .getRepository(OpenDeadline)
      .createQueryBuilder('d')
      .where('d.investigation_id = :id AND d.kind = :kind AND d.due_date < :newDueDate', {
        id: data.investigationId,
        kind: data.kind,
        newDueDate: data.newDueDate,
      })
      .andWhere(excluded.length ? '(d.organisation_id IS NULL OR NOT (d.organisation_id = ANY(:excluded)))' : 'TRUE', { excluded })
      .getMany();
  },

  insertDecision(em: EntityManager, data: Omit<ExtensionDecision, 'id' | 'createdAt'>): Promise<ExtensionDecision> {
    const repo = em.getRepository(ExtensionDecision);
    return repo.save(repo.create(data));
  },
};
