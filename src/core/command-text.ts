import type { DrillCommand } from './command.js';
import { DrillError } from './errors.js';
import { PERIODS, type Period } from './periods.js';
import { parseDays } from './schedule-rules.js';
import { DIFFICULTIES, type Difficulty, TOPICS, type Topic } from './types.js';

const isTopic = (v: string): v is Topic => (TOPICS as readonly string[]).includes(v);
const isDifficulty = (v: string): v is Difficulty => (DIFFICULTIES as readonly string[]).includes(v);
const isPeriod = (v: string): v is Period => (PERIODS as readonly string[]).includes(v);

/** Splits `key=value` options off the free words, checking the known keys. */
function splitOptions(words: string[]): { free: string[]; topic?: Topic; difficulty?: Difficulty } {
  const free: string[] = [];
  const out: { free: string[]; topic?: Topic; difficulty?: Difficulty } = { free };
  for (const word of words) {
    const m = /^(topic|difficulty)[=:](.*)$/i.exec(word);
    if (!m) {
      free.push(word);
      continue;
    }
    const key = m[1]!.toLowerCase();
    const value = (m[2] ?? '').toLowerCase();
    if (key === 'topic') {
      if (!isTopic(value)) throw new DrillError(`Unknown topic "${value}". Topics: ${TOPICS.join(', ')}.`);
      out.topic = value;
    } else {
      if (!isDifficulty(value)) {
        throw new DrillError(`Unknown difficulty "${value}". Use ${DIFFICULTIES.join(', ')}.`);
      }
      out.difficulty = value;
    }
  }
  return out;
}

/** A Slack user mention (<@U123|name>) or a bare id. */
function userIdFrom(word: string): string {
  const m = /^<@([A-Z0-9]+)(?:\|[^>]*)?>$/i.exec(word);
  return m ? m[1]! : word.replace(/^@/, '');
}

/**
 * Parses the words after `/drill` (Slack and console). Throws DrillError with
 * a one-line hint for anything it does not understand.
 */
export function parseCommandText(input: string): DrillCommand {
  const words = input
    .trim()
    .replace(/^\/?drill\b/i, '')
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .slice(0, 40);
  const [head, ...rest] = words;
  const name = (head ?? 'help').toLowerCase();
  switch (name) {
    case 'ask': {
      const { free, topic, difficulty } = splitOptions(rest);
      const query = free.join(' ').slice(0, 200);
      return {
        name: 'ask',
        ...(query ? { query } : {}),
        ...(topic ? { topic } : {}),
        ...(difficulty ? { difficulty } : {}),
      };
    }
    case 'today':
    case 'topics':
    case 'review':
    case 'help':
      return { name };
    case 'leaderboard':
    case 'board': {
      let period: Period = 'week';
      let scope: 'channel' | 'server' = 'channel';
      for (const word of rest.map((w) => w.toLowerCase().replace(/^(period|scope)[=:]/, ''))) {
        if (isPeriod(word)) period = word;
        else if (word === 'alltime' || word === 'all-time') period = 'all';
        else if (word === 'channel' || word === 'server' || word === 'workspace') {
          scope = word === 'channel' ? 'channel' : 'server';
        } else
          throw new DrillError(
            `Unknown board option "${word}". Use week, month or all, and channel or server.`,
          );
      }
      return { name: 'leaderboard', period, scope };
    }
    case 'stats': {
      const who = rest[0];
      return who ? { name: 'stats', userId: userIdFrom(who.replace(/^user[=:]/i, '')) } : { name: 'stats' };
    }
    case 'schedule': {
      const sub = (rest[0] ?? 'show').toLowerCase();
      if (sub === 'show') return { name: 'schedule-show' };
      if (sub === 'off') return { name: 'schedule-off' };
      if (sub !== 'set')
        throw new DrillError('Use /drill schedule set, /drill schedule show or /drill schedule off.');
      const { free, topic, difficulty } = splitOptions(rest.slice(1));
      const named = new Map<string, string>();
      const positional: string[] = [];
      for (const word of free) {
        const m = /^(time|timezone|tz|days)[=:](.+)$/i.exec(word);
        if (m) named.set(m[1]!.toLowerCase() === 'tz' ? 'timezone' : m[1]!.toLowerCase(), m[2]!);
        else positional.push(word);
      }
      const time = named.get('time') ?? positional.shift();
      const timezone = named.get('timezone') ?? positional.shift();
      // Everything after the zone is the day set ("mon wed fri", "Mon, Fri"); parseDays refuses stray words.
      const days = named.get('days') ?? (positional.length > 0 ? positional.splice(0).join(' ') : 'daily');
      if (positional.length > 0) throw new DrillError(`Unexpected "${positional.join(' ')}" after the days.`);
      parseDays(days);
      if (!time || !timezone) {
        throw new DrillError(
          'Usage: /drill schedule set HH:MM <Area/City> [daily|weekdays|mon,wed,fri] [topic=…] [difficulty=…]',
        );
      }
      return {
        name: 'schedule-set',
        time,
        timezone,
        days,
        ...(topic ? { topic } : {}),
        ...(difficulty ? { difficulty } : {}),
      };
    }
    case 'privacy': {
      const mode = (rest[0] ?? '').toLowerCase().replace(/^mode[=:]/, '');
      if (mode !== 'visible' && mode !== 'hidden')
        throw new DrillError('Use /drill privacy visible or /drill privacy hidden.');
      return { name: 'privacy', mode };
    }
    case 'forget-me':
    case 'forgetme':
      return { name: 'forget-me', confirm: (rest[0] ?? '').toLowerCase() === 'confirm' };
    default:
      throw new DrillError(`Unknown command "${head}". Try /drill help.`);
  }
}
