import { describe, expect, it } from 'vitest';
import { entityKey, fieldKeys, statusChange } from './history-words';

describe('history in words', () => {
  it('names known entities and never shows an unknown table name', () => {
    expect(entityKey('improvement_plan')).toBe('investigations.entity.improvement_plan');
    expect(entityKey('some_new_table')).toBe('investigations.entity.other');
  });

  it('labels fields, drops bookkeeping, folds unknown ones into one', () => {
    expect(fieldKeys(['assessment_due_date', 'original_assessment_due_date', 'status', 'version', 'weird_col', 'other_col'])).toEqual([
      'investigations.field.assessment_due_date',
      'investigations.field.status',
      null,
    ]);
    expect(fieldKeys(null)).toEqual([]);
  });

  it('reads the status change from before and after', () => {
    expect(statusChange({ changedFields: ['status'], before: { status: 'SUBMITTED' }, after: { status: 'ACCEPTED' } })).toEqual({
      from: 'SUBMITTED',
      to: 'ACCEPTED',
    });
    expect(statusChange({ changedFields: ['due_date'], before: {}, after: {} })).toBeNull();
  });
});
