import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadQuestionBank } from '../../src/content/load-packs.js';
import type { QuestionBank } from '../../src/core/question-bank.js';

const CONTENT_DIR = process.env.CONTENT_DIR ?? fileURLToPath(new URL('../../content', import.meta.url));

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
  it('loads every pack, in pack order then number order', () => {
    const order = bank.all().map((q) => `${q.pack}:${String(q.number).padStart(4, '0')}`);
    expect(order).toEqual([...order].sort());
    expect(bank.filter({}).filter((q) => q.pack === 'python').length).toBeGreaterThanOrEqual(60);
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
    expect(oop.every((q) => q.topic === 'oop')).toBe(true);
    expect(oop).toHaveLength(bank.all().filter((q) => q.topic === 'oop').length);
    expect(oop.map((q) => q.id)).toContain('metaclasses');
  });

  it('filters by difficulty', () => {
    const hard = bank.filter({ difficulty: 'hard' });
    expect(hard.every((q) => q.difficulty === 'hard')).toBe(true);
    expect(hard.map((q) => q.id)).toEqual(
      bank
        .all()
        .filter((q) => q.difficulty === 'hard')
        .map((q) => q.id),
    );
    expect(hard.map((q) => q.id)).toContain('metaclasses');
  });

  it('filters by topic and difficulty together', () => {
    const easyConcurrency = bank.filter({ topic: 'concurrency', difficulty: 'easy' });
    expect(easyConcurrency.map((q) => q.id)).toContain('gil');
    expect(easyConcurrency.every((q) => q.topic === 'concurrency' && q.difficulty === 'easy')).toBe(true);
    expect(bank.filter({ topic: 'no-such-topic', difficulty: 'hard' })).toEqual([]);
  });

  it('treats an empty or null filter as everything', () => {
    expect(bank.filter()).toHaveLength(bank.size);
    expect(bank.filter({ topic: null, difficulty: null })).toHaveLength(bank.size);
  });

  it('picks at random from the filter, reproducibly with a seeded random', () => {
    const a = bank.random({ topic: 'memory' }, seededRandom(42));
    const b = bank.random({ topic: 'memory' }, seededRandom(42));
    expect(a).toBeDefined();
    expect(a?.topic).toBe('memory');
    expect(b?.id).toBe(a?.id);
  });

  it('maps the random number onto the filtered pool', () => {
    const io = bank.filter({ topic: 'io' });
    expect(bank.random({ topic: 'io' }, () => 0)?.id).toBe(io[0]!.id);
    expect(bank.random({ topic: 'io' }, () => 0.999)?.id).toBe(io.at(-1)!.id);
    expect(bank.random({}, () => 0.5)?.id).toBe(bank.all()[Math.floor(bank.size / 2)]!.id);
  });

  it('picks nothing at random from an empty filter', () => {
    expect(bank.random({ topic: 'no-such-topic' }, seededRandom(1))).toBeUndefined();
  });

  it('spreads seeded random picks over the bank', () => {
    const random = seededRandom(7);
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) ids.add(bank.random({}, random)!.id);
    expect(ids.size).toBeGreaterThan(30);
  });

  it('summarises each pack with topic counts that add up to its total', () => {
    const summary = bank.summary();
    expect(summary.map((p) => p.id)).toContain('python');
    for (const pack of summary) {
      expect(pack.total).toBe(bank.all().filter((q) => q.pack === pack.id).length);
      expect(pack.topics.reduce((sum, t) => sum + t.count, 0)).toBe(pack.total);
      const counts = pack.topics.map((t) => t.count);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
    }
    expect(summary.find((p) => p.id === 'python')!.name).toBe('Python');
  });
});

describe('QuestionBank lookup of a huge query', () => {
  it('reads only the first 200 characters, so a pasted essay is as quick as a short query', () => {
    const bank = loadQuestionBank(CONTENT_DIR);
    const essay = `metaclass ${'word '.repeat(200_000)}`;
    expect(bank.lookup(essay, {}, 5).map((q) => q.id)).toEqual(
      bank.lookup(essay.slice(0, 200), {}, 5).map((q) => q.id),
    );
    expect(bank.lookup(essay, {}, 5).map((q) => q.id)).toContain('metaclasses');
  });
});
