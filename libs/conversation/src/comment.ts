import { DomainError, FieldProblem, StateMachine } from '@opvolging/shared';
import { SubjectType, Visibility } from './thread';

export const COMMENT_MAX_LENGTH = 5000;

export enum CommentStatus {
  ACTIVE = 'ACTIVE',
  DELETED = 'DELETED',
}

/** ACTIVE → (edit, within the window) ACTIVE; ACTIVE → DELETED (a tombstone; the history keeps every version). */
export const commentStateMachine = new StateMachine<CommentStatus, 'edit' | 'delete'>('comment', {
  edit: { from: [CommentStatus.ACTIVE] },
  delete: { from: [CommentStatus.ACTIVE], to: CommentStatus.DELETED },
});

export interface CommentRow {
  id: string;
  investigationId: string;
  planId: string | null;
  organisationId: string;
  subjectType: SubjectType;
  subjectId: string;
  visibility: Visibility;
  authorId: string;
  authorRole: string;
  authorName: string;
  /** Null once deleted. */
  body: string | null;
  mentionedUserIds: string[];
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  version: number;
}

export function statusOf(c: Pick<CommentRow, 'deletedAt'>): CommentStatus {
  return c.deletedAt ? CommentStatus.DELETED : CommentStatus.ACTIVE;
}

/**
 * Plain text with line breaks: line endings made \n, trailing spaces and control characters other
 * than tab and newline refused, at most COMMENT_MAX_LENGTH characters. Nothing is rendered as HTML.
 */
export function cleanBody(raw: string, path = 'body'): string {
  const body = raw.replace(/\r\n?/g, '\n').trim();
  const problems: FieldProblem[] = [];
  if (!body) problems.push({ path, message: 'must not be empty' });
  if ([...body].length > COMMENT_MAX_LENGTH) problems.push({ path, message: `at most ${COMMENT_MAX_LENGTH} characters` });
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(body)) problems.push({ path, message: 'must be plain text (no control characters)' });
  if (problems.length)
    throw DomainError.badInput(`Invalid comment: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}.`, problems);
  return body;
}

/** E-mail addresses mentioned as @name@example.nl, lower-cased, once each. */
export function mentionedEmails(body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(/(?:^|[\s(])@([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})/g))
    found.add(m[1].toLowerCase().replace(/\.$/, ''));
  return [...found];
}
