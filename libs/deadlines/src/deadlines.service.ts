import { Injectable } from '@nestjs/common';
import { EntityManager, QueryFailedError } from 'typeorm';
import { Database, Page, PageArgs, paginate, Tx } from '@opvolging/database';
import {
  Actor,
  Clock,
  DomainError,
  DomainEvents,
  ErrorCode,
  EventKind,
  group,
  PROCESS_EVENT,
  ProcessEvent,
  Role,
  requireRole,
} from '@opvolging/shared';
import { DueDateChange, ExtensionDecision, ExtensionRequest, ExtensionStatus, OpenDeadline } from './deadline.entity';
import { DeadlineFilter, deadlineRepository as rows, mineSql } from './deadline.repository';
import { recordDueDateChange } from './due-date-changes';
import { DeadlineKind, ORGANISATION_KINDS } from './reminder-policy';
import { DueDateMovers } from './due-date-movers';
import { OPEN_DEADLINE_SOURCES } from './open-deadlines';

export type { DeadlineFilter } from './deadline.repository';

@Injectable()
export class DeadlinesService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly movers: DueDateMovers,
    private readonly events: DomainEvents<Tx>,
  ) {}

  // ---- reads -------------------------------------------------------------------------------

  list(actor: Actor, filter: DeadlineFilter, page: PageArgs): Promise<Page<OpenDeadline>> {
    return paginate(
      this.db,
      actor,
      (em) => rows.filtered(em, actor, filter, this.clock.today()),
      'd.subject_id',
      { expression: 'd.due_date', type: 'date', direction: 'ASC' },
      page,
    );
  }

  /**
   * SQL: deadlines a user answers for. Members: own measures, and their organisation's plan and audit; inspectors: assessments and
   * trajectory ends of their inspectorate's cases.
   */
  mineSql(actor: Actor, d = 'd'): string {
    return mineSql(actor, d);
  }

  /**
   * The open deadlines of these subjects (plans, measures, audits, investigations) that the actor
   * may see, in one statement, with the same scope as `list`. `kinds` narrows the kinds looked at:
   * a plan is the subject of both PLAN_DUE and ASSESSMENT_DUE (at different times).
   */
  byIds(actor: Actor, ids: readonly string[], kinds?: readonly DeadlineKind[]): Promise<OpenDeadline[]> {
    if (!ids.length || kinds?.length === 0) return Promise.resolve([]);
    return this.db.read(actor, ({ em }) => rows.bySubjects(em, actor, ids, kinds));
  }

  /** The deadlines a user answers for, for the calendar feed. */
  responsibleFor(actor: Actor, limit = 500): Promise<OpenDeadline[]> {
    return this.db.read(actor, ({ em }) => rows.responsibleFor(em, actor, limit));
  }

  async changesBySubject(actor: Actor, subjectIds: readonly string[]): Promise<Map<string, DueDateChange[]>> {
    const changes = await this.db.read(actor, ({ em }) => rows.changesBySubject(em, actor, subjectIds));
    return group(
      changes,
      (c) => c.subjectId,
      (c) => c,
    );
  }

  listRequests(
    actor: Actor,
    filter: { investigationId?: string; status?: ExtensionStatus },
    page: PageArgs,
  ): Promise<Page<ExtensionRequest>> {
    return paginate(
      this.db,
      actor,
      (em) => rows.requestsFiltered(em, actor, filter),
      'r.id',
      { expression: 'r.created_at', type: 'timestamptz', direction: 'DESC' },
      page,
    );
  }

  // ---- extensions --------------------------------------------------------------------------

  /** An organisation asks, before the due date, for a later one. */
  request(
    actor: Actor,
    data: { kind: DeadlineKind; subjectId: string; requestedDueDate: string; reason: string },
  ): Promise<ExtensionRequest> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'ask for extensions');
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      if (!(ORGANISATION_KINDS as readonly string[]).includes(data.kind)) {
        throw DomainError.badInput(`An organisation can ask to extend ${ORGANISATION_KINDS.join(', ')}, not ${data.kind}.`, [
          { path: 'input.kind', message: 'not extendable by an organisation' },
        ]);
      }
      const deadline = await rows.visible(em, actor, data.kind, data.subjectId);
      if (!deadline) throw DomainError.notFound('Deadline', `${data.kind}/${data.subjectId}`);
      const today = this.clock.today();
      if (deadline.dueDate < today) {
        throw DomainError.badInput(
          `The due date ${deadline.dueDate} has passed; ask for an extension before a deadline, or contact the inspector.`,
          [{ path: 'input.subjectId', message: 'deadline already passed' }],
        );
      }
      if (data.requestedDueDate <= deadline.dueDate) {
        throw DomainError.badInput(`Ask for a date after the current due date ${deadline.dueDate}.`, [
          { path: 'input.requestedDueDate', message: `must be after ${deadline.dueDate}` },
        ]);
      }
      try {
        const request = await rows.insertRequest(em, {
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
        });
        await this.tell(tx, EventKind.EXTENSION_REQUESTED, request, { audiences: ['INSPECTORS'] });
        return request;
      } catch (error) {
        if (error instanceof QueryFailedError && (error as unknown as { code: string }).code === '23505') {
          throw new DomainError(ErrorCode.CONFLICT, 'An extension request for this deadline is already waiting for a decision.', {
            kind: data.kind,
            subjectId: data.subjectId,
          });
        }
        throw error;
      }
    });
  }

  /** An inspector grants (optionally to another date) or refuses; a grant moves the deadline and its reminders. */
  decide(
    actor: Actor,
    data: { id: string; expectedVersion: number; grant: boolean; grantedDueDate?: string; note: string },
  ): Promise<ExtensionRequest> {
    requireRole(actor, [Role.INSPECTOR], 'decide on extension requests');
    return this.db.transaction(actor, async (tx) => {
      const { em } = tx;
      const request = await this.lockPendingRequest(em, actor, data.id, data.expectedVersion);
      const now = this.clock.now();
      if (!data.grant) {
        await rows.updateRequest(em, request.id, {
          status: ExtensionStatus.REFUSED,
          decidedBy: actor.userId,
          decidedAt: now,
          decisionNote: data.note.trim(),
          version: request.version + 1,
        });
        const refused = await rows.request(em, request.id);
        await this.tell(tx, EventKind.EXTENSION_DECIDED, refused, { userIds: [request.requestedBy] });
        return refused;
      }
      // Lock the row that carries the due date first, so a concurrent step (a submission) either
      // finished before we read the deadline or waits until this decision is committed.
      const target = OPEN_DEADLINE_SOURCES[request.kind];
      await rows.lockSubjectRow(em, target.table, request.subjectId);
      const deadline = await rows.openDeadline(em, request.kind, request.subjectId);
      if (!deadline)
        throw new DomainError(
          ErrorCode.INVALID_TRANSITION,
          'The deadline is no longer open (the step was completed); nothing to extend.',
          {},
        );
      const to = data.grantedDueDate ?? request.requestedDueDate;
      if (to <= deadline.dueDate) {
        throw DomainError.badInput(`The new date must be after the current due date ${deadline.dueDate}.`, [
          { path: 'input.grantedDueDate', message: `must be after ${deadline.dueDate}` },
        ]);
      }
      await rows.updateRequest(em, request.id, {
        status: ExtensionStatus.GRANTED,
        grantedDueDate: to,
        decidedBy: actor.userId,
        decidedAt: now,
        decisionNote: data.note.trim(),
        version: request.version + 1,
      });
      await this.move(em, deadline, to, {
        reason: `${request.reason.trim()} — ${data.note.trim()}`,
        decidedBy: actor.userId,
        extensionRequestId: request.id,
      });
      const granted = await rows.request(em, request.id);
      await this.tell(tx, EventKind.EXTENSION_DECIDED, granted, { userIds: [request.requestedBy] });
      return granted;
    });
  }

  withdraw(actor: Actor, data: { id: string; expectedVersion: number }): Promise<ExtensionRequest> {
    requireRole(actor, [Role.ORGANISATION_MEMBER], 'withdraw extension requests');
    return this.db.transaction(actor, async ({ em }) => {
      const request = await this.lockPendingRequest(em, actor, data.id, data.expectedVersion);
      await rows.updateRequest(em, request.id, { status: ExtensionStatus.WITHDRAWN, version: request.version + 1 });
      return rows.request(em, request.id);
    });
  }

  /**
   * One recorded decision that moves many deadlines: e.g. every plan deadline of an investigation
   * except those of one organisation. Deadlines already later than the new date are left alone.
   */
  extendMany(
    actor: Actor,
    data: { investigationId: string; kind: DeadlineKind; newDueDate: string; exceptOrganisationIds?: string[]; reason: string },
  ): Promise<ExtensionDecision> {
    requireRole(actor, [Role.INSPECTOR], 'extend deadlines');
    return this.db.transaction(actor, async ({ em }) => {
      const visible = await rows.lockVisibleInvestigation(em, actor, data.investigationId);
      if (!visible) throw DomainError.notFound('Investigation', data.investigationId);
      const excluded = data.exceptOrganisationIds ?? [];
      const deadlines = await rows.dueBefore(em, {
        investigationId: data.investigationId,
        kind: data.kind,
        newDueDate: data.newDueDate,
        excluded,
      });
      if (!deadlines.length) {
        throw DomainError.badInput(`No open ${data.kind} deadline of this investigation is due before ${data.newDueDate}.`, [
          { path: 'input.newDueDate', message: 'nothing to extend' },
        ]);
      }
      const decision = await rows.insertDecision(em, {
        investigationId: data.investigationId,
        kind: data.kind,
        newDueDate: data.newDueDate,
        reason: data.reason.trim(),
        inspectorId: actor.userId,
        excludedOrganisationIds: excluded,
        affected: deadlines.length,
      });
      for (const deadline of deadlines)
        await this.move(em, deadline, data.newDueDate, {
          reason: data.reason.trim(),
          decidedBy: actor.userId,
          extensionDecisionId: decision.id,
        });
      return decision;
    });
  }

  /** Tells the inspectors of a request, or the requester of the decision (event notifications). */
  private tell(
    tx: Tx,
    kind: EventKind,
    r: ExtensionRequest,
    who: Pick<ProcessEvent, 'userIds'> & { audiences?: ProcessEvent['audiences'] },
  ) {
    const payload: ProcessEvent = {
      kind,
      investigationId: r.investigationId,
      organisationId: r.organisationId,
      subjectId: r.id,
      planId: null,
      audiences: who.audiences ?? [],
      userIds: who.userIds,
      details: {
        deadlineKind: r.kind,
        currentDueDate: r.currentDueDate,
        requestedDueDate: r.requestedDueDate,
        outcome: r.status === ExtensionStatus.PENDING ? null : r.status,
        grantedDueDate: r.grantedDueDate,
      },
    };
    return this.events.emit(tx, { type: PROCESS_EVENT, payload });
  }

  /** Moves one due date (never silently: the change is recorded), keeping the original beside it. */
  private async move(
    em: EntityManager,
    deadline: OpenDeadline,
    to: string,
    why: { reason: string; decidedBy: string; extensionRequestId?: string; extensionDecisionId?: string },
  ) {
    // The owning library moves its row (and its version, so someone editing it with the old date gets CONFLICT).
    const moved = await this.movers.move(em, deadline.kind, deadline.id, to);
    // No row: the step was completed meanwhile. Nothing is recorded (the whole transaction rolls back).
    if (moved !== 1) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, 'The deadline is no longer open (the step was completed); nothing to extend.', {
        kind: deadline.kind,
        subjectId: deadline.id,
      });
    }
    await recordDueDateChange(em, {
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

  /** The request, locked, if it is still pending: a decided or withdrawn request cannot change again. */
  private async lockPendingRequest(em: EntityManager, actor: Actor, id: string, expectedVersion: number): Promise<ExtensionRequest> {
    const request = await this.lockRequest(em, actor, id, expectedVersion);
    if (request.status !== ExtensionStatus.PENDING) {
      throw new DomainError(ErrorCode.INVALID_TRANSITION, `This request was already ${request.status.toLowerCase()}.`, {
        from: request.status,
      });
    }
    return request;
  }

  private async lockRequest(em: EntityManager, actor: Actor, id: string, expectedVersion: number): Promise<ExtensionRequest> {
    const request = await rows.lockRequest(em, actor, id);
    if (!request) throw DomainError.notFound('ExtensionRequest', id);
    if (request.version !== expectedVersion) throw DomainError.conflict('ExtensionRequest', id, expectedVersion, request.version);
    return request;
  }
}
