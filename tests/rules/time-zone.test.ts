import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  instantAt,
  isValidTimeZone,
  localDateOf,
  localParts,
  localTimeOf,
  weekdayOfDate,
} from '../../src/rules/time-zone.js';

const iso = (d: Date) => d.toISOString();

describe('instantAt', () => {
  it('reads a wall time in UTC as that same instant', () => {
    expect(iso(instantAt('2026-03-10', 9, 0, 'UTC'))).toBe('2026-03-10T09:00:00.000Z');
  });

  it('applies standard time in winter and daylight time in summer', () => {
    expect(iso(instantAt('2026-01-15', 9, 0, 'Europe/Berlin'))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(instantAt('2026-07-01', 9, 0, 'Europe/Berlin'))).toBe('2026-07-01T07:00:00.000Z');
    expect(iso(instantAt('2026-01-15', 9, 0, 'America/New_York'))).toBe('2026-01-15T14:00:00.000Z');
    expect(iso(instantAt('2026-07-01', 9, 0, 'America/Los_Angeles'))).toBe('2026-07-01T16:00:00.000Z');
  });

  it('handles zones ahead of UTC whose morning is the previous UTC day', () => {
    expect(iso(instantAt('2026-03-10', 8, 15, 'Asia/Tokyo'))).toBe('2026-03-09T23:15:00.000Z');
    expect(iso(instantAt('2026-03-10', 9, 0, 'Asia/Kolkata'))).toBe('2026-03-10T03:30:00.000Z');
  });

  it('moves a New York time in the spring-forward gap forward by the gap (02:30 -> 03:30 EDT)', () => {
    const at = instantAt('2026-03-08', 2, 30, 'America/New_York');
    expect(iso(at)).toBe('2026-03-08T07:30:00.000Z');
    expect(localTimeOf(at, 'America/New_York')).toBe('03:30');
  });

  it('keeps New York times either side of the spring-forward gap exact', () => {
    expect(iso(instantAt('2026-03-08', 1, 59, 'America/New_York'))).toBe('2026-03-08T06:59:00.000Z');
    expect(iso(instantAt('2026-03-08', 3, 0, 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('takes the first occurrence of an ambiguous New York autumn time (01:30 EDT = 05:30Z)', () => {
    const at = instantAt('2026-11-01', 1, 30, 'America/New_York');
    expect(iso(at)).toBe('2026-11-01T05:30:00.000Z');
    expect(localDateOf(at, 'America/New_York')).toBe('2026-11-01');
    expect(localTimeOf(at, 'America/New_York')).toBe('01:30');
  });

  it('uses EST after the New York autumn change', () => {
    expect(iso(instantAt('2026-11-01', 9, 0, 'America/New_York'))).toBe('2026-11-01T14:00:00.000Z');
  });

  it('handles Berlin spring forward on 2026-03-29 (gap 02:00-03:00, then CEST)', () => {
    expect(iso(instantAt('2026-03-29', 1, 30, 'Europe/Berlin'))).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(instantAt('2026-03-29', 2, 30, 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(localTimeOf(instantAt('2026-03-29', 2, 30, 'Europe/Berlin'), 'Europe/Berlin')).toBe('03:30');
    expect(iso(instantAt('2026-03-29', 9, 0, 'Europe/Berlin'))).toBe('2026-03-29T07:00:00.000Z');
  });

  it('handles Berlin fall back on 2026-10-25 (02:30 happens twice, first is CEST)', () => {
    expect(iso(instantAt('2026-10-25', 2, 30, 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(instantAt('2026-10-25', 9, 0, 'Europe/Berlin'))).toBe('2026-10-25T08:00:00.000Z');
  });

  it('handles midnight and the last minute of a day', () => {
    expect(iso(instantAt('2026-03-10', 0, 0, 'America/Los_Angeles'))).toBe('2026-03-10T07:00:00.000Z');
    expect(iso(instantAt('2026-03-10', 23, 59, 'America/Los_Angeles'))).toBe('2026-03-11T06:59:00.000Z');
  });
});

describe('localDateOf and localTimeOf', () => {
  it('gives the local calendar date of an instant', () => {
    const t = new Date('2026-03-10T06:30:00Z');
    expect(localDateOf(t, 'UTC')).toBe('2026-03-10');
    expect(localDateOf(t, 'America/Los_Angeles')).toBe('2026-03-09');
    expect(localDateOf(t, 'Asia/Tokyo')).toBe('2026-03-10');
    expect(localTimeOf(t, 'America/Los_Angeles')).toBe('23:30');
    expect(localTimeOf(t, 'Asia/Tokyo')).toBe('15:30');
  });

  it('rolls into the next local day (and year) ahead of UTC', () => {
    expect(localDateOf(new Date('2026-12-31T15:00:00Z'), 'Asia/Tokyo')).toBe('2027-01-01');
    expect(localDateOf(new Date('2026-12-31T14:59:59Z'), 'Asia/Tokyo')).toBe('2026-12-31');
  });

  it('reports midnight as 00, not 24', () => {
    expect(localTimeOf(new Date('2026-03-10T00:00:00Z'), 'UTC')).toBe('00:00');
    expect(localParts(new Date('2026-03-10T00:00:00Z'), 'UTC').hour).toBe(0);
  });

  it('gives the weekday in the zone, which can differ from UTC', () => {
    // 2026-03-09 is a Monday; 23:30 on Sunday the 8th in Los Angeles.
    const t = new Date('2026-03-09T06:30:00Z');
    expect(localParts(t, 'UTC').weekday).toBe(1);
    expect(localParts(t, 'America/Los_Angeles').weekday).toBe(0);
  });
});

describe('addDays', () => {
  it('adds and subtracts days within a month', () => {
    expect(addDays('2026-03-10', 1)).toBe('2026-03-11');
    expect(addDays('2026-03-10', -3)).toBe('2026-03-07');
    expect(addDays('2026-03-10', 0)).toBe('2026-03-10');
  });

  it('crosses month ends', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
  });

  it('knows leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });

  it('crosses year ends both ways', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  });

  it('is not thrown off by DST nights', () => {
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});

describe('weekdayOfDate', () => {
  it('numbers days 0 = Sunday to 6 = Saturday', () => {
    expect(weekdayOfDate('2026-03-08')).toBe(0);
    expect(weekdayOfDate('2026-03-09')).toBe(1);
    expect(weekdayOfDate('2026-03-13')).toBe(5);
    expect(weekdayOfDate('2026-03-14')).toBe(6);
    expect(weekdayOfDate('2027-01-01')).toBe(5);
    expect(weekdayOfDate('2028-02-29')).toBe(2);
  });
});

describe('daysBetween', () => {
  it('is b minus a in whole days', () => {
    expect(daysBetween('2026-03-09', '2026-03-10')).toBe(1);
    expect(daysBetween('2026-03-10', '2026-03-09')).toBe(-1);
    expect(daysBetween('2026-03-10', '2026-03-10')).toBe(0);
  });

  it('crosses months, years and DST changes', () => {
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and UTC', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('America/New_York')).toBe(true);
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
  });

  it('rejects unknown names, empty text and overlong text', () => {
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isValidTimeZone('Berlin')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(`Europe/${'x'.repeat(80)}`)).toBe(false);
  });
});
