/**
 * The environment, read once and checked. A missing or bad setting stops
 * start-up with one line that names the variable.
 */
import { z } from 'zod';
import { isValidTimeZone } from './core/time-zone.js';

const optional = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const url = (protocols: RegExp, hint: string) =>
  optional.refine((v) => v === undefined || (protocols.test(v) && URL.canParse(v)), { message: hint });
const positiveInt = (fallback: number, max: number) =>
  optional
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= max, {
      message: `must be a whole number from 1 to ${max}`,
    });

const envSchema = z.object({
  DATABASE_URL: url(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  DRILL_DATA_DIR: optional.transform((v) => v ?? './data'),
  CONTENT_DIR: optional.transform((v) => v ?? './content'),
  DRILL_TIMEZONE: optional
    .transform((v) => v ?? 'UTC')
    .refine(isValidTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' }),
  SLACK_BOT_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xoxb-'), {
    message: 'must be a bot token starting with xoxb-',
  }),
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional.refine((v) => v === undefined || v.startsWith('xapp-'), {
    message: 'must be an app-level token starting with xapp-',
  }),
  SLACK_API_URL: url(/^https?:\/\//, 'must be an http(s) URL'),
  SLACK_ADMIN_USER_IDS: optional.transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
  SLACK_POSTS_PER_SECOND: positiveInt(20, 1000),
  DISCORD_TOKEN: optional,
  DISCORD_APPLICATION_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: 'must be the numeric application id',
  }),
  DISCORD_API_URL: url(/^https?:\/\//, 'must be an http(s) URL'),
  DISCORD_GUILD_ID: optional.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
    message: 'must be a numeric guild id',
  }),
  DISCORD_SHARDS: optional.refine((v) => v === undefined || v === 'auto' || /^\d{1,4}$/.test(v), {
    message: 'must be "auto" or a shard count',
  }),
  DISCORD_POSTS_PER_SECOND: positiveInt(40, 50),
  PORT: optional
    .transform((v) => (v === undefined ? 3000 : Number(v)))
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 65535, {
      message: 'must be a port number (0-65535)',
    }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface SlackConfig {
  botToken: string;
  signingSecret: string | undefined;
  appToken: string | undefined;
  apiUrl: string | undefined;
  adminUserIds: string[];
  postsPerSecond: number;
}

export interface DiscordConfig {
  token: string;
  applicationId: string;
  apiUrl: string | undefined;
  guildId: string | undefined;
  shards: string | undefined;
  postsPerSecond: number;
}

export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  contentDir: string;
  defaultTimeZone: string;
  port: number;
  /** Unset: info for the bots, warn for the console (its terminal is the conversation). */
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  slack: SlackConfig | null;
  discord: DiscordConfig | null;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${String(issue.path[0])}: ${issue.message}`);
  }
  const e = parsed.data;
  let slack: SlackConfig | null = null;
  if (e.SLACK_BOT_TOKEN) {
    if (!e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
      throw new ConfigError(
        'SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN (or set SLACK_APP_TOKEN for Socket Mode)',
      );
    }
    slack = {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      adminUserIds: e.SLACK_ADMIN_USER_IDS,
      postsPerSecond: e.SLACK_POSTS_PER_SECOND,
    };
  } else if (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    throw new ConfigError('SLACK_BOT_TOKEN: required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set');
  }
  let discord: DiscordConfig | null = null;
  if (e.DISCORD_TOKEN || e.DISCORD_APPLICATION_ID) {
    if (!e.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN: required when DISCORD_APPLICATION_ID is set');
    if (!e.DISCORD_APPLICATION_ID)
      throw new ConfigError('DISCORD_APPLICATION_ID: required with DISCORD_TOKEN');
    if (e.DISCORD_SHARDS && !e.DATABASE_URL) {
      throw new ConfigError(
        'DATABASE_URL: required with DISCORD_SHARDS (shard processes share one Postgres)',
      );
    }
    discord = {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      apiUrl: e.DISCORD_API_URL,
      guildId: e.DISCORD_GUILD_ID,
      shards: e.DISCORD_SHARDS,
      postsPerSecond: e.DISCORD_POSTS_PER_SECOND,
    };
  }
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: e.DRILL_DATA_DIR,
    contentDir: e.CONTENT_DIR,
    defaultTimeZone: e.DRILL_TIMEZONE,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    slack,
    discord,
  };
}
