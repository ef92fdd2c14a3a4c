import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type ConsoleDisplay, displayOf, PLAIN_DISPLAY } from '../../src/adapters/console/display.js';
import { startConsole } from '../../src/adapters/console/register.js';
import { consoleBullet, consoleMarkdown } from '../../src/adapters/console/render-markdown.js';
import { parseInline, parseMarkdown } from '../../src/content/markdown.js';
import { QuestionBank } from '../../src/core/question-bank.js';
import { actor, makeEngine } from '../helpers/engine-fixture.js';
import { makePack, makeQuestion } from '../helpers/question-fixture.js';
import { useTestDatabase } from '../helpers/test-database.js';
import { ESC, stripAnsi } from './reader-view.js';

const TTY: ConsoleDisplay = { tty: true, width: 40 };

const ANSWER = [
  'A normal class creates **objects** (instances). A metaclass creates **classes**, and',
  'it inherits from `type`, so the relationship is one level up.',
  '',
  '| Aspect | Normal class | Metaclass |',
  '| --- | --- | --- |',
  '| Creates | Instances | Classes |',
  '| Typical hooks | `__init__`, `__repr__`, regular methods | `__new__`, `__call__`, `__prepare__` |',
  '',
  '- one point',
  '- a second point that runs long enough to wrap at forty columns',
  '',
  '```python',
  'class Meta(type):',
  '    def __call__(cls, *args, **kwargs):',
  '        return super().__call__(*args, **kwargs)',
  '```',
].join('\n');

describe('question Markdown on the console', () => {
  it('on a terminal: bold and code styled, prose wrapped to the width, words in order', () => {
    const out = consoleMarkdown(parseMarkdown(ANSWER), TTY);
    expect(out).toContain('\x1b[1mobjects\x1b[0m');
    expect(out).toContain('\x1b[36mtype\x1b[0m');
    const lines = stripAnsi(out).split('\n');
    for (const line of lines.filter((l) => !l.startsWith('│ ')))
      expect([...line].length).toBeLessThanOrEqual(40);
    expect(lines.slice(0, 5).join(' ').replace(/\s+/g, ' ').trim()).toBe(
      'A normal class creates objects (instances). A metaclass creates classes, and it inherits from type, so the relationship is one level up.',
    );
    // Only the code block (in its gutter) holds `**`, as written.
    for (const line of lines.filter((l) => !l.startsWith('│ '))) expect(line).not.toContain('**');
  });

  it('on a terminal: tables drawn with box characters, lists with a hanging indent, code in a gutter', () => {
    const lines = stripAnsi(consoleMarkdown(parseMarkdown(ANSWER), TTY)).split('\n');
    const top = lines.findIndex((l) => l.startsWith('┌─'));
    expect(lines[top + 1]).toMatch(/^│ Aspect +│ Normal +│ Metaclass +│$/);
    expect(lines).toContain(lines.find((l) => l.startsWith('├─') && l.includes('┼')));
    expect(lines.find((l) => l.startsWith('└─') && l.includes('┴'))).toBeDefined();
    for (const line of lines.slice(top, lines.findIndex((l) => l.startsWith('└─') && l.includes('┴')) + 1)) {
      expect([...line].length).toBeLessThanOrEqual(40);
    }
    const bullet = lines.findIndex((l) => l.startsWith('• a second point'));
    expect(lines[bullet + 1]).toMatch(/^ {2}\S/);
    expect(lines).toContain('┌─ python');
    expect(lines).toContain('│     def __call__(cls, *args, **kwargs):');
    expect(lines).toContain('└─');
  });

  it('piped: plain text, no escape codes, a paragraph to a line, tables as aligned columns', () => {
    const out = consoleMarkdown(parseMarkdown(ANSWER), PLAIN_DISPLAY);
    expect(out).not.toContain(ESC);
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      'A normal class creates objects (instances). A metaclass creates classes, and it inherits from `type`, so the relationship is one level up.',
    );
    expect(lines.find((l) => l.startsWith('Aspect'))).toMatch(/^Aspect {2,}Normal class {2,}Metaclass$/);
    expect(lines.find((l) => l.startsWith('Typical hooks'))).toMatch(
      /^Typical hooks {2,}`__init__`, `__repr__`/,
    );
    expect(out).not.toMatch(/^\s*\|/m);
    expect(lines).toContain('• a second point that runs long enough to wrap at forty columns');
    expect(lines).toContain('    class Meta(type):');
  });

  it('wraps a bullet under its marker on a terminal and not when piped', () => {
    const point = parseInline('**Nailed it:** the one-level-up relationship and which hooks run when');
    expect(stripAnsi(consoleBullet('  • ', point, { tty: true, width: 30 }))).toBe(
      '  • Nailed it: the\n    one-level-up relationship\n    and which hooks run when',
    );
    expect(consoleBullet('  • ', point, PLAIN_DISPLAY)).toBe(
      '  • Nailed it: the one-level-up relationship and which hooks run when',
    );
  });

  it('knows a terminal from a pipe by the output stream', () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, columns: 120 });
    expect(displayOf(terminal)).toEqual({ tty: true, width: 120 });
    expect(displayOf(Object.assign(new PassThrough(), { isTTY: true }))).toEqual({ tty: true, width: 80 });
    expect(displayOf(new PassThrough())).toEqual(PLAIN_DISPLAY);
  });
});

describe('a console session', () => {
  const database = useTestDatabase('pglite', { truncateEach: false });
  const question = makeQuestion({ id: 'metaclasses-vs-classes', number: 12, answer: ANSWER });
  const bank = new QuestionBank([makePack({ id: 'test', topics: ['oop'] })], [question]);

  async function reveal(output: PassThrough): Promise<string> {
    const { engine } = makeEngine(database().store, { bank });
    const input = new PassThrough();
    let text = '';
    output.on('data', (d) => {
      text += d;
    });
    const me = actor({ platform: 'console', teamId: 'local', channelId: 'console' });
    const session = startConsole({ engine, actor: me, input, output });
    input.end('/drill ask 12\nreveal\n');
    await session.done;
    return text;
  }

  it('styles and wraps a reveal on a terminal, to the terminal width', async () => {
    const text = await reveal(Object.assign(new PassThrough(), { isTTY: true, columns: 50 }));
    expect(text).toContain(`${ESC}[1mModel answer — #12`);
    const plain = stripAnsi(text.slice(text.indexOf('Model answer')));
    expect(plain).toContain('┼');
    // Code keeps its lines (in a gutter) and what the person typed is shown as typed.
    for (const line of plain.split('\n').filter((l) => !l.startsWith('│ '))) {
      expect([...line].length, line).toBeLessThanOrEqual(50);
    }
  });

  it('prints a reveal piped as plain text', async () => {
    const text = await reveal(new PassThrough());
    expect(text).toContain('Model answer — #12');
    expect(text).not.toContain(ESC);
    // The only `**` is the example's code (indented), as written.
    for (const line of text.split('\n')) if (!line.startsWith('    ')) expect(line).not.toContain('**');
    expect(text).toContain('    def __call__(cls, *args, **kwargs):');
    expect(text).toContain('Short answer:\nShort answer metaclasses-vs-classes.');
  });
});
