import { escapeMarkdown } from 'discord.js';

/** Embed colours by what a message is. */
export const COLORS = {
  question: 0x5865f2,
  answer: 0x57f287,
  written: 0xfee75c,
  board: 0xeb459e,
  info: 0x99aab5,
  success: 0x57f287,
  error: 0xed4245,
} as const;

export const MEDALS = ['🥇', '🥈', '🥉'] as const;

/** A name someone chose (a display name, "anonymous") as plain text inside Markdown. */
export const plain = (text: string) => escapeMarkdown(text);

export const percent = (x: number) => `${Math.round(x * 100)}%`;
