/**
 * Interaction payloads for the fake gateway, built from the recorded-format
 * fixtures in tests/fixtures/discord/: each call gets a fresh id and token and
 * only the fields a test cares about change.
 */
import { readFileSync } from 'node:fs';
import { snowflake } from './fake-discord.js';

// biome-ignore lint/suspicious/noExplicitAny: raw Discord JSON
type Payload = any;

function fixture(name: string): Payload {
  return JSON.parse(readFileSync(new URL(`../fixtures/discord/${name}.json`, import.meta.url), 'utf8'));
}

const FIXTURES = {
  slash: fixture('slash-command'),
  button: fixture('button'),
  modal: fixture('modal-submit'),
  autocomplete: fixture('autocomplete'),
  dm: fixture('dm-slash-command'),
};

export const GUILD_ID: string = FIXTURES.slash.guild_id;
export const CHANNEL_ID: string = FIXTURES.slash.channel_id;
export const DM_CHANNEL_ID: string = FIXTURES.dm.channel_id;

/** Discord's MANAGE_GUILD bit. */
const MANAGE_GUILD = 1n << 5n;

export interface Who {
  userId?: string;
  username?: string;
  globalName?: string | null;
  nick?: string | null;
  /** Has Manage Server in this guild. */
  admin?: boolean;
  /** A direct message with the bot instead of the guild channel. */
  dm?: boolean;
}

function withIdentity(base: Payload, who: Who = {}): Payload {
  const payload = structuredClone(base);
  payload.id = snowflake();
  payload.token = `tok-${payload.id}-${Math.random().toString(36).slice(2)}`;
  const user = {
    ...FIXTURES.slash.member.user,
    ...(who.userId ? { id: who.userId } : {}),
    ...(who.username ? { username: who.username } : {}),
    ...(who.globalName !== undefined ? { global_name: who.globalName } : {}),
  };
  if (who.dm) {
    for (const key of ['guild', 'guild_id', 'guild_locale', 'member']) delete payload[key];
    payload.context = 1;
    payload.user = user;
    payload.channel = { ...FIXTURES.dm.channel, recipients: [user] };
    payload.channel_id = FIXTURES.dm.channel_id;
    if (payload.data?.guild_id) delete payload.data.guild_id;
    if (payload.message) payload.message.channel_id = FIXTURES.dm.channel_id;
    return payload;
  }
  const permissions = BigInt(FIXTURES.slash.member.permissions);
  payload.member = {
    ...FIXTURES.slash.member,
    user,
    nick: who.nick ?? null,
    permissions: String(who.admin ? permissions | MANAGE_GUILD : permissions & ~MANAGE_GUILD),
  };
  return payload;
}

export type OptionValue = string | number | boolean;

function options(values: Record<string, OptionValue | undefined>, focused?: string) {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([name, value]) => ({
      name,
      type: name === 'user' ? 6 : 3,
      value,
      ...(name === focused ? { focused: true } : {}),
    }));
}

/** `/drill <sub> [options]`, or `/drill schedule <sub>` when sub is "schedule set" etc. */
export function slashCommand(
  sub: string,
  values: Record<string, OptionValue | undefined> = {},
  who: Who = {},
): Payload {
  const payload = withIdentity(who.dm ? FIXTURES.dm : FIXTURES.slash, who);
  const [first, second] = sub.split(' ');
  const leaf = { name: second ?? first, type: 1, options: options(values) };
  payload.data.options = second ? [{ name: first, type: 2, options: [leaf] }] : [leaf];
  const userId = values.user;
  if (typeof userId === 'string') {
    payload.data.resolved = {
      users: { [userId]: { ...FIXTURES.slash.member.user, id: userId, username: `user${userId.slice(-3)}` } },
    };
  }
  return payload;
}

/** Typing into an autocomplete option of `/drill <sub>`. */
export function autocomplete(sub: string, option: string, typed: string, who: Who = {}): Payload {
  const payload = withIdentity(FIXTURES.autocomplete, who);
  const [first, second] = sub.split(' ');
  const leaf = { name: second ?? first, type: 1, options: options({ [option]: typed }, option) };
  payload.data.options = second ? [{ name: first, type: 2, options: [leaf] }] : [leaf];
  return payload;
}

/** A click on one of our buttons. */
export function button(customId: string, who: Who = {}): Payload {
  const payload = withIdentity(FIXTURES.button, who);
  payload.data.custom_id = customId;
  return payload;
}

/** Submitting the *Write my answer* modal. */
export function modalSubmit(questionId: string, text: string, who: Who = {}): Payload {
  const payload = withIdentity(FIXTURES.modal, who);
  payload.data.custom_id = `drill:answer:${questionId}`;
  payload.data.components[0].component.value = text;
  return payload;
}
