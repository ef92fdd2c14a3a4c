import type { ButtonInteraction } from 'discord.js';
import type { HandlerDeps } from './handler-deps.js';
import { answerWith, replyEphemeral } from './interaction-reply.js';
import { renderAnswerModal } from './render-answer-modal.js';
import { actorOf } from './translate-actor.js';
import { translateButton } from './translate-component.js';

export async function onButton(
  interaction: ButtonInteraction,
  { engine, logger }: HandlerDeps,
): Promise<void> {
  const request = translateButton(interaction);
  if (!request) {
    await replyEphemeral(
      interaction,
      '⚠️ That button is not from this bot version. Try /drill today.',
      logger,
    );
    return;
  }
  if (request.kind === 'open-modal') {
    // A modal must be the first response, so it cannot be deferred; the team's bank is almost always cached.
    const bank = await engine.bankOf(actorOf(interaction));
    const title = bank.get(request.questionId)?.title ?? null;
    try {
      await interaction.showModal(renderAnswerModal(request.questionId, title));
    } catch (error) {
      logger.warn({ err: error, interactionId: interaction.id }, 'discord: could not open the answer modal');
    }
    return;
  }
  const { call } = request;
  const useCase = engine.useCase(call.name);
  // A confirmation prompt is replaced by its outcome; other clicks answer to whom the use case says.
  const mode = call.confirmed ? 'update' : useCase?.answerTo === 'channel' ? 'public' : 'ephemeral';
  const actor = actorOf(interaction);
  return answerWith(interaction, mode, () => engine.run(actor, call.name, call.input, call), logger);
}
