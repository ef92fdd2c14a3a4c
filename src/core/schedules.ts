import type { DrillCommand } from './command.js';
import type { EngineDeps } from './engine-deps.js';
import { DrillError } from './errors.js';
import type { ChannelRecord } from './ports.js';
import {
  describeDays,
  nextRunAfter,
  parseDays,
  parseTime,
  parseTimeZone,
  type ScheduleRule,
} from './schedule-rules.js';
import { localDateOf, localParts, localTimeOf } from './time-zone.js';
import type { ChannelRef } from './types.js';
import type { ScheduleView } from './views.js';

const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Tue 2026-11-24 09:00 Europe/Berlin" */
export function formatLocal(instant: Date, zone: string): string {
  return `${WEEKDAY_NAMES[localParts(instant, zone).weekday]} ${localDateOf(instant, zone)} ${localTimeOf(instant, zone)} ${zone}`;
}

function view(channel: ChannelRecord | undefined, changed: ScheduleView['changed']): ScheduleView {
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
      enabled: channel.enabled,
      nextPost:
        channel.enabled && channel.nextRunAt ? formatLocal(channel.nextRunAt, channel.timezone) : null,
      disabledReason: channel.disabledReason,
    },
  };
}

/** Validates everything before writing, so a bad option changes nothing. */
export async function setSchedule(
  deps: EngineDeps,
  ref: ChannelRef,
  command: Extract<DrillCommand, { name: 'schedule-set' }>,
): Promise<ScheduleView> {
  const rule: ScheduleRule = {
    time: parseTime(command.time),
    timezone: parseTimeZone(command.timezone),
    days: parseDays(command.days),
    topic: command.topic ?? null,
    difficulty: command.difficulty ?? null,
  };
  if (deps.bank.filter(rule).length === 0) {
    throw new DrillError('No question matches that topic and difficulty; nothing was changed.');
  }
  const now = deps.clock();
  await deps.store.channels.saveSchedule(ref, rule, nextRunAfter(rule, now), now);
  return view(await deps.store.channels.get(ref), 'set');
}

export async function showSchedule(deps: EngineDeps, ref: ChannelRef): Promise<ScheduleView> {
  return view(await deps.store.channels.get(ref), null);
}

export async function turnOffSchedule(deps: EngineDeps, ref: ChannelRef): Promise<ScheduleView> {
  const changed = await deps.store.channels.turnOff(ref, 'turned off by an admin', deps.clock());
  if (!changed) throw new DrillError('This channel has no schedule to turn off.');
  return view(await deps.store.channels.get(ref), 'off');
}
