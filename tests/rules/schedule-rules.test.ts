import { describe, expect, it } from 'vitest';
import { DrillError } from '../../src/core/errors.js';
import {
  describeDays,
  nextRunAfter,
  parseDays,
  parseTime,
  parseTimeZone,
  postInstantOn,
} from '../../src/rules/schedule-rules.js';
import { localDateOf, localTimeOf } from '../../src/rules/time-zone.js';

const DAILY = [0, 1, 2, 3, 4, 5, 6];
const WEEKDAYS = [1, 2, 3, 4, 5];
const iso = (d: Date) => d.toISOString();

describe('parseTime', () => {
  it('pads a one-digit hour ("9:05" -> "09:05")', () => {
    expect(parseTime('9:05')).toBe('09:05');
  });

  it('keeps a well-formed HH:MM and trims spaces', () => {
    expect(parseTime('09:00')).toBe('09:00');
    expect(parseTime('23:59')).toBe('23:59');
    expect(parseTime('00:00')).toBe('00:00');
    expect(parseTime(' 7:30 ')).toBe('07:30');
  });

  it.each(['25:00', '24:00', '9am', '12:60', '9:5', '', '09:00:00', 'noon'])(
    'refuses "%s" with a DrillError',
    (text) => {
      expect(() => parseTime(text)).toThrow(DrillError);
    },
  );

  it('explains the expected format in the error', () => {
    expect(() => parseTime('9am')).toThrow(/"9am" is not a time of day.*HH:MM/);
  });
});

