import { nextRunAfter, type ScheduleRule } from './schedule-rules.js';
import { localDateOf } from './time-zone.js';

export interface RunPlan {
  /** The run to post now: one whose local day is still today in the channel's zone. */
  postFor: { at: Date; localDate: string } | null;
  /** Runs missed while the bot was down whose local day has passed: skipped, not posted late. */
  skippedDates: string[];
  /** The first run after now: where next_run_at moves once today's run is done. */
  nextRun: Date;
}

/** What a due channel should do at `now`, given the run it was waiting for. */
export function planDueRuns(
  rule: Pick<ScheduleRule, 'time' | 'timezone' | 'days'>,
  dueAt: Date,
  now: Date,
): RunPlan {
  const today = localDateOf(now, rule.timezone);
  const skippedDates: string[] = [];
  let postFor: RunPlan['postFor'] = null;
  let run = dueAt;
  // Each step is a few Intl calls; a year-long outage is ~400 steps. Only the first missed days are listed.
  while (run.getTime() <= now.getTime()) {
    const localDate = localDateOf(run, rule.timezone);
    if (localDate === today) postFor = { at: run, localDate };
    else if (skippedDates.length < 14) skippedDates.push(localDate);
    run = nextRunAfter(rule, run);
  }
  return { postFor, skippedDates, nextRun: run };
}
