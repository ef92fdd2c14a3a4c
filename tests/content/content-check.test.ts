import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQuestionBank, readContent } from '../../src/content/load-packs.js';
import { KNOWN_LICENSES, parsePackFile } from '../../src/content/pack-file.js';
import { COACHING_SECTIONS_REQUIRED } from '../../src/content/question-file.js';

const FIXTURES = 'tests/content/fixtures';
const VALID = join(FIXTURES, 'valid-pack');

const packYml = `name: SQL and PostgreSQL
description: Forty questions.
version: 1.0.0
license: CC-BY-4.0
source: original
attribution: Interview Drill contributors
topics: [joins, indexes]
`;

const packProblems = (text: string) => parsePackFile(text, 'sql').problems;

describe('pack.yml', () => {
  it('lands on the Pack type with the folder name as id', () => {
    expect(parsePackFile(packYml, 'sql')).toEqual({
      pack: {
        id: 'sql',
        name: 'SQL and PostgreSQL',
        description: 'Forty questions.',
        version: '1.0.0',
        license: 'CC-BY-4.0',
        source: 'original',
        attribution: 'Interview Drill contributors',
        topics: ['joins', 'indexes'],
      },
      problems: [],
    });
  });

  it('takes an http(s) source, prerelease versions, and no attribution for a licence that does not ask for one', () => {
    const text = packYml
      .replace('source: original', 'source: https://example.com/questions')
      .replace('version: 1.0.0', 'version: 2.1.0-rc.1')
      .replace('license: CC-BY-4.0', 'license: MIT')
      .replace(/attribution: .*\n/, '');
    expect(parsePackFile(text, 'sql')).toMatchObject({ pack: { source: 'https://example.com/questions' } });
    expect(parsePackFile(text, 'sql').pack).not.toHaveProperty('attribution');
  });

  it.each([
    ['a missing version', packYml.replace('version: 1.0.0\n', ''), 'missing "version"'],
    ['a version that is not semver', packYml.replace('1.0.0', '1.0'), /^line 3: version must be semver/],
    ['a version YAML reads as a number', packYml.replace('1.0.0', '2'), /^line 3: version must be semver/],
    [
      'a source that is not http(s)',
      packYml.replace('original', 'ftp://x.org/q'),
      /^line 5: source: .*http\(s\) URL or "original"/,
    ],
    ['no topics', packYml.replace('[joins, indexes]', '[]'), /^line 7: topics: .*at least one/],
    ['a topic that is not a slug', packYml.replace('indexes]', 'Big Topic]'), /^line 7: topics\.1: .*slugs/],
    ['a topic listed twice', packYml.replace('indexes]', 'joins]'), /^line 7: topic "joins" is listed twice/],
    ['an unknown key', `${packYml}maintainer: me\n`, /^line 8: unknown key "maintainer"/],
    ['broken YAML', packYml.replace('[joins, indexes]', '[joins'), /^line \d: not valid YAML/],
    [
      'CC-BY without attribution',
      packYml.replace(/attribution: .*\n/, ''),
      /^line 4: license CC-BY-4\.0 asks for attribution/,
    ],
    [
      'CC-BY-SA without attribution',
      packYml.replace(/attribution: .*\n/, '').replace('CC-BY-4.0', 'CC-BY-SA-4.0'),
      /asks for attribution/,
    ],
  ])('reports %s', (_name, text, expected) => {
    const problems = packProblems(text);
    expect(problems.join('\n')).toMatch(expected);
    expect(parsePackFile(text, 'sql').pack).toBeNull();
  });

  it('accepts the SPDX ids it knows and says which ones those are', () => {
    for (const license of [
      'CC-BY-4.0',
      'CC-BY-SA-4.0',
      'CC0-1.0',
      'MIT',
      'Apache-2.0',
      'BSD-3-Clause',
      'MPL-2.0',
    ]) {
      expect(packProblems(packYml.replace('CC-BY-4.0', license)), license).toEqual([]);
    }
    expect(KNOWN_LICENSES).toEqual(
      expect.arrayContaining([
        'GPL-3.0-only',
        'GPL-3.0-or-later',
        'LGPL-3.0-only',
        'Unlicense',
        'CC-BY-NC-4.0',
      ]),
    );
    const [unknown] = packProblems(packYml.replace('CC-BY-4.0', 'Beerware'));
    expect(unknown).toBe(
      `line 4: license "Beerware" is not in this check's short list of SPDX ids ` +
        '(CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, MIT, Apache-2.0, BSD-3-Clause, MPL-2.0, …); ' +
        'a real SPDX id missing from it can be added',
    );
    expect(packProblems(packYml.replace('CC-BY-4.0', 'mit'))).toEqual([
      'line 4: license "mit": SPDX ids are written "MIT"',
    ]);
  });
});

