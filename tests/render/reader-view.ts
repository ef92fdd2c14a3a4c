/**
 * What a reader sees of rendered question text, for checks that hold on every platform: no raw
 * table rows, no stray `**`, each paragraph's words in order on one line.
 */
import type { Block, Inline } from '../../src/core/markdown-tree.js';
import { plainText } from '../../src/core/markdown-tree.js';
import type { ParsedSections } from '../../src/core/types.js';

/** A GFM table row or delimiter row as written in the source. */
export const RAW_TABLE_LINE = /^\s*\|.*\|\s*$|\|\s*:?-{3,}:?\s*\|/m;

/** The escape character that starts a terminal's style codes. */
export const ESC = '\x1b';

export const stripAnsi = (text: string) => text.replace(new RegExp(`${ESC}\\[[0-9;]*m`, 'g'), '');

/** Code as the console styles it on a terminal (cyan, alone or with other styles), taken out. */
export const withoutStyledCode = (text: string) =>
  text.replace(new RegExp(`${ESC}\\[(?:[0-9;]*;)?36m[^${ESC}]*${ESC}\\[0m`, 'g'), '');

/** Text with its code replaced by a stand-in word: fenced blocks, then code spans of any fence length. */
export const withoutCode = (text: string) =>
  text.replace(/```[\s\S]*?```/g, 'CODE').replace(/(`+)[^`]*?\1/g, 'CODE');

/** Formatting characters dropped and spaces collapsed, so words compare whatever the platform's markup. */
const bare = (text: string) => text.replace(/[*_~`\\ˋ]/g, '').replace(/[ \t]+/g, ' ');

/** Discord: masked links read as their label; backslash escapes and markers are not seen. */
export const discordWords = (text: string) => bare(text.replace(/\[([^\]]*)\]\((https?:[^)]*)\)/g, '$1'));

/** Slack: <url|label> reads as its label; &amp; &lt; &gt; as the characters. */
export const slackWords = (text: string) =>
  bare(
    text
      .replace(/<[^|>]+\|([^>]+)>/g, '$1')
      .replace(/<([^>]+)>/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );

/** Console: escape codes dropped; a link's address, printed after its label, is not one of its words. */
export const consoleWords = (text: string) => bare(stripAnsi(text).replace(/ \(https?:\/\/[^)\s]+\)/g, ''));

/** Every run of inline Markdown a reveal shows as prose: paragraphs, headings, list items and bullets. */
export function proseRuns(parsed: ParsedSections): Inline[][] {
  const fromBlocks = (blocks: readonly Block[]): Inline[][] =>
    blocks.flatMap((b) => {
      if (b.type === 'paragraph' || b.type === 'heading') return [b.children];
      if (b.type === 'list') return b.items.flatMap(fromBlocks);
      if (b.type === 'blockquote') return fromBlocks(b.children);
      return [];
    });
  return [
    ...fromBlocks(parsed.shortAnswer),
    ...fromBlocks(parsed.answer),
    ...parsed.keyPoints,
    ...Object.values(parsed.listenFor),
    ...parsed.mistakes,
    ...fromBlocks(parsed.example ?? []),
    ...parsed.followUps.flatMap((f) => (f.answer ? [f.question, f.answer] : [f.question])),
  ].filter((run) => plainText(run).trim() !== '');
}

/** The code lines of a reveal (example and answer code blocks), which keep their own layout. */
export function codeLines(parsed: ParsedSections): Set<string> {
  const lines = new Set<string>();
  const visit = (blocks: readonly Block[]) => {
    for (const b of blocks) {
      if (b.type === 'code') for (const line of b.value.split('\n')) lines.add(line.trim());
      if (b.type === 'list') b.items.forEach(visit);
      if (b.type === 'blockquote') visit(b.children);
    }
  };
  visit(parsed.shortAnswer);
  visit(parsed.answer);
  visit(parsed.example ?? []);
  return lines;
}

/** A run's words as one line, formatting dropped: how it must appear when reflowed. */
export const runLine = (run: readonly Inline[]) =>
  bare(plainText(run)).split(/\s+/).filter(Boolean).join(' ');

/** Words of a text, formatting dropped, decoration (bullets, gutters, box lines) skipped. */
export const wordStream = (text: string) =>
  text
    .split(/\s+/)
    .filter((w) => w && !/^[•◦↳│┌└├┬┼┴┐┘┤─]+$/.test(w))
    .map((w) => w.replace(/^[│]+|[│]+$/g, ''))
    .filter(Boolean);

/** Whether needle's words appear in haystack's, together and in order. */
export function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
