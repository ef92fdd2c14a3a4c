import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, parseSections } from '../../src/content/markdown.js';
import { makeQuestion } from '../helpers/question-fixture.js';

describe('parsing question Markdown at load', () => {
  it('reflows a paragraph: the source wrapping becomes spaces, a hard break stays a break', () => {
    expect(
      parseMarkdown('A normal class\ncreates **objects**; a\nmetaclass creates classes.\\\nNext line.'),
    ).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'A normal class creates ' },
          { type: 'strong', children: [{ type: 'text', value: 'objects' }] },
          { type: 'text', value: '; a metaclass creates classes.' },
          { type: 'break' },
          { type: 'text', value: 'Next line.' },
        ],
      },
    ]);
  });

  it('keeps bold, italics, strikethrough, code spans and links as nodes', () => {
    expect(
      parseInline('**Nailed it:** the *one* `__init__` ~~old~~ [docs](https://docs.python.org/3/)'),
    ).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'Nailed it:' }] },
      { type: 'text', value: ' the ' },
      { type: 'emphasis', children: [{ type: 'text', value: 'one' }] },
      { type: 'text', value: ' ' },
      { type: 'inlineCode', value: '__init__' },
      { type: 'text', value: ' ' },
      { type: 'delete', children: [{ type: 'text', value: 'old' }] },
      { type: 'text', value: ' ' },
      { type: 'link', url: 'https://docs.python.org/3/', children: [{ type: 'text', value: 'docs' }] },
    ]);
  });

  it('parses a GFM table with its alignment, formatting in cells and escaped pipes', () => {
    const [table] = parseMarkdown(
      ['| Aspect | `a \\| b` |', '| :--- | ---: |', '| **Creates** | Instances |'].join('\n'),
    );
    expect(table).toEqual({
      type: 'table',
      align: ['left', 'right'],
      header: [[{ type: 'text', value: 'Aspect' }], [{ type: 'inlineCode', value: 'a | b' }]],
      rows: [
        [
          [{ type: 'strong', children: [{ type: 'text', value: 'Creates' }] }],
          [{ type: 'text', value: 'Instances' }],
        ],
      ],
    });
  });

  it('parses tight, nested and ordered lists, an item continuing over lines', () => {
    expect(parseMarkdown('- one\n  goes on\n  - nested\n- two\n\n3. three')).toEqual([
      {
        type: 'list',
        ordered: false,
        start: 1,
        items: [
          [
            { type: 'paragraph', children: [{ type: 'text', value: 'one goes on' }] },
            {
              type: 'list',
              ordered: false,
              start: 1,
              items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'nested' }] }]],
            },
          ],
          [{ type: 'paragraph', children: [{ type: 'text', value: 'two' }] }],
        ],
      },
      {
        type: 'list',
        ordered: true,
        start: 3,
        items: [[{ type: 'paragraph', children: [{ type: 'text', value: 'three' }] }]],
      },
    ]);
  });

  it('keeps a code fence with its language and its text exactly', () => {
    expect(parseMarkdown('```python title="x"\nif a < b:\n    x = "&amp;"\n```')).toEqual([
      { type: 'code', lang: 'python', value: 'if a < b:\n    x = "&amp;"' },
    ]);
    expect(parseMarkdown('```\nplain\n```')).toEqual([{ type: 'code', lang: null, value: 'plain' }]);
  });

  it('reads character references and backslash escapes as the characters they stand for', () => {
    expect(parseInline('a &lt;b&gt; &amp; \\*not bold\\* &#8594;')).toEqual([
      { type: 'text', value: 'a <b> & *not bold* →' },
    ]);
  });

  it('reads a bullet as inline Markdown: a leading "1." or "#" stays a word', () => {
    expect(parseInline('1. is not a list')).toEqual([{ type: 'text', value: '1. is not a list' }]);
    expect(parseInline('# not a heading')).toEqual([{ type: 'text', value: '# not a heading' }]);
  });

  it('parses every Markdown field of a question', () => {
    const q = makeQuestion({
      id: 'q',
      number: 1,
      shortAnswer: 'Short\nanswer.',
      answer: 'Para one.\n\nPara two.',
      keyPoints: ['`a`', 'b', 'c'],
      listenFor: { nailed: '**all**', partly: 'some', missed: 'none' },
      mistakes: ['"x": y'],
      example: '```js\nx\n```',
      followUps: [
        { question: 'Why?', answer: 'Because.' },
        { question: 'How?', answer: null },
      ],
    });
    expect(parseSections(q)).toEqual(q.parsed);
    expect(q.parsed.shortAnswer).toEqual([
      { type: 'paragraph', children: [{ type: 'text', value: 'Short answer.' }] },
    ]);
    expect(q.parsed.answer).toHaveLength(2);
    expect(q.parsed.keyPoints[0]).toEqual([{ type: 'inlineCode', value: 'a' }]);
    expect(q.parsed.listenFor.nailed).toEqual([
      { type: 'strong', children: [{ type: 'text', value: 'all' }] },
    ]);
    expect(q.parsed.example).toEqual([{ type: 'code', lang: 'js', value: 'x' }]);
    expect(q.parsed.followUps[1]).toEqual({ question: [{ type: 'text', value: 'How?' }], answer: null });
  });
});
