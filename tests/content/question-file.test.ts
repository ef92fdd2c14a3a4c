import { describe, expect, it } from 'vitest';
import { fenceSpec } from '../../src/content/code-fences.js';
import { COACHING_SECTIONS_REQUIRED, parseQuestionFile } from '../../src/content/question-file.js';

const valid = `---
id: sample
number: 1
title: What is a sample?
topic: functions
difficulty: easy
tags: [sample]
---

## Short answer

A sample is a small part that stands for the whole.

## Answer

A sample answer, with \`<code>\` in backticks and a table.

| a | b |
| --- | --- |
| 1 | 2 |

## Key points

- One idea, with \`for (;;)\` in code
- Two ideas are two bullets
- Three is the minimum

## What interviewers listen for

- **Nailed it:** all three points,
  said plainly
- **Partly:** two of them
- **Missed:** none of them

## Common mistakes

- Saying a sample is the whole
- Forgetting the minimum

## Example

\`\`\`python
print("<b>not html</b>")
\`\`\`

## Follow-ups

- Why three?
  - Because fewer is not a pattern,
    and more is a lecture.
- What about four?
`;

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const problemsOf = (text: string, options = {}) => {
  const result = parseQuestionFile(text, 'p', options);
  return result.ok ? [] : result.problems;
};

