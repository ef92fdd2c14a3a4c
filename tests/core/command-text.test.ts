import { describe, expect, it } from 'vitest';
import { parseCommandText } from '../../src/core/command-text.js';
import { DrillError } from '../../src/core/errors.js';

describe('parseCommandText: the /drill contract', () => {
  it('reads "/drill ask gil" as ask with a query', () => {
    expect(parseCommandText('/drill ask gil')).toEqual({ name: 'ask', query: 'gil' });
  });

  it('reads the words after ask without the /drill prefix too', () => {
    expect(parseCommandText('ask gil')).toEqual({ name: 'ask', query: 'gil' });
    expect(parseCommandText('drill ask #12')).toEqual({ name: 'ask', query: '#12' });
  });

  it('joins several query words', () => {
    expect(parseCommandText('ask context manager')).toEqual({ name: 'ask', query: 'context manager' });
  });

  it('reads ask with topic and difficulty and no query', () => {
    expect(parseCommandText('ask topic=oop difficulty=hard')).toEqual({
      name: 'ask',
      topic: 'oop',
      difficulty: 'hard',
    });
  });

  it('separates options from query words, in any order and case', () => {
    expect(parseCommandText('ask Topic=OOP meta difficulty:Hard class')).toEqual({
      name: 'ask',
      query: 'meta class',
      topic: 'oop',
      difficulty: 'hard',
    });
  });

  it('reads ask alone as a random pick', () => {
    expect(parseCommandText('ask')).toEqual({ name: 'ask' });
  });

  it.each(['today', 'topics', 'review', 'help'] as const)('reads "%s" as a bare command', (name) => {
    expect(parseCommandText(name)).toEqual({ name });
    expect(parseCommandText(`/drill ${name.toUpperCase()}`)).toEqual({ name });
  });

  it('reads "leaderboard month server"', () => {
    expect(parseCommandText('leaderboard month server')).toEqual({
      name: 'leaderboard',
      period: 'month',
      scope: 'server',
    });
  });

  it('defaults "leaderboard" to this week in this channel', () => {
    expect(parseCommandText('leaderboard')).toEqual({
      name: 'leaderboard',
      period: 'week',
      scope: 'channel',
    });
  });

  it('reads leaderboard options in any order, named or bare', () => {
    expect(parseCommandText('leaderboard server all')).toEqual({
      name: 'leaderboard',
      period: 'all',
      scope: 'server',
    });
    expect(parseCommandText('leaderboard period=month scope=channel')).toEqual({
      name: 'leaderboard',
      period: 'month',
      scope: 'channel',
    });
    expect(parseCommandText('board workspace')).toEqual({
      name: 'leaderboard',
      period: 'week',
      scope: 'server',
    });
  });

  it('reads "stats" alone as the caller', () => {
    expect(parseCommandText('stats')).toEqual({ name: 'stats' });
  });

  it('reads "stats <@U123|bob>" as the mentioned user id', () => {
    expect(parseCommandText('stats <@U123|bob>')).toEqual({ name: 'stats', userId: 'U123' });
    expect(parseCommandText('stats <@U123>')).toEqual({ name: 'stats', userId: 'U123' });
    expect(parseCommandText('stats user=<@U123|bob>')).toEqual({ name: 'stats', userId: 'U123' });
  });

  it('reads a bare or @ user id for stats', () => {
    expect(parseCommandText('stats @alice')).toEqual({ name: 'stats', userId: 'alice' });
  });

  it('reads "schedule set 09:00 Europe/Berlin weekdays topic=concurrency"', () => {
    expect(parseCommandText('schedule set 09:00 Europe/Berlin weekdays topic=concurrency')).toEqual({
      name: 'schedule-set',
      time: '09:00',
      timezone: 'Europe/Berlin',
      days: 'weekdays',
      topic: 'concurrency',
    });
  });

  it('reads "schedule set time=09:00 timezone=UTC days=mon,fri"', () => {
    expect(parseCommandText('schedule set time=09:00 timezone=UTC days=mon,fri')).toEqual({
      name: 'schedule-set',
      time: '09:00',
      timezone: 'UTC',
      days: 'mon,fri',
    });
  });

  it('reads named schedule options in any order, tz as timezone, difficulty too', () => {
    expect(parseCommandText('schedule set days=weekends difficulty=easy tz=Asia/Tokyo time=7:30')).toEqual({
      name: 'schedule-set',
      time: '7:30',
      timezone: 'Asia/Tokyo',
      days: 'weekends',
      difficulty: 'easy',
    });
  });

  it('defaults schedule days to daily', () => {
    expect(parseCommandText('schedule set 09:00 UTC')).toEqual({
      name: 'schedule-set',
      time: '09:00',
      timezone: 'UTC',
      days: 'daily',
    });
  });

  it('reads "schedule show" and "schedule off"', () => {
    expect(parseCommandText('schedule show')).toEqual({ name: 'schedule-show' });
    expect(parseCommandText('schedule off')).toEqual({ name: 'schedule-off' });
    expect(parseCommandText('schedule')).toEqual({ name: 'schedule-show' });
  });

  it('reads "privacy hidden" and "privacy visible"', () => {
    expect(parseCommandText('privacy hidden')).toEqual({ name: 'privacy', mode: 'hidden' });
    expect(parseCommandText('privacy visible')).toEqual({ name: 'privacy', mode: 'visible' });
    expect(parseCommandText('privacy mode=Hidden')).toEqual({ name: 'privacy', mode: 'hidden' });
  });

  it('reads "forget-me" as a request that still needs confirming', () => {
    expect(parseCommandText('forget-me')).toEqual({ name: 'forget-me', confirm: false });
  });

  it('reads "forget-me confirm" as confirmed', () => {
    expect(parseCommandText('forget-me confirm')).toEqual({ name: 'forget-me', confirm: true });
    expect(parseCommandText('/drill forget-me CONFIRM')).toEqual({ name: 'forget-me', confirm: true });
  });

  it('reads "help", and empty input as help', () => {
    expect(parseCommandText('help')).toEqual({ name: 'help' });
    expect(parseCommandText('')).toEqual({ name: 'help' });
    expect(parseCommandText('   ')).toEqual({ name: 'help' });
    expect(parseCommandText('/drill')).toEqual({ name: 'help' });
  });
});

