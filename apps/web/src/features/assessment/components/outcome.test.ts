import { describe, expect, it } from 'vitest';
import { outcomeOf } from './outcome';

describe('outcomeOf', () => {
  it('accepts only when all three are sufficient', () => {
    expect(outcomeOf({ aimedAtShortcomings: 'SUFFICIENT', chanceOfSuccess: 'SUFFICIENT', pace: 'SUFFICIENT' })).toBe('ACCEPTED');
    expect(outcomeOf({ aimedAtShortcomings: 'SUFFICIENT', chanceOfSuccess: 'SUFFICIENT', pace: 'INSUFFICIENT' })).toBe(
      'REVISION_REQUESTED',
    );
  });
  it('asks for revision as soon as one is insufficient, and has no outcome while one is open', () => {
    expect(outcomeOf({ aimedAtShortcomings: 'INSUFFICIENT', chanceOfSuccess: '', pace: '' })).toBe('REVISION_REQUESTED');
    expect(outcomeOf({ aimedAtShortcomings: 'SUFFICIENT', chanceOfSuccess: '', pace: 'SUFFICIENT' })).toBeNull();
  });
});
