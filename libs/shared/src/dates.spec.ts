import { DateTime } from 'luxon';
import { dates, ManualClock, ZONE } from '@opvolging/shared';

describe('calendar dates', () => {
  it("gives today's date in the Netherlands around midnight and both daylight-saving switches", () => {
    const clock = new ManualClock();
    const cases: Array<[string, string]> = [
      ['2026-03-28T22:59:59Z', '2026-03-28'], // 23:59:59 CET
      ['2026-03-28T23:00:00Z', '2026-03-29'], // 00:00 CET, the night the clocks go forward
      ['2026-03-29T21:59:59Z', '2026-03-29'], // 23:59:59 CEST
      ['2026-03-29T22:00:00Z', '2026-03-30'],
      ['2026-10-24T21:59:59Z', '2026-10-24'], // 23:59:59 CEST
      ['2026-10-24T22:00:00Z', '2026-10-25'], // 00:00 CEST, the night the clocks go back
      ['2026-10-25T22:59:59Z', '2026-10-25'], // 23:59:59 CET
      ['2026-10-25T23:00:00Z', '2026-10-26'],
      ['2028-02-28T23:30:00Z', '2028-02-29'],
    ];
    for (const [instant, date] of cases) {
      clock.set(new Date(instant));
      expect([instant, clock.today()]).toEqual([instant, date]);
    }
  });

  it('agrees with luxon on every 7 hours 13 seconds of fifty years', () => {
    const clock = new ManualClock();
    const wrong: string[] = [];
    for (let t = Date.UTC(1990, 0, 1); t < Date.UTC(2040, 0, 1); t += 7 * 3_600_000 + 13_000) {
      clock.set(new Date(t));
      if (clock.today() !== DateTime.fromMillis(t, { zone: ZONE }).toISODate()) wrong.push(new Date(t).toISOString());
    }
    expect(wrong).toEqual([]);
  });

  it('counts whole days between dates, across daylight saving and leap days, either way', () => {
    expect(dates.daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(dates.daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(dates.daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(dates.daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
    expect(dates.daysBetween('2026-05-05', '2026-05-05')).toBe(0);
    expect(() => dates.daysBetween('2026-5-5', '2026-05-05')).toThrow(RangeError);
  });

  it('lists every date of a span, across daylight saving and leap days, as addDays counts them', () => {
    expect(dates.span('2028-02-27', '2028-03-01')).toEqual(['2028-02-27', '2028-02-28', '2028-02-29', '2028-03-01']);
    expect(dates.span('2026-05-05', '2026-05-05')).toEqual(['2026-05-05']);
    expect(dates.span('2026-05-05', '2026-05-04')).toEqual([]);
    const year = dates.span('2026-01-01', '2026-12-31');
    expect(year).toHaveLength(365);
    expect(year.every((d, i) => d === dates.addDays('2026-01-01', i))).toBe(true);
  });
});
