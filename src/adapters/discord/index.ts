import { once } from 'node:events';
import { Events } from 'discord.js';
import type { DiscordConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import type { DrillEngine } from '../../runtime/engine.js';
import type { ChannelPoster } from '../../scheduler/channel-poster.js';
import { createDiscordChannelPoster, createPostingRest } from './channel-poster.js';
import { createDiscordClient } from './discord-client.js';
import { inviteUrl } from './invite-url.js';
import { dropUnreadablePackets } from './packet-guard.js';
import { registerInteractions } from './register-interactions.js';

export { isDiscordShardProcess, startDiscordShards } from './sharding.js';

/**
 * Connects to Discord's gateway (URL from `/gateway/bot` on DISCORD_API_URL),
 * answers /drill interactions through the engine, and returns the poster the
 * scheduler uses for daily cards. Resolves once the client is ready.
 */
export async function startDiscord(options: {
  config: DiscordConfig;
  engine: DrillEngine;
  logger: Logger;
}): Promise<{ poster: ChannelPoster; stop(): Promise<void> }> {
  const { config, engine, logger } = options;
  const client = createDiscordClient({ apiUrl: config.apiUrl });
  dropUnreadablePackets(client, logger);
  const interactions = registerInteractions(client, { engine, logger });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord: client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord: warning'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn({ shard, code: event.code }, 'discord: shard disconnected'),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.info({ shard }, 'discord: shard reconnecting'));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.token);
    await ready;
  } catch (error) {
    await interactions.stop();
    await client.destroy();
    throw error;
  }
  const applicationId = client.application?.id ?? null;
  if (applicationId && applicationId !== config.applicationId) {
    logger.warn({ applicationId }, 'discord: DISCORD_APPLICATION_ID differs from the token’s application');
  }
  logger.info(
    {
      bot: client.user?.tag ?? null,
      guilds: client.guilds.cache.size,
      shards: client.shard?.ids ?? [0],
      invite: inviteUrl(config.applicationId),
    },
    'discord: connected; invite the bot with the URL in "invite"',
  );

  const poster = createDiscordChannelPoster({
    rest: createPostingRest({ token: config.token, api: config.apiUrl }),
    postsPerSecond: config.postsPerSecond,
  });
  return {
    poster,
    async stop() {
      await interactions.stop();
      await client.destroy();
    },
  };
}
