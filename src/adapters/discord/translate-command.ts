import type { ChatInputCommandInteraction } from 'discord.js';
import type { DrillCommand } from '../../core/command.js';
import { DrillError } from '../../core/errors.js';
import { PERIODS, type Period } from '../../core/periods.js';
import { DIFFICULTIES, type Difficulty, TOPICS, type Topic } from '../../core/types.js';

type Options = ChatInputCommandInteraction['options'];

/** A string option that must be one of the choices we declared (a forged payload may send anything). */
function choice<T extends string>(options: Options, name: string, allowed: readonly T[]): T | undefined {
  const value = options.getString(name);
  if (value === null) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new DrillError(`Unknown ${name} "${value}". Use ${allowed.join(', ')}.`);
  }
  return value as T;
}

function filters(options: Options): { topic?: Topic; difficulty?: Difficulty } {
  const topic = choice(options, 'topic', TOPICS);
  const difficulty = choice(options, 'difficulty', DIFFICULTIES);
  return { ...(topic ? { topic } : {}), ...(difficulty ? { difficulty } : {}) };
}

/** `/drill <subcommand>` with typed options as the core's command. Throws DrillError for unknown input. */
export function translateCommand(interaction: ChatInputCommandInteraction): DrillCommand {
  const { options } = interaction;
  const group = options.getSubcommandGroup(false);
  const sub = options.getSubcommand(true);
  if (group === 'schedule') {
    if (sub === 'show') return { name: 'schedule-show' };
    if (sub === 'off') return { name: 'schedule-off' };
    if (sub === 'set') {
      return {
        name: 'schedule-set',
        time: options.getString('time', true).trim(),
        timezone: options.getString('timezone', true).trim(),
        days: options.getString('days')?.trim() || 'daily',
        ...filters(options),
      };
    }
  }
  if (group !== null) throw new DrillError(`Unknown command "${group} ${sub}". Try /drill help.`);
  switch (sub) {
    case 'ask': {
      const query = options.getString('query')?.trim().slice(0, 200);
      return { name: 'ask', ...(query ? { query } : {}), ...filters(options) };
    }
    case 'today':
    case 'topics':
    case 'review':
    case 'help':
      return { name: sub };
    case 'leaderboard':
      return {
        name: 'leaderboard',
        period: choice<Period>(options, 'period', PERIODS) ?? 'week',
        scope: choice(options, 'scope', ['channel', 'server'] as const) ?? 'channel',
      };
    case 'stats': {
      const user = options.getUser('user');
      return user ? { name: 'stats', userId: user.id } : { name: 'stats' };
    }
    case 'privacy': {
      const mode = choice(options, 'mode', ['visible', 'hidden'] as const);
      if (!mode) throw new DrillError('Choose a mode: visible or hidden.');
      return { name: 'privacy', mode };
    }
    case 'forget-me':
      // The confirmation is a button on the reply, never an option someone can type by mistake.
      return { name: 'forget-me', confirm: false };
    default:
      throw new DrillError(`Unknown command "${sub}". Try /drill help.`);
  }
}
