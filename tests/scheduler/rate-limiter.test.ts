import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../src/scheduler/rate-limiter.js';

/** The generic cell rate algorithm's bound: in any window, one per interval, plus the burst, plus one. */
const gcraBound = (perSecond: number, windowMs: number, burst = 4) =>
  Math.floor((windowMs + (burst * 1000) / perSecond) / (1000 / perSecond)) + 1;

/** The most releases seen in any window of `windowMs`. */
function peak(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('the posting rate limiter', () => {
  // These assert a ceiling on the rate only: a slow, busy machine can make it slower, never faster.
  it('never lets more than the rate (plus a burst of four) through in any window', async () => {
    const limiter = new RateLimiter(200);
    const times: number[] = [];
    await Promise.all(
      Array.from({ length: 120 }, () => limiter.take().then(() => times.push(performance.now()))),
    );
    expect(peak(times, 100)).toBeLessThanOrEqual(gcraBound(200, 100));
  });

  it('does not release a backlog in one burst after the event loop stalls', async () => {
    const limiter = new RateLimiter(200);
    const times: number[] = [];
    const all = Array.from({ length: 80 }, () => limiter.take().then(() => times.push(performance.now())));
    await new Promise((r) => setTimeout(r, 20));
    const until = performance.now() + 60;
    while (performance.now() < until) {
      // A 60 ms stall: twelve intervals' worth of callers are now late; only four may catch up.
    }
    await Promise.all(all);
    expect(peak(times, 50)).toBeLessThanOrEqual(gcraBound(200, 50));
  });

  it('holds everyone back after a Retry-After', async () => {
    const limiter = new RateLimiter(1000);
    await limiter.take();
    limiter.pauseFor(80);
    const start = performance.now();
    await limiter.take();
    expect(performance.now() - start).toBeGreaterThanOrEqual(75);
  });
});
