import { DateTime } from 'luxon';
import { ZONE } from './clock';

export enum DeadlineUnit {
  CALENDAR_DAYS = 'CALENDAR_DAYS',
  WORKING_DAYS = 'WORKING_DAYS',
}

/** Easter Sunday (Gregorian calendar; anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.fromObject({ year, month, day }, { zone: ZONE }).toISODate()!;
}

const holidayCache = new Map<number, Set<string>>();

/**
 * Dutch public holidays as the Algemene termijnenwet (art. 3) counts them for legal time limits:
 * New Year's Day, Easter Monday, King's Day (27 April, or 26 April when the 27th is a Sunday),
 * 5 May, Ascension Day, Whit Monday, and both Christmas days. (Good Friday is not among them.)
 */
export function dutchHolidays(year: number): Set<string> {
  let cached = holidayCache.get(year);
  if (!cached) {
    const easter = DateTime.fromISO(easterSunday(year), { zone: ZONE });
    const kingsDay = DateTime.fromObject({ year, month: 4, day: 27 }, { zone: ZONE });
    cached = new Set(
      [
        DateTime.fromObject({ year, month: 1, day: 1 }, { zone: ZONE }),
        easter.plus({ days: 1 }), // Easter Monday
        kingsDay.weekday === 7 ? kingsDay.minus({ days: 1 }) : kingsDay,
        DateTime.fromObject({ year, month: 5, day: 5 }, { zone: ZONE }),
        easter.plus({ days: 39 }), // Ascension Day
        easter.plus({ days: 50 }), // Whit Monday
        DateTime.fromObject({ year, month: 12, day: 25 }, { zone: ZONE }),
        DateTime.fromObject({ year, month: 12, day: 26 }, { zone: ZONE }),
      ].map((d) => d.toISODate()!),
    );
    holidayCache.set(year, cached);
  }
  return cached;
}

export const workingDays = {
  isWorkingDay(date: string): boolean {
    const d = DateTime.fromISO(date, { zone: ZONE });
    return d.weekday <= 5 && !dutchHolidays(d.year).has(date);
  },

  /** `date` itself if it is a working day, otherwise the next one. */
  onOrAfter(date: string): string {
    let d = date;
    while (!workingDays.isWorkingDay(d)) d = DateTime.fromISO(d, { zone: ZONE }).plus({ days: 1 }).toISODate()!;
    return d;
  },

  /** `n` working days after (n > 0) or before (n < 0) `date`; `date` itself is not counted. */
  add(date: string, n: number): string {
    let d = DateTime.fromISO(date, { zone: ZONE });
    const step = n >= 0 ? 1 : -1;
    for (let left = Math.abs(n); left > 0;) {
      d = d.plus({ days: step });
      if (workingDays.isWorkingDay(d.toISODate()!)) left--;
    }
    return d.toISODate()!;
  },
};

/** A due date `days` after `date`, counted as the investigation's policy says. */
export function addDays(date: string, days: number, unit: DeadlineUnit): string {
  return unit === DeadlineUnit.WORKING_DAYS
    ? workingDays.add(date, days)
    : DateTime.fromISO(date, { zone: ZONE }).plus({ days }).toISODate()!;
}

/** A due date `months` after `date`; under a working-day policy it moves to the next working day. */
export function addMonths(date: string, months: number, unit: DeadlineUnit): string {
  const plain = DateTime.fromISO(date, { zone: ZONE }).plus({ months }).toISODate()!;
  return unit === DeadlineUnit.WORKING_DAYS ? workingDays.onOrAfter(plain) : plain;
}
