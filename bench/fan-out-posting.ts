/**
 * Posting without the scheduler's database work: the fake platform's
 * self-check, and the scheduler's rate limiting on its own.
 */
import { toSummary } from '../src/core/question-bank.js';
import type { QuestionCardView } from '../src/core/views.js';
import { postWithRetry } from '../src/scheduler/fan-out.js';
import { RateLimiter } from '../src/scheduler/rate-limiter.js';
import { contentBank } from '../tests/helpers/engine-fixture.js';
import { closedLoop } from './closed-loop.js';
import type { FakePlatformHandle } from './fake-platform-process.js';
import type { HttpChannelPoster } from './http-channel-poster.js';

/** DailyScheduler's default posts in flight. */
const SCHEDULER_CONCURRENCY = 32;

/**
 * The harness checks itself first: a burst past the limit must draw 429s that
 * the poster maps to a retry with a wait. Then the window drains and the
 * counters start from zero.
 */
export async function checkPlatformEnforces(
  platform: FakePlatformHandle,
  poster: HttpChannelPoster,
  limit: number,
): Promise<number> {
  const card = sampleCard();
  const burst = limit + 20;
  const outcomes = await Promise.all(
    Array.from({ length: burst }, (_, i) =>
      poster.post({ platform: poster.platform, teamId: 'X', channelId: `X${i}` }, card, `burst-${i}`),
    ),
  );
  const retries = outcomes.filter((o) => !o.ok && o.kind === 'retry' && (o.retryAfterMs ?? 0) > 0);
  if (retries.length < burst - limit) {
    throw new Error(`fake platform let ${burst - retries.length} of a ${burst}-request burst through`);
  }
  await drainAndReset(platform);
  return retries.length;
}

export async function drainAndReset(platform: FakePlatformHandle): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await platform.reset();
}

function sampleCard(): QuestionCardView {
  return { kind: 'question', context: 'daily', question: toSummary(contentBank().all()[0]!) };
}

/**
 * The scheduler's own rate limiting alone — RateLimiter and postWithRetry
 * from src/scheduler, as tick() uses them, with as many senders in flight —
 * and no database work: what the tick could reach if its queries cost nothing.
 */
export async function postThroughLimiter(
  poster: HttpChannelPoster,
  count: number,
): Promise<{ seconds: number; failed: number }> {
  const limiter = new RateLimiter(poster.postsPerSecond);
  const card = sampleCard();
  const load = await closedLoop(count, SCHEDULER_CONCURRENCY, async (i) => {
    const ref = { platform: poster.platform, teamId: 'L', channelId: `L${i}` };
    const outcome = await postWithRetry(() => poster.post(ref, card, `limiter-${i}`), limiter);
    return outcome.ok ? 0 : null;
  });
  return { seconds: load.seconds, failed: load.failed };
}
