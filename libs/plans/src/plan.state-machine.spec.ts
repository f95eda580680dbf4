import { ImprovementPlanStatus as P, MeasureStatus as M } from './plan.entity';
import { measureStateMachine, planStateMachine } from './plan.state-machine';
import { DomainError } from '@opvolging/shared';

describe('state machines', () => {
  it('walk a plan through revision to closure', () => {
    let status = P.DRAFT;
    for (const action of ['submit', 'request_revision', 'submit', 'accept', 'close'] as const)
      status = planStateMachine.next(status, action);
    expect(status).toBe(P.CLOSED);
  });

  it('refuse what the table does not allow, saying what is allowed', () => {
    let error: DomainError | undefined;
    try {
      planStateMachine.next(P.DRAFT, 'accept');
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe('INVALID_TRANSITION');
    expect(error?.message).toBe('Cannot accept an improvement plan that is DRAFT; this is only possible when it is SUBMITTED.');
    expect(error?.details).toMatchObject({ from: 'DRAFT', allowedFrom: ['SUBMITTED'] });
  });

  it('allow measure edits only while the plan is with the organisation', () => {
    expect(planStateMachine.actionsFrom(P.DRAFT)).toEqual(['edit_measures', 'submit']);
    expect(planStateMachine.actionsFrom(P.SUBMITTED)).toEqual(['accept', 'request_revision']);
    expect(planStateMachine.actionsFrom(P.ACCEPTED)).toEqual(['report_progress', 'close']);
    expect(planStateMachine.actionsFrom(P.CLOSED)).toEqual([]);
  });

  it('end measures in COMPLETED or CANCELLED', () => {
    expect(measureStateMachine.next(M.PLANNED, 'complete')).toBe(M.COMPLETED);
    expect(measureStateMachine.actionsFrom(M.COMPLETED)).toEqual([]);
    expect(measureStateMachine.actionsFrom(M.CANCELLED)).toEqual([]);
  });
});
