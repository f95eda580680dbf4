import { DateTime } from 'luxon';
import { ZONE } from './clock';

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
  /** Whole days from `from` to `to` (negative when `to` is earlier). */
  daysBetween(from: string, to: string): number {
    return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
  },
};
