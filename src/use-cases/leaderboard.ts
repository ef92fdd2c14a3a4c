import type { UseCase } from '../core/use-case.js';
import { PERIODS, type Period } from '../rules/periods.js';
import { leaderboard as board } from './shared/boards.js';

/** Top ten of this channel or the whole team, plus the caller's own rank. */
export const leaderboard: UseCase = {
  name: 'leaderboard',
  aliases: ['board'],
  description: 'The board (default: this week, this channel)',
  trigger: 'command',
  options: [
    {
      name: 'period',
      kind: 'choice',
      description: 'Which period (default week)',
      choices: PERIODS,
      positional: 'choice',
      aliases: { alltime: 'all', 'all-time': 'all' },
      default: 'week',
    },
    {
      name: 'scope',
      kind: 'choice',
      description: 'This channel or the whole server or workspace (default channel)',
      choices: ['channel', 'server'],
      positional: 'choice',
      aliases: { workspace: 'server' },
      default: 'channel',
    },
  ],
  who: 'anyone',
  where: 'channel',
  answerTo: 'channel',
  run: (deps, actor, input) =>
    board(deps, actor, input.period as Period, input.scope as 'channel' | 'server'),
};
