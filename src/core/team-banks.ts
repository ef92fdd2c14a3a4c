import type { QuestionBank } from './question-bank.js';
import type { Platform } from './types.js';

/** A team: a Discord server or a Slack workspace (or the console). */
export interface TeamRef {
  platform: Platform;
  teamId: string;
}

/**
 * The question bank each team draws from: the bundled packs plus the team's own live packs
 * (issue 14). Use cases and the scheduler ask for a team's bank instead of holding one bank.
 */
export interface TeamBanks {
  /** The packs shipped with the bot, shared by every team. */
  readonly bundled: QuestionBank;
  forTeam(team: TeamRef): Promise<QuestionBank>;
  /** Forgets the team's cached bank after this replica changed its packs. */
  invalidate(team: TeamRef): void;
}
