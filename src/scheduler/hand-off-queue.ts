/**
 * A first-in, first-out hand-off between one producer (the scheduler preparing
 * chunks of posts) and several consumers (the senders). Senders take posts as
 * soon as they are ready, so there is no pause at a chunk's end waiting for
 * its slowest post; the producer waits while the queue is long enough.
 */
export class HandOffQueue<T> {
  private readonly items: T[] = [];
  private head = 0;
  private closed = false;
  private readonly takers: ((item: T | null) => void)[] = [];
  private roomWaiter: { below: number; resolve: () => void } | null = null;

  get length(): number {
    return this.items.length - this.head;
  }

  push(...items: T[]): void {
    for (const item of items) {
      const taker = this.takers.shift();
      if (taker) taker(item);
      else this.items.push(item);
    }
  }

  /** No more items: waiting takers get null once the queue is empty. */
  close(): void {
    this.closed = true;
    if (this.length === 0) for (const taker of this.takers.splice(0)) taker(null);
  }

  /** The next item, or null when the queue is closed and empty. */
  take(): Promise<T | null> {
    if (this.length > 0) {
      const item = this.items[this.head]!;
      this.head += 1;
      if (this.head === this.items.length) {
        this.items.length = 0;
        this.head = 0;
      }
      this.checkRoom();
      return Promise.resolve(item);
    }
    if (this.closed) return Promise.resolve(null);
    return new Promise((resolve) => this.takers.push(resolve));
  }

  /** Resolves once fewer than `below` items wait (one waiter at a time: the producer). */
  room(below: number): Promise<void> {
    if (this.length < below) return Promise.resolve();
    return new Promise((resolve) => {
      this.roomWaiter = { below, resolve };
    });
  }

  private checkRoom(): void {
    if (this.roomWaiter && this.length < this.roomWaiter.below) {
      const { resolve } = this.roomWaiter;
      this.roomWaiter = null;
      resolve();
    }
  }
}
