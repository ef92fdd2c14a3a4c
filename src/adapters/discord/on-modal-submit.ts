import type { ModalSubmitInteraction } from 'discord.js';
import type { HandlerDeps } from './handler-deps.js';
import { answerWith, replyEphemeral } from './interaction-reply.js';
import { actorOf } from './translate-actor.js';
import { translateModalSubmit } from './translate-component.js';

/** The written answer from *Write my answer*: stored, acknowledged privately with a *Show answer* button. */
export async function onModalSubmit(
  interaction: ModalSubmitInteraction,
  { engine, logger }: HandlerDeps,
): Promise<void> {
  const call = translateModalSubmit(interaction);
  if (!call) {
    await replyEphemeral(interaction, '⚠️ That form is not from this bot version.', logger);
    return;
  }
  const actor = actorOf(interaction);
  return answerWith(interaction, 'ephemeral', () => engine.run(actor, call.name, call.input), logger);
}
