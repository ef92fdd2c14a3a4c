import type { types } from '@slack/bolt';
import { escapeMrkdwn } from './render-mrkdwn.js';

/** Block Kit's limits (https://docs.slack.dev/reference/block-kit/blocks), with a little headroom. */
export const SECTION_TEXT_LIMIT = 3000;
export const MAX_BLOCKS = 50;
export const HEADER_TEXT_LIMIT = 150;
export const BUTTON_TEXT_LIMIT = 75;
const SAFE_SECTION_TEXT = SECTION_TEXT_LIMIT - 100;

type Block = types.KnownBlock;

/** Shortens plain text on a word boundary, with an ellipsis. */
export function shorten(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Packs pieces into chunks no longer than limit, joined by sep. */
function pack(pieces: string[], sep: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && current.length + sep.length + piece.length > limit) {
      chunks.push(current);
      current = piece;
    } else current = current ? `${current}${sep}${piece}` : piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** A line longer than the limit, split between words (a single word longer than that is cut: nothing else fits). */
function splitLine(line: string, limit: number): string[] {
  if (line.length <= limit) return [line];
  const words = line.split(/(?<=\s)/).flatMap((w) => {
    const parts: string[] = [];
    for (let i = 0; i < w.length; i += limit) parts.push(w.slice(i, i + limit));
    return parts;
  });
  return pack(words, '', limit).map((c) => c.trimEnd());
}

const isFence = (line: string) => line.trim().startsWith('```');

/** Paragraphs separated by blank lines; a fenced code block stays one paragraph. */
function paragraphs(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  let inFence = false;
  for (const line of text.split('\n')) {
    if (isFence(line)) inFence = !inFence;
    if (!inFence && line.trim() === '') {
      if (current.length > 0) out.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

/** Lines packed into chunks; a chunk that ends inside a code block closes it and the next reopens it. */
function packLines(lines: string[], limit: number): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  let inFence = false;
  for (const line of lines) {
    const reserve = inFence || isFence(line) ? 4 : 0;
    if (current.length > 0 && length + 1 + line.length + reserve > limit) {
      if (inFence) current.push('```');
      chunks.push(current.join('\n'));
      current = inFence ? ['```'] : [];
      length = current.length > 0 ? 3 : 0;
    }
    length += (current.length > 0 ? 1 : 0) + line.length;
    current.push(line);
    if (isFence(line)) inFence = !inFence;
  }
  if (current.length > 0) chunks.push(current.join('\n'));
  return chunks;
}

function splitParagraph(paragraph: string, limit: number): string[] {
  if (paragraph.length <= limit) return [paragraph];
  return packLines(
    paragraph.split('\n').flatMap((l) => splitLine(l, limit - 8)),
    limit,
  );
}

/** mrkdwn split into section-sized chunks: at paragraphs, then lines, then words; never mid-word. */
export function splitMrkdwn(text: string, limit = SAFE_SECTION_TEXT): string[] {
  const pieces = paragraphs(text).flatMap((p) => splitParagraph(p, limit));
  return pack(pieces, '\n\n', limit);
}

export function sections(mrkdwn: string): Block[] {
  return splitMrkdwn(mrkdwn).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

export function section(mrkdwn: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: shorten(mrkdwn, SAFE_SECTION_TEXT) } };
}

export function context(mrkdwn: string): Block {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: shorten(mrkdwn, SAFE_SECTION_TEXT) }] };
}

export function header(text: string): Block {
  return {
    type: 'header',
    text: { type: 'plain_text', text: shorten(text, HEADER_TEXT_LIMIT), emoji: true },
  };
}

/** Plain lines (boards, counts) as a preformatted block, aligned in Slack's monospace font. */
export function preformatted(lines: string[]): Block[] {
  return splitMrkdwn(escapeMrkdwn(lines.join('\n')), SAFE_SECTION_TEXT - 8).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text: `\`\`\`\n${text}\n\`\`\`` },
  }));
}

/**
 * Keeps a message under 50 blocks: the trailing buttons always stay, the
 * middle is shortened with a note. Content this long does not exist today;
 * this makes sure a future long answer is shortened, never rejected.
 */
export function fitBlocks(blocks: Block[]): Block[] {
  if (blocks.length <= MAX_BLOCKS) return blocks;
  const last = blocks[blocks.length - 1]!;
  const tail = last.type === 'actions' ? [last] : [];
  const keep = MAX_BLOCKS - 1 - tail.length;
  return [
    ...blocks.slice(0, keep),
    context('_…shortened: the rest did not fit in one Slack message._'),
    ...tail,
  ];
}
