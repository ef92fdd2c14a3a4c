import { type Client, Events, type Interaction } from 'discord.js';
import { COMMAND_NAME } from './drill-command-data.js';
import type { HandlerDeps } from './handler-deps.js';
import { onAutocomplete } from './on-autocomplete.js';
import { onButton } from './on-button.js';
import { onModalSubmit } from './on-modal-submit.js';
import { onSlashCommand } from './on-slash-command.js';

/**
 * Routes each interaction to its handler (handlers never throw). The returned
 * stop() removes the listener and waits for interactions still being answered.
 */
export function registerInteractions(client: Client, deps: HandlerDeps): { stop(): Promise<void> } {
  const inFlight = new Set<Promise<void>>();
  const listener = (interaction: Interaction) => {
    // Only the id outlives this call: the handlers keep no more of an interaction than answering it needs.
    const interactionId = interaction.id;
    const handled = route(interaction, deps).catch((error: unknown) =>
      deps.logger.error({ err: error, interactionId }, 'discord: interaction handler failed'),
    );
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  };
  client.on(Events.InteractionCreate, listener);
  return {
    async stop() {
      client.off(Events.InteractionCreate, listener);
      await Promise.allSettled([...inFlight]);
    },
  };
}

/** Returns the handler's promise rather than awaiting it, so this frame does not hold the interaction meanwhile. */
function route(interaction: Interaction, deps: HandlerDeps): Promise<void> {
  if (interaction.isChatInputCommand()) {
    if (interaction.commandName === COMMAND_NAME) return onSlashCommand(interaction, deps);
  } else if (interaction.isAutocomplete()) {
    if (interaction.commandName === COMMAND_NAME) return onAutocomplete(interaction, deps);
  } else if (interaction.isButton()) {
    return onButton(interaction, deps);
  } else if (interaction.isModalSubmit()) {
    return onModalSubmit(interaction, deps);
  }
  return Promise.resolve();
}
