import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { AppConfig } from '@opvolging/config';
import { AttachmentsService, COMMENT_MAX_LENGTH, CommentRow, CommentsService, SubjectType } from '@opvolging/conversation';
import { Actor } from '@opvolging/shared';
import { VersionedRefInput } from '../graphql/common.input';
import { actorOf, CurrentActor } from '../graphql/current-actor.decorator';
import { RequestContext } from '../graphql/request-context';
import {
  AddCommentInput,
  AttachmentType,
  CommentThreadType,
  CommentType,
  CommentVersionType,
  EditCommentInput,
  PRIVACY_REMINDER_EN,
  PRIVACY_REMINDER_NL,
} from './conversation.model';

@Resolver(() => CommentType)
export class CommentsResolver {
  constructor(
    private readonly comments: CommentsService,
    private readonly files: AttachmentsService,
    private readonly config: AppConfig,
  ) {}

  @Query(() => CommentThreadType, {
    description: 'The thread of a plan, measure, internal audit or verification: inspectors and organisation members who may see the item.',
  })
  async commentThread(
    @CurrentActor() actor: Actor,
    @Args('subjectType', { type: () => SubjectType }) subjectType: SubjectType,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ) {
    return {
      subjectType,
      subjectId,
      comments: await this.comments.thread(actor, subjectType, subjectId),
      editWindowMinutes: this.config.COMMENT_EDIT_WINDOW_MINUTES,
      maxLength: COMMENT_MAX_LENGTH,
      privacyReminderNl: PRIVACY_REMINDER_NL,
      privacyReminderEn: PRIVACY_REMINDER_EN,
    };
  }

  @Mutation(() => CommentType, {
    description: 'Inspectors (PUBLIC or INTERNAL) and organisation members (PUBLIC, or ORGANISATION on a draft plan).',
  })
  addComment(@CurrentActor() actor: Actor, @Args('input') input: AddCommentInput) {
    return this.comments.add(actor, input);
  }

  @Mutation(() => CommentType, {
    description: 'The author, within the edit window (COMMENT_EDIT_WINDOW_MINUTES); every version stays in the history.',
  })
  editComment(@CurrentActor() actor: Actor, @Args('input') input: EditCommentInput) {
    return this.comments.edit(actor, input);
  }

  @Mutation(() => CommentType, { description: 'The author: leaves a tombstone; the text stays only in the history.' })
  deleteComment(@CurrentActor() actor: Actor, @Args('input') input: VersionedRefInput) {
    return this.comments.remove(actor, input);
  }

  @ResolveField(() => [CommentVersionType], { description: 'Every version, from the append-only history.' })
  versions(c: CommentRow, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return this.comments.versions(actor, c.id);
  }

  @ResolveField(() => [AttachmentType])
  attachments(c: CommentRow, _args: unknown, ctx: RequestContext, info: GraphQLResolveInfo) {
    const actor = actorOf(ctx, info);
    return this.files.ofSubject(actor, SubjectType.COMMENT, c.id);
  }
}

@Resolver(() => AttachmentType)
export class AttachmentsResolver {
  constructor(private readonly files: AttachmentsService) {}

  @Query(() => [AttachmentType], {
    description:
      'Evidence files of a measure, internal audit, verification or comment (upload with POST /attachments). Deleted ones as tombstones.',
  })
  attachments(
    @CurrentActor() actor: Actor,
    @Args('subjectType', { type: () => SubjectType }) subjectType: SubjectType,
    @Args('subjectId', { type: () => ID }) subjectId: string,
  ) {
    return this.files.ofSubject(actor, subjectType, subjectId);
  }

  @Mutation(() => AttachmentType, {
    description: 'The uploader: the file becomes a tombstone (name, size, SHA-256 kept) and its bytes are removed.',
  })
  deleteAttachment(@CurrentActor() actor: Actor, @Args('input') input: VersionedRefInput) {
    return this.files.remove(actor, input);
  }

  @ResolveField(() => String, { description: 'GET this path with the bearer token to download the file.' })
  downloadPath(a: AttachmentType) {
    return `/attachments/${a.id}/download`;
  }
}
