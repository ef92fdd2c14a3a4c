import type { AutocompleteInteraction } from 'discord.js';
import type { HandlerDeps } from './handler-deps.js';
import { actorOf } from './translate-actor.js';
import { autocompleteChoices } from './translate-autocomplete.js';
import { useCaseNameOf } from './translate-command.js';

/** Suggestions come from memory (the team's cached bank, the zone list): answered at once, never deferred. */
export async function onAutocomplete(
  interaction: AutocompleteInteraction,
  { engine, logger }: HandlerDeps,
): Promise<void> {
  try {
    const focused = interaction.options.getFocused(true);
    await interaction.respond(
      await autocompleteChoices(engine, actorOf(interaction), useCaseNameOf(interaction.options), {
        name: focused.name,
        value: String(focused.value),
      }),
    );
  } catch (error) {
    logger.warn({ err: error, interactionId: interaction.id }, 'discord: autocomplete failed');
  }
}
