import { loadQuestionBank } from '../../src/content/load-packs.js';
import type { EngineDeps } from '../../src/core/engine-deps.js';
import type { Store } from '../../src/core/ports.js';
import { QuestionBank } from '../../src/core/question-bank.js';
import type { Actor, Question } from '../../src/core/types.js';
import { ClickThrottle } from '../../src/runtime/click-throttle.js';
import { DrillEngine } from '../../src/runtime/engine.js';
import { TeamBankCache } from '../../src/runtime/team-bank-cache.js';
import { makePack, makeQuestion } from './question-fixture.js';

/** A clock tests move by hand. */
export class TestClock {
  constructor(private current: Date) {}
  now = (): Date => new Date(this.current);
  set(iso: string | Date): void {
    this.current = new Date(iso);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** Deterministic random numbers (mulberry32). */
export function seededRandom(seed = 42): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let realBank: QuestionBank | null = null;
/** The real content/ bank, loaded once per test file. */
export function contentBank(): QuestionBank {
  realBank ??= loadQuestionBank(process.env.CONTENT_DIR ?? 'content');
  return realBank;
}

/** A small synthetic bank for rule tests. */
export function tinyBank(count = 6): QuestionBank {
  const topics = ['concurrency', 'functions', 'oop'] as const;
  const questions: Question[] = Array.from({ length: count }, (_, i) =>
    makeQuestion({
      id: `q${i + 1}`,
      number: i + 1,
      topic: topics[i % topics.length]!,
      difficulty: i % 2 === 0 ? 'easy' : 'hard',
    }),
  );
  return new QuestionBank([makePack({ id: 'test', name: 'Test', topics: [...topics] })], questions);
}

export function makeEngine(
  store: Store,
  options: {
    clock?: TestClock;
    bank?: QuestionBank;
    defaultTimeZone?: string;
    onError?: (e: unknown) => void;
    throttle?: ClickThrottle;
  } = {},
): { engine: DrillEngine; deps: EngineDeps; clock: TestClock } {
  const clock = options.clock ?? new TestClock(new Date('2026-03-02T12:00:00Z'));
  const deps: EngineDeps = {
    store,
    banks: new TeamBankCache({ bundled: options.bank ?? contentBank(), packs: store.teamPacks }),
    clock: clock.now,
    random: seededRandom(),
    defaultTimeZone: options.defaultTimeZone ?? 'UTC',
  };
  // Rule tests fire bursts on purpose; the throttle has its own tests.
  const throttle = options.throttle ?? new ClickThrottle(1_000_000, 1000);
  const engine = new DrillEngine(deps, {
    throttle,
    ...(options.onError ? { onError: options.onError } : {}),
  });
  return { engine, deps, clock };
}

export function actor(overrides: Partial<Actor> = {}): Actor {
  return {
    platform: 'console',
    teamId: 'T1',
    channelId: 'C1',
    userId: 'U1',
    userName: 'ada',
    isAdmin: true,
    inChannel: true,
    ...overrides,
  };
}