describe('readContent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drill-read-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  /** A fresh content root holding copies of the given fixture packs under the given names. */
  const root = (packs: Record<string, string>) => {
    const path = join(dir, `root-${++n}`);
    for (const [name, from] of Object.entries(packs)) cpSync(from, join(path, name), { recursive: true });
    return path;
  };

  it('reads one pack folder (a folder with a pack.yml), its metadata on the Pack', () => {
    const { packs, questions, problems } = readContent(VALID);
    expect(problems).toEqual([]);
    expect(packs).toEqual([
      expect.objectContaining({
        id: 'valid-pack',
        version: '1.2.0',
        license: 'CC-BY-4.0',
        topics: ['basics', 'data'],
      }),
    ]);
    expect(questions.map((q) => q.number)).toEqual([901, 902, 903]);
    expect(questions.every((q) => q.pack === 'valid-pack')).toBe(true);
  });

  it('reads a content root of pack folders', () => {
    const path = root({ one: VALID });
    const { packs, questions, problems } = readContent(path);
    expect(problems).toEqual([]);
    expect(packs.map((p) => p.id)).toEqual(['one']);
    expect(questions).toHaveLength(3);
  });

  it('keeps ids and numbers unique across packs', () => {
    const path = root({ one: VALID, two: VALID });
    const renumbered = join(path, 'two', '901-python-examples.md');
    writeFileSync(
      renumbered,
      readFileSync(renumbered, 'utf8').replace('id: fx-python-examples', 'id: fx-other'),
    );
    const { problems, questions } = readContent(path);
    expect(questions).toHaveLength(3);
    const messages = problems.map((p) => `${p.file.slice(path.length + 1)}: ${p.message}`);
    expect(messages).toContainEqual(
      expect.stringMatching(/^two\/901-python-examples\.md: number 901 is already used by .*one\/901/),
    );
    expect(messages).toContainEqual(
      expect.stringMatching(
        /^two\/902-node-examples\.md: id "fx-node-examples" is already used by .*one\/902/,
      ),
    );
  });

  it("checks every question's topic against its pack's topics", () => {
    const path = root({ one: VALID });
    const yml = join(path, 'one', 'pack.yml');
    writeFileSync(yml, readFileSync(yml, 'utf8').replace('[basics, data]', '[basics]'));
    const { problems } = readContent(path);
    const file = join(path, 'one', '903-sql-examples.md');
    const topicLine = readFileSync(file, 'utf8').split('\n').indexOf('topic: data') + 1;
    expect(problems).toEqual([
      {
        file,
        message: `line ${topicLine}: topic "data" is not one of the pack's topics in pack.yml (basics)`,
      },
    ]);
  });

  it('reports a pack with no pack.yml, a pack with no questions and a question outside any pack', () => {
    const path = root({ one: VALID });
    mkdirSync(join(path, 'empty'));
    writeFileSync(join(path, 'empty', 'pack.yml'), readFileSync(join(VALID, 'pack.yml')));
    mkdirSync(join(path, 'bare'));
    writeFileSync(join(path, 'bare', '01-q.md'), readFileSync(join(VALID, '901-python-examples.md')));
    writeFileSync(join(path, 'stray.md'), 'hello');
    const messages = readContent(path).problems.map((p) => `${p.file.slice(path.length + 1)}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^bare\/pack\.yml: missing pack\.yml \(name, description, version, license, source/,
        ),
        'empty: pack "empty" has no question files (*.md)',
        'stray.md: a question file belongs in a pack folder (<pack>/pack.yml beside it)',
      ]),
    );
  });

  it('honours COACHING_SECTIONS_REQUIRED (and an explicit coachingRequired)', () => {
    const path = root({ one: VALID });
    const file = join(path, 'one', '901-python-examples.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(/## Short answer\n\n[\s\S]*?## Answer/, '## Answer'),
    );
    const byDefault = readContent(path).problems.map((p) => p.message);
    expect(byDefault).toEqual(COACHING_SECTIONS_REQUIRED ? ['missing "## Short answer" section'] : []);
    expect(readContent(path, { coachingRequired: false }).problems).toEqual([]);
    expect(readContent(path, { coachingRequired: true }).problems).toHaveLength(1);
  });

  it('loadQuestionBank refuses a broken bank with every problem', () => {
    expect(() => loadQuestionBank(join(FIXTURES, 'broken-pack'))).toThrow(
      /pack\.yml: line 3: version must be semver/,
    );
    expect(loadQuestionBank(VALID).size).toBe(3);
  });
});

describe('npm run content:check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'drill-content-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (target: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/content/check-cli.ts', target], {
      encoding: 'utf8',
    });

  it('checks a single pack folder', () => {
    const result = run(VALID);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /3 questions in 1 pack\(s\) under tests\/content\/fixtures\/valid-pack: ok/,
    );
  });

  it('checks a content root, names each broken file with its line, one line per problem, and exits 1', () => {
    cpSync(VALID, join(dir, 'good'), { recursive: true });
    cpSync(join(FIXTURES, 'broken-pack'), join(dir, 'broken'), { recursive: true });
    const result = run(dir);
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.pop()).toBe(`content:check: 15 problem(s) in ${dir}`);
    expect(lines.map((l) => l.slice(dir.length + 1))).toEqual([
      'broken/pack.yml: line 3: version must be semver, such as 1.0.0',
      'broken/pack.yml: line 4: license CC-BY-SA-4.0 asks for attribution: add an "attribution:" line',
      'broken/pack.yml: line 5: source: source must be an http(s) URL or "original"',
      'broken/pack.yml: line 6: topic "things" is listed twice',
      'broken/pack.yml: line 7: unknown key "extra" (keys: name, description, version, license, source, attribution, topics, id)',
      'broken/961-bad-question.md: line 5: raw HTML "<b>"; write Markdown, or put code in backticks',
      'broken/961-bad-question.md: line 12: raw HTML "<br>"; write Markdown, or put code in backticks',
      'broken/961-bad-question.md: line 14: "## Short answer" must come before "## Answer" (order: Short answer, Answer, Key points, What interviewers listen for, Common mistakes, Example, Follow-ups)',
      'broken/961-bad-question.md: line 20: key point joins two ideas with ";" (one idea per bullet)',
      'broken/961-bad-question.md: line 21: key point ends with a full stop (key points take no full stop)',
      'broken/961-bad-question.md: line 22: key point repeats line 21',
      'broken/961-bad-question.md: line 23: key point repeats line 21',
      'broken/961-bad-question.md: line 25: "## What interviewers listen for" needs exactly three bullets, **Nailed it:**, **Partly:**, **Missed:**; found 2',
      'broken/961-bad-question.md: line 28: bullet 2 of "## What interviewers listen for" must start with **Partly:**',
      'broken/961-bad-question.md: line 32: unknown code language "pyton": python, js, ts and sql run; text, bash, json, yaml and other common languages are shown',
    ]);
    // The lines named are the file's own lines.
    const question = readFileSync(join(FIXTURES, 'broken-pack', '961-bad-question.md'), 'utf8').split('\n');
    expect(question[4]).toContain('<b>');
    expect(question[31]).toBe('```pyton');
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it('reports a directory that is not there', () => {
    const result = run(join(dir, 'nowhere'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/content directory not found/);
  });
});
