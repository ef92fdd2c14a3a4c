import { describe, expect, it } from 'vitest';
import { discordInline, discordMarkdown } from '../../src/adapters/discord/render-markdown.js';
import { renderView } from '../../src/adapters/discord/render-view.js';
import { parseInline, parseMarkdown } from '../../src/content/markdown.js';
import { revealView } from '../../src/use-cases/reveal.js';
import { makeQuestion } from '../helpers/question-fixture.js';

const discord = (markdown: string) => discordMarkdown(parseMarkdown(markdown));

describe('question Markdown on Discord', () => {
  it('reflows a paragraph onto one line, keeping bold, italics and code', () => {
    expect(discord('A normal class creates **objects**\n(instances), *not* `type`\nobjects.')).toBe(
      'A normal class creates **objects** (instances), _not_ `type` objects.',
    );
  });

  it('escapes characters Discord would read as formatting, outside code only', () => {
    expect(discordInline(parseInline('x_y_z and a|b but `__init__` and `a|b`'))).toBe(
      'x\\_y\\_z and a\\|b but `__init__` and `a|b`',
    );
    expect(discordInline(parseInline('a ``code with ` inside`` b'))).toBe('a `` code with ` inside `` b');
  });

  it('keeps lists, nested and numbered', () => {
    expect(discord('- one\n  - nested\n- two\n\n1. first\n2. second')).toBe(
      '• one\n  • nested\n• two\n\n1. first\n2. second',
    );
  });

  it('keeps a code fence and its language', () => {
    expect(discord('Before.\n\n```python\nx = a < b  # **kw\n```')).toBe(
      'Before.\n\n```python\nx = a < b  # **kw\n```',
    );
  });

  it('renders a table as an aligned code block, with no | rows and no **', () => {
    const out = discord(
      ['| Aspect | Normal class |', '| --- | --- |', '| **Creates** | `Instances` |'].join('\n'),
    );
    expect(out).toBe(
      ['```', 'Aspect   Normal class', '───────  ────────────', 'Creates  Instances', '```'].join('\n'),
    );
  });

  it("reveals question 12's table so it reads on a phone", () => {
    const q = makeQuestion({
      id: 'metaclasses-vs-classes',
      number: 12,
      answer: [
        'A normal class creates **objects** (instances). A metaclass creates **classes**. A metaclass',
        'is itself a class that inherits from `type`.',
        '',
        '| Aspect | Normal class | Metaclass |',
        '| --- | --- | --- |',
        '| Typical hooks | `__init__`, `__repr__`, regular methods | `__new__`, `__init__`, `__call__`, `__prepare__` |',
      ].join('\n'),
    });
    const [message] = renderView(revealView(q, null, null));
    const answer = message!.embeds[1]!.description!;
    expect(answer).toContain('A metaclass is itself a class that inherits from `type`.');
    const table = answer.slice(answer.indexOf('```\n') + 4, answer.lastIndexOf('\n```')).split('\n');
    expect(table[0]).toMatch(/^Aspect\s+Normal class\s+Metaclass$/);
    for (const line of table) expect([...line].length).toBeLessThanOrEqual(40);
    expect(answer).not.toMatch(/\|\s*---/);
  });
});
