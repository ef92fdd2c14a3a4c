import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/content/load-packs.js';
import type { QuestionBank } from '../../src/core/question-bank.js';

const CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/** mulberry32: a small seeded random, so picks are reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let bank: QuestionBank;
beforeAll(() => {
  bank = loadQuestionBank(CONTENT_DIR);
});

describe('QuestionBank with the real content', () => {
  it('loads 40 questions in number order', () => {
    expect(bank.size).toBe(40);
    expect(bank.all().map((q) => q.number)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('gets a question by id', () => {
    expect(bank.get('gil')?.number).toBe(1);
    expect(bank.get('no-such-question')).toBeUndefined();
  });

  it('looks up an exact id and returns only that question', () => {
    expect(bank.lookup('gil').map((q) => q.id)).toEqual(['gil']);
    expect(bank.lookup('  GIL ').map((q) => q.id)).toEqual(['gil']);
  });

  it('looks up a number, with or without #', () => {
    expect(bank.lookup('12').map((q) => q.id)).toEqual(['metaclasses-vs-classes']);
    expect(bank.lookup('#12').map((q) => q.id)).toEqual(['metaclasses-vs-classes']);
    expect(bank.lookup('99')).toEqual([]);
  });

  it('looks up words: "metaclass" finds the metaclass questions, metaclasses first', () => {
    const ids = bank.lookup('metaclass').map((q) => q.id);
    expect(ids[0]).toBe('metaclasses');
    expect(ids.slice(0, 2)).toEqual(['metaclasses', 'metaclasses-vs-classes']);
  });

  it('looks up words: "context manager" finds the two context-manager questions first', () => {
    const ids = bank.lookup('context manager').map((q) => q.id);
    expect(ids.slice(0, 2).sort()).toEqual(['context-manager-implementation', 'context-managers']);
  });

  it('returns nothing for an empty query or words that match nothing', () => {
    expect(bank.lookup('')).toEqual([]);
    expect(bank.lookup('   ')).toEqual([]);
    expect(bank.lookup('xylophone')).toEqual([]);
  });

  it('limits word results', () => {
    expect(bank.lookup('python', {}, 3).length).toBeLessThanOrEqual(3);
    expect(bank.lookup('asyncio', {}, 2)).toHaveLength(2);
  });

  it('looks up only inside the filter', () => {
    expect(bank.lookup('gil', { topic: 'oop' }).map((q) => q.id)).not.toContain('gil');
    expect(bank.lookup('12', { topic: 'concurrency' })).toEqual([]);
    const hardMeta = bank.lookup('metaclass', { difficulty: 'hard' }).map((q) => q.id);
    expect(hardMeta.slice(0, 2)).toEqual(['metaclasses', 'metaclasses-vs-classes']);
  });

  it('filters by topic', () => {
    const oop = bank.filter({ topic: 'oop' });
    expect(oop).toHaveLength(8);
    expect(oop.every((q) => q.topic === 'oop')).toBe(true);
    expect(oop.map((q) => q.id)).toContain('metaclasses');
  });

  it('filters by difficulty', () => {
    const hard = bank.filter({ difficulty: 'hard' });
    expect(hard.every((q) => q.difficulty === 'hard')).toBe(true);
    expect(hard.map((q) => q.id)).toEqual([
      'metaclasses',
      'metaclasses-vs-classes',
      'memory-pooling',
      'weak-references',
      'descriptors',
      'scalable-applications',
    ]);
  });

  it('filters by topic and difficulty together', () => {
    expect(bank.filter({ topic: 'concurrency', difficulty: 'easy' }).map((q) => q.id)).toEqual([
      'gil',
      'multithreading',
    ]);
    expect(bank.filter({ topic: 'io', difficulty: 'hard' })).toEqual([]);
  });

  it('treats an empty or null filter as everything', () => {
    expect(bank.filter()).toHaveLength(40);
    expect(bank.filter({ topic: null, difficulty: null })).toHaveLength(40);
  });

  it('picks at random from the filter, reproducibly with a seeded random', () => {
    const a = bank.random({ topic: 'memory' }, seededRandom(42));
    const b = bank.random({ topic: 'memory' }, seededRandom(42));
    expect(a).toBeDefined();
    expect(a?.topic).toBe('memory');
    expect(b?.id).toBe(a?.id);
  });

  it('maps the random number onto the filtered pool', () => {
    expect(bank.random({ topic: 'io' }, () => 0)?.id).toBe('serialization');
    expect(bank.random({ topic: 'io' }, () => 0.999)?.id).toBe('large-files');
    expect(bank.random({}, () => 0.5)?.number).toBe(21);
  });

  it('picks nothing at random from an empty filter', () => {
    expect(bank.random({ topic: 'io', difficulty: 'hard' }, seededRandom(1))).toBeUndefined();
  });

  it('spreads seeded random picks over the bank', () => {
    const random = seededRandom(7);
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add(bank.random({}, random)!.id);
    expect(ids.size).toBeGreaterThan(30);
  });

  it('summarises packs with topic counts that add up to 40', () => {
    const summary = bank.summary();
    expect(summary.map((p) => p.id)).toEqual(['python']);
    const python = summary[0]!;
    expect(python.name).toBe('Python');
    expect(python.total).toBe(40);
    expect(python.topics.reduce((sum, t) => sum + t.count, 0)).toBe(40);
    expect(Object.fromEntries(python.topics.map((t) => [t.topic, t.count]))).toEqual({
      practices: 9,
      concurrency: 8,
      oop: 8,
      internals: 5,
      functions: 4,
      memory: 4,
      io: 2,
    });
    const counts = python.topics.map((t) => t.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });
});
