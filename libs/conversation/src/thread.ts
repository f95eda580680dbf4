import { EntityManager } from 'typeorm';
import { Actor, DomainError, Role } from '@opvolging/shared';
import { ThreadParent, threadRepository as threads } from './thread.repository';

/** The steps of the follow-up that carry a conversation (a thread) and evidence. */
export enum SubjectType {
  PLAN = 'PLAN',
  MEASURE = 'MEASURE',
  INTERNAL_AUDIT = 'INTERNAL_AUDIT',
  VERIFICATION = 'VERIFICATION',
  ENFORCEMENT_MEASURE = 'ENFORCEMENT_MEASURE',
  COMMENT = 'COMMENT',
}

/** PUBLIC: organisation and the case's inspectors; INTERNAL: the inspectorate only; ORGANISATION: the organisation's own (draft plans). */
export enum Visibility {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
  ORGANISATION = 'ORGANISATION',
}

export interface Thread {
  subjectType: SubjectType;
  subjectId: string;
  /** Null for an enforcement measure that concerns the organisation without a plan. */
  planId: string | null;
  investigationId: string;
  organisationId: string;
  planStatus: string;
  /** Set for a comment as the subject: its own visibility, which its attachments inherit. */
  visibility: Visibility | null;
}

const PARENT: Record<Exclude<SubjectType, SubjectType.COMMENT | SubjectType.ENFORCEMENT_MEASURE>, ThreadParent> = {
  [SubjectType.PLAN]: { table: 'improvement_plans', planOf: 's.id', content: false },
  // A draft plan's measures are the organisation's own, as everywhere.
  [SubjectType.MEASURE]: { table: 'measures', planOf: 's.plan_id', content: true },
  [SubjectType.INTERNAL_AUDIT]: { table: 'internal_audits', planOf: 's.plan_id', content: false },
  [SubjectType.VERIFICATION]: { table: 'verifications', planOf: 's.plan_id', content: false },
};

/** Only inspectors and organisation members take part; reviewers and administrators see no thread at all. */
export function requireParticipantRole(actor: Actor, what: string): void {
  if (actor.role !== Role.INSPECTOR && actor.role !== Role.ORGANISATION_MEMBER)
    throw DomainError.forbidden(
      `Only inspectors or organisation members may ${what}; municipality reviewers and administrators see no comments or evidence.`,
    );
}

/** Which visibilities the actor may read: the one rule, also in SQL (`visibleSql`). */
export function readableVisibilities(actor: Actor): Visibility[] {
  if (actor.role === Role.INSPECTOR) return [Visibility.PUBLIC, Visibility.INTERNAL];
  if (actor.role === Role.ORGANISATION_MEMBER) return [Visibility.PUBLIC, Visibility.ORGANISATION];
  return [];
}

/**
 * The thread of a subject as the actor may see it, or NOT_FOUND (as if it did not exist) when the
 * subject is outside the actor's scope: the access rules of the subject itself apply.
 */
export async function resolveThread(em: EntityManager, actor: Actor, subjectType: SubjectType, subjectId: string): Promise<Thread> {
  if (subjectType === SubjectType.COMMENT) {
    const c = await threads.comment(em, subjectId, readableVisibilities(actor));
    if (!c) throw DomainError.notFound('Comment', subjectId);
    const parent = await resolveThread(em, actor, c.subject_type as SubjectType, c.subject_id);
    return { ...parent, subjectType, subjectId, visibility: c.visibility as Visibility };
  }
  if (subjectType === SubjectType.ENFORCEMENT_MEASURE) {
    // Enforcement has no draft: its thread is open to the organisation and the case's inspectors.
    const e = await threads.enforcementMeasure(em, actor, subjectId);
    if (!e) throw DomainError.notFound('Enforcement measure', subjectId);
    return {
      subjectType,
      subjectId,
      planId: e.plan_id,
      investigationId: e.investigation_id,
      organisationId: e.organisation_id,
      planStatus: 'ENFORCEMENT',
      visibility: null,
    };
  }
  const parent = PARENT[subjectType as keyof typeof PARENT];
  if (!parent) throw DomainError.badInput(`Unknown subject type ${String(subjectType)}.`, [{ path: 'subjectType', message: 'unknown' }]);
  const row = await threads.planOf(em, actor, parent, subjectId);
  if (!row) throw DomainError.notFound(subjectLabel(subjectType), subjectId);
  return {
    subjectType,
    subjectId,
    planId: row.plan_id,
    investigationId: row.investigation_id,
    organisationId: row.organisation_id,
    planStatus: row.status,
    visibility: null,
  };
}

export function subjectLabel(type: SubjectType): string {
  return {
    PLAN: 'Improvement plan',
    MEASURE: 'Measure',
    ENFORCEMENT_MEASURE: 'Enforcement measure',
    INTERNAL_AUDIT: 'Internal audit',
    VERIFICATION: 'Verification',
    COMMENT: 'Comment',
  }[type];
}

/** Whether the case's inspectors see the subject at all (a draft plan's measures they do not). */
export function inspectorsSee(thread: Thread): boolean {
  return thread.subjectType !== SubjectType.MEASURE || ['SUBMITTED', 'ACCEPTED', 'CLOSED'].includes(thread.planStatus);
}

/**
 * Who may see a thread's comments of a visibility, as SQL over `users u`: $1 investigation,
 * $2 organisation, $3 visibility, $4 whether inspectors see the subject.
 */
export const MAY_SEE_VISIBILITY_SQL = `u.active AND (
   (u.role = 'INSPECTOR' AND $4::boolean AND $3::text IN ('PUBLIC','INTERNAL') AND u.organisation_id IN (
      SELECT lead_inspectorate_id FROM investigations WHERE id = $1
      UNION SELECT inspectorate_id FROM investigation_inspectorates WHERE investigation_id = $1))
   OR (u.role = 'ORGANISATION_MEMBER' AND $3::text IN ('PUBLIC','ORGANISATION') AND u.organisation_id = $2))`;
