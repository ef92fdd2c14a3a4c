/** `npm run discord:deploy`: registers /drill with Discord from the same environment as the bot. */
import { REST } from 'discord.js';
import { type Config, ConfigError, loadConfig } from '../../config.js';
import { createLogger } from '../../logger.js';
import { deployCommands } from './command-deployment.js';
import { restApiOption } from './discord-client.js';
import { inviteUrl } from './invite-url.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const logger = createLogger({
  level: config.logLevel ?? 'info',
  secrets: config.discord ? [config.discord.token] : [],
});
if (!config.discord) {
  logger.error('DISCORD_TOKEN: required to deploy commands (with DISCORD_APPLICATION_ID)');
  process.exit(1);
}
const { discord } = config;
const rest = new REST(restApiOption(discord.apiUrl)).setToken(discord.token);
try {
  const { scope, count } = await deployCommands(rest, discord);
  logger.info(
    { scope, guildId: discord.guildId ?? null, commands: count, invite: inviteUrl(discord.applicationId) },
    scope === 'guild'
      ? 'discord: /drill registered in the guild (available now)'
      : 'discord: /drill registered globally (may take up to an hour to appear)',
  );
} catch (error) {
  logger.error({ err: error }, 'discord: registering /drill failed');
  process.exitCode = 1;
}
