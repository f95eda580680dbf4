import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { COMMENT_MAX_LENGTH, CommentStatus, SubjectType, Visibility } from '@opvolging/conversation';

registerEnumType(SubjectType, {
  name: 'ThreadSubjectType',
  description:
    'What a comment thread or an evidence file belongs to. Files attach to MEASURE, INTERNAL_AUDIT, VERIFICATION, ENFORCEMENT_MEASURE ' +
    'and COMMENT.',
});
registerEnumType(Visibility, {
  name: 'CommentVisibility',
  description:
    "PUBLIC: the organisation and the case's inspectors. INTERNAL: a note of the inspectorate, never shown to the organisation. " +
    "ORGANISATION: the organisation's own talk on a draft plan, not shown to the inspectors. Municipality reviewers see none.",
});
registerEnumType(CommentStatus, {
  name: 'CommentStatus',
  description: 'DELETED: a tombstone; the text is gone from the thread, its versions stay in the history.',
});

/** Shown wherever comments are written, as on the report itself. */
export const PRIVACY_REMINDER_NL = 'Schrijf geen persoonsgegevens van het gezin of de kinderen: noem de casus alleen bij plaats en jaar.';
export const PRIVACY_REMINDER_EN = 'Do not write personal data of the family or the children: refer to the case by place and year only.';

@ObjectType('Comment', { description: 'One comment in a thread. Plain text with line breaks (never rendered as HTML).' })
export class CommentType {
  @Field(() => ID) id: string;
  @Field(() => SubjectType) subjectType: SubjectType;
  @Field(() => ID) subjectId: string;
  @Field(() => Visibility) visibility: Visibility;
  @Field(() => ID) authorId: string;
  @Field() authorName: string;
  @Field(() => String, { nullable: true, description: 'Null once deleted.' }) body: string | null;
  @Field(() => [ID], { description: 'The accounts mentioned as @e-mail address who may read the thread (and were told).' })
  mentionedUserIds: string[];
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) editedAt: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) deletedAt: Date | null;
  @Field(() => Int) version: number;
  planId: string | null;
}

@ObjectType('CommentVersion', { description: 'A version of a comment from the append-only history, oldest first.' })
export class CommentVersionType {
  @Field(() => String, { nullable: true, description: 'Null for the deletion.' }) body: string | null;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => String, { description: 'INSERT (written), UPDATE (edited or deleted).' }) operation: string;
}

@ObjectType('CommentThread', { description: 'The comments on one item, as the reader may see them.' })
export class CommentThreadType {
  @Field(() => SubjectType) subjectType: SubjectType;
  @Field(() => ID) subjectId: string;
  @Field(() => [CommentType]) comments: CommentType[];
  @Field(() => Int, { description: 'Comments can be edited this many minutes after writing.' }) editWindowMinutes: number;
  @Field(() => Int) maxLength: number;
  @Field({ description: 'The privacy reminder to show with the input (Dutch).' }) privacyReminderNl: string;
  @Field({ description: 'The privacy reminder to show with the input (English).' }) privacyReminderEn: string;
}

@ObjectType('Attachment', {
  description: 'An evidence file: what it is, not its content; download it from `downloadPath` with the bearer token.',
})
export class AttachmentType {
  @Field(() => ID) id: string;
  @Field(() => SubjectType) subjectType: SubjectType;
  @Field(() => ID) subjectId: string;
  @Field(() => Visibility) visibility: Visibility;
  @Field() fileName: string;
  @Field({ description: 'The type found in the content (magic bytes), not the one claimed.' }) contentType: string;
  @Field(() => Float) sizeBytes: number;
  @Field({ description: 'SHA-256 of the content, hex.' }) sha256: string;
  @Field({ description: 'CLEAN: scanned by ClamAV; NOT_SCANNED: no virus scanner is configured.' }) scanned: string;
  @Field(() => ID) uploadedBy: string;
  @Field() uploadedByName: string;
  @Field(() => GraphQLISODateTime) uploadedAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'A deleted file is a tombstone: its bytes are removed.' })
  deletedAt: Date | null;
  @Field(() => Int) version: number;
}

@InputType()
export class AddCommentInput {
  @Field(() => SubjectType) @IsEnum(SubjectType) subjectType: SubjectType;
  @Field(() => ID) @IsUUID() subjectId: string;
  @Field(() => Visibility, {
    description:
      'Required, so nobody publishes by accident. On a draft plan an organisation writes ORGANISATION, or PUBLIC to invite the inspectors.',
  })
  @IsEnum(Visibility)
  visibility: Visibility;
  @Field({
    description: `Plain text, at most ${COMMENT_MAX_LENGTH} characters; @name@example.nl mentions a person who may read the thread.`,
  })
  @IsString()
  @MaxLength(COMMENT_MAX_LENGTH * 2)
  body: string;
}

@InputType()
export class EditCommentInput {
  @Field(() => ID) @IsUUID() id: string;
  @Field(() => Int) @IsInt() @Min(1) expectedVersion: number;
  @Field() @IsString() @MaxLength(COMMENT_MAX_LENGTH * 2) body: string;
}
