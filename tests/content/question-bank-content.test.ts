import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packFolders, readContent } from '../../src/content/load-packs.js';
import { QuestionBank } from '../../src/core/question-bank.js';

const CONTENT = 'content';

/** docs/question-format.md, "Number ranges of the bundled packs". */
const BUNDLED: Record<string, { from: number; to: number; prefix: string }> = {
  python: { from: 1, to: 99, prefix: '' },
  javascript: { from: 101, to: 199, prefix: 'js-' },
  sql: { from: 201, to: 299, prefix: 'sql-' },
  'system-design': { from: 301, to: 399, prefix: 'sd-' },
  algorithms: { from: 401, to: 499, prefix: 'algo-' },
};

/** Every pack folder under content/ now: the packs are written while this suite exists. */
const present = packFolders(CONTENT).map((dir) => basename(dir));

describe.each(present)('the bundled %s pack', (pack) => {
  const dir = join(CONTENT, pack);
  const { packs, questions, problems } = readContent(dir);

  it('loads with no problems, its pack.yml complete, with at least 40 questions', () => {
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
    expect(packs).toEqual([expect.objectContaining({ id: pack, version: expect.any(String) })]);
    expect(questions.length).toBeGreaterThanOrEqual(40);
  });

  it('gives every question a short answer, what interviewers listen for, 3 to 7 key points and common mistakes', () => {
    for (const q of questions) {
      expect(q.shortAnswer.length, q.id).toBeGreaterThan(40);
      expect(q.answer.length, q.id).toBeGreaterThan(200);
      expect(q.keyPoints.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.keyPoints.length, q.id).toBeLessThanOrEqual(7);
      expect(q.listenFor.nailed, q.id).not.toBe('');
      expect(q.listenFor.partly, q.id).not.toBe('');
      expect(q.listenFor.missed, q.id).not.toBe('');
      // "every bundled question has common mistakes"
      expect(q.mistakes.length, q.id).toBeGreaterThan(0);
    }
  });

  it("keeps to the pack's number range and id prefix, one file each, named NN-<slug>.md", () => {
    const range = BUNDLED[pack];
    expect(range, `${pack} is not in the number-range table of docs/question-format.md`).toBeDefined();
    if (!range) return;
    const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
    expect(files).toHaveLength(questions.length);
    for (const q of questions) {
      expect(q.number, q.id).toBeGreaterThanOrEqual(range.from);
      expect(q.number, q.id).toBeLessThanOrEqual(range.to);
      expect(q.id.startsWith(range.prefix), q.id).toBe(true);
      const slug = q.id.slice(range.prefix.length);
      expect(files, q.id).toContain(`${String(q.number).padStart(2, '0')}-${slug}.md`);
    }
  });
});

describe('the whole bank', () => {
  const { packs, questions, problems } = readContent(CONTENT);

  it('loads every pack together: ids and numbers unique across packs', () => {
    expect(problems.map((p) => `${p.file}: ${p.message}`)).toEqual([]);
    const bank = new QuestionBank(packs, questions);
    expect(bank.packIds()).toEqual(present);
    expect(bank.topics()).toEqual([...new Set(packs.flatMap((p) => p.topics))].sort());
  });

  it.runIf(present.includes('python'))(
    'answers monkey patching (the seed left it empty) and shows the closure example it refers to',
    () => {
      const monkey = questions.find((q) => q.id === 'monkey-patching')!;
      expect(monkey.answer).toMatch(/runtime/i);
      expect(monkey.example).toMatch(/```python/);
      const closures = questions.find((q) => q.id === 'closures')!;
      expect(`${closures.answer}\n${closures.example}`).toMatch(/def outer/);
      expect(`${closures.answer}\n${closures.example}`).toMatch(/def inner/);
    },
  );
});
