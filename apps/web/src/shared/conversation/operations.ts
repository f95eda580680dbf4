import { graphql } from '@web/gql';

export const CommentThreadQuery = graphql(`
  query CommentThread($subjectType: ThreadSubjectType!, $subjectId: ID!) {
    commentThread(subjectType: $subjectType, subjectId: $subjectId) {
      subjectType
      subjectId
      editWindowMinutes
      maxLength
      privacyReminderNl
      privacyReminderEn
      comments {
        id
        visibility
        authorId
        authorName
        body
        createdAt
        editedAt
        deletedAt
        version
      }
    }
  }
`);

export const AddCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      id
      version
    }
  }
`);

export const EditCommentMutation = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      id
      body
      editedAt
      version
    }
  }
`);

export const DeleteCommentMutation = graphql(`
  mutation DeleteComment($input: VersionedRefInput!) {
    deleteComment(input: $input) {
      id
      body
      deletedAt
      version
    }
  }
`);

export const AttachmentsQuery = graphql(`
  query Attachments($subjectType: ThreadSubjectType!, $subjectId: ID!) {
    attachments(subjectType: $subjectType, subjectId: $subjectId) {
      id
      fileName
      contentType
      sizeBytes
      sha256
      uploadedBy
      uploadedByName
      uploadedAt
      deletedAt
      version
      downloadPath
    }
  }
`);

export const DeleteAttachmentMutation = graphql(`
  mutation DeleteAttachment($input: VersionedRefInput!) {
    deleteAttachment(input: $input) {
      id
      deletedAt
      version
    }
  }
`);
