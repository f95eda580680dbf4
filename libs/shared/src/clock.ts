import { DateTime } from 'luxon';

/** The product's legal time zone: deadlines are calendar dates in the Netherlands. */
export const ZONE = 'Europe/Amsterdam';

/** en-CA formats a date as YYYY-MM-DD; one formatter, made once (resolvers ask for today per row). */
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Time behind an interface so tests and the demo scenario can control it. */
export abstract class Clock {
  abstract now(): Date;

  /** Today's calendar date in Europe/Amsterdam, as `YYYY-MM-DD`. */
  today(): string {
    return DUTCH_DATE.format(this.now());
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** A clock that only moves when told to; used by tests and by the demo scenario. */
export class ManualClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(to: Date | string): void {
    this.current = typeof to === 'string' ? DateTime.fromISO(to, { zone: ZONE }).toJSDate() : new Date(to.getTime());
  }
  advanceDays(days: number): void {
    this.current = DateTime.fromJSDate(this.current, { zone: ZONE }).plus({ days }).toJSDate();
  }
}
