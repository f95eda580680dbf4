import { StateMachine } from '@opvolging/shared';
import { InvestigationStatus as S } from './investigation.entity';

export type InvestigationAction = 'edit' | 'publish' | 'close' | 'follow_up';

/** DRAFT (inspectors only) → FOLLOW_UP (published) → CLOSED. */
export const investigationStateMachine = new StateMachine<S, InvestigationAction>('investigation', {
  edit: { from: [S.DRAFT], to: S.DRAFT },
  publish: { from: [S.DRAFT], to: S.FOLLOW_UP },
  // Plans, assessments, audits and verifications happen only while the trajectory runs.
  follow_up: { from: [S.FOLLOW_UP], to: S.FOLLOW_UP },
  close: { from: [S.FOLLOW_UP], to: S.CLOSED },
});
