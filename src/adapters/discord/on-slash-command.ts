import type { ChatInputCommandInteraction } from 'discord.js';
import type { CommandName, DrillCommand } from '../../core/command.js';
import { DrillError } from '../../core/errors.js';
import type { HandlerDeps } from './handler-deps.js';
import { answerWith, type ReplyMode, replyEphemeral } from './interaction-reply.js';
import { renderNotice } from './render-info.js';
import { actorOf } from './translate-actor.js';
import { translateCommand } from './translate-command.js';

/** What the channel should see; everything personal stays with the caller. */
const PUBLIC_COMMANDS: ReadonlySet<CommandName> = new Set([
  'ask',
  'today',
  'leaderboard',
  'schedule-set',
  'schedule-off',
]);

export async function onSlashCommand(
  interaction: ChatInputCommandInteraction,
  { engine, logger }: HandlerDeps,
): Promise<void> {
  let command: DrillCommand;
  try {
    command = translateCommand(interaction);
  } catch (error) {
    const text =
      error instanceof DrillError ? error.message : 'That command is not understood. Try /drill help.';
    await replyEphemeral(interaction, renderNotice({ kind: 'notice', tone: 'error', text }), logger);
    return;
  }
  const mode: ReplyMode = PUBLIC_COMMANDS.has(command.name) ? 'public' : 'ephemeral';
  logger.debug({ interactionId: interaction.id, command: command.name }, 'discord: command');
  const actor = actorOf(interaction);
  return answerWith(interaction, mode, () => engine.command(actor, command), logger);
}
