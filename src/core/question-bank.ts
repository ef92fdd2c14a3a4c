import type { Difficulty, Pack, Question, Topic } from './types.js';
import type { QuestionSummary } from './views.js';

export interface QuestionFilter {
  topic?: Topic | null;
  difficulty?: Difficulty | null;
  /** Only questions of these packs; null or empty means every pack. */
  packs?: readonly string[] | null;
}

export interface TopicCount {
  topic: Topic;
  count: number;
}

/** A pack's metadata with its question count per topic (in place of pack.yml's plain topic list). */
export interface PackSummary extends Omit<Pack, 'topics'> {
  total: number;
  /** Shipped with the bot (shared by every team), or the team's own import. */
  origin: 'bundled' | 'team';
  topics: TopicCount[];
}

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, ' ')
    .split(' ')
    .filter((w) => w.length > 0);

/** The loaded questions, searchable. Immutable after construction. */
/** The longest query a lookup reads; /drill ask declares the same limit. */
export const MAX_QUERY = 200;

export class QuestionBank {
  private readonly byId = new Map<string, Question>();
  private readonly ordered: Question[];

  constructor(
    readonly packs: readonly Pack[],
    questions: readonly Question[],
    /** The ids of the packs a team imported (the rest are bundled). */
    private readonly teamPackIds: ReadonlySet<string> = new Set(),
  ) {
    this.ordered = [...questions].sort((a, b) => a.pack.localeCompare(b.pack) || a.number - b.number);
    for (const q of this.ordered) this.byId.set(q.id, q);
  }

  get size(): number {
    return this.ordered.length;
  }

  all(): readonly Question[] {
    return this.ordered;
  }

  /** Every topic slug the bank's questions use, sorted. Topics are per pack (pack.yml), not a fixed list. */
  topics(): string[] {
    return [...new Set(this.ordered.map((q) => q.topic))].sort();
  }

  /** The pack ids, in the packs' order. */
  packIds(): string[] {
    return this.packs.map((p) => p.id);
  }

  /** This bank plus a team's own packs: what that team can use. */
  withTeamPacks(packs: readonly Pack[], questions: readonly Question[]): QuestionBank {
    if (packs.length === 0) return this;
    return new QuestionBank(
      [...this.packs, ...packs],
      [...this.ordered, ...questions],
      new Set([...this.teamPackIds, ...packs.map((p) => p.id)]),
    );
  }

  isTeamPack(packId: string): boolean {
    return this.teamPackIds.has(packId);
  }

  get(id: string): Question | undefined {
    return this.byId.get(id);
  }

  filter(filter: QuestionFilter = {}): Question[] {
    const packs = filter.packs && filter.packs.length > 0 ? filter.packs : null;
    return this.ordered.filter(
      (q) =>
        (!filter.topic || q.topic === filter.topic) &&
        (!filter.difficulty || q.difficulty === filter.difficulty) &&
        (!packs || packs.includes(q.pack)),
    );
  }

  /** Id, then number ("12" or "#12"), then words: best matches first. */
  lookup(query: string, filter: QuestionFilter = {}, limit = 10): Question[] {
    // A search is words against every question: a pasted essay (autocomplete sends whatever is typed) must not
    // hold the thread for seconds, so only the first MAX_QUERY characters count.
    const text = query.slice(0, MAX_QUERY).trim().toLowerCase();
    if (!text) return [];
    const pool = this.filter(filter);
    const exact = pool.find((q) => q.id === text);
    if (exact) return [exact];
    const asNumber = /^#?(\d{1,4})$/.exec(text);
    if (asNumber) {
      const n = Number(asNumber[1]);
      return pool.filter((q) => q.number === n).slice(0, limit);
    }
    return this.search(text, pool, limit);
  }

  private search(text: string, pool: Question[], limit: number): Question[] {
    const terms = words(text);
    if (terms.length === 0) return [];
    const scored: { q: Question; score: number }[] = [];
    for (const q of pool) {
      const idWords = words(q.id.replace(/-/g, ' '));
      const titleWords = words(q.title);
      const tagWords = q.tags.flatMap(words);
      let score = 0;
      for (const term of terms) {
        const prefix = (w: string) =>
          w.startsWith(term) || (term.length > 3 && term.startsWith(w) && w.length > 3);
        if (idWords.includes(term) || tagWords.includes(term)) score += 5;
        else if (idWords.some(prefix) || tagWords.some(prefix)) score += 3;
        if (titleWords.includes(term)) score += 4;
        else if (titleWords.some(prefix)) score += 2;
        if (q.topic === term) score += 2;
      }
      if (score > 0) scored.push({ q, score });
    }
    return scored
      .sort((a, b) => b.score - a.score || a.q.number - b.q.number)
      .slice(0, limit)
      .map((s) => s.q);
  }

  random(filter: QuestionFilter, random: () => number): Question | undefined {
    const pool = this.filter(filter);
    return pool[Math.floor(random() * pool.length)];
  }

  summary(): PackSummary[] {
    return this.packs.map((pack) => {
      const inPack = this.ordered.filter((q) => q.pack === pack.id);
      const counts = new Map<Topic, number>();
      for (const q of inPack) counts.set(q.topic, (counts.get(q.topic) ?? 0) + 1);
      return {
        ...pack,
        origin: this.teamPackIds.has(pack.id) ? ('team' as const) : ('bundled' as const),
        total: inPack.length,
        topics: [...counts].map(([topic, count]) => ({ topic, count })).sort((a, b) => b.count - a.count),
      };
    });
  }
}

export function toSummary(q: Question): QuestionSummary {
  return {
    id: q.id,
    number: q.number,
    pack: q.pack,
    title: q.title,
    topic: q.topic,
    difficulty: q.difficulty,
    tags: q.tags,
  };
}
