import { describe, expect, it } from 'vitest';
import { planDueRuns } from '../../src/rules/run-plan.js';

const DAILY = [0, 1, 2, 3, 4, 5, 6];
const berlin = { time: '09:00', timezone: 'Europe/Berlin', days: DAILY };
// 09:00 CET on 2026-03-09, -10 and -11.
const MON_0900 = new Date('2026-03-09T08:00:00Z');
const TUE_0900 = new Date('2026-03-10T08:00:00Z');
const WED_0900 = new Date('2026-03-11T08:00:00Z');

describe('planDueRuns', () => {
  it('posts today’s run when it is due today', () => {
    const plan = planDueRuns(berlin, TUE_0900, new Date('2026-03-10T08:00:30Z'));
    expect(plan).toEqual({
      postFor: { at: TUE_0900, localDate: '2026-03-10' },
      skippedDates: [],
      nextRun: WED_0900,
    });
  });

  it('still posts today’s run when the bot was down across the post time and is back the same day', () => {
    // Back at 22:00 CET.
    const plan = planDueRuns(berlin, TUE_0900, new Date('2026-03-10T21:00:00Z'));
    expect(plan.postFor).toEqual({ at: TUE_0900, localDate: '2026-03-10' });
    expect(plan.skippedDates).toEqual([]);
    expect(plan.nextRun).toEqual(WED_0900);
  });

  it('skips yesterday and posts today when back the next day after the post time', () => {
    // Waiting for Monday's run, back Tuesday 10:00 CET.
    const plan = planDueRuns(berlin, MON_0900, new Date('2026-03-10T09:00:00Z'));
    expect(plan.skippedDates).toEqual(['2026-03-09']);
    expect(plan.postFor).toEqual({ at: TUE_0900, localDate: '2026-03-10' });
    expect(plan.nextRun).toEqual(WED_0900);
  });

  it('skips yesterday and posts nothing when back the next day before the post time', () => {
    // Waiting for Monday's run, back Tuesday 07:00 CET.
    const plan = planDueRuns(berlin, MON_0900, new Date('2026-03-10T06:00:00Z'));
    expect(plan.skippedDates).toEqual(['2026-03-09']);
    expect(plan.postFor).toBeNull();
    expect(plan.nextRun).toEqual(TUE_0900);
  });

  it('does nothing when the run is not due yet', () => {
    const plan = planDueRuns(berlin, TUE_0900, new Date('2026-03-10T07:59:59Z'));
    expect(plan).toEqual({ postFor: null, skippedDates: [], nextRun: TUE_0900 });
  });

  it('does not post a late run whose local day ended, even just after local midnight', () => {
    // Monday's run, back at 00:30 CET on Tuesday (still Monday 23:30 UTC).
    const plan = planDueRuns(berlin, MON_0900, new Date('2026-03-09T23:30:00Z'));
    expect(plan.postFor).toBeNull();
    expect(plan.skippedDates).toEqual(['2026-03-09']);
    expect(plan.nextRun).toEqual(TUE_0900);
  });

  it('lists each missed scheduled day of a longer outage, only on scheduled days', () => {
    const weekdays = { time: '09:00', timezone: 'Europe/Berlin', days: [1, 2, 3, 4, 5] };
    // Waiting for Thursday 2026-03-05, back Monday 2026-03-09 at 10:00 CET.
    const plan = planDueRuns(weekdays, new Date('2026-03-05T08:00:00Z'), new Date('2026-03-09T09:00:00Z'));
    expect(plan.skippedDates).toEqual(['2026-03-05', '2026-03-06']);
    expect(plan.postFor).toEqual({ at: MON_0900, localDate: '2026-03-09' });
    expect(plan.nextRun).toEqual(TUE_0900);
  });

  it('lists at most 14 skipped days of a long outage and still posts today', () => {
    const plan = planDueRuns(berlin, new Date('2026-02-01T08:00:00Z'), new Date('2026-03-10T09:00:00Z'));
    expect(plan.skippedDates).toHaveLength(14);
    expect(plan.skippedDates[0]).toBe('2026-02-01');
    expect(plan.skippedDates[13]).toBe('2026-02-14');
    expect(plan.postFor).toEqual({ at: TUE_0900, localDate: '2026-03-10' });
    expect(plan.nextRun).toEqual(WED_0900);
  });

  it('uses the channel’s local day across the New York spring-forward change', () => {
    const ny = { time: '09:00', timezone: 'America/New_York', days: DAILY };
    // Waiting for Saturday 09:00 EST (14:00Z), back Sunday 09:30 EDT (13:30Z).
    const plan = planDueRuns(ny, new Date('2026-03-07T14:00:00Z'), new Date('2026-03-08T13:30:00Z'));
    expect(plan.skippedDates).toEqual(['2026-03-07']);
    expect(plan.postFor).toEqual({ at: new Date('2026-03-08T13:00:00Z'), localDate: '2026-03-08' });
    expect(plan.nextRun).toEqual(new Date('2026-03-09T13:00:00Z'));
  });
});
