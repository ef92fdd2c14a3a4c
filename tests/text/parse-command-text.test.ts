import { describe, expect, it } from 'vitest';
import { slackUserId } from '../../src/adapters/slack/translate-command.js';
import { parseCommandText } from '../../src/adapters/text/parse-command-text.js';
import { DrillError } from '../../src/core/errors.js';
import { parseDays } from '../../src/rules/schedule-rules.js';
import { validateInput } from '../../src/runtime/input-validation.js';
import { USE_CASES } from '../../src/use-cases/table.js';
import { contentBank } from '../helpers/engine-fixture.js';

/** The use case and raw options a text stands for (Slack's mention syntax, as Slack reads it). */
function parse(text: string): { name: string; input: Record<string, string> } {
  const parsed = parseCommandText(text, USE_CASES, { userId: slackUserId });
  if (parsed.kind !== 'use-case') throw new DrillError(parsed.text);
  return { name: parsed.useCase.name, input: parsed.input };
}

/** Parsed, then checked as the engine checks it: what the use case would run with. */
function checked(text: string) {
  const parsed = parseCommandText(text, USE_CASES);
  if (parsed.kind !== 'use-case') throw new DrillError(parsed.text);
  return { name: parsed.useCase.name, input: validateInput(parsed.useCase, parsed.input, contentBank()) };
}

describe('text commands read from the use-case table', () => {
  it('reads ask with an id, a number or words, with or without /drill', () => {
    expect(parse('/drill ask gil')).toEqual({ name: 'ask', input: { query: 'gil' } });
    expect(parse('ask gil')).toEqual({ name: 'ask', input: { query: 'gil' } });
    expect(parse('drill ask #12')).toEqual({ name: 'ask', input: { query: '#12' } });
    expect(parse('ask context manager')).toEqual({ name: 'ask', input: { query: 'context manager' } });
    expect(parse('ask')).toEqual({ name: 'ask', input: {} });
  });

  it('takes key=value (or key:value) options anywhere among the words', () => {
    expect(checked('ask Topic=OOP meta difficulty:Hard class')).toEqual({
      name: 'ask',
      input: { query: 'meta class', topic: 'oop', difficulty: 'hard' },
    });
  });

  it('reads the words without options', () => {
    for (const name of ['today', 'topics', 'review', 'help']) {
      expect(parse(name)).toEqual({ name, input: {} });
      expect(parse(`/drill ${name.toUpperCase()}`)).toEqual({ name, input: {} });
    }
    expect(parse('')).toEqual({ name: 'help', input: {} });
    expect(parse('   ')).toEqual({ name: 'help', input: {} });
    expect(parse('/drill')).toEqual({ name: 'help', input: {} });
  });

  it('reads board periods and scopes in any order, with their aliases and defaults', () => {
    expect(checked('leaderboard month server').input).toEqual({ period: 'month', scope: 'server' });
    expect(checked('leaderboard').input).toEqual({ period: 'week', scope: 'channel' });
    expect(checked('leaderboard server all').input).toEqual({ period: 'all', scope: 'server' });
    expect(checked('leaderboard period=month scope=channel').input).toEqual({
      period: 'month',
      scope: 'channel',
    });
    expect(checked('board workspace')).toEqual({
      name: 'leaderboard',
      input: { period: 'week', scope: 'server' },
    });
    expect(checked('leaderboard alltime').input).toMatchObject({ period: 'all' });
  });

  it("reads a Slack mention as the user's id (the Slack adapter's syntax)", () => {
    expect(parse('stats')).toEqual({ name: 'stats', input: {} });
    expect(parse('stats <@U123|bob>')).toEqual({ name: 'stats', input: { user: 'U123' } });
    expect(parse('stats <@U123>')).toEqual({ name: 'stats', input: { user: 'U123' } });
    expect(parse('stats user=<@U123|bob>')).toEqual({ name: 'stats', input: { user: 'U123' } });
    expect(parse('stats @alice')).toEqual({ name: 'stats', input: { user: 'alice' } });
  });

  it('reads schedule set positionally or by name, days defaulting to daily', () => {
    expect(checked('schedule set 09:00 Europe/Berlin weekdays topic=concurrency')).toEqual({
      name: 'schedule set',
      input: { time: '09:00', timezone: 'Europe/Berlin', days: 'weekdays', topic: 'concurrency' },
    });
    expect(checked('schedule set time=09:00 timezone=UTC days=mon,fri').input).toEqual({
      time: '09:00',
      timezone: 'UTC',
      days: 'mon,fri',
    });
    expect(checked('schedule set days=weekends difficulty=easy tz=Asia/Tokyo time=7:30').input).toEqual({
      time: '7:30',
      timezone: 'Asia/Tokyo',
      days: 'weekends',
      difficulty: 'easy',
    });
    expect(checked('schedule set 09:00 UTC').input).toEqual({
      time: '09:00',
      timezone: 'UTC',
      days: 'daily',
    });
  });

  it('never drops a word of the days ("Mon, Fri", "mon wed fri"), and refuses a stray word after them', () => {
    expect(parseDays(String(parse('schedule set 09:00 UTC Mon, Fri').input.days))).toEqual([1, 5]);
    expect(parseDays(String(parse('schedule set 09:00 UTC mon wed fri').input.days))).toEqual([1, 3, 5]);
    expect(() =>
      parseDays(String(parse('schedule set 09:00 Europe/Berlin weekdays concurrency').input.days)),
    ).toThrow(DrillError);
  });

  it('reads schedule show, off, and schedule alone as show', () => {
    expect(parse('schedule show').name).toBe('schedule show');
    expect(parse('schedule off').name).toBe('schedule off');
    expect(parse('schedule').name).toBe('schedule show');
  });

  it('reads privacy modes', () => {
    expect(checked('privacy hidden').input).toEqual({ mode: 'hidden' });
    expect(checked('privacy visible').input).toEqual({ mode: 'visible' });
    expect(checked('privacy mode=Hidden').input).toEqual({ mode: 'hidden' });
  });

  it('reads forget-me, which asks for confirmation in the engine; typed words never confirm it', () => {
    expect(parse('forget-me')).toEqual({ name: 'forget-me', input: {} });
    expect(() => parse('forget-me confirm')).toThrow(/Unexpected "confirm"/);
  });
});

