import { describe, expect, it } from 'vitest';
import { withParsedSections } from '../../src/content/markdown.js';
import { QuestionBank } from '../../src/core/question-bank.js';
import type { Pack, Question } from '../../src/core/types.js';

const pack = (id: string, topics: string[]): Pack => ({
  id,
  name: id.toUpperCase(),
  description: `The ${id} pack`,
  version: '1.0.0',
  license: 'CC-BY-4.0',
  source: 'original',
  attribution: 'Interview Drill contributors',
  topics,
});

const question = (id: string, number: number, packId: string, topic: string): Question =>
  withParsedSections({
    id,
    number,
    pack: packId,
    title: `About ${id.replace(/-/g, ' ')}`,
    topic,
    difficulty: number % 2 === 0 ? 'hard' : 'easy',
    tags: [],
    shortAnswer: 'Short.',
    answer: 'Long.',
    keyPoints: ['a', 'b', 'c'],
    listenFor: { nailed: 'all', partly: 'some', missed: 'none' },
    mistakes: [],
    followUps: [{ question: 'Why?', answer: null }],
  });

const bank = new QuestionBank(
  [pack('sql', ['joins', 'indexes', 'unused']), pack('python', ['oop', 'io'])],
  [
    question('sql-left-join', 202, 'sql', 'joins'),
    question('sql-btree', 201, 'sql', 'indexes'),
    question('sql-anti-join', 203, 'sql', 'joins'),
    question('classes', 2, 'python', 'oop'),
    question('files', 1, 'python', 'io'),
  ],
);

describe('QuestionBank with per-pack topics', () => {
  it('lists the topics its questions use, sorted, and the pack ids in pack order', () => {
    expect(bank.topics()).toEqual(['indexes', 'io', 'joins', 'oop']);
    expect(bank.packIds()).toEqual(['sql', 'python']);
  });

  it('filters by any topic slug and by difficulty', () => {
    expect(bank.filter({ topic: 'joins' }).map((q) => q.id)).toEqual(['sql-left-join', 'sql-anti-join']);
    expect(bank.filter({ topic: 'joins', difficulty: 'hard' }).map((q) => q.id)).toEqual(['sql-left-join']);
    expect(bank.filter({ topic: 'cooking' })).toEqual([]);
  });

  it('keeps its order (pack, then number), lookup and random as before', () => {
    expect(bank.all().map((q) => q.number)).toEqual([1, 2, 201, 202, 203]);
    expect(bank.lookup('#201').map((q) => q.id)).toEqual(['sql-btree']);
    expect(bank.lookup('classes').map((q) => q.id)).toEqual(['classes']);
    expect(bank.lookup('join', { topic: 'joins' }).map((q) => q.id)).toEqual([
      'sql-left-join',
      'sql-anti-join',
    ]);
    expect(bank.random({ topic: 'io' }, () => 0.99)?.id).toBe('files');
  });

  it('summarises each pack with its metadata and its question count per topic', () => {
    expect(bank.summary()).toEqual([
      {
        ...pack('sql', []),
        origin: 'bundled',
        total: 3,
        topics: [
          { topic: 'joins', count: 2 },
          { topic: 'indexes', count: 1 },
        ],
      },
      {
        ...pack('python', []),
        origin: 'bundled',
        total: 2,
        topics: [
          { topic: 'io', count: 1 },
          { topic: 'oop', count: 1 },
        ],
      },
    ]);
  });
});
