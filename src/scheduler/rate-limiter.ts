/**
 * Spaces calls evenly at a rate (the generic cell rate algorithm): each
 * release moves a theoretical time on by one interval, and a caller may pass
 * once the clock is within a small tolerance of it. Times are assigned at
 * release, not when a caller queues, so a stalled event loop cannot release
 * its backlog in one burst; the tolerance only absorbs timer lateness. We stay
 * under a platform's per-second limit without provoking a 429.
 */
export class RateLimiter {
  private readonly intervalMs: number;
  private readonly toleranceMs: number;
  private readonly waiting: (() => void)[] = [];
  private theoretical = Number.NEGATIVE_INFINITY;
  private pausedUntil = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    perSecond: number,
    private readonly now: () => number = () => performance.now(),
    /**
     * How many intervals late a caller may still pass, to make up for timer
     * lateness. Small on purpose: a catch-up burst lands on top of the
     * platform's own jitter (a receiver that stalls counts a spread of
     * arrivals as one instant), and at twelve that provoked 429s at 96% of
     * the limit; at four it did not, and a stall costs a little time instead.
     */
    burstIntervals = 4,
  ) {
    this.intervalMs = 1000 / perSecond;
    this.toleranceMs = burstIntervals * this.intervalMs;
  }

  take(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.pump();
    });
  }

  /** Holds every later caller back, e.g. after the platform said Retry-After for all of us. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }

  private pump(): void {
    if (this.timer) return;
    while (this.waiting.length > 0) {
      const now = this.now();
      const earliest = Math.max(this.theoretical - this.toleranceMs, this.pausedUntil);
      if (now < earliest) {
        this.timer = setTimeout(() => {
          this.timer = null;
          this.pump();
        }, earliest - now);
        return;
      }
      this.theoretical = Math.max(this.theoretical, now) + this.intervalMs;
      this.waiting.shift()!();
    }
  }
}
