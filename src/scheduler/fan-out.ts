import type { PostOutcome } from './channel-poster.js';
import type { RateLimiter } from './rate-limiter.js';

export interface RetryPolicy {
  /** Tries per post, the first included. */
  maxAttempts: number;
  /** Backoff when the platform gave no Retry-After: base · 2^(try-1), capped. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

export type FinalOutcome = PostOutcome | { ok: false; kind: 'exhausted'; reason: string };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * One post with retries: every try waits for a rate slot, 429 and 5xx are
 * retried after Retry-After (or backoff), 'gone' stops at once.
 */
export async function postWithRetry(
  attempt: () => Promise<PostOutcome>,
  limiter: RateLimiter,
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<FinalOutcome> {
  let last: PostOutcome | null = null;
  for (let i = 1; i <= policy.maxAttempts; i++) {
    await limiter.take();
    let outcome: PostOutcome;
    try {
      outcome = await attempt();
    } catch (error) {
      outcome = { ok: false, kind: 'retry', retryAfterMs: null, reason: (error as Error).message };
    }
    if (outcome.ok || outcome.kind === 'gone') return outcome;
    last = outcome;
    if (i === policy.maxAttempts) break;
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (i - 1));
    const wait = outcome.retryAfterMs ?? backoff * (0.75 + Math.random() / 2);
    if (outcome.retryAfterMs) limiter.pauseFor(outcome.retryAfterMs);
    await sleep(wait);
  }
  return { ok: false, kind: 'exhausted', reason: last && !last.ok ? last.reason : 'unknown' };
}
