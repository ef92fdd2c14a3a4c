import { describe, expect, it } from 'vitest';
import { currentStreak } from '../../src/rules/streak.js';
import { localDateOf } from '../../src/rules/time-zone.js';

describe('currentStreak', () => {
  it('is 0 with no graded days', () => {
    expect(currentStreak([], '2026-03-10')).toBe(0);
  });

  it('counts consecutive days ending today', () => {
    expect(currentStreak(['2026-03-08', '2026-03-09', '2026-03-10'], '2026-03-10')).toBe(3);
  });

  it('counts consecutive days whatever order they come in', () => {
    expect(currentStreak(['2026-03-10', '2026-03-08', '2026-03-09'], '2026-03-10')).toBe(3);
  });

  it('stops counting at the first gap', () => {
    expect(
      currentStreak(['2026-03-05', '2026-03-06', '2026-03-08', '2026-03-09', '2026-03-10'], '2026-03-10'),
    ).toBe(3);
  });

  it('stays alive when the last graded day is yesterday', () => {
    expect(currentStreak(['2026-03-07', '2026-03-08', '2026-03-09'], '2026-03-10')).toBe(3);
  });

  it('is dead when the last graded day is two days ago', () => {
    expect(currentStreak(['2026-03-07', '2026-03-08'], '2026-03-10')).toBe(0);
  });

  it('counts a day graded several times once', () => {
    expect(
      currentStreak(['2026-03-09', '2026-03-09', '2026-03-10', '2026-03-10', '2026-03-10'], '2026-03-10'),
    ).toBe(2);
  });

  it('ignores dates after today', () => {
    expect(currentStreak(['2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12'], '2026-03-10')).toBe(2);
    expect(currentStreak(['2026-03-12'], '2026-03-10')).toBe(0);
  });

  it('runs across a month and a year end', () => {
    expect(currentStreak(['2026-12-30', '2026-12-31', '2027-01-01'], '2027-01-01')).toBe(3);
    expect(currentStreak(['2026-02-27', '2026-02-28', '2026-03-01'], '2026-03-01')).toBe(3);
  });

  it('runs across the spring-forward night (the day with 23 hours)', () => {
    expect(currentStreak(['2026-03-07', '2026-03-08', '2026-03-09'], '2026-03-09')).toBe(3);
  });
});

describe('currentStreak on local days of a non-UTC channel', () => {
  const LA = 'America/Los_Angeles';
  const TOKYO = 'Asia/Tokyo';
  const localDays = (instants: string[], zone: string) => instants.map((t) => localDateOf(new Date(t), zone));

  it('in Los Angeles (PST, UTC-8) a grade at 07:30Z is still the previous local day', () => {
    const days = localDays(['2026-01-10T07:30:00Z', '2026-01-11T06:30:00Z'], LA);
    expect(days).toEqual(['2026-01-09', '2026-01-10']);
    expect(currentStreak(days, '2026-01-10')).toBe(2);
  });

  it('in Los Angeles after the March 8 change (PDT, UTC-7) 07:30Z is already the same local day', () => {
    const days = localDays(['2026-03-10T07:30:00Z', '2026-03-11T06:30:00Z'], LA);
    expect(days).toEqual(['2026-03-10', '2026-03-10']);
    expect(currentStreak(days, '2026-03-10')).toBe(1);
  });

  it('in Los Angeles two grades on one UTC day make a two-day local streak', () => {
    // 06:30Z = 23:30 PDT on the 9th; 20:00Z = 13:00 PDT on the 10th. Both are UTC day 2026-03-10.
    const instants = ['2026-03-10T06:30:00Z', '2026-03-10T20:00:00Z'];
    const days = localDays(instants, LA);
    expect(days).toEqual(['2026-03-09', '2026-03-10']);
    expect(currentStreak(days, '2026-03-10')).toBe(2);
    expect(currentStreak(localDays(instants, 'UTC'), '2026-03-10')).toBe(1);
  });

  it('in Los Angeles grades on UTC days two apart are consecutive local days', () => {
    // 2026-03-09T18:00Z = 11:00 on the 9th; 2026-03-11T05:00Z = 22:00 on the 10th.
    const instants = ['2026-03-09T18:00:00Z', '2026-03-11T05:00:00Z'];
    expect(currentStreak(localDays(instants, LA), '2026-03-10')).toBe(2);
    expect(currentStreak(localDays(instants, 'UTC'), '2026-03-11')).toBe(1);
  });

  it('in Tokyo (UTC+9) a grade at 15:00Z belongs to the next local day', () => {
    // 14:59Z = 23:59 on the 9th; 15:00Z = 00:00 on the 10th. Both are UTC day 2026-03-09.
    const instants = ['2026-03-09T14:59:00Z', '2026-03-09T15:00:00Z'];
    const days = localDays(instants, TOKYO);
    expect(days).toEqual(['2026-03-09', '2026-03-10']);
    expect(currentStreak(days, '2026-03-10')).toBe(2);
    expect(currentStreak(localDays(instants, 'UTC'), '2026-03-09')).toBe(1);
  });

  it('in Tokyo a missed local day breaks the streak even when UTC days look consecutive', () => {
    // 2026-03-08T14:00Z = 23:00 on the 8th; 2026-03-09T16:00Z = 01:00 on the 10th.
    const instants = ['2026-03-08T14:00:00Z', '2026-03-09T16:00:00Z'];
    expect(localDays(instants, TOKYO)).toEqual(['2026-03-08', '2026-03-10']);
    expect(currentStreak(localDays(instants, TOKYO), '2026-03-10')).toBe(1);
    expect(currentStreak(localDays(instants, 'UTC'), '2026-03-09')).toBe(2);
  });
});
