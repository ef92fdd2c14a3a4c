import { Client, GatewayIntentBits, Options, type RESTOptions } from 'discord.js';
import { REST_HANDLER_SWEEP_INTERVAL_MS } from './rest-handler-sweep.js';

/** DISCORD_API_URL as discord.js's REST base ("https://discord.com/api" by default; no trailing slash). */
export function restApiOption(apiUrl: string | undefined): Partial<RESTOptions> {
  return apiUrl ? { api: apiUrl.replace(/\/+$/, '') } : {};
}

const keepSelf = {
  maxSize: 0,
  keepOverLimit: (v: { id: string; client: Client }) => v.id === v.client.user?.id,
};

/**
 * The gateway client. Interactions carry everything we need (user, member
 * permissions, channel id), so the only intent is Guilds (no privileged
 * intents, no message content) and caches that would grow with a server's
 * size are kept at zero and swept.
 */
export function createDiscordClient(options: { apiUrl: string | undefined }): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // This client's REST carries interaction answers (callbacks, edits, follow-ups), which Discord exempts
    // from the bot's global 50/s limit; discord.js's default cap of 50/s would queue a busy channel's answers.
    // Daily posts go through their own REST (channel-poster.ts) at the scheduler's rate.
    rest: {
      ...restApiOption(options.apiUrl),
      globalRequestsPerSecond: 500,
      handlerSweepInterval: REST_HANDLER_SWEEP_INTERVAL_MS,
    },
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      UserManager: keepSelf,
      GuildMemberManager: keepSelf,
      PresenceManager: 0,
      VoiceStateManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      GuildForumThreadManager: 0,
      GuildTextThreadManager: 0,
      BaseGuildEmojiManager: 0,
      GuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      EntitlementManager: 0,
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 600, lifetime: 300 },
      users: { interval: 900, filter: () => (user) => user.id !== user.client.user.id },
      guildMembers: { interval: 900, filter: () => (member) => member.id !== member.client.user.id },
      threads: { interval: 900, lifetime: 900 },
    },
  });
}
