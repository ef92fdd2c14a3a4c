import { describe, expect, it } from 'vitest';
import { ANONYMOUS, boardName, rankByPoints } from '../../src/rules/ranking.js';

describe('rankByPoints', () => {
  it('sorts by points, highest first', () => {
    const ranked = rankByPoints([
      { userId: 'c', points: 3 },
      { userId: 'a', points: 10 },
      { userId: 'b', points: 7 },
    ]);
    expect(ranked.map((r) => r.userId)).toEqual(['a', 'b', 'c']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('gives ties the same rank and skips the next (10, 7, 7, 3 -> 1, 2, 2, 4)', () => {
    const ranked = rankByPoints([
      { userId: 'a', points: 10 },
      { userId: 'b', points: 7 },
      { userId: 'c', points: 7 },
      { userId: 'd', points: 3 },
    ]);
    expect(ranked.map((r) => [r.points, r.rank])).toEqual([
      [10, 1],
      [7, 2],
      [7, 2],
      [3, 4],
    ]);
  });

  it('ranks ties at the top and at the bottom too', () => {
    expect(
      rankByPoints([{ points: 5 }, { points: 5 }, { points: 1 }, { points: 1 }]).map((r) => r.rank),
    ).toEqual([1, 1, 3, 3]);
  });

  it('keeps the other fields and does not change the input', () => {
    const rows = [
      { userId: 'b', points: 1, answered: 1 },
      { userId: 'a', points: 3, answered: 2 },
    ];
    const ranked = rankByPoints(rows);
    expect(ranked[0]).toEqual({ userId: 'a', points: 3, answered: 2, rank: 1 });
    expect(rows.map((r) => r.userId)).toEqual(['b', 'a']);
  });

  it('returns nothing for no rows', () => {
    expect(rankByPoints([])).toEqual([]);
  });
});

describe('boardName', () => {
  it('shows a visible user by display name', () => {
    expect(boardName({ userId: 'U1', displayName: 'Ada', hidden: false }, 'U9')).toBe('Ada');
  });

  it('shows a hidden user as anonymous to everyone else', () => {
    expect(ANONYMOUS).toBe('anonymous');
    expect(boardName({ userId: 'U1', displayName: 'Ada', hidden: true }, 'U9')).toBe('anonymous');
  });

  it('shows hidden callers their own name', () => {
    expect(boardName({ userId: 'U1', displayName: 'Ada', hidden: true }, 'U1')).toBe('Ada');
  });

  it('falls back to "you" for a caller without a name, and anonymous for others', () => {
    expect(boardName({ userId: 'U1', displayName: null, hidden: false }, 'U1')).toBe('you');
    expect(boardName({ userId: 'U1', displayName: null, hidden: false }, 'U9')).toBe('anonymous');
  });
});
