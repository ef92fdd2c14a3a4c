import type { ChatInputCommandInteraction } from 'discord.js';
import { DrillError } from '../../core/errors.js';
import type { HandlerDeps } from './handler-deps.js';
import { answerWith, replyEphemeral } from './interaction-reply.js';
import { renderNotice } from './render-info.js';
import { actorOf } from './translate-actor.js';
import { inputOf, useCaseNameOf } from './translate-command.js';

export async function onSlashCommand(
  interaction: ChatInputCommandInteraction,
  { engine, logger }: HandlerDeps,
): Promise<void> {
  let name: string | null = null;
  try {
    name = useCaseNameOf(interaction.options);
  } catch {
    // A payload without a subcommand is not ours to guess at.
  }
  const useCase = name === null ? undefined : engine.useCase(name);
  if (useCase?.trigger !== 'command') {
    const text = `Unknown command "${String(name ?? '').slice(0, 40)}". Try /drill help.`;
    await replyEphemeral(interaction, renderNotice({ kind: 'notice', tone: 'error', text }), logger);
    return;
  }
  logger.debug({ interactionId: interaction.id, command: useCase.name }, 'discord: command');
  let input: Record<string, unknown>;
  try {
    input = inputOf(useCase, interaction.options);
  } catch (error) {
    const text =
      error instanceof DrillError ? error.message : 'That command is not understood. Try /drill help.';
    await replyEphemeral(interaction, renderNotice({ kind: 'notice', tone: 'error', text }), logger);
    return;
  }
  const actor = actorOf(interaction);
  return answerWith(
    interaction,
    useCase.answerTo === 'channel' ? 'public' : 'ephemeral',
    () => engine.run(actor, useCase.name, input),
    logger,
  );
}
