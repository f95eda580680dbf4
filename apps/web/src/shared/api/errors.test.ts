import { describe, expect, it } from 'vitest';
import { problemsByField, toUiError } from './errors';

describe('toUiError', () => {
  it('collects the field problems of BAD_USER_INPUT', () => {
    const error = {
      errors: [
        {
          message: 'Invalid input',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ path: 'input.ownerId', message: 'ownerId must be a UUID' }],
            uncoveredPointIds: ['p1'],
          },
        },
      ],
    };
    const ui = toUiError(error);
    expect(ui).toEqual({
      kind: 'input',
      message: 'Invalid input',
      fields: [{ path: 'input.ownerId', message: 'ownerId must be a UUID' }],
      details: { uncoveredPointIds: ['p1'] },
    });
    expect(problemsByField(ui)).toEqual({ ownerId: 'ownerId must be a UUID' });
  });

  it('knows a stale version, a page error, a rate limit and network loss', () => {
    expect(toUiError({ errors: [{ message: 'x', extensions: { code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 } }] })).toMatchObject(
      {
        kind: 'conflict',
        expectedVersion: 1,
        actualVersion: 2,
      },
    );
    expect(toUiError({ errors: [{ message: 'x', extensions: { code: 'NOT_FOUND' } }] }).kind).toBe('not-found');
    expect(toUiError({ errors: [{ message: 'x', extensions: { code: 'FORBIDDEN' } }] }).kind).toBe('forbidden');
    expect(toUiError({ errors: [{ message: 'x', extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 30 } }] })).toMatchObject({
      retryAfterSeconds: 30,
    });
    expect(toUiError(new TypeError('Failed to fetch')).kind).toBe('network');
  });

  it('never passes internals on', () => {
    expect(toUiError({ errors: [{ message: 'relation "plans" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })).toEqual({
      kind: 'unexpected',
    });
    expect(toUiError(new Error('boom'))).toEqual({ kind: 'unexpected' });
  });
});
