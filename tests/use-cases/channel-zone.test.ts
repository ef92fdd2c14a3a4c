import { describe, expect, it } from 'vitest';
import type { EngineDeps } from '../../src/core/engine-deps.js';
import type { ChannelRef } from '../../src/core/types.js';
import { PERIODS, periodStart } from '../../src/rules/periods.js';
import { localDateOf, offsetMinutes } from '../../src/rules/time-zone.js';
import {
  channelPeriodStart,
  EARLIEST_OFFSET_HOURS,
  LATEST_OFFSET_HOURS,
} from '../../src/use-cases/shared/channel-zone.js';

const ZONES = Intl.supportedValuesOf('timeZone');
const HOUR_MS = 3_600_000;
const ref: ChannelRef = { platform: 'slack', teamId: 'T1', channelId: 'C1' };

/** Deps whose store knows only the channel's zone, counting how often it is asked. */
function depsFor(zone: string | undefined, now: Date) {
  const lookups = { count: 0 };
  const channels = {
    get: async () => {
      lookups.count += 1;
      return zone === undefined ? undefined : { ...ref, timezone: zone };
    },
  };
  const deps = {
    store: { channels },
    clock: () => now,
    defaultTimeZone: 'Europe/Berlin',
  } as unknown as EngineDeps;
  return { deps, lookups };
}

describe('channelPeriodStart', () => {
  it('relies on every zone Intl knows being between 12 hours behind and 14 ahead of UTC', () => {
    let lowest = 0;
    let highest = 0;
    // Weekly over two years catches every zone on both sides of its daylight-saving changes.
    for (let week = 0; week < 104; week++) {
      const instant = new Date(Date.UTC(2026, 0, 1) + week * 7 * 24 * HOUR_MS);
      for (const zone of ZONES) {
        const h = offsetMinutes(instant, zone) / 60;
        lowest = Math.min(lowest, h);
        highest = Math.max(highest, h);
      }
    }
    expect(ZONES.length).toBeGreaterThan(300);
    expect(lowest).toBeGreaterThanOrEqual(EARLIEST_OFFSET_HOURS);
    expect(highest).toBeLessThanOrEqual(LATEST_OFFSET_HOURS);
  });

  it("gives the period start of the channel's own local date, in every zone, hour by hour across a week and a month end", async () => {
    // Sunday 2026-05-31 00:00 UTC to Tuesday 2026-06-02: a week start and a month start on the same day.
    const from = Date.UTC(2026, 4, 30, 0);
    for (let hour = 0; hour < 72; hour += 1) {
      const now = new Date(from + hour * HOUR_MS);
      for (const zone of ZONES) {
        const { deps } = depsFor(zone, now);
        for (const period of PERIODS) {
          const expected = periodStart(period, localDateOf(now, zone));
          expect(
            await channelPeriodStart(deps, ref, period),
            `${period} in ${zone} at ${now.toISOString()}`,
          ).toBe(expected);
        }
      }
    }
  });

  it('uses the default zone for a channel without a schedule, where the zone decides', async () => {
    // 00:30 on Monday 1 June in Berlin (the default), still Sunday in UTC.
    const now = new Date('2026-05-31T22:30:00Z');
    const { deps, lookups } = depsFor(undefined, now);
    expect(await channelPeriodStart(deps, ref, 'week')).toBe('2026-06-01');
    expect(lookups.count).toBe(1);
  });

  it('reads no zone when every zone is in the same week or month (midweek, midmonth)', async () => {
    const { deps, lookups } = depsFor('America/New_York', new Date('2026-03-04T12:00:00Z'));
    expect(await channelPeriodStart(deps, ref, 'week')).toBe('2026-03-02');
    expect(await channelPeriodStart(deps, ref, 'month')).toBe('2026-03-01');
    expect(await channelPeriodStart(deps, ref, 'all')).toBe('1970-01-01');
    expect(lookups.count).toBe(0);
  });

  it('reads the zone near a week start, where zones disagree', async () => {
    // Monday 10:00 in Auckland, still Sunday in New York.
    const now = new Date('2026-05-31T22:00:00Z');
    const auckland = depsFor('Pacific/Auckland', now);
    const newYork = depsFor('America/New_York', now);
    expect(await channelPeriodStart(auckland.deps, ref, 'week')).toBe('2026-06-01');
    expect(await channelPeriodStart(newYork.deps, ref, 'week')).toBe('2026-05-25');
    expect(auckland.lookups.count + newYork.lookups.count).toBe(2);
  });
});
