import { describe, expect, it } from 'vitest';
import { daysBetween, formatDateTime, formatDay, todayInAmsterdam } from './format';

describe('dates', () => {
  it('a calendar day never shifts, whatever the time zone of the machine', () => {
    expect(formatDay('2026-12-14', 'nl')).toBe('14 december 2026');
    expect(formatDay('2026-12-14', 'en')).toBe('14 December 2026');
    expect(formatDay('2027-01-01', 'nl')).toBe('1 januari 2027');
    expect(formatDay('2026-03-29', 'en', 'short')).toBe('29 Mar 2026');
  });

  it('instants are shown in Amsterdam time', () => {
    // 23:30 UTC on 1 December is 00:30 on 2 December in Amsterdam (CET, UTC+1).
    expect(formatDateTime('2026-12-01T23:30:00Z', 'nl')).toBe('2 december 2026 om 00:30');
    expect(formatDateTime('2026-07-01T10:00:00Z', 'en')).toBe('1 July 2026 at 12:00');
    expect(todayInAmsterdam(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
  });

  it('counts whole days across the change to summer time', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-14', '2026-12-10')).toBe(-4);
  });
});
