import { dueDatesWithNewSteps, noticeDue } from './deadline-schedule';
import { DEFAULT_REMINDER_POLICY, DeadlineKind, overdueStep } from './reminder-policy';
import { dates, DeadlineUnit } from '@opvolging/shared';

const plan = DEFAULT_REMINDER_POLICY[DeadlineKind.PLAN_DUE];
const measure = DEFAULT_REMINDER_POLICY[DeadlineKind.MEASURE_DUE];
const at = (today: string, kind = DeadlineKind.PLAN_DUE, policy = plan, unit = DeadlineUnit.CALENDAR_DAYS) =>
  noticeDue(kind, '2026-04-13', today, unit, policy);

describe('deadline schedule', () => {
  it('reminds 14 and 3 days before a plan is due, and not before', () => {
    expect(at('2026-03-29')).toBeNull();
    expect(at('2026-03-30')).toMatchObject({ step: 'R14', days: 14, audiences: ['RESPONSIBLE'] });
    expect(at('2026-04-09')).toMatchObject({ step: 'R14', days: 4 });
    expect(at('2026-04-10')).toMatchObject({ step: 'R3', days: 3 });
    expect(at('2026-04-13')).toMatchObject({ step: 'R3', days: 0 });
  });

  it('counts reminder offsets in working days under a working-day policy', () => {
    // 3 working days before Monday 13 April 2026 is Wednesday 8 April (Easter Monday 6 April is no working day).
    expect(at('2026-04-07', DeadlineKind.PLAN_DUE, plan, DeadlineUnit.WORKING_DAYS)?.step).toBe('R14');
    expect(at('2026-04-08', DeadlineKind.PLAN_DUE, plan, DeadlineUnit.WORKING_DAYS)?.step).toBe('R3');
  });

  it('backs off overdue notices and escalates to the inspector after four weeks', () => {
    expect([1, 2, 3, 6, 7, 13, 14, 27, 28, 55, 56, 200].map(overdueStep)).toEqual([1, 1, 3, 3, 7, 7, 14, 14, 28, 28, 56, 196]);
    expect(at('2026-04-14')).toMatchObject({ step: 'O1', type: 'OVERDUE', audiences: ['RESPONSIBLE', 'ORGANISATION'] });
    expect(at('2026-05-11')).toMatchObject({ step: 'O28', days: 28, audiences: ['RESPONSIBLE', 'ORGANISATION', 'INSPECTORS'] });
  });

  it('walks the measure ladder: owner, then the organisation, then the inspector after 30 days', () => {
    expect(at('2026-04-13', DeadlineKind.MEASURE_DUE, { ...measure, organisationAfterDays: 3 })).toMatchObject({ step: 'R14' });
    expect(at('2026-04-14', DeadlineKind.MEASURE_DUE, { ...measure, organisationAfterDays: 3 })?.audiences).toEqual(['RESPONSIBLE']);
    expect(at('2026-04-16', DeadlineKind.MEASURE_DUE, { ...measure, organisationAfterDays: 3 })?.audiences).toEqual([
      'RESPONSIBLE',
      'ORGANISATION',
    ]);
    expect(at('2026-05-13', DeadlineKind.MEASURE_DUE, measure)?.audiences).toEqual(['RESPONSIBLE', 'ORGANISATION', 'INSPECTORS']);
  });

  it('makes an escalation threshold a step of its own: the inspector hears on day 30, not at the 56-day notice', () => {
    expect(at('2026-05-12', DeadlineKind.MEASURE_DUE, measure)).toMatchObject({ step: 'O28' });
    expect(at('2026-05-13', DeadlineKind.MEASURE_DUE, measure)).toMatchObject({
      step: 'O30',
      audiences: ['RESPONSIBLE', 'ORGANISATION', 'INSPECTORS'],
    });
    expect(at('2026-05-20', DeadlineKind.MEASURE_DUE, measure)).toMatchObject({ step: 'O30' });
    expect(at('2026-06-08', DeadlineKind.MEASURE_DUE, measure)).toMatchObject({ step: 'O56' });
  });

  it('picks the calendar-day reminder step as the date arithmetic would, across DST, leap days and any offsets', () => {
    const offsets = [[14, 3], [3, 14], [30, 14, 7, 1], [1], [0, 2], []];
    let compared = 0;
    for (const due of ['2026-03-31', '2026-10-27', '2028-03-01', '2026-12-31']) {
      for (let before = 0; before <= 40; before++) {
        const today = dates.addDays(due, -before);
        for (const remindDaysBefore of offsets) {
          const policy = { ...plan, remindDaysBefore };
          const byDates = [...remindDaysBefore].sort((a, b) => a - b).find((n) => dates.addDays(due, -n) <= today);
          const notice = noticeDue(DeadlineKind.PLAN_DUE, due, today, DeadlineUnit.CALENDAR_DAYS, policy);
          expect([due, today, remindDaysBefore, notice?.step ?? null]).toEqual([
            due,
            today,
            remindDaysBefore,
            byDates === undefined || (before === 0 && !remindDaysBefore.length) ? null : `R${byDates}`,
          ]);
          compared++;
        }
      }
    }
    expect(compared).toBe(4 * 41 * offsets.length);
  });

  it('names the due dates whose step a day brings: back-off steps, escalation thresholds, reminder dates', () => {
    const span = dates.span('2025-01-01', '2026-06-30');
    const rules = [{ kind: DeadlineKind.MEASURE_DUE, unit: DeadlineUnit.CALENDAR_DAYS, policy: measure }];
    const late = (days: number) => dates.addDays('2026-03-02', -days);
    expect(dueDatesWithNewSteps(span, '2026-03-01', '2026-03-02', rules).sort()).toEqual(
      [
        ...[1, 3, 7, 14, 28, 30].map(late), // back-off steps, and the inspectors' threshold (30 days) of measures
        ...Array.from({ length: 15 }, (_, k) => late(56 + 28 * k)).filter((d) => d >= '2025-01-01'), // every 28 days
        '2026-03-16', // the reminder 14 days before
      ].sort(),
    );
    // Over two days, the dates of both; the same day, none.
    const two = dueDatesWithNewSteps(span, '2026-02-28', '2026-03-02', rules);
    expect(two).toEqual(expect.arrayContaining(dueDatesWithNewSteps(span, '2026-02-28', '2026-03-01', rules)));
    expect(two).toEqual(expect.arrayContaining(dueDatesWithNewSteps(span, '2026-03-01', '2026-03-02', rules)));
    expect(dueDatesWithNewSteps(span, '2026-03-02', '2026-03-02', rules)).toEqual([]);
    // Every other due date keeps its step: nothing new for a sweep to find there.
    const named = new Set(dueDatesWithNewSteps(span, '2026-03-01', '2026-03-02', rules));
    const step = (due: string, day: string) => noticeDue(DeadlineKind.MEASURE_DUE, due, day, DeadlineUnit.CALENDAR_DAYS, measure)?.step;
    expect(span.filter((due) => !named.has(due) && step(due, '2026-03-01') !== step(due, '2026-03-02'))).toEqual([]);
  });

  it('finds the reminder dates of a working-day policy across a weekend', () => {
    const span = dates.span('2026-03-01', '2026-05-31');
    const rules = [{ kind: DeadlineKind.PLAN_DUE, unit: DeadlineUnit.WORKING_DAYS, policy: plan }];
    // 3 working days before Wednesday 15 April is Friday 10 April: that Friday brings it R3.
    expect(dueDatesWithNewSteps(span, '2026-04-09', '2026-04-10', rules)).toContain('2026-04-15');
    // Over the weekend to Monday 13 April: Thursday 16 April reaches R3, 15 April had it already.
    const monday = dueDatesWithNewSteps(span, '2026-04-10', '2026-04-13', rules);
    expect(monday).toContain('2026-04-16');
    expect(monday).not.toContain('2026-04-15');
  });
});
