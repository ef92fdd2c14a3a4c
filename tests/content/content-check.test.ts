import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseQuestionFile } from '../../src/content/question-file.js';

const valid = `---
id: sample
number: 1
title: What is a sample?
topic: functions
difficulty: easy
tags: [sample]
---

## Answer

A sample answer.

## Key points

- one
- two
- three
`;

describe('parsing one question file', () => {
  it('reads front matter and sections', () => {
    const result = parseQuestionFile(valid, 'p');
    expect(result).toMatchObject({
      ok: true,
      question: { id: 'sample', keyPoints: ['one', 'two', 'three'], pack: 'p' },
    });
  });

  it.each([
    ['no front matter', valid.replace(/^---[\s\S]*?---\n/, ''), /front matter/],
    ['an unknown topic', valid.replace('topic: functions', 'topic: cooking'), /topic/],
    ['an unknown difficulty', valid.replace('difficulty: easy', 'difficulty: brutal'), /difficulty/],
    ['a missing answer', valid.replace('A sample answer.', ''), /Answer/],
    ['too few key points', valid.replace('- three\n', ''), /2 bullets/],
    ['an unknown section', `${valid}\n## Trivia\n\nx\n`, /unknown section/],
    ['an id that is not a slug', valid.replace('id: sample', 'id: Not A Slug'), /slug/],
    ['broken YAML', valid.replace('tags: [sample]', 'tags: [sample'), /YAML/],
  ])('reports %s', (_name, text, pattern) => {
    const result = parseQuestionFile(text, 'p');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.join('\n')).toMatch(pattern);
  });
});

describe('npm run content:check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drill-content-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (target: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/content/check-cli.ts', target], {
      encoding: 'utf8',
    });

  it('passes on the shipped bank', () => {
    const result = run('content');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/40 questions in 1 pack/);
  });

  it('names the broken file and exits non-zero, one line per problem', () => {
    cpSync('content', dir, { recursive: true });
    const broken = join(dir, 'python', '11-metaclasses.md');
    writeFileSync(broken, readFileSync(broken, 'utf8').replace('difficulty: hard', 'difficulty: impossible'));
    const duplicate = join(dir, 'python', '99-copy.md');
    writeFileSync(duplicate, readFileSync(join(dir, 'python', '01-gil.md'), 'utf8'));
    const result = run(dir);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(/11-metaclasses\.md: front matter difficulty/));
    expect(lines).toContainEqual(expect.stringMatching(/99-copy\.md: id "gil" is already used/));
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
