import { DateTime } from 'luxon';
import { ZONE } from './clock';

function utcMidnight(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

/** Calendar-date arithmetic on `YYYY-MM-DD` strings, in the Dutch time zone. */
export const dates = {
  addDays(date: string, days: number): string {
    return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!;
  },
  addMonths(date: string, months: number): string {
    return DateTime.fromISO(date, { zone: ZONE }).plus({ months }).toISODate()!;
  },
  /** The calendar date (Europe/Amsterdam) of an instant. */
  dateOf(instant: Date): string {
    return DateTime.fromJSDate(instant, { zone: ZONE }).toISODate()!;
  },
  /** A real calendar date between 1900 and 2999 (PostgreSQL and people both handle those). */
  isValid(date: string): boolean {
    return /^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(date) && DateTime.fromISO(date, { zone: ZONE }).isValid;
  },
  /** Every calendar date from `from` to `to`, both included (none when `to` is earlier). */
  span(from: string, to: string): string[] {
    const result: string[] = [];
    for (let t = utcMidnight(from), end = utcMidnight(to); t <= end; t += 86_400_000) result.push(new Date(t).toISOString().slice(0, 10));
    return result;
  },
  /** Whole days from `from` to `to` (negative when `to` is earlier). */
  daysBetween(from: string, to: string): number {
    // Calendar dates have no zone: whole UTC days between their midnights. Date.UTC on the parts
    // (not luxon) because overviews call this for every listed case.
    return Math.round((utcMidnight(to) - utcMidnight(from)) / 86_400_000);
  },
};
