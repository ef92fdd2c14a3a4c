/**
 * The Discord baseline: a discord.js Client with default options (only the
 * REST base pointed at the fake, and the Guilds intent ours uses) whose only
 * work is a fixed ephemeral reply to every button click: the one callback a
 * bot must send, with none of our routing, engine or caches.
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';

export interface BareDiscordClient {
  /** Replies that failed (rejected by the fake, or late). */
  failed(): number;
  stop(): Promise<void>;
}

export async function startBareDiscordClient(options: {
  apiUrl: string;
  token: string;
}): Promise<BareDiscordClient> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: options.apiUrl } });
  let failed = 0;
  client.on(Events.InteractionCreate, (interaction) => {
    if (!interaction.isButton()) return;
    interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral }).catch(() => {
      failed += 1;
    });
  });
  const ready = once(client, Events.ClientReady);
  await client.login(options.token);
  await ready;
  return {
    failed: () => failed,
    stop: async () => {
      await client.destroy();
    },
  };
}
