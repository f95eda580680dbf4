/**
 * Steps of the process that people are told about (event notifications), raised on the in-transaction
 * `DomainEvents` hub by the context that takes the step; `libs/notifications` records who is told.
 * Defined here so that the contexts raising them need not depend on notifications.
 */
export const PROCESS_EVENT = 'process.event';

export enum EventKind {
  PLAN_SUBMITTED = 'PLAN_SUBMITTED',
  PLAN_ASSESSED = 'PLAN_ASSESSED',
  AUDIT_SUBMITTED = 'AUDIT_SUBMITTED',
  AUDIT_JUDGED = 'AUDIT_JUDGED',
  PLAN_VERIFIED = 'PLAN_VERIFIED',
  EXTENSION_REQUESTED = 'EXTENSION_REQUESTED',
  EXTENSION_DECIDED = 'EXTENSION_DECIDED',
  ENFORCEMENT_STEP = 'ENFORCEMENT_STEP',
  COMMENT_ADDED = 'COMMENT_ADDED',
  COMMENT_MENTIONED = 'COMMENT_MENTIONED',
}

/** Who is told: the case's inspectors, the organisation's members, the municipality's reviewers. */
export type EventAudience = 'INSPECTORS' | 'ORGANISATION' | 'REVIEWERS';

export interface ProcessEvent {
  kind: EventKind;
  investigationId: string;
  organisationId: string | null;
  /** The plan, audit, extension request or enforcement measure the event is about. */
  subjectId: string;
  planId: string | null;
  audiences: EventAudience[];
  /** Told as well, by account (e.g. the requester of an extension). */
  userIds?: string[];
  /** What the texts need: outcome, dates. Codes and dates only, rendered in the reader's language. */
  details: Record<string, string | null>;
}
