import type { Period } from './periods.js';
import type { Difficulty, Grade, Topic } from './types.js';

/**
 * The /drill contract as plain values. Discord builds these from typed
 * options; Slack and the console parse them from text (command-text.ts).
 */
export type DrillCommand =
  | { name: 'ask'; query?: string; topic?: Topic; difficulty?: Difficulty }
  | { name: 'today' }
  | { name: 'topics' }
  | { name: 'leaderboard'; period: Period; scope: 'channel' | 'server' }
  | { name: 'stats'; userId?: string }
  | { name: 'review' }
  | {
      name: 'schedule-set';
      time: string;
      timezone: string;
      days: string;
      topic?: Topic;
      difficulty?: Difficulty;
    }
  | { name: 'schedule-show' }
  | { name: 'schedule-off' }
  | { name: 'privacy'; mode: 'visible' | 'hidden' }
  | { name: 'forget-me'; confirm: boolean }
  | { name: 'help' };

export type CommandName = DrillCommand['name'];

/** Button and modal actions, the same on every platform. */
export type DrillAction =
  | { name: 'reveal'; questionId: string }
  | { name: 'write'; questionId: string; text: string }
  | { name: 'grade'; questionId: string; grade: Grade }
  | { name: 'forget-confirm' };

/** Commands that only make sense in a shared channel (not in a DM). */
export const CHANNEL_COMMANDS: ReadonlySet<CommandName> = new Set([
  'today',
  'leaderboard',
  'schedule-set',
  'schedule-show',
  'schedule-off',
]);

/** Commands that change a channel's schedule: admins only. */
export const ADMIN_COMMANDS: ReadonlySet<CommandName> = new Set(['schedule-set', 'schedule-off']);

export const HELP: readonly { usage: string; description: string }[] = [
  {
    usage: '/drill ask [query] [topic=…] [difficulty=…]',
    description: 'a question by id, number or words; random without a query',
  },
  { usage: '/drill today', description: "this channel's daily question" },
  { usage: '/drill topics', description: 'question packs and topics with counts' },
  {
    usage: '/drill leaderboard [week|month|all] [channel|server]',
    description: 'the board (default: this week, this channel)',
  },
  { usage: '/drill stats [@user]', description: 'points, streak, attempts, accuracy by topic, reviews due' },
  { usage: '/drill review', description: 'your next spaced-repetition card' },
  {
    usage: '/drill schedule set HH:MM <Area/City> <daily|weekdays|mon,wed,fri> [topic=…] [difficulty=…]',
    description: 'post a daily question here (admins)',
  },
  { usage: '/drill schedule show', description: "this channel's schedule and next post" },
  { usage: '/drill schedule off', description: 'stop daily posts here (admins)' },
  { usage: '/drill privacy visible|hidden', description: 'show or hide your name on boards' },
  { usage: '/drill forget-me', description: 'delete everything the bot keeps about you' },
  { usage: '/drill help', description: 'this help' },
];