describe('parseCommandText: errors', () => {
  it('refuses an unknown command and names it', () => {
    expect(() => parseCommandText('dance')).toThrow(DrillError);
    expect(() => parseCommandText('/drill dance now')).toThrow('Unknown command "dance". Try /drill help.');
  });

  it('refuses an unknown topic and lists the topics', () => {
    expect(() => parseCommandText('ask topic=cooking')).toThrow(DrillError);
    expect(() => parseCommandText('ask topic=cooking')).toThrow(/Unknown topic "cooking".*concurrency/);
  });

  it('refuses an unknown difficulty', () => {
    expect(() => parseCommandText('ask difficulty=extreme')).toThrow(DrillError);
    expect(() => parseCommandText('ask difficulty=extreme')).toThrow(/Unknown difficulty "extreme"/);
  });

  it('refuses a bad topic or difficulty on schedule set', () => {
    expect(() => parseCommandText('schedule set 09:00 UTC topic=cooking')).toThrow(/Unknown topic/);
    expect(() => parseCommandText('schedule set 09:00 UTC difficulty=brutal')).toThrow(/Unknown difficulty/);
  });

  it('refuses a bad privacy mode, or none', () => {
    expect(() => parseCommandText('privacy invisible')).toThrow(DrillError);
    expect(() => parseCommandText('privacy')).toThrow(/privacy visible or \/drill privacy hidden/);
  });

  it('refuses "schedule set" with no time', () => {
    expect(() => parseCommandText('schedule set')).toThrow(DrillError);
    expect(() => parseCommandText('schedule set')).toThrow(/Usage: \/drill schedule set HH:MM/);
  });

  it('refuses "schedule set" with a time but no time zone', () => {
    expect(() => parseCommandText('schedule set 09:00')).toThrow(DrillError);
    expect(() => parseCommandText('schedule set time=09:00 days=daily')).toThrow(DrillError);
  });

  it('refuses an unknown schedule subcommand', () => {
    expect(() => parseCommandText('schedule pause')).toThrow(DrillError);
  });

  it('refuses an unknown leaderboard option', () => {
    expect(() => parseCommandText('leaderboard year')).toThrow(DrillError);
    expect(() => parseCommandText('leaderboard year')).toThrow(/Unknown board option "year"/);
  });
});
