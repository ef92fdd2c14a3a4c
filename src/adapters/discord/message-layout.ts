import type { APIActionRowComponent, APIButtonComponent, APIEmbed, APIEmbedField } from 'discord.js';
import { shorten, splitText } from './text-split.js';

/** Discord's documented limits for embeds in one message. */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  /** Sum of every embed's title, description, field names and values, footer and author in a message. */
  messageTotal: 6000,
  embedsPerMessage: 10,
} as const;

/** One message as we send it: the same shape for interaction replies and channel posts. */
export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
}

export function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** A field whose value may be long: several fields, the later ones named "… (cont.)". */
export function splitField(name: string, value: string, inline = false): APIEmbedField[] {
  const safeName = shorten(name, EMBED_LIMITS.fieldName - 8);
  return splitText(value || '—', EMBED_LIMITS.fieldValue).map((chunk, i) => ({
    name: i === 0 ? safeName : `${safeName} (cont.)`,
    value: chunk,
    inline,
  }));
}

/**
 * An embed of any size as embeds that each keep Discord's limits: a long
 * description continues in further embeds (same colour), fields follow on the
 * last one while it has room, the footer goes on the very last.
 */
export function fitEmbed(embed: APIEmbed): APIEmbed[] {
  const { title, description, fields = [], footer, color, ...rest } = embed;
  const base = color === undefined ? {} : { color };
  const parts: APIEmbed[] = [];
  const chunks = description ? splitText(description, EMBED_LIMITS.description) : [];
  if (chunks.length === 0) parts.push({ ...base });
  for (const chunk of chunks) parts.push({ ...base, description: chunk });
  const first = parts[0]!;
  Object.assign(first, rest);
  if (title) first.title = shorten(title, EMBED_LIMITS.title);

  const flatFields = fields.flatMap((f) =>
    f.value.length > EMBED_LIMITS.fieldValue || f.name.length > EMBED_LIMITS.fieldName
      ? splitField(f.name, f.value, f.inline ?? false)
      : [f],
  );
  for (const field of flatFields) {
    let last = parts[parts.length - 1]!;
    const count = last.fields?.length ?? 0;
    const room = EMBED_LIMITS.messageTotal - embedSize(last) - field.name.length - field.value.length;
    if (count >= EMBED_LIMITS.fields || room < 0) {
      last = { ...base };
      parts.push(last);
    }
    last.fields = [...(last.fields ?? []), field];
  }
  if (footer) {
    const text = shorten(footer.text, EMBED_LIMITS.footer);
    let last = parts[parts.length - 1]!;
    if (embedSize(last) + text.length > EMBED_LIMITS.messageTotal) {
      last = { ...base };
      parts.push(last);
    }
    last.footer = { ...footer, text };
  }
  return parts;
}

/**
 * Embeds as messages that keep the per-message limits (10 embeds, 6000
 * characters in all). Buttons go on the last message, after everything they
 * act on has been read.
 */
export function layoutMessages(
  embeds: readonly APIEmbed[],
  components: DiscordMessage['components'] = [],
  content?: string,
): DiscordMessage[] {
  const messages: DiscordMessage[] = [];
  let current: DiscordMessage = { embeds: [], components: [], ...(content ? { content } : {}) };
  let total = 0;
  for (const embed of embeds.flatMap(fitEmbed)) {
    const size = embedSize(embed);
    const full =
      current.embeds.length >= EMBED_LIMITS.embedsPerMessage || total + size > EMBED_LIMITS.messageTotal;
    if (full && current.embeds.length > 0) {
      messages.push(current);
      current = { embeds: [], components: [] };
      total = 0;
    }
    current.embeds.push(embed);
    total += size;
  }
  current.components = components;
  messages.push(current);
  return messages;
}
