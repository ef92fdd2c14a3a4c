import { type ScoreBucket, TEAM_SCOPE } from '../core/ports.js';
import type { ChannelRef } from '../core/types.js';
import { periodStart } from './periods.js';

/** Every pre-aggregated board row a grade on this local date counts towards. */
export function scoreBuckets(ref: ChannelRef, localDate: string): ScoreBucket[] {
  const buckets: ScoreBucket[] = [];
  for (const scopeChannelId of [ref.channelId, TEAM_SCOPE]) {
    for (const period of ['week', 'month', 'all'] as const) {
      buckets.push({ scopeChannelId, period, periodStart: periodStart(period, localDate) });
    }
  }
  return buckets;
}
