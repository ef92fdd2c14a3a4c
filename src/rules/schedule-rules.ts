import { DrillError } from '../core/errors.js';
import type { Difficulty, Topic } from '../core/types.js';
import { addDays, instantAt, isValidTimeZone, localDateOf, weekdayOfDate } from './time-zone.js';

/** A channel's daily question plan. days holds weekday numbers, 0 = Sunday. */
export interface ScheduleRule {
  time: string;
  timezone: string;
  days: number[];
  topic: Topic | null;
  difficulty: Difficulty | null;
  /** Only these packs' questions; null means every pack the team can use. */
  packs: string[] | null;
}

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export function parseTime(text: string): string {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  const hour = m ? Number(m[1]) : Number.NaN;
  const minute = m ? Number(m[2]) : Number.NaN;
  if (!m || hour > 23 || minute > 59) {
    throw new DrillError(`"${text}" is not a time of day. Use 24-hour HH:MM, for example 09:00.`);
  }
  return `${String(hour).padStart(2, '0')}:${m[2]}`;
}

export function parseTimeZone(text: string): string {
  const zone = text.trim();
  if (!isValidTimeZone(zone)) {
    throw new DrillError(
      `"${text}" is not a known time zone. Use an IANA name such as Europe/Berlin or UTC.`,
    );
  }
  return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
}

const DAY_WORDS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
};

/** daily, weekdays, weekends, or day names separated by commas or spaces ("mon,wed,fri", "Mon, Fri"). */
export function parseDays(text: string): number[] {
  const value = text.trim().toLowerCase();
  if (value === 'daily' || value === 'everyday') return [0, 1, 2, 3, 4, 5, 6];
  if (value === 'weekdays') return [1, 2, 3, 4, 5];
  if (value === 'weekends') return [0, 6];
  const days = new Set<number>();
  for (const part of value.split(/[\s,]+/)) {
    if (!part) continue;
    const day = DAY_WORDS[part];
    if (day === undefined) {
      throw new DrillError(`"${text}" is not a day set. Use daily, weekdays, or days like mon,wed,fri.`);
    }
    days.add(day);
  }
  if (days.size === 0)
    throw new DrillError('The day set is empty. Use daily, weekdays, or days like mon,wed,fri.');
  return [...days].sort((a, b) => a - b);
}

export function describeDays(days: readonly number[]): string {
  const key = [...days].sort((a, b) => a - b).join(',');
  if (key === '0,1,2,3,4,5,6') return 'daily';
  if (key === '1,2,3,4,5') return 'weekdays';
  if (key === '0,6') return 'weekends';
  return [...days]
    .sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7))
    .map((d) => DAY_NAMES[d])
    .join(',');
}

/** The instant of the rule's post on a local date (whether or not that day is scheduled). */
export function postInstantOn(rule: Pick<ScheduleRule, 'time' | 'timezone'>, localDate: string): Date {
  const [hour, minute] = rule.time.split(':').map(Number);
  return instantAt(localDate, hour ?? 0, minute ?? 0, rule.timezone);
}

/** The first scheduled post strictly after `after`. */
export function nextRunAfter(rule: Pick<ScheduleRule, 'time' | 'timezone' | 'days'>, after: Date): Date {
  let date = localDateOf(after, rule.timezone);
  for (let i = 0; i < 9; i++) {
    if (rule.days.includes(weekdayOfDate(date))) {
      const at = postInstantOn(rule, date);
      if (at.getTime() > after.getTime()) return at;
    }
    date = addDays(date, 1);
  }
  throw new Error('schedule has no days');
}
