/** Standard competition ranking: equal points share a rank, the next rank skips (1, 2, 2, 4). */
export function rankByPoints<T extends { points: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = [...rows].sort((a, b) => b.points - a.points);
  const ranked: (T & { rank: number })[] = [];
  sorted.forEach((row, i) => {
    const prev = ranked[i - 1];
    ranked.push({ ...row, rank: prev && prev.points === row.points ? prev.rank : i + 1 });
  });
  return ranked;
}

export const ANONYMOUS = 'anonymous';

export function boardName(
  row: { userId: string; displayName: string | null; hidden: boolean },
  callerId: string,
) {
  if (row.userId === callerId) return row.displayName ?? 'you';
  if (row.hidden) return ANONYMOUS;
  return row.displayName ?? ANONYMOUS;
}
