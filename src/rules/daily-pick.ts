import type { Question } from '../core/types.js';

/** FNV-1a: a small, stable string hash, so the same seed picks the same question. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The daily question: among the candidates posted the fewest times in this
 * channel (so nothing repeats until the filtered bank is used up), a stable
 * choice for the seed (channel + local date).
 */
export function pickDaily(
  candidates: readonly Question[],
  postedCounts: ReadonlyMap<string, number>,
  seed: string,
): Question | undefined {
  if (candidates.length === 0) return undefined;
  let fewest = Number.POSITIVE_INFINITY;
  for (const q of candidates) fewest = Math.min(fewest, postedCounts.get(q.id) ?? 0);
  const leastUsed = candidates.filter((q) => (postedCounts.get(q.id) ?? 0) === fewest);
  return leastUsed[hash(seed) % leastUsed.length];
}
