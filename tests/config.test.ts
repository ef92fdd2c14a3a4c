import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const refused = (env: NodeJS.ProcessEnv): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('loadConfig', () => {
  it('runs the console on embedded PGlite with nothing set', () => {
    expect(loadConfig({})).toEqual({
      databaseUrl: undefined,
      dataDir: './data',
      contentDir: './content',
      defaultTimeZone: 'UTC',
      port: 3000,
      logLevel: undefined,
      slack: null,
      discord: null,
    });
  });

  it('treats an empty or blank variable as unset, and trims values', () => {
    const config = loadConfig({
      DATABASE_URL: '',
      DRILL_DATA_DIR: '  ',
      PORT: ' 8080 ',
      DRILL_TIMEZONE: ' Europe/Berlin ',
    });
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: './data',
      port: 8080,
      defaultTimeZone: 'Europe/Berlin',
    });
  });

  it.each([
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL: must be a postgres:// URL'],
    [{ DATABASE_URL: 'postgres://[bad' }, 'DATABASE_URL: must be a postgres:// URL'],
    [{ DRILL_TIMEZONE: 'Mars/Olympus' }, 'DRILL_TIMEZONE: must be an IANA time zone such as Europe/Berlin'],
    [{ SLACK_BOT_TOKEN: 'xoxp-1' }, 'SLACK_BOT_TOKEN: must be a bot token starting with xoxb-'],
    [{ SLACK_APP_TOKEN: 'xoxb-1' }, 'SLACK_APP_TOKEN: must be an app-level token starting with xapp-'],
    [{ SLACK_API_URL: 'ftp://slack' }, 'SLACK_API_URL: must be an http(s) URL'],
    [{ SLACK_POSTS_PER_SECOND: '0' }, 'SLACK_POSTS_PER_SECOND: must be a whole number from 1 to 1000'],
    [{ SLACK_POSTS_PER_SECOND: '2.5' }, 'SLACK_POSTS_PER_SECOND: must be a whole number from 1 to 1000'],
    [{ DISCORD_APPLICATION_ID: 'app' }, 'DISCORD_APPLICATION_ID: must be the numeric application id'],
    [{ DISCORD_API_URL: 'discord' }, 'DISCORD_API_URL: must be an http(s) URL'],
    [{ DISCORD_GUILD_ID: '12' }, 'DISCORD_GUILD_ID: must be a numeric guild id'],
    [{ DISCORD_SHARDS: 'many' }, 'DISCORD_SHARDS: must be "auto" or a shard count'],
    [{ DISCORD_POSTS_PER_SECOND: '51' }, 'DISCORD_POSTS_PER_SECOND: must be a whole number from 1 to 50'],
    [{ PORT: '70000' }, 'PORT: must be a port number (0-65535)'],
    [{ PORT: 'http' }, 'PORT: must be a port number (0-65535)'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace, silent'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(refused(env)).toBe(message);
  });

  it('reports the first bad variable only', () => {
    expect(refused({ DATABASE_URL: 'nope', PORT: 'nope' })).toMatch(/^DATABASE_URL:/);
  });

  it('builds the Slack settings, and asks for what a token needs', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'shh',
      SLACK_ADMIN_USER_IDS: ' U1, ,U2 ',
    });
    expect(config.slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 'shh',
      appToken: undefined,
      apiUrl: undefined,
      adminUserIds: ['U1', 'U2'],
      postsPerSecond: 20,
    });
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe(
      'xapp-1',
    );
    expect(refused({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(
      /^SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN/,
    );
    expect(refused({ SLACK_SIGNING_SECRET: 'shh' })).toMatch(/^SLACK_BOT_TOKEN: required/);
  });

  it('builds the Discord settings, and asks for what a token needs', () => {
    const config = loadConfig({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456', LOG_LEVEL: 'debug' });
    expect(config.discord).toEqual({
      token: 't',
      applicationId: '123456',
      apiUrl: undefined,
      guildId: undefined,
      shards: undefined,
      postsPerSecond: 40,
    });
    expect(config.logLevel).toBe('debug');
    expect(refused({ DISCORD_TOKEN: 't' })).toBe('DISCORD_APPLICATION_ID: required with DISCORD_TOKEN');
    expect(refused({ DISCORD_APPLICATION_ID: '123456' })).toBe(
      'DISCORD_TOKEN: required when DISCORD_APPLICATION_ID is set',
    );
    expect(refused({ DISCORD_TOKEN: 't', DISCORD_APPLICATION_ID: '123456', DISCORD_SHARDS: 'auto' })).toMatch(
      /^DATABASE_URL: required with DISCORD_SHARDS/,
    );
  });
});
