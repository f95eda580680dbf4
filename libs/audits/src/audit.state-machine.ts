import { StateMachine } from '@opvolging/shared';
import { InternalAuditStatus as S } from './audit.entity';

export type AuditAction = 'edit' | 'submit' | 'approve' | 'request_revision' | 'plan_own_verification' | 'verify';

/**
 * DRAFT → SUBMITTED → JUDGED (quality sufficient) or, when insufficient, the inspector's choice:
 * REVISION_REQUESTED (a revised audit, new due date) → SUBMITTED, or JUDGED with the inspectorate's
 * own verification planned. The inspectorate verifies once it has judged the audit at least once.
 */
export const auditStateMachine = new StateMachine<S, AuditAction>('internal audit', {
  edit: { from: [S.DRAFT, S.REVISION_REQUESTED] },
  submit: { from: [S.DRAFT, S.REVISION_REQUESTED], to: S.SUBMITTED },
  approve: { from: [S.SUBMITTED], to: S.JUDGED },
  request_revision: { from: [S.SUBMITTED], to: S.REVISION_REQUESTED },
  plan_own_verification: { from: [S.SUBMITTED], to: S.JUDGED },
  verify: { from: [S.JUDGED, S.REVISION_REQUESTED] },
});
