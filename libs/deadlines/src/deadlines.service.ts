import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Database, Page, PageArgs, paginate } from '@opvolging/database';
import { investigationScope } from '@opvolging/identity';
import { Actor, Clock, DomainError, ErrorCode, group, Role, requireRole } from '@opvolging/shared';
import { DueDateChange, ExtensionDecision, ExtensionRequest, ExtensionStatus, OpenDeadline } from './deadline.entity';
import { DeadlineKind, ORGANISATION_KINDS } from './reminder-policy';

export interface DeadlineFilter {
  investigationId?: string;
  organisationId?: string;
  kind?: DeadlineKind;
  overdue?: boolean;
  dueBefore?: string;
  /** Only the deadlines the actor answers for (own measures, own organisation's plan and audit). */
  mine?: boolean;
}

/** Where each kind's due date lives; moving a deadline is an UPDATE of that column. */
const DUE_COLUMN: Record<DeadlineKind, { table: string; column: string; open: string }> = {
  [DeadlineKind.PLAN_DUE]: { table: 'improvement_plans', column: 'due_date', open: "status IN ('DRAFT','REVISION_REQUESTED')" },
  [DeadlineKind.ASSESSMENT_DUE]: { table: 'improvement_plans', column: 'assessment_due_date', open: "status = 'SUBMITTED'" },
  [DeadlineKind.MEASURE_DUE]: { table: 'measures', column: 'due_date', open: "status IN ('PLANNED','IN_PROGRESS')" },
  [DeadlineKind.AUDIT_DUE]: { table: 'internal_audits', column: 'due_date', open: "status IN ('DRAFT','REVISION_REQUESTED')" },
  [DeadlineKind.TRAJECTORY_END]: { table: 'investigations', column: 'trajectory_end_date', open: "status = 'FOLLOW_UP'" },
};

