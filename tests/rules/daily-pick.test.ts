import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/core/types.js';
import { pickDaily } from '../../src/rules/daily-pick.js';
import { addDays } from '../../src/rules/time-zone.js';
import { makeQuestion } from '../helpers/question-fixture.js';

const question = (id: string, number: number): Question => makeQuestion({ id, number });

const SEVEN = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) => question(id, i + 1));
const seedFor = (channel: string, date: string) => `slack:T1:${channel}:${date}`;

describe('pickDaily', () => {
  it('returns undefined when there are no candidates', () => {
    expect(pickDaily([], new Map(), 'seed')).toBeUndefined();
  });

  it('returns the only candidate', () => {
    expect(pickDaily([SEVEN[0]!], new Map([['a', 5]]), 'seed')?.id).toBe('a');
  });

  it('picks the same question for the same seed and counts', () => {
    const counts = new Map([['a', 1]]);
    const first = pickDaily(SEVEN, counts, seedFor('C1', '2026-03-10'));
    const again = pickDaily([...SEVEN], new Map(counts), seedFor('C1', '2026-03-10'));
    expect(first).toBeDefined();
    expect(again?.id).toBe(first?.id);
  });

  it('spreads different seeds over the candidates', () => {
    const picked = new Set<string>();
    for (let i = 0; i < 30; i++) {
      picked.add(pickDaily(SEVEN, new Map(), seedFor('C1', addDays('2026-03-01', i)))!.id);
    }
    expect(picked.size).toBeGreaterThanOrEqual(5);
  });

  it('only picks among the least-posted candidates', () => {
    const counts = new Map([
      ['a', 2],
      ['b', 1],
      ['c', 2],
      ['d', 1],
      ['e', 2],
      ['f', 2],
      ['g', 2],
    ]);
    for (let i = 0; i < 20; i++) {
      expect(['b', 'd']).toContain(pickDaily(SEVEN, counts, `seed-${i}`)!.id);
    }
  });

  it('never repeats until every candidate was used, over 3 full cycles', () => {
    const counts = new Map<string, number>();
    const picks: string[] = [];
    for (let day = 0; day < 21; day++) {
      const q = pickDaily(SEVEN, counts, seedFor('C1', addDays('2026-03-01', day)))!;
      picks.push(q.id);
      counts.set(q.id, (counts.get(q.id) ?? 0) + 1);
    }
    for (let cycle = 0; cycle < 3; cycle++) {
      const ids = picks.slice(cycle * 7, cycle * 7 + 7);
      expect(new Set(ids).size).toBe(7);
      expect([...ids].sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    }
    expect([...counts.values()]).toEqual([3, 3, 3, 3, 3, 3, 3]);
  });

  it('treats counts of questions outside the candidates as irrelevant', () => {
    const counts = new Map([['zzz', 0]]);
    const picked = pickDaily(SEVEN, counts, 'seed')!;
    expect(SEVEN.map((q) => q.id)).toContain(picked.id);
  });
});
