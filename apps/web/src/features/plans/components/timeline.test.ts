import { describe, expect, it } from 'vitest';
import { timelineSteps } from './timeline';

describe('trajectory timeline', () => {
  it('orders the steps, places today and marks a passed due date without its step as late', () => {
    const steps = timelineSteps(
      {
        dueDate: '2026-11-30',
        originalDueDate: '2026-11-30',
        investigation: { publicationDate: '2026-10-19', trajectoryEndDate: '2027-10-19' },
        assessments: [],
      },
      '2026-12-02',
    );
    expect(steps.map((s) => [s.key, s.state])).toEqual([
      ['published', 'done'],
      ['planDue', 'late'],
      ['today', 'today'],
      ['end', 'coming'],
    ]);
  });

  it('a plan submitted in time is done', () => {
    const steps = timelineSteps(
      { dueDate: '2026-12-14', originalDueDate: '2026-12-14', submittedAt: '2026-12-01T10:00:00Z', investigation: {}, assessments: [] },
      '2026-12-02',
    );
    expect(steps.find((s) => s.key === 'planDue')!.state).toBe('done');
  });
});
