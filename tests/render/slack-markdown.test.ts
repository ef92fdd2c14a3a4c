import { describe, expect, it } from 'vitest';
import { slackInline, slackMrkdwn } from '../../src/adapters/slack/render-markdown.js';
import { renderView } from '../../src/adapters/slack/render-view.js';
import { parseMarkdown } from '../../src/content/markdown.js';
import { revealView } from '../../src/use-cases/reveal.js';
import { makeQuestion } from '../helpers/question-fixture.js';

const slack = (markdown: string) => slackMrkdwn(parseMarkdown(markdown));

describe('question Markdown on Slack', () => {
  it('reflows a paragraph onto one line as mrkdwn', () => {
    expect(slack('A normal class creates **objects**\n(instances), *not* ~~old~~ `type`\nobjects.')).toBe(
      'A normal class creates *objects* (instances), _not_ ~old~ `type` objects.',
    );
  });

  it('moves spaces out of the markers, where Slack would not read them', () => {
    // `**a: **b` is no bold to a CommonMark parser; a tree written by hand can still hold one.
    const tree = [
      { type: 'strong' as const, children: [{ type: 'text' as const, value: 'Normal class: ' }] },
      { type: 'text' as const, value: 'then' },
    ];
    expect(slackInline(tree)).toBe('*Normal class:* then');
  });

  it('keeps numbered and nested lists', () => {
    expect(slack('1. first\n   - nested\n2. second')).toBe('1. first\n     • nested\n2. second');
  });

  it('fences code bare (Slack would show the language as code) and escapes it', () => {
    expect(slack('```python\nif a < b and c & d:\n    pass\n```')).toBe(
      '```\nif a &lt; b and c &amp; d:\n    pass\n```',
    );
  });

  it('renders a table as an aligned code block that fits a phone', () => {
    const out = slack(
      [
        '| Feature | `.py` | `.pyc` |',
        '| --- | --- | --- |',
        '| Created by | Developer | Python, on import (or `compileall`) |',
        '| Location | Project folders | `__pycache__/` next to the source |',
      ].join('\n'),
    );
    const lines = out.split('\n');
    expect(lines[0]).toBe('```');
    expect(lines.at(-1)).toBe('```');
    expect(lines[1]).toMatch(/^Feature\s+\.py\s+\.pyc$/);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(40);
    expect(out).not.toMatch(/\||\*\*/);
  });

  it("shows a reveal's key points and listen-for as mrkdwn bullets", () => {
    const q = makeQuestion({
      id: 'q',
      number: 1,
      keyPoints: ['Uses `__slots__`', '**Bold** point', 'plain'],
      listenFor: { nailed: 'names `type`', partly: 'some', missed: 'none' },
    });
    const text = JSON.stringify(renderView(revealView(q, null, null)).blocks);
    expect(text).toContain('• Uses `__slots__`\\n• *Bold* point\\n• plain');
    expect(text).toContain('• *Nailed it:* names `type`');
    expect(text).not.toContain('**');
  });
});
