import { DeadlineUnit } from '@opvolging/shared';
import { publicationDeadlines } from './publication-deadlines';

describe('the deadlines a publication creates', () => {
  it('counts calendar days and months (month end clamped)', () => {
    const policy = { planDueDays: 42, trajectoryMonths: 1, deadlineUnit: DeadlineUnit.CALENDAR_DAYS };
    expect(publicationDeadlines(policy, '2026-01-31')).toEqual({ planDueDate: '2026-03-14', trajectoryEndDate: '2026-02-28' });
  });

  it('counts Dutch working days, skipping weekends and public holidays, and moves the trajectory end to a working day', () => {
    // Friday 24 April 2026; King's Day (27 April) and Liberation Day (5 May) are skipped; 24 April 2027 is a Saturday.
    const policy = { planDueDays: 10, trajectoryMonths: 12, deadlineUnit: DeadlineUnit.WORKING_DAYS };
    expect(publicationDeadlines(policy, '2026-04-24')).toEqual({ planDueDate: '2026-05-12', trajectoryEndDate: '2027-04-26' });
  });
});
