import { describe, expect, it } from 'vitest';
import {
  fitBlocks,
  HEADER_TEXT_LIMIT,
  MAX_BLOCKS,
  SECTION_TEXT_LIMIT,
  section,
  splitMrkdwn,
} from '../../src/adapters/slack/render-block-limits.js';
import { slackMrkdwn } from '../../src/adapters/slack/render-markdown.js';
import { escapeMrkdwn } from '../../src/adapters/slack/render-mrkdwn.js';
import { renderView } from '../../src/adapters/slack/render-view.js';
import { parseMarkdown } from '../../src/content/markdown.js';
import { toSummary } from '../../src/core/question-bank.js';
import type { View } from '../../src/core/views.js';
import { revealView } from '../../src/use-cases/reveal.js';
import { contentBank } from '../helpers/engine-fixture.js';

type AnyBlock = {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { type: string; text?: string | { text: string } }[];
};

/** Every Block Kit limit a message from us could hit. */
function expectWithinLimits(message: { text: string; blocks: unknown[] }) {
  const blocks = message.blocks as AnyBlock[];
  expect(blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(HEADER_TEXT_LIMIT);
    if (block.type === 'section' && block.text) {
      expect(block.text.text.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
      expect(block.text.text.split('```').length % 2, `balanced fences in: ${block.text.text}`).toBe(1);
    }
    for (const field of block.fields ?? []) expect(field.text.length).toBeLessThanOrEqual(2000);
    for (const element of block.elements ?? []) {
      if (element.type === 'button')
        expect((element.text as { text: string }).text.length).toBeLessThanOrEqual(75);
    }
  }
}

/** Question Markdown as the reveal shows it on Slack: parsed at load, rendered as mrkdwn. */
const markdownToMrkdwn = (markdown: string) => slackMrkdwn(parseMarkdown(markdown));

describe('markdown to Slack mrkdwn', () => {
  it('turns **bold** into *bold* and *italic* into _italic_', () => {
    expect(markdownToMrkdwn('**What metaclasses let you do:** and *Normal class:* too')).toBe(
      '*What metaclasses let you do:* and _Normal class:_ too',
    );
  });

  it('leaves code spans alone, dunder names included', () => {
    expect(markdownToMrkdwn('Use `__init_subclass__` or `**kwargs`, not **magic**')).toBe(
      'Use `__init_subclass__` or `**kwargs`, not *magic*',
    );
  });

  it('keeps fenced code fenced, drops the language tag, and does not format comments inside', () => {
    const md = ['Example:', '', '```python', '# Rex barks', 'x = a < b and **kw', '```'].join('\n');
    expect(markdownToMrkdwn(md)).toBe(
      ['Example:', '', '```', '# Rex barks', 'x = a &lt; b and **kw', '```'].join('\n'),
    );
  });

  it('renders a table as an aligned preformatted block', () => {
    const md = [
      '| Aspect | Normal class | Metaclass |',
      '| --- | --- | --- |',
      '| Creates | Instances | `Classes` |',
    ].join('\n');
    expect(markdownToMrkdwn(md)).toBe(
      [
        '```',
        'Aspect   Normal class  Metaclass',
        '───────  ────────────  ─────────',
        'Creates  Instances     Classes',
        '```',
      ].join('\n'),
    );
  });

  it('turns headings, bullets and links into their Slack forms', () => {
    expect(markdownToMrkdwn('### Why\n- one\n  * two\n1. first\n\n[docs](https://docs.python.org/3/)')).toBe(
      '*Why*\n\n• one\n    • two\n\n1. first\n\n<https://docs.python.org/3/|docs>',
    );
  });

  it('joins the hard-wrapped lines of a paragraph or list item, as Markdown reads them', () => {
    const md =
      'The short version: a normal class\ncreates **objects**; a\nmetaclass creates classes.\n\n- a point that\n  goes on\n- next';
    expect(markdownToMrkdwn(md)).toBe(
      'The short version: a normal class creates *objects*; a metaclass creates classes.\n\n• a point that goes on\n• next',
    );
  });

  it('escapes & < > everywhere so nothing becomes a mention or a link', () => {
    expect(escapeMrkdwn('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    expect(markdownToMrkdwn('a <!here> `<@U1>`')).toBe('a &lt;!here&gt; `&lt;@U1&gt;`');
  });
});

describe('splitting long text under Block Kit limits', () => {
  const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);

  it('splits prose into chunks under the section limit, only between words', () => {
    const text = words.join(' ');
    const chunks = splitMrkdwn(text);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    expect(chunks.join(' ').split(/\s+/)).toEqual(words);
  });

  it('prefers paragraph breaks and closes and reopens a long code block', () => {
    const code = Array.from({ length: 400 }, (_, i) => `line_${i} = compute(${i})  # step`);
    const text = ['Intro paragraph.', '', '```', ...code, '```', '', 'Closing paragraph.'].join('\n');
    const chunks = splitMrkdwn(text);
    expect(chunks[0]!.startsWith('Intro paragraph.')).toBe(true);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
      expect(chunk.split('```').length % 2).toBe(1);
    }
    const lines = chunks.join('\n').split('\n');
    expect(lines.filter((l) => l.startsWith('line_'))).toEqual(code);
  });

  it('keeps a message under 50 blocks with its buttons last', () => {
    const many = Array.from({ length: 80 }, (_, i) => section(`part ${i}`));
    const fitted = fitBlocks([...many, { type: 'actions', elements: [] }]);
    expect(fitted).toHaveLength(MAX_BLOCKS);
    expect(fitted.at(-1)!.type).toBe('actions');
    expect(JSON.stringify(fitted.at(-2))).toContain('shortened');
  });
});

describe('rendering core views as Block Kit', () => {
  const bank = contentBank();

  it('every question in the bank reveals within limits, beside a long written answer full of < and &', () => {
    const written = '<&>'.repeat(1000);
    for (const q of bank.all()) {
      const message = renderView(revealView(q, written, 'partly'));
      expectWithinLimits(message);
      const all = JSON.stringify(message.blocks);
      expect(all).not.toMatch(/<&>/);
      expect(all).toContain('drill_grade_nailed');
    }
  });

  it('a very long model answer is split between words, and shortened rather than rejected', () => {
    const q = bank.get('metaclasses')!;
    const answer = `${q.answer}\n\n`.repeat(100);
    const converted = markdownToMrkdwn(answer);
    const chunks = splitMrkdwn(converted);
    const wordsOf = (text: string) => text.split(/\s+/).filter(Boolean);
    expect(wordsOf(chunks.join('\n\n'))).toEqual(wordsOf(converted));
    const view = revealView(q, null, null);
    const message = renderView({ ...view, parsed: { ...view.parsed, answer: parseMarkdown(answer) } });
    expectWithinLimits(message);
    expect(message.blocks).toHaveLength(MAX_BLOCKS);
    expect((message.blocks as AnyBlock[]).at(-1)!.type).toBe('actions');
  });

  it('renders every other view kind within limits', () => {
    const q = toSummary(bank.get('gil')!);
    const views: View[] = [
      { kind: 'question', context: 'review', question: q, dueAfter: 2 },
      { kind: 'question-list', query: '<@U1> gil', matches: [q] },
      { kind: 'answer-saved', question: q },
      {
        kind: 'graded',
        question: q,
        grade: 'partly',
        points: 1,
        replaced: true,
        totalPoints: 4,
        streak: 2,
        weekRank: 3,
      },
      {
        kind: 'board',
        period: 'all',
        scope: 'server',
        periodStart: '1970-01-01',
        rows: [{ rank: 1, name: 'a'.repeat(80), points: 3, answered: 1, isCaller: false }],
        caller: { rank: 14, name: 'me', points: 0, answered: 1, isCaller: true },
      },
      {
        kind: 'stats',
        name: '<b>',
        isCaller: true,
        totalPoints: 4,
        weekPoints: 1,
        streak: 1,
        attempts: 3,
        graded: 2,
        grades: { nailed: 1, partly: 1, missed: 0 },
        byTopic: [{ topic: 'oop', attempts: 2, accuracy: 0.75 }],
        reviewsDue: 1,
      },
      { kind: 'topics', packs: bank.summary() },
      {
        kind: 'schedule',
        changed: 'off',
        schedule: {
          time: '09:00',
          timezone: 'Europe/Berlin',
          days: 'weekdays',
          topic: null,
          difficulty: 'hard',
          packs: null,
          enabled: false,
          nextPost: null,
          disabledReason: 'turned off by an admin',
        },
      },
      { kind: 'confirm', useCase: 'forget-me', prompt: 'This deletes everything.', button: 'Delete my data' },
      { kind: 'help', commands: [{ usage: '/drill help', description: 'this help' }] },
      { kind: 'notice', tone: 'error', text: 'No question matches "<!everyone>".' },
    ];
    const rendered = views.map((v) => renderView(v));
    for (const message of rendered) expectWithinLimits(message);
    const text = rendered.map((m) => JSON.stringify(m)).join('\n');
    expect(text).not.toMatch(/<@U1>|<b>|<!everyone>/);
    expect(text).toContain('*#3* this week');
    expect(text).toContain('Daily posts turned off');
    expect(text).toContain(`${'a'.repeat(19)}…`);
    expect(text).toContain('← you');
  });
});
