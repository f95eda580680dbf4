import { addDays, addMonths, DeadlineUnit, dutchHolidays, easterSunday, workingDays } from '@opvolging/shared';

describe('Dutch working days', () => {
  it('computes Easter for known years', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => easterSunday(Number(y)))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it("knows the holidays of the Algemene termijnenwet, King's Day moved off Sunday", () => {
    expect([...dutchHolidays(2026)].sort()).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-04-27',
      '2026-05-05',
      '2026-05-14',
      '2026-05-25',
      '2026-12-25',
      '2026-12-26',
    ]);
    // 27 April 2025 was a Sunday: King's Day was Saturday the 26th.
    expect(dutchHolidays(2025).has('2025-04-26')).toBe(true);
    expect(dutchHolidays(2025).has('2025-04-27')).toBe(false);
    expect(dutchHolidays(2026).has('2026-04-03')).toBe(false); // Good Friday is not a holiday here
  });

  it("skips weekends, Easter Monday, King's Day and Christmas", () => {
    // Thursday 2 April 2026 + 2 working days: Friday 3rd, (weekend, Easter Monday 6th) Tuesday 7th.
    expect(workingDays.add('2026-04-02', 2)).toBe('2026-04-07');
    // Friday 24 April + 1: (weekend, King's Day Monday 27th) Tuesday 28th.
    expect(workingDays.add('2026-04-24', 1)).toBe('2026-04-28');
    // Thursday 24 December + 1: (25th, 26th, Sunday 27th) Monday 28th.
    expect(workingDays.add('2026-12-24', 1)).toBe('2026-12-28');
    // Backwards, for reminders: 3 working days before Tuesday 29 December is Wednesday 23rd.
    expect(workingDays.add('2026-12-29', -3)).toBe('2026-12-23');
  });

  it('applies the policy unit to due dates', () => {
    expect(addDays('2026-03-02', 42, DeadlineUnit.CALENDAR_DAYS)).toBe('2026-04-13');
    expect(addDays('2026-03-02', 30, DeadlineUnit.WORKING_DAYS)).toBe('2026-04-14'); // Easter Monday skipped
    expect(addMonths('2026-06-27', 6, DeadlineUnit.CALENDAR_DAYS)).toBe('2026-12-27');
    expect(addMonths('2026-06-25', 6, DeadlineUnit.WORKING_DAYS)).toBe('2026-12-28'); // Christmas Day → Monday 28th
  });
});
