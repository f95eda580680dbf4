import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '@opvolging/config';
import { Database, Tx } from '@opvolging/database';
import { Actor, Clock, DomainError, DomainEvents, EventKind, PROCESS_EVENT, ProcessEvent, Role } from '@opvolging/shared';
import { cleanBody, CommentRow, commentStateMachine, mentionedEmails, statusOf } from './comment';
import { checkVisibility } from './comment-visibility';
import { commentRepository, CommentVersionRow } from './comments.repository';
import { inspectorsSee, readableVisibilities, requireParticipantRole, resolveThread, SubjectType, Thread, Visibility } from './thread';

export interface AddCommentData {
  subjectType: SubjectType;
  subjectId: string;
  visibility: Visibility;
  body: string;
}

export type CommentVersion = CommentVersionRow;

/**
 * Threads on a plan, a measure, an internal audit and a verification. Who reads a comment follows
 * its visibility and the subject's own access rules; the participants and the mentioned are told
 * through the event notifications, in the comment's own transaction.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly events: DomainEvents<Tx>,
  ) {}

  async thread(actor: Actor, subjectType: SubjectType, subjectId: string): Promise<CommentRow[]> {
    requireParticipantRole(actor, 'read comments');
    return this.db.transaction(actor, async ({ em }) => {
      const thread = await resolveThread(em, actor, subjectType, subjectId);
      return commentRepository.thread(em, thread, readableVisibilities(actor));
    });
  }

  /** Comments by id that the actor may read (for attachments and loaders). */
  async byIds(actor: Actor, ids: readonly string[]): Promise<CommentRow[]> {
    if (actor.role !== Role.INSPECTOR && actor.role !== Role.ORGANISATION_MEMBER) return [];
    return this.db.transaction(actor, async ({ em }) => {
      const rows = await commentRepository.byIds(em, ids, readableVisibilities(actor));
      const seen: CommentRow[] = [];
      for (const row of rows) {
        const ok = await resolveThread(em, actor, row.subjectType, row.subjectId).then(
          () => true,
          () => false,
        );
        if (ok) seen.push(row);
      }
      return seen;
    });
  }

  async add(actor: Actor, data: AddCommentData): Promise<CommentRow> {
    requireParticipantRole(actor, 'write comments');
    const body = cleanBody(data.body, 'input.body');
    return this.db.transaction(actor, async (tx) => {
      const thread = await resolveThread(tx.em, actor, data.subjectType, data.subjectId);
      checkVisibility(actor.role, thread, data.visibility);
      const mentioned = await this.mayRead(tx.em, thread, data.visibility, { emails: mentionedEmails(body) });
      const row = await commentRepository.insert(tx.em, {
        investigationId: thread.investigationId,
        planId: thread.planId,
        organisationId: thread.organisationId,
        subjectType: thread.subjectType,
        subjectId: thread.subjectId,
        visibility: data.visibility,
        authorId: actor.userId,
        authorRole: actor.role,
        body,
        mentioned,
        createdAt: this.clock.now(),
      });
      await this.tell(tx, thread, row, mentioned);
      return row;
    });
  }

  /** The author, within COMMENT_EDIT_WINDOW_MINUTES of writing; the earlier text stays in the history. */
  async edit(actor: Actor, data: { id: string; expectedVersion: number; body: string }): Promise<CommentRow> {
    requireParticipantRole(actor, 'edit comments');
    const body = cleanBody(data.body, 'input.body');
    return this.db.transaction(actor, async (tx) => {
      const current = await this.lockOwn(tx.em, actor, data.id, data.expectedVersion, 'edit');
      const minutes = this.config.COMMENT_EDIT_WINDOW_MINUTES;
      if (this.clock.now().getTime() - new Date(current.createdAt).getTime() > minutes * 60_000)
        throw DomainError.forbidden(`A comment can be edited only within ${minutes} minutes of writing it; write a new comment instead.`);
      const thread = await resolveThread(tx.em, actor, current.subjectType, current.subjectId);
      const mentioned = await this.mayRead(tx.em, thread, current.visibility, { emails: mentionedEmails(body) });
      const row = await commentRepository.edit(tx.em, current.id, body, mentioned, this.clock.now());
      // Only people newly mentioned are told; the others heard of the comment already.
      const fresh = mentioned.filter((id) => !current.mentionedUserIds.includes(id));
      if (fresh.length) await this.emit(tx, EventKind.COMMENT_MENTIONED, thread, row, { userIds: fresh });
      return row;
    });
  }

  /** The author deletes a comment: a tombstone that says who and when; the text stays in the history only. */
  async remove(actor: Actor, data: { id: string; expectedVersion: number }): Promise<CommentRow> {
    requireParticipantRole(actor, 'delete comments');
    return this.db.transaction(actor, async (tx) => {
      const current = await this.lockOwn(tx.em, actor, data.id, data.expectedVersion, 'delete');
      return commentRepository.tombstone(tx.em, current.id, this.clock.now(), actor.userId);
    });
  }

  /** Every version of a comment the actor may read, oldest first, from the append-only history. */
  async versions(actor: Actor, id: string): Promise<CommentVersion[]> {
    const [comment] = await this.byIds(actor, [id]);
    if (!comment) throw DomainError.notFound('Comment', id);
    return this.db.transaction(actor, ({ em }) => commentRepository.versions(em, id, actor.userId));
  }

  /** The accounts (by id or e-mail) that may read the thread's comments of that visibility. */
  private async mayRead(
    em: EntityManager,
    thread: Thread,
    visibility: Visibility,
    who: { emails?: string[]; ids?: string[] },
  ): Promise<string[]> {
    if (!who.emails?.length && !who.ids?.length) return [];
    return commentRepository.mayRead(em, thread, visibility, inspectorsSee(thread), who.emails ?? [], who.ids ?? []);
  }

  private async lockOwn(
    em: EntityManager,
    actor: Actor,
    id: string,
    expectedVersion: number,
    action: 'edit' | 'delete',
  ): Promise<CommentRow> {
    const row = await commentRepository.lock(em, id, readableVisibilities(actor));
    if (!row) throw DomainError.notFound('Comment', id);
    await resolveThread(em, actor, row.subjectType, row.subjectId); // NOT_FOUND when the subject is out of scope
    if (row.authorId !== actor.userId) throw DomainError.forbidden(`Only the author may ${action} a comment.`);
    commentStateMachine.next(statusOf(row), action);
    if (row.version !== expectedVersion) throw DomainError.conflict('Comment', id, expectedVersion, row.version);
    return row;
  }

  /**
   * The thread's participants (earlier authors who may read this comment) are told, and the
   * mentioned apart; a first public word goes to the other side (the organisation, or the case's
   * inspectors) so a question reaches someone.
   */
  private async tell(tx: Tx, thread: Thread, row: CommentRow, mentioned: string[]): Promise<void> {
    const authors = await commentRepository.otherAuthors(tx.em, thread.subjectType, thread.subjectId, row.id);
    const participants = (await this.mayRead(tx.em, thread, row.visibility, { ids: authors.map((a) => a.author_id) })).filter(
      (id) => !mentioned.includes(id),
    );
    const audiences: ProcessEvent['audiences'] = [];
    if (row.visibility === Visibility.PUBLIC) {
      const other = row.authorRole === Role.INSPECTOR ? Role.ORGANISATION_MEMBER : Role.INSPECTOR;
      if (!authors.some((a) => a.author_role === other)) audiences.push(other === Role.INSPECTOR ? 'INSPECTORS' : 'ORGANISATION');
    }
    if (participants.length || audiences.length)
      await this.emit(tx, EventKind.COMMENT_ADDED, thread, row, { userIds: participants, audiences });
    if (mentioned.length) await this.emit(tx, EventKind.COMMENT_MENTIONED, thread, row, { userIds: mentioned });
  }

  private async emit(
    tx: Tx,
    kind: EventKind,
    thread: Thread,
    row: CommentRow,
    to: { userIds: string[]; audiences?: ProcessEvent['audiences'] },
  ): Promise<void> {
    const authorName = await commentRepository.displayName(tx.em, row.authorId);
    const payload: ProcessEvent = {
      kind,
      investigationId: thread.investigationId,
      organisationId: thread.organisationId,
      subjectId: row.id,
      planId: thread.planId,
      audiences: to.audiences ?? [],
      userIds: to.userIds,
      details: {
        subjectType: thread.subjectType,
        threadId: thread.subjectId,
        visibility: row.visibility,
        authorName,
      },
    };
    await this.events.emit(tx, { type: PROCESS_EVENT, payload });
  }
}
