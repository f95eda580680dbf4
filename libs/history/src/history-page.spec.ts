import { DomainError } from '@opvolging/shared';
import { historyPageArgs, MAX_HISTORY_PAGE } from './history-page';

const problem = (page: { first?: number; after?: string }) => {
  try {
    historyPageArgs(page);
    return null;
  } catch (error) {
    return (error as DomainError).details;
  }
};

describe('history page arguments', () => {
  it('default to 50 entries from the start', () => {
    expect(historyPageArgs({})).toEqual({ first: 50, after: undefined });
    expect(historyPageArgs({ first: MAX_HISTORY_PAGE, after: '42' })).toEqual({ first: 200, after: '42' });
  });

  it('refuse a size outside 1 to 200 and a cursor that is not a history id, naming the argument', () => {
    expect(problem({ first: 0 })).toEqual({ fields: [{ path: 'first', message: 'between 1 and 200' }] });
    expect(problem({ first: 201 })).toEqual({ fields: [{ path: 'first', message: 'between 1 and 200' }] });
    expect(problem({ first: 1.5 })).not.toBeNull();
    expect(problem({ after: 'abc' })).toEqual({ fields: [{ path: 'after', message: 'unknown cursor' }] });
    expect(problem({ after: '1'.repeat(19) })).not.toBeNull();
  });
});
