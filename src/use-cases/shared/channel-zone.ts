import type { EngineDeps } from '../../core/engine-deps.js';
import type { ChannelRef } from '../../core/types.js';
import { type Period, periodStart } from '../../rules/periods.js';
import { localDateOf } from '../../rules/time-zone.js';

/** A channel's time zone: its schedule's, else the default. Days, streaks and weeks use it. */
export async function channelZone(deps: EngineDeps, ref: ChannelRef): Promise<string> {
  const channel = await deps.store.channels.get(ref);
  return channel?.timezone ?? deps.defaultTimeZone;
}

/**
 * Every zone in use today is between 12 hours behind UTC (Etc/GMT+12) and
 * 14 hours ahead (Pacific/Kiritimati); tests/core/channel-zone.test.ts checks
 * this against every zone Intl knows.
 */
export const EARLIEST_OFFSET_HOURS = -12;
export const LATEST_OFFSET_HOURS = 14;
const HOUR_MS = 3_600_000;

/** The UTC calendar date of an instant: the local date in a zone with that offset. */
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The start of the channel's current week, month or all time. The channel's
 * zone matters only when zones around the world disagree on it (near the
 * start of a week or a month): otherwise every zone gives the same answer, so
 * the board costs no lookup (one round trip fewer, most of the time).
 */
export async function channelPeriodStart(deps: EngineDeps, ref: ChannelRef, period: Period): Promise<string> {
  const now = deps.clock().getTime();
  const earliest = periodStart(period, utcDate(now + EARLIEST_OFFSET_HOURS * HOUR_MS));
  const latest = periodStart(period, utcDate(now + LATEST_OFFSET_HOURS * HOUR_MS));
  if (earliest === latest) return earliest;
  return periodStart(period, localDateOf(new Date(now), await channelZone(deps, ref)));
}
