/**
 * Every question of every pack in the bank (content/, or CONTENT_DIR), revealed on Discord, Slack
 * and the console: what a reader sees has no raw table rows and no stray `**`, each paragraph's
 * words arrive in order on one line (reflowed, no source line breaks), and every platform limit
 * holds.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConsoleDisplay } from '../../src/adapters/console/display.js';
import { renderText } from '../../src/adapters/console/render.js';
import { EMBED_LIMITS, embedSize } from '../../src/adapters/discord/message-layout.js';
import { renderView as renderDiscord } from '../../src/adapters/discord/render-view.js';
import {
  HEADER_TEXT_LIMIT,
  MAX_BLOCKS,
  SECTION_TEXT_LIMIT,
} from '../../src/adapters/slack/render-block-limits.js';
import { renderView as renderSlack } from '../../src/adapters/slack/render-view.js';
import { packFolders } from '../../src/content/load-packs.js';
import type { Question } from '../../src/core/types.js';
import { revealView } from '../../src/use-cases/reveal.js';
import { contentBank } from '../helpers/engine-fixture.js';
import {
  codeLines,
  consoleWords,
  containsRun,
  discordWords,
  ESC,
  proseRuns,
  RAW_TABLE_LINE,
  runLine,
  slackWords,
  stripAnsi,
  withoutCode,
  withoutStyledCode,
  wordStream,
} from './reader-view.js';

const questions: readonly Question[] = contentBank().all();
/** A written answer with none of the markup checked for, so what is found came from the question. */
const WRITTEN = 'My answer, typed before the reveal.';

/** Lines (formatting dropped) that some prose run is missing from, one message per run. */
function missingRuns(q: Question, lines: readonly string[]): string[] {
  return proseRuns(q.parsed)
    .map(runLine)
    .filter((line) => !lines.some((l) => l.includes(line)))
    .map((line) => `${q.id}: "${line.slice(0, 80)}"`);
}

describe('every question of every pack', () => {
  it('holds questions from every pack folder in the content directory', () => {
    const folders = packFolders(process.env.CONTENT_DIR ?? 'content').map((dir) => basename(dir));
    expect(folders.length).toBeGreaterThan(0);
    expect([...new Set(questions.map((q) => q.pack))].sort()).toEqual(folders.sort());
  });

  it('reveals on Discord as Discord Markdown, within the embed and message limits', () => {
    const problems: string[] = [];
    for (const q of questions) {
      const messages = renderDiscord(revealView(q, WRITTEN, null));
      for (const message of messages) {
        expect(message.embeds.length, q.id).toBeLessThanOrEqual(EMBED_LIMITS.embedsPerMessage);
        const total = message.embeds.reduce((sum, e) => sum + embedSize(e), 0);
        expect(total, q.id).toBeLessThanOrEqual(EMBED_LIMITS.messageTotal);
        for (const embed of message.embeds) {
          expect(embed.description?.length ?? 0, q.id).toBeLessThanOrEqual(EMBED_LIMITS.description);
          expect(embed.title?.length ?? 0, q.id).toBeLessThanOrEqual(EMBED_LIMITS.title);
        }
      }
      const text = messages
        .flatMap((m) => m.embeds)
        .map((e) => e.description ?? '')
        .join('\n\n');
      expect(text, q.id).not.toMatch(RAW_TABLE_LINE);
      // Bold is `**…**` on Discord: once every pair on a line is taken out, none may be left.
      const prose = withoutCode(text).replace(/\\\*/g, '');
      for (const line of prose.split('\n')) {
        expect(line.replace(/\*\*(?!\s)[^*]*?[^\s*]\*\*/g, ''), `${q.id}: ${line}`).not.toContain('**');
      }
      problems.push(...missingRuns(q, text.split('\n').map(discordWords)));
    }
    expect(problems).toEqual([]);
  });

  it('reveals on Slack as mrkdwn, within the block and text limits', () => {
    const problems: string[] = [];
    for (const q of questions) {
      const message = renderSlack(revealView(q, WRITTEN, null));
      const blocks = message.blocks as { type: string; text?: { text: string } }[];
      expect(blocks.length, q.id).toBeLessThanOrEqual(MAX_BLOCKS);
      for (const block of blocks) {
        if (block.type === 'header')
          expect(block.text!.text.length, q.id).toBeLessThanOrEqual(HEADER_TEXT_LIMIT);
        if (block.text) expect(block.text.text.length, q.id).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
      }
      const text = blocks
        .filter((b) => b.type === 'section')
        .map((b) => b.text?.text ?? '')
        .join('\n\n');
      expect(text, q.id).not.toMatch(RAW_TABLE_LINE);
      // Slack's bold is a single `*`: a `**` outside code is always shown as written.
      expect(withoutCode(text), q.id).not.toContain('**');
      problems.push(...missingRuns(q, text.split('\n').map(slackWords)));
    }
    expect(problems).toEqual([]);
  });

  it('reveals piped to the console as plain text, a paragraph to a line', () => {
    const problems: string[] = [];
    for (const q of questions) {
      const text = renderText(revealView(q, WRITTEN, null));
      expect(text, q.id).not.toContain(ESC);
      expect(text, q.id).not.toMatch(RAW_TABLE_LINE);
      const code = codeLines(q.parsed);
      const prose = text
        .split('\n')
        .filter((line) => !code.has(line.trim()))
        .join('\n');
      expect(withoutCode(prose), q.id).not.toContain('**');
      problems.push(...missingRuns(q, text.split('\n').map(consoleWords)));
    }
    expect(problems).toEqual([]);
  });

  it('reveals on a terminal styled, wrapped to its width, tables drawn with box characters', () => {
    const display: ConsoleDisplay = { tty: true, width: 80 };
    const problems: string[] = [];
    for (const q of questions) {
      const styled = renderText(revealView(q, WRITTEN, null), display);
      expect(styled, q.id).toContain('\x1b[1m');
      const text = stripAnsi(styled);
      expect(text, q.id).not.toMatch(RAW_TABLE_LINE);
      if (q.parsed.answer.some((b) => b.type === 'table')) expect(text, q.id).toContain('┼');
      // Code is cyan on a terminal, code blocks sit in a gutter: with both taken out, no `**` is left.
      const code = codeLines(q.parsed);
      const prose = withoutStyledCode(styled)
        .split('\n')
        .filter((line) => {
          const plain = stripAnsi(line).trimStart();
          return !(plain.startsWith('│') && code.has(plain.slice(1).trim()));
        });
      // The title is shown as written, `**kwargs` and all: code spans there are backticked.
      expect(withoutCode(stripAnsi(prose.join('\n'))), q.id).not.toContain('**');
      for (const line of prose.map(stripAnsi))
        expect(line.length, `${q.id}: ${line}`).toBeLessThanOrEqual(80);
      const words = wordStream(consoleWords(styled));
      for (const run of proseRuns(q.parsed)) {
        const expected = runLine(run).split(' ');
        if (!containsRun(words, expected)) problems.push(`${q.id}: "${expected.join(' ').slice(0, 80)}"`);
      }
    }
    expect(problems).toEqual([]);
  });
});
