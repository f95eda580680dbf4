import { InternalAuditStatus } from './audit.entity';
import { auditStateMachine } from './audit.state-machine';

describe('audit state machine', () => {
  it('let the inspectorate verify only after judging the audit', () => {
    expect(auditStateMachine.can(InternalAuditStatus.DRAFT, 'verify')).toBe(false);
    expect(auditStateMachine.can(InternalAuditStatus.SUBMITTED, 'verify')).toBe(false);
    expect(auditStateMachine.can(InternalAuditStatus.JUDGED, 'verify')).toBe(true);
  });

  it('follow an insufficient audit with a revised audit or a planned own verification', () => {
    expect(auditStateMachine.next(InternalAuditStatus.SUBMITTED, 'request_revision')).toBe(InternalAuditStatus.REVISION_REQUESTED);
    expect(auditStateMachine.next(InternalAuditStatus.SUBMITTED, 'plan_own_verification')).toBe(InternalAuditStatus.JUDGED);
    expect(auditStateMachine.can(InternalAuditStatus.DRAFT, 'plan_own_verification')).toBe(false);
  });
});