describe('parsing one question file', () => {
  it('reads front matter and every section', () => {
    const result = parseQuestionFile(valid, 'p', { topics: ['functions'] });
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.question).toMatchObject({
      id: 'sample',
      pack: 'p',
      topic: 'functions',
      shortAnswer: 'A sample is a small part that stands for the whole.',
      keyPoints: ['One idea, with `for (;;)` in code', 'Two ideas are two bullets', 'Three is the minimum'],
      listenFor: { nailed: 'all three points, said plainly', partly: 'two of them', missed: 'none of them' },
      mistakes: ['Saying a sample is the whole', 'Forgetting the minimum'],
      followUps: [
        { question: 'Why three?', answer: 'Because fewer is not a pattern, and more is a lecture.' },
        { question: 'What about four?', answer: null },
      ],
    });
    expect(result.question.answer).toMatch(/^A sample answer/);
    expect(result.question.example).toMatch(/^```python\n/);
  });

  it('makes Common mistakes, Example and Follow-ups optional', () => {
    const minimal = valid.slice(0, valid.indexOf('## Common mistakes'));
    const result = parseQuestionFile(minimal, 'p');
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (result.ok) {
      expect(result.question.mistakes).toEqual([]);
      expect(result.question.followUps).toEqual([]);
      expect(result.question).not.toHaveProperty('example');
    }
  });

  it.each([
    ['no front matter', valid.replace(/^---[\s\S]*?---\n/, ''), /^line 1: missing YAML front matter/],
    [
      'an unknown difficulty',
      valid.replace('difficulty: easy', 'difficulty: brutal'),
      /^line 6: .*difficulty/,
    ],
    ['a topic that is not a slug', valid.replace('topic: functions', 'topic: Big Topic'), /^line 5: .*slug/],
    ['an id that is not a slug', valid.replace('id: sample', 'id: Not A Slug'), /^line 2: .*slug/],
    [
      'an unknown front matter key',
      valid.replace('tags:', 'colour: red\ntags:'),
      /^line 7: .*unknown key "colour"/,
    ],
    ['a missing front matter key', valid.replace('title: What is a sample?\n', ''), /missing "title"/],
    ['broken YAML', valid.replace('tags: [sample]', 'tags: [sample'), /^line \d: not valid YAML/],
    ['a title with ": " unquoted', valid.replace('a sample?', 'a sample: really?'), /needs quotes/],
    ['a YAML null where text belongs', valid.replace('[sample]', '[null]'), /^line 7: .*put it in quotes/],
    ['a missing answer', valid.replace(/## Answer\n\n[\s\S]*?## Key/, '## Key'), /missing "## Answer"/],
    ['an empty answer', valid.replace(/(## Answer\n)[\s\S]*?(## Key)/, '$1\n$2'), /"## Answer" is empty/],
    ['too few key points', valid.replace('- Three is the minimum\n', ''), /has 2 bullets; it needs 3 to 7/],
    ['an unknown section', `${valid}\n## Trivia\n\nx\n`, /unknown section "## Trivia"/],
    ['a section twice', `${valid}\n## Answer\n\nagain\n`, /"## Answer" appears twice/],
    [
      'sections out of order',
      valid
        .replace('## Short answer', '## Answer')
        .replace('## Answer\n\nA sample answer', '## Short answer\n\nA'),
      /"## Short answer" must come before "## Answer"/,
    ],
    [
      'text before the first section',
      valid.replace('---\n\n## Short', '---\n\nHello\n\n## Short'),
      /^line 10: text before/,
    ],
    ['a missing short answer', valid.replace(/## Short answer\n\n.*\n\n/, ''), /missing "## Short answer"/],
    [
      'a missing listen-for section',
      valid.replace(/## What interviewers listen for[\s\S]*?## Common/, '## Common'),
      /missing "## What interviewers listen for"/,
    ],
    [
      'a short answer over 400 characters',
      valid.replace('A sample is', `${'word '.repeat(90)}is`),
      /Short answer" is \d+ characters/,
    ],
    [
      'a key point over 150 characters',
      valid.replace('Three is', `${'word '.repeat(40)}is`),
      /key point is \d+ characters/,
    ],
    [
      'an unclosed code block',
      valid.replace(/```\n\n## Follow-ups[\s\S]*$/, '\n'),
      /code block is never closed/,
    ],
  ])('reports %s', (_name, text, pattern) => {
    const problems = problemsOf(text);
    expect(problems.join('\n')).toMatch(pattern);
    for (const p of problems) expect(p).not.toContain('\n');
  });

  it("checks the topic against the pack's topics when it has them", () => {
    expect(problemsOf(valid, { topics: ['oop', 'io'] })).toEqual([
      `line 5: topic "functions" is not one of the pack's topics in pack.yml (oop, io)`,
    ]);
    expect(problemsOf(valid.replace('topic: functions', 'topic: anything'))).toEqual([]);
  });

  describe('key points: one idea each, no full stop, no duplicates', () => {
    const keyLine = lineOf(valid, '- Two ideas');
    it('reports a ";" joining two ideas, but not one inside code', () => {
      const text = valid.replace('- Two ideas are two bullets', '- Two ideas; joined');
      expect(problemsOf(text)).toEqual([
        `line ${keyLine}: key point joins two ideas with ";" (one idea per bullet)`,
      ]);
      expect(problemsOf(valid)).toEqual([]); // `for (;;)` in the first bullet
    });
    it('reports a trailing full stop', () => {
      const text = valid.replace('- Two ideas are two bullets', '- Two ideas are two bullets.');
      expect(problemsOf(text)).toEqual([
        `line ${keyLine}: key point ends with a full stop (key points take no full stop)`,
      ]);
    });
    it('reports a duplicate and names the first', () => {
      const text = valid.replace('- Three is the minimum', '- Three is the minimum\n- three is the  minimum');
      expect(problemsOf(text)).toEqual([`line ${keyLine + 2}: key point repeats line ${keyLine + 1}`]);
    });
    it('reports nested bullets and more than seven', () => {
      const nested = valid.replace('- Three is the minimum', '- Three is the minimum\n  - a detail');
      expect(problemsOf(nested).join('\n')).toMatch(/one level deep/);
      const many = valid.replace(
        '- Three is the minimum',
        Array.from({ length: 6 }, (_, i) => `- Point ${i}`).join('\n'),
      );
      expect(problemsOf(many).join('\n')).toMatch(/has 8 bullets/);
    });
    it('reports prose in a bullet section', () => {
      const text = valid.replace('- Three is the minimum', '- Three is the minimum\n\nA paragraph.');
      expect(problemsOf(text).join('\n')).toMatch(/"## Key points" holds a bullet list only/);
    });
  });

  describe('what interviewers listen for: exactly Nailed it, Partly, Missed', () => {
    const section = lineOf(valid, '## What interviewers');
    it('reports a missing bullet', () => {
      const text = valid.replace('- **Partly:** two of them\n', '');
      expect(problemsOf(text).join('\n')).toMatch(
        new RegExp(`^line ${section}: .*needs exactly three bullets.*found 2`, 'm'),
      );
    });
    it('reports a wrong label and an empty one, on their lines', () => {
      const wrong = valid.replace('**Partly:**', '**Partially:**');
      expect(problemsOf(wrong)).toContain(
        `line ${section + 4}: bullet 2 of "## What interviewers listen for" must start with **Partly:**`,
      );
      const empty = valid.replace('**Missed:** none of them', '**Missed:**');
      expect(problemsOf(empty)).toEqual([`line ${section + 5}: **Missed:** is empty`]);
    });
  });

  describe('follow-ups', () => {
    it('take one nested answer at most', () => {
      const text = valid.replace('- What about four?', '- What about four?\n  - Yes\n  - No');
      expect(problemsOf(text).join('\n')).toMatch(/one answer \(one nested bullet\); this one has 2/);
    });
  });

  describe('raw HTML', () => {
    it('is a problem in any section outside code, on its line', () => {
      const text = valid.replace('- Why three?', '- Why <em>three</em>?');
      expect(problemsOf(text)).toEqual([
        `line ${lineOf(valid, '- Why three?')}: raw HTML "<em>"; write Markdown, or put code in backticks`,
      ]);
      const closing = valid.replace('A sample is a small', 'A sample is a </div> small');
      expect(problemsOf(closing).join('\n')).toMatch(/^line 12: raw HTML "<\/div>"/);
      const comment = valid.replace(
        '- Two ideas are two bullets',
        '- Two ideas are two bullets <!-- TODO -->',
      );
      expect(problemsOf(comment).join('\n')).toMatch(/raw HTML "<!--"/);
      const title = valid.replace('What is a sample?', 'What is a <b>sample</b>?');
      expect(problemsOf(title).join('\n')).toMatch(/^line 4: raw HTML "<b>"/);
    });
    it('is fine in backticks, in fences, in autolinks and as a comparison', () => {
      const text = valid.replace(
        'A sample answer,',
        'A sample answer, see <https://example.com> and `List<T>` and ``a `<b>` b``, where 1 < 2 and 3 > 2,',
      );
      expect(problemsOf(text)).toEqual([]);
    });
  });

  describe('code blocks', () => {
    const fence = lineOf(valid, '```python');
    it.each([
      ['python raises=ValueError', []],
      ['python runner=pytest', []],
      ['js module=commonjs raises=TypeError', []],
      ['sql raises=23505', []],
      ['text', []],
      ['bash', []],
      ['', ['code block has no language (use ```text for plain output)']],
      ['pyton', [expect.stringMatching(/^unknown code language "pyton"/)]],
      ['python timeout=5', [expect.stringMatching(/^unknown attribute "timeout=5" on ```python/)]],
      ['ts module=commonjs', [expect.stringMatching(/^unknown attribute "module=commonjs" on ```ts/)]],
      ['sql raises=unique_violation', [expect.stringMatching(/is not a SQLSTATE code/)]],
      ['python raises=ValueError runner=pytest', [expect.stringMatching(/do not go together/)]],
      ['text raises=X', [expect.stringMatching(/shown, not run: they take no attributes/)]],
      ['js raises=TypeError raises=RangeError', [expect.stringMatching(/appears twice/)]],
    ])('```%s', (info, expected) => {
      const text = valid.replace('```python', `\`\`\`${info}`);
      const problems = problemsOf(text);
      for (const p of problems) expect(p.startsWith(`line ${fence}: `)).toBe(true);
      expect(problems.map((p) => p.slice(`line ${fence}: `.length))).toEqual(expected);
      // content:check and the runner read the info string the same way.
      expect(fenceSpec(info).problems).toEqual(expected);
    });
    it('treats "## " inside a fence as code, not a section', () => {
      const text = valid.replace('print("<b>not html</b>")', 'text = """\n## Answer\n"""');
      expect(problemsOf(text)).toEqual([]);
    });
  });

  it('puts the line first and sorts problems by line', () => {
    const text = valid
      .replace('- Three is the minimum', '- Three is the minimum.')
      .replace('difficulty: easy', 'difficulty: brutal');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^line 6: /);
    expect(problems[1]).toMatch(new RegExp(`^line ${lineOf(text, 'minimum.')}: `));
  });

  describe('COACHING_SECTIONS_REQUIRED (transitional)', () => {
    const old = valid
      .replace(/## Short answer\n\n.*\n\n/, '')
      .replace(/## What interviewers listen for[\s\S]*?## Common/, '## Common');
    it('is on: Short answer and What interviewers listen for are required', () => {
      expect(COACHING_SECTIONS_REQUIRED).toBe(true);
      expect(problemsOf(old)).toEqual([
        'missing "## Short answer" section',
        'missing "## What interviewers listen for" section',
      ]);
    });
    it('when off, a file without them parses, with empty coaching fields; present ones are still checked', () => {
      const result = parseQuestionFile(old, 'p', { coachingRequired: false });
      expect(result).toMatchObject({
        ok: true,
        question: { shortAnswer: '', listenFor: { nailed: '', partly: '', missed: '' } },
      });
      const wrong = valid.replace('**Partly:**', '**Partially:**');
      expect(parseQuestionFile(wrong, 'p', { coachingRequired: false }).ok).toBe(false);
    });
  });
});
