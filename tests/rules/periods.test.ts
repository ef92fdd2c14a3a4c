import { describe, expect, it } from 'vitest';
import { ALL_TIME_START, monthStart, periodStart, weekStart } from '../../src/rules/periods.js';

describe('weekStart', () => {
  it('is the Monday of the week', () => {
    expect(weekStart('2026-03-11')).toBe('2026-03-09'); // Wednesday
    expect(weekStart('2026-03-14')).toBe('2026-03-09'); // Saturday
  });

  it('is the day itself on a Monday', () => {
    expect(weekStart('2026-03-09')).toBe('2026-03-09');
  });

  it('puts Sunday at the end of the week, not the start', () => {
    expect(weekStart('2026-03-15')).toBe('2026-03-09');
  });

  it('reaches back across a month and a year end', () => {
    expect(weekStart('2026-03-01')).toBe('2026-02-23');
    expect(weekStart('2027-01-01')).toBe('2026-12-28');
  });
});

describe('monthStart', () => {
  it('is the first of the month', () => {
    expect(monthStart('2026-03-15')).toBe('2026-03-01');
    expect(monthStart('2026-03-01')).toBe('2026-03-01');
    expect(monthStart('2026-12-31')).toBe('2026-12-01');
  });
});

describe('periodStart', () => {
  it('uses the week start for week and the month start for month', () => {
    expect(periodStart('week', '2026-03-15')).toBe('2026-03-09');
    expect(periodStart('month', '2026-03-15')).toBe('2026-03-01');
  });

  it('uses one fixed start for all time, whatever the date', () => {
    expect(ALL_TIME_START).toBe('1970-01-01');
    expect(periodStart('all', '2026-03-15')).toBe('1970-01-01');
    expect(periodStart('all', '2030-07-04')).toBe('1970-01-01');
  });
});
