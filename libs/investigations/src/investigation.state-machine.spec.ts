import { DomainError } from '@opvolging/shared';
import { InvestigationStatus } from './investigation.entity';
import { investigationStateMachine } from './investigation.state-machine';

describe('investigation state machine', () => {
  it('publish an investigation once and close it once', () => {
    expect(investigationStateMachine.next(InvestigationStatus.DRAFT, 'publish')).toBe(InvestigationStatus.FOLLOW_UP);
    expect(() => investigationStateMachine.next(InvestigationStatus.CLOSED, 'close')).toThrow(DomainError);
  });
});