describe('text commands: errors name the problem', () => {
  it('names an unknown command', () => {
    expect(() => parse('dance')).toThrow(DrillError);
    expect(() => parse('/drill dance now')).toThrow('Unknown command "dance". Try /drill help.');
  });

  it('lists the topics for an unknown topic and the difficulties for an unknown difficulty', () => {
    expect(() => checked('ask topic=cooking')).toThrow(/Unknown topic "cooking".*concurrency/);
    expect(() => checked('ask difficulty=extreme')).toThrow(/Unknown difficulty "extreme"/);
    expect(() => checked('schedule set 09:00 UTC topic=cooking')).toThrow(/Unknown topic/);
    expect(() => checked('schedule set 09:00 UTC difficulty=brutal')).toThrow(/Unknown difficulty/);
  });

  it('refuses a privacy mode that is not one', () => {
    expect(() => parse('privacy invisible')).toThrow(DrillError);
    expect(() => checked('privacy')).toThrow(/Missing mode\. Usage: \/drill privacy visible\|hidden/);
  });

  it('gives the usage when schedule set lacks its time or zone', () => {
    expect(() => checked('schedule set')).toThrow(/Usage: \/drill schedule set HH:MM/);
    expect(() => checked('schedule set 09:00')).toThrow(DrillError);
    expect(() => checked('schedule set time=09:00 days=daily')).toThrow(DrillError);
  });

  it('refuses an unknown schedule word and an unknown board option', () => {
    expect(() => parse('schedule pause')).toThrow(DrillError);
    expect(() => parse('leaderboard year')).toThrow(/Unexpected "year"/);
  });
});
