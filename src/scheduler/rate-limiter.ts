/**
 * Spaces calls evenly at a rate (a token bucket with no burst): the n-th
 * caller waits until its slot. Even spacing keeps us under a platform's
 * per-second limit without provoking a single 429.
 */
export class RateLimiter {
  private nextSlot = 0;
  private readonly intervalMs: number;

  constructor(
    perSecond: number,
    private readonly now: () => number = () => performance.now(),
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  ) {
    this.intervalMs = 1000 / perSecond;
  }

  async take(): Promise<void> {
    const now = this.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.intervalMs;
    const wait = slot - now;
    if (wait > 0.5) await this.sleep(wait);
  }

  /** Holds every later caller back, e.g. after the platform said Retry-After for all of us. */
  pauseFor(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, this.now() + ms);
  }
}
