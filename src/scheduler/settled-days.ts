import type { ChannelDay, Store } from '../core/ports.js';
import type { ChannelRef } from '../core/types.js';

/**
 * Writes what a tick settled in small batches: posts marked sent promptly
 * (so a crash can only resend the last few), then next_run_at moved on.
 * Flushes serialize, so a day is marked sent before its channel moves on.
 */
export class SettledDays {
  private sent: (ChannelDay & { messageId: string | null })[] = [];
  private moves: { ref: ChannelRef; from: Date; to: Date }[] = [];
  private lastFlush = performance.now();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
    private readonly maxBatch = 200,
    private readonly maxDelayMs = 250,
  ) {}

  markSent(day: ChannelDay, messageId: string | null): Promise<void> {
    this.sent.push({ ...day, messageId });
    return this.maybeFlush();
  }

  advance(ref: ChannelRef, from: Date, to: Date): Promise<void> {
    this.moves.push({ ref, from, to });
    return this.maybeFlush();
  }

  private maybeFlush(): Promise<void> {
    const size = this.sent.length + this.moves.length;
    if (size >= this.maxBatch || performance.now() - this.lastFlush >= this.maxDelayMs) return this.flush();
    return Promise.resolve();
  }

  flush(): Promise<void> {
    const sent = this.sent;
    const moves = this.moves;
    this.sent = [];
    this.moves = [];
    this.lastFlush = performance.now();
    this.flushing = this.flushing.then(async () => {
      await this.store.dailyPosts.markSentMany(sent, this.now());
      await this.store.channels.advanceMany(moves);
    });
    return this.flushing;
  }
}
