/**
 * Per-user limit on button clicks and commands: a few per second is a person,
 * more is a stuck mouse or a script. Memory per process is enough: it only
 * spares the database, the idempotent writes keep the data right anyway.
 */
export class ClickThrottle {
  private readonly recent = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 1000,
  ) {}

  /** No limit: a scripted console session types faster than any hand. */
  static unlimited(): ClickThrottle {
    return new ClickThrottle(Number.POSITIVE_INFINITY);
  }

  /** Records the event; false when the key is over its limit. */
  allow(key: string, now: number): boolean {
    const since = now - this.windowMs;
    const times = (this.recent.get(key) ?? []).filter((t) => t > since);
    const allowed = times.length < this.limit;
    if (allowed) times.push(now);
    this.recent.set(key, times);
    if (this.recent.size > 10_000) this.prune(since);
    return allowed;
  }

  private prune(since: number): void {
    for (const [key, times] of this.recent) if (!times.some((t) => t > since)) this.recent.delete(key);
  }
}
