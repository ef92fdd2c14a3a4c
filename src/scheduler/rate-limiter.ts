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
  ) {
    this.intervalMs = 1000 / perSecond;
    // Twelve intervals: enough to catch up after a short event-loop stall (a PGlite query runs on this
    // thread), small enough that one second holds at most the rate plus twelve.
    this.toleranceMs = 12 * this.intervalMs;
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