describe('parseTimeZone', () => {
  it('accepts an IANA name as is', () => {
    expect(parseTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(parseTimeZone('America/New_York')).toBe('America/New_York');
  });

  it('trims and returns the canonical spelling', () => {
    expect(parseTimeZone(' europe/berlin ')).toBe('Europe/Berlin');
    expect(parseTimeZone('utc')).toBe('UTC');
  });

  it('refuses an unknown zone with a DrillError', () => {
    expect(() => parseTimeZone('Mars/Olympus_Mons')).toThrow(DrillError);
    expect(() => parseTimeZone('Berlin')).toThrow(/not a known time zone/);
    expect(() => parseTimeZone('')).toThrow(DrillError);
  });
});

describe('parseDays', () => {
  it('reads daily as every day, Sunday first', () => {
    expect(parseDays('daily')).toEqual(DAILY);
    expect(parseDays('everyday')).toEqual(DAILY);
  });

  it('reads weekdays as Monday to Friday', () => {
    expect(parseDays('weekdays')).toEqual(WEEKDAYS);
  });

  it('reads weekends as Sunday and Saturday', () => {
    expect(parseDays('weekends')).toEqual([0, 6]);
  });

  it('reads a comma list of day names ("mon,wed,fri")', () => {
    expect(parseDays('mon,wed,fri')).toEqual([1, 3, 5]);
  });

  it('ignores case and spaces after commas ("Mon, Fri")', () => {
    expect(parseDays('Mon, Fri')).toEqual([1, 5]);
    expect(parseDays('WEEKDAYS')).toEqual(WEEKDAYS);
  });

  it('accepts full day names, sorts and removes duplicates', () => {
    expect(parseDays('friday,monday,sunday,monday')).toEqual([0, 1, 5]);
  });

  it('refuses a word that is no day ("funday") with a DrillError', () => {
    expect(() => parseDays('funday')).toThrow(DrillError);
    expect(() => parseDays('mon,funday')).toThrow(/not a day set/);
  });

  it('refuses an empty set (",") with a DrillError', () => {
    expect(() => parseDays(',')).toThrow(DrillError);
    expect(() => parseDays(',')).toThrow(/empty/);
    expect(() => parseDays('')).toThrow(DrillError);
  });
});

describe('describeDays', () => {
  it('names the common sets', () => {
    expect(describeDays(DAILY)).toBe('daily');
    expect(describeDays(WEEKDAYS)).toBe('weekdays');
    expect(describeDays([0, 6])).toBe('weekends');
    expect(describeDays([6, 0])).toBe('weekends');
  });

  it('lists other sets Monday first, so Sunday comes last', () => {
    expect(describeDays([1, 3, 5])).toBe('mon,wed,fri');
    expect(describeDays([5, 1, 3])).toBe('mon,wed,fri');
    expect(describeDays([0, 1])).toBe('mon,sun');
    expect(describeDays([0, 2, 6])).toBe('tue,sat,sun');
  });

  it('round-trips with parseDays', () => {
    for (const text of ['daily', 'weekdays', 'weekends', 'mon,wed,fri', 'tue,sun']) {
      expect(describeDays(parseDays(text))).toBe(text);
    }
  });
});

describe('postInstantOn', () => {
  it('is the rule time on that local date', () => {
    expect(iso(postInstantOn({ time: '09:00', timezone: 'Europe/Berlin' }, '2026-03-10'))).toBe(
      '2026-03-10T08:00:00.000Z',
    );
  });
});

describe('nextRunAfter', () => {
  const berlinDaily = { time: '09:00', timezone: 'Europe/Berlin', days: DAILY };

  it('is today at the post time when it is still before that time', () => {
    // 07:00 CET
    expect(iso(nextRunAfter(berlinDaily, new Date('2026-03-10T06:00:00Z')))).toBe('2026-03-10T08:00:00.000Z');
  });

  it('is tomorrow once today’s post time has passed', () => {
    // 10:00 CET
    expect(iso(nextRunAfter(berlinDaily, new Date('2026-03-10T09:00:00Z')))).toBe('2026-03-11T08:00:00.000Z');
  });

  it('is strictly after: at the exact post time it is the next day', () => {
    expect(iso(nextRunAfter(berlinDaily, new Date('2026-03-10T08:00:00Z')))).toBe('2026-03-11T08:00:00.000Z');
  });

  it('uses the local day, not the UTC day', () => {
    // 2026-03-10T23:30Z is already 00:30 on the 11th in Berlin: next post is 09:00 on the 11th.
    expect(iso(nextRunAfter(berlinDaily, new Date('2026-03-10T23:30:00Z')))).toBe('2026-03-11T08:00:00.000Z');
    // 2026-03-10T06:30Z is 23:30 on the 9th in Los Angeles: next post is 09:00 PDT on the 10th.
    const la = { time: '09:00', timezone: 'America/Los_Angeles', days: DAILY };
    expect(iso(nextRunAfter(la, new Date('2026-03-10T06:30:00Z')))).toBe('2026-03-10T16:00:00.000Z');
  });

  it('skips the weekend for a weekdays rule (Friday after the post -> Monday)', () => {
    const rule = { time: '09:00', timezone: 'Europe/Berlin', days: WEEKDAYS };
    // Friday 2026-03-13 10:00 CET
    const next = nextRunAfter(rule, new Date('2026-03-13T09:00:00Z'));
    expect(iso(next)).toBe('2026-03-16T08:00:00.000Z');
    expect(localDateOf(next, 'Europe/Berlin')).toBe('2026-03-16');
  });

  it('skips the weekend when asked on Saturday', () => {
    const rule = { time: '09:00', timezone: 'Europe/Berlin', days: WEEKDAYS };
    expect(iso(nextRunAfter(rule, new Date('2026-03-14T06:00:00Z')))).toBe('2026-03-16T08:00:00.000Z');
  });

  it('finds the next listed day for a mon,wed,fri rule', () => {
    const rule = { time: '09:00', timezone: 'UTC', days: [1, 3, 5] };
    // Monday 2026-03-09 10:00 -> Wednesday 11th; Friday 13th 10:00 -> Monday 16th
    expect(iso(nextRunAfter(rule, new Date('2026-03-09T10:00:00Z')))).toBe('2026-03-11T09:00:00.000Z');
    expect(iso(nextRunAfter(rule, new Date('2026-03-13T10:00:00Z')))).toBe('2026-03-16T09:00:00.000Z');
  });

  it('finds a once-a-week day a full week ahead', () => {
    const rule = { time: '09:00', timezone: 'UTC', days: [1] };
    expect(iso(nextRunAfter(rule, new Date('2026-03-09T10:00:00Z')))).toBe('2026-03-16T09:00:00.000Z');
  });

  it('keeps 09:00 local across New York spring forward (EST -> EDT)', () => {
    const rule = { time: '09:00', timezone: 'America/New_York', days: DAILY };
    const sat = nextRunAfter(rule, new Date('2026-03-07T05:00:00Z'));
    const sun = nextRunAfter(rule, sat);
    const mon = nextRunAfter(rule, sun);
    expect([sat, sun, mon].map(iso)).toEqual([
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    for (const run of [sat, sun, mon]) expect(localTimeOf(run, 'America/New_York')).toBe('09:00');
  });

  it('keeps 09:00 local across New York fall back (EDT -> EST)', () => {
    const rule = { time: '09:00', timezone: 'America/New_York', days: DAILY };
    const sat = nextRunAfter(rule, new Date('2026-10-31T04:00:00Z'));
    const sun = nextRunAfter(rule, sat);
    expect([sat, sun].map(iso)).toEqual(['2026-10-31T13:00:00.000Z', '2026-11-01T14:00:00.000Z']);
    for (const run of [sat, sun]) expect(localTimeOf(run, 'America/New_York')).toBe('09:00');
  });

  it('keeps 09:00 local across Berlin spring forward (2026-03-29)', () => {
    const sat = nextRunAfter(berlinDaily, new Date('2026-03-28T00:00:00Z'));
    const sun = nextRunAfter(berlinDaily, sat);
    expect([sat, sun].map(iso)).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
    for (const run of [sat, sun]) expect(localTimeOf(run, 'Europe/Berlin')).toBe('09:00');
  });

  it('keeps 09:00 local across Berlin fall back (2026-10-25)', () => {
    const sat = nextRunAfter(berlinDaily, new Date('2026-10-24T00:00:00Z'));
    const sun = nextRunAfter(berlinDaily, sat);
    expect([sat, sun].map(iso)).toEqual(['2026-10-24T07:00:00.000Z', '2026-10-25T08:00:00.000Z']);
    for (const run of [sat, sun]) expect(localTimeOf(run, 'Europe/Berlin')).toBe('09:00');
  });

  it('posts a time that falls in the New York gap at 03:30 that day, then back at 02:30', () => {
    const rule = { time: '02:30', timezone: 'America/New_York', days: DAILY };
    const sun = nextRunAfter(rule, new Date('2026-03-07T12:00:00Z'));
    const mon = nextRunAfter(rule, sun);
    expect(iso(sun)).toBe('2026-03-08T07:30:00.000Z');
    expect(localTimeOf(sun, 'America/New_York')).toBe('03:30');
    expect(iso(mon)).toBe('2026-03-09T06:30:00.000Z');
    expect(localTimeOf(mon, 'America/New_York')).toBe('02:30');
  });

  it('posts an ambiguous autumn time once, not twice', () => {
    const rule = { time: '01:30', timezone: 'America/New_York', days: DAILY };
    const first = nextRunAfter(rule, new Date('2026-10-31T12:00:00Z'));
    const next = nextRunAfter(rule, first);
    expect(iso(first)).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(next)).toBe('2026-11-02T06:30:00.000Z');
  });

  it('throws for a rule with no days', () => {
    expect(() => nextRunAfter({ time: '09:00', timezone: 'UTC', days: [] }, new Date())).toThrow(
      'schedule has no days',
    );
  });
});