@Injectable()
export class DeadlinesService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  /** Organisation members see their organisation's deadlines; inspectors and reviewers their investigations'. */
  private scoped(em: EntityManager, actor: Actor) {
    const qb = em.getRepository(OpenDeadline).createQueryBuilder('d');
    if (actor.role === Role.ORGANISATION_MEMBER) return qb.where('d.organisation_id = :scopeOrgId', { scopeOrgId: actor.organisationId });
    const scope = investigationScope(actor, 'scope_i');
    return qb.where(`EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = d.investigation_id AND ${scope.sql})`, scope.params);
  }

  list(actor: Actor, filter: DeadlineFilter, page: PageArgs): Promise<Page<OpenDeadline>> {
    return paginate(this.db, actor, (em) => {
      const qb = this.scoped(em, actor);
      if (filter.investigationId) qb.andWhere('d.investigation_id = :investigationId', { investigationId: filter.investigationId });
      if (filter.organisationId) qb.andWhere('d.organisation_id = :organisationId', { organisationId: filter.organisationId });
      if (filter.kind) qb.andWhere('d.kind = :kind', { kind: filter.kind });
      if (filter.dueBefore) qb.andWhere('d.due_date < :dueBefore', { dueBefore: filter.dueBefore });
      if (filter.overdue !== undefined) qb.andWhere(`d.due_date ${filter.overdue ? '<' : '>='} :today`, { today: this.clock.today() });
      if (filter.mine) qb.andWhere(this.mineSql(actor), { mineUser: actor.userId, mineOrg: actor.organisationId });
      return qb;
    }, 'd.subject_id', { expression: 'd.due_date', type: 'date', direction: 'ASC' }, page);
  }

  /** SQL: deadlines a user answers for. Members: own measures, and their organisation's plan and audit; inspectors: assessments and trajectory ends of their inspectorate's cases. */
  mineSql(actor: Actor, d = 'd'): string {
    if (actor.role === Role.ORGANISATION_MEMBER) {
      return `((${d}.kind = 'MEASURE_DUE' AND ${d}.owner_id = :mineUser) OR (${d}.kind IN ('PLAN_DUE','AUDIT_DUE') AND ${d}.organisation_id = :mineOrg))`;
    }
    if (actor.role === Role.INSPECTOR) {
      return `(${d}.kind IN ('ASSESSMENT_DUE','TRAJECTORY_END') AND EXISTS (SELECT 1 FROM investigations mine_i WHERE mine_i.id = ${d}.investigation_id AND mine_i.lead_inspectorate_id = :mineOrg))`;
    }
    return 'FALSE';
  }

  /**
   * The open deadlines of these subjects (plans, measures, audits, investigations) that the actor
   * may see, in one statement, with the same scope as `list`. `kinds` narrows the kinds looked at:
   * a plan is the subject of both PLAN_DUE and ASSESSMENT_DUE (at different times).
   */
  byIds(actor: Actor, ids: readonly string[], kinds?: readonly DeadlineKind[]): Promise<OpenDeadline[]> {
    if (!ids.length || kinds?.length === 0) return Promise.resolve([]);
    return this.db.transaction(actor, ({ em }) => {
      const qb = this.scoped(em, actor).andWhere('d.subject_id IN (:...ids)', { ids });
      if (kinds) qb.andWhere('d.kind IN (:...kinds)', { kinds });
      return qb.getMany();
    });
  }

  /** The deadlines a user answers for, for the calendar feed. */
  responsibleFor(actor: Actor, limit = 500): Promise<OpenDeadline[]> {
    return this.db.transaction(actor, ({ em }) =>
      this.scoped(em, actor)
        .andWhere(this.mineSql(actor), { mineUser: actor.userId, mineOrg: actor.organisationId })
        .orderBy('d.due_date')
        .limit(limit)
        .getMany(),
    );
  }

  async changesBySubject(actor: Actor, subjectIds: readonly string[]): Promise<Map<string, DueDateChange[]>> {
    const rows = await this.db.transaction(actor, ({ em }) => {
      const scope = investigationScope(actor, 'scope_i');
      const qb = em.getRepository(DueDateChange).createQueryBuilder('c').where('c.subject_id IN (:...ids)', { ids: subjectIds });
      if (actor.role === Role.ORGANISATION_MEMBER) {
        qb.andWhere('(EXISTS (SELECT 1 FROM open_deadlines od WHERE od.subject_id = c.subject_id AND od.organisation_id = :scopeOrgId) OR EXISTS (SELECT 1 FROM extension_requests er WHERE er.subject_id = c.subject_id AND er.organisation_id = :scopeOrgId))', { scopeOrgId: actor.organisationId });
      } else {
        qb.andWhere(`EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = c.investigation_id AND ${scope.sql})`, scope.params);
      }
      return qb.orderBy('c.created_at').getMany();
    });
    return group(rows, (c) => c.subjectId, (c) => c);
  }

  listRequests(actor: Actor, filter: { investigationId?: string; status?: ExtensionStatus }, page: PageArgs): Promise<Page<ExtensionRequest>> {
    return paginate(this.db, actor, (em) => {
      const qb = em.getRepository(ExtensionRequest).createQueryBuilder('r');
      if (actor.role === Role.ORGANISATION_MEMBER) qb.where('r.organisation_id = :scopeOrgId', { scopeOrgId: actor.organisationId });
      else {
        const scope = investigationScope(actor, 'scope_i');
        qb.where(`EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = r.investigation_id AND ${scope.sql})`, scope.params);
      }
      if (filter.investigationId) qb.andWhere('r.investigation_id = :investigationId', { investigationId: filter.investigationId });
      if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
      return qb;
    }, 'r.id', { expression: 'r.created_at', type: 'timestamptz', direction: 'DESC' }, page);
  }

  // ---- extensions --------------------------------------------------------------------------

  /** An organisation asks, before the due date, for a later one. */
  request(actor: Actor, data: { kind: DeadlineKind; subjectId: string; requestedDueDate: string; reason: string }): Promise<ExtensionRequest> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'ask for extensions');
    return this.db.transaction(actor, async ({ em }) => {
      if (!(ORGANISATION_KINDS as readonly string[]).includes(data.kind)) {
        throw DomainError.badInput(`An organisation can ask to extend ${ORGANISATION_KINDS.join(', ')}, not ${data.kind}.`, [{ path: 'input.kind', message: 'not extendable by an organisation' }]);
      }
      const deadline = await this.scoped(em, actor).andWhere('d.kind = :kind AND d.subject_id = :subjectId', { kind: data.kind, subjectId: data.subjectId }).getOne();
      if (!deadline) throw DomainError.notFound('Deadline', `${data.kind}/${data.subjectId}`);
      const today = this.clock.today();
      if (deadline.dueDate < today) {
        throw DomainError.badInput(`The due date ${deadline.dueDate} has passed; ask for an extension before a deadline, or contact the inspector.`, [{ path: 'input.subjectId', message: 'deadline already passed' }]);
      }
      if (data.requestedDueDate <= deadline.dueDate) {
        throw DomainError.badInput(`Ask for a date after the current due date ${deadline.dueDate}.`, [{ path: 'input.requestedDueDate', message: `must be after ${deadline.dueDate}` }]);
      }
      const repo = em.getRepository(ExtensionRequest);
      try {
        const saved = await repo.save(
          repo.create({
            kind: data.kind,
            subjectId: data.subjectId,
            investigationId: deadline.investigationId,
            organisationId: deadline.organisationId!,
            requestedBy: actor.userId,
            currentDueDate: deadline.dueDate,
            requestedDueDate: data.requestedDueDate,
            reason: data.reason.trim(),
            status: ExtensionStatus.PENDING,
            version: 1,
          }),
        );
        return repo.findOneByOrFail({ id: saved.id });
      } catch (error) {
        if (error instanceof QueryFailedError && (error as unknown as { code: string }).code === '23505') {
          throw new DomainError(ErrorCode.CONFLICT, 'An extension request for this deadline is already waiting for a decision.', { kind: data.kind, subjectId: data.subjectId });
        }
        throw error;
      }
    });
  }

  /** An inspector grants (optionally to another date) or refuses; a grant moves the deadline and its reminders. */
  decide(actor: Actor, data: { id: string; expectedVersion: number; grant: boolean; grantedDueDate?: string; note: string }): Promise<ExtensionRequest> {
    requireRole(actor, [Role.INSPECTOR], 'decide on extension requests');
    return this.db.transaction(actor, async ({ em }) => {
      const request = await this.lockRequest(em, actor, data.id, data.expectedVersion);
      if (request.status !== ExtensionStatus.PENDING) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `This request was already ${request.status.toLowerCase()}.`, { from: request.status });
      }
      const now = this.clock.now();
      if (!data.grant) {
        await em.update(ExtensionRequest, { id: request.id }, { status: ExtensionStatus.REFUSED, decidedBy: actor.userId, decidedAt: now, decisionNote: data.note.trim(), version: request.version + 1 });
        return em.getRepository(ExtensionRequest).findOneByOrFail({ id: request.id });
      }
      const deadline = await em.getRepository(OpenDeadline).findOneBy({ kind: request.kind, id: request.subjectId });
      if (!deadline) throw new DomainError(ErrorCode.INVALID_TRANSITION, 'The deadline is no longer open (the step was completed); nothing to extend.', {});
      const to = data.grantedDueDate ?? request.requestedDueDate;
      if (to <= deadline.dueDate) {
        throw DomainError.badInput(`The new date must be after the current due date ${deadline.dueDate}.`, [{ path: 'input.grantedDueDate', message: `must be after ${deadline.dueDate}` }]);
      }
      await em.update(ExtensionRequest, { id: request.id }, { status: ExtensionStatus.GRANTED, grantedDueDate: to, decidedBy: actor.userId, decidedAt: now, decisionNote: data.note.trim(), version: request.version + 1 });
      await this.move(em, deadline, to, { reason: `${request.reason.trim()} — ${data.note.trim()}`, decidedBy: actor.userId, extensionRequestId: request.id });
      return em.getRepository(ExtensionRequest).findOneByOrFail({ id: request.id });
    });
  }

  withdraw(actor: Actor, data: { id: string; expectedVersion: number }): Promise<ExtensionRequest> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'withdraw extension requests');
    return this.db.transaction(actor, async ({ em }) => {
      const request = await this.lockRequest(em, actor, data.id, data.expectedVersion);
      if (request.status !== ExtensionStatus.PENDING) {
        throw new DomainError(ErrorCode.INVALID_TRANSITION, `This request was already ${request.status.toLowerCase()}.`, { from: request.status });
      }
      await em.update(ExtensionRequest, { id: request.id }, { status: ExtensionStatus.WITHDRAWN, version: request.version + 1 });
      return em.getRepository(ExtensionRequest).findOneByOrFail({ id: request.id });
    });
  }

  /**
   * One recorded decision that moves many deadlines: e.g. every plan deadline of an investigation
   * except those of one organisation. Deadlines already later than the new date are left alone.
   */
  extendMany(actor: Actor, data: { investigationId: string; kind: DeadlineKind; newDueDate: string; exceptOrganisationIds?: string[]; reason: string }): Promise<ExtensionDecision> {
    requireRole(actor, [Role.INSPECTOR], 'extend deadlines');
    return this.db.transaction(actor, async ({ em }) => {
      const scope = investigationScope(actor, 'i');
      const visible = await em.createQueryBuilder().select('i.id').from('investigations', 'i').where('i.id = :id', { id: data.investigationId }).andWhere(scope.sql, scope.params).setLock('pessimistic_write').getRawOne();
      if (!visible) throw DomainError.notFound('Investigation', data.investigationId);
      const excluded = data.exceptOrganisationIds ?? [];
      const deadlines = await em
        .getRepository(OpenDeadline)
        .createQueryBuilder('d')
        .where('d.investigation_id = :id AND d.kind = :kind AND d.due_date < :newDueDate', { id: data.investigationId, kind: data.kind, newDueDate: data.newDueDate })
        .andWhere(excluded.length ? '(d.organisation_id IS NULL OR NOT (d.organisation_id = ANY(:excluded)))' : 'TRUE', { excluded })
        .getMany();
      if (!deadlines.length) {
        throw DomainError.badInput(`No open ${data.kind} deadline of this investigation is due before ${data.newDueDate}.`, [{ path: 'input.newDueDate', message: 'nothing to extend' }]);
      }
      const repo = em.getRepository(ExtensionDecision);
      const decision = await repo.save(
        repo.create({ investigationId: data.investigationId, kind: data.kind, newDueDate: data.newDueDate, reason: data.reason.trim(), inspectorId: actor.userId, excludedOrganisationIds: excluded, affected: deadlines.length }),
      );
      for (const deadline of deadlines) await this.move(em, deadline, data.newDueDate, { reason: data.reason.trim(), decidedBy: actor.userId, extensionDecisionId: decision.id });
      return decision;
    });
  }

  /** Moves one due date (never silently: the change is recorded), keeping the original beside it. */
  private async move(em: EntityManager, deadline: OpenDeadline, to: string, why: { reason: string; decidedBy: string; extensionRequestId?: string; extensionDecisionId?: string }) {
    const target = DUE_COLUMN[deadline.kind];
    // The version moves too, so someone editing the row with the old date gets CONFLICT.
    await em.query(`UPDATE ${target.table} SET ${target.column} = $2, version = version + 1, updated_at = now() WHERE id = $1 AND ${target.open}`, [deadline.id, to]);
    await em.insert(DueDateChange, {
      kind: deadline.kind,
      subjectId: deadline.id,
      investigationId: deadline.investigationId,
      fromDate: deadline.dueDate,
      toDate: to,
      reason: why.reason,
      decidedBy: why.decidedBy,
      extensionRequestId: why.extensionRequestId ?? null,
      extensionDecisionId: why.extensionDecisionId ?? null,
    });
  }

  private async lockRequest(em: EntityManager, actor: Actor, id: string, expectedVersion: number): Promise<ExtensionRequest> {
    const qb = em.getRepository(ExtensionRequest).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write');
    if (actor.role === Role.ORGANISATION_MEMBER) qb.andWhere('r.organisation_id = :scopeOrgId', { scopeOrgId: actor.organisationId });
    else {
      const scope = investigationScope(actor, 'scope_i');
      qb.andWhere(`EXISTS (SELECT 1 FROM investigations scope_i WHERE scope_i.id = r.investigation_id AND ${scope.sql})`, scope.params);
    }
    const request = await qb.getOne();
    if (!request) throw DomainError.notFound('ExtensionRequest', id);
    if (request.version !== expectedVersion) throw DomainError.conflict('ExtensionRequest', id, expectedVersion, request.version);
    return request;
  }

}
