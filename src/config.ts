/**
 * The environment, read once and checked. A missing or bad setting stops
 * start-up with one line that names the variable.
 */
import { isValidTimeZone } from './rules/time-zone.js';

/*
 * Plain readers rather than a schema library: this file runs first, before the
 * database starts opening, so what it imports is on every start-up's path
 * (zod alone took 120 ms to load here).
 */

type Env = NodeJS.ProcessEnv;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The variable's value, trimmed; empty counts as unset. */
function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

/** An optional value that must pass `valid`, else the start-up stops with `message`. */
function checked(env: Env, name: string, valid: (v: string) => boolean, message: string): string | undefined {
  const value = text(env, name);
  if (value !== undefined && !valid(value)) throw new ConfigError(`${name}: ${message}`);
  return value;
}

function url(env: Env, name: string, protocols: RegExp, message: string): string | undefined {
  return checked(env, name, (v) => protocols.test(v) && URL.canParse(v), message);
}

function wholeNumber(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  message: string,
): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${name}: ${message}`);
  return n;
}

const positiveInt = (env: Env, name: string, fallback: number, max: number) =>
  wholeNumber(env, name, fallback, 1, max, `must be a whole number from 1 to ${max}`);

const isLogLevel = (v: string): v is LogLevel => (LOG_LEVELS as readonly string[]).includes(v);

/** Every variable, each checked on its own (in this order: the first problem is the one reported). */
function readEnv(env: Env) {
  return {
    DATABASE_URL: url(env, 'DATABASE_URL', /^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
    DRILL_DATA_DIR: text(env, 'DRILL_DATA_DIR') ?? './data',
    CONTENT_DIR: text(env, 'CONTENT_DIR') ?? './content',
    DRILL_TIMEZONE:
      checked(env, 'DRILL_TIMEZONE', isValidTimeZone, 'must be an IANA time zone such as Europe/Berlin') ??
      'UTC',
    SLACK_BOT_TOKEN: checked(
      env,
      'SLACK_BOT_TOKEN',
      (v) => v.startsWith('xoxb-'),
      'must be a bot token starting with xoxb-',
    ),
    SLACK_SIGNING_SECRET: text(env, 'SLACK_SIGNING_SECRET'),
    SLACK_APP_TOKEN: checked(
      env,
      'SLACK_APP_TOKEN',
      (v) => v.startsWith('xapp-'),
      'must be an app-level token starting with xapp-',
    ),
    SLACK_API_URL: url(env, 'SLACK_API_URL', /^https?:\/\//, 'must be an http(s) URL'),
    SLACK_ADMIN_USER_IDS: (text(env, 'SLACK_ADMIN_USER_IDS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    SLACK_POSTS_PER_SECOND: positiveInt(env, 'SLACK_POSTS_PER_SECOND', 20, 1000),
    DISCORD_TOKEN: text(env, 'DISCORD_TOKEN'),
    DISCORD_APPLICATION_ID: checked(
      env,
      'DISCORD_APPLICATION_ID',
      (v) => /^\d{5,25}$/.test(v),
      'must be the numeric application id',
    ),
    DISCORD_API_URL: url(env, 'DISCORD_API_URL', /^https?:\/\//, 'must be an http(s) URL'),
    DISCORD_GUILD_ID: checked(
      env,
      'DISCORD_GUILD_ID',
      (v) => /^\d{5,25}$/.test(v),
      'must be a numeric guild id',
    ),
    DISCORD_SHARDS: checked(
      env,
      'DISCORD_SHARDS',
      (v) => v === 'auto' || /^\d{1,4}$/.test(v),
      'must be "auto" or a shard count',
    ),
    DISCORD_POSTS_PER_SECOND: positiveInt(env, 'DISCORD_POSTS_PER_SECOND', 40, 50),
    PORT: wholeNumber(env, 'PORT', 3000, 0, 65535, 'must be a port number (0-65535)'),
    LOG_LEVEL: checked(env, 'LOG_LEVEL', isLogLevel, `must be one of ${LOG_LEVELS.join(', ')}`) as
      | LogLevel
      | undefined,
  };
}

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
  logLevel: LogLevel | undefined;
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
  const e = readEnv(env);
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
