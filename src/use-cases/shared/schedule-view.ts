import type { ChannelRecord } from '../../core/ports.js';
import type { ScheduleView } from '../../core/views.js';
import { describeDays } from '../../rules/schedule-rules.js';
import { localDateOf, localParts, localTimeOf } from '../../rules/time-zone.js';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue 2026-11-24 09:00 Europe/Berlin" */
export function formatLocal(instant: Date, zone: string): string {
  return `${WEEKDAY_NAMES[localParts(instant, zone).weekday]} ${localDateOf(instant, zone)} ${localTimeOf(instant, zone)} ${zone}`;
}

export function scheduleView(
  channel: ChannelRecord | undefined,
  changed: ScheduleView['changed'],
): ScheduleView {
  if (!channel) return { kind: 'schedule', schedule: null, changed };
  return {
    kind: 'schedule',
    changed,
    schedule: {
      time: channel.time,
      timezone: channel.timezone,
      days: describeDays(channel.days),
      topic: channel.topic,
      difficulty: channel.difficulty,
      packs: channel.packs,
      enabled: channel.enabled,
      nextPost:
        channel.enabled && channel.nextRunAt ? formatLocal(channel.nextRunAt, channel.timezone) : null,
      disabledReason: channel.disabledReason,
    },
  };
}
