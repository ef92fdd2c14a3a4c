/**
 * A first-in, first-out lane for the engine's database work, with a cap on
 * how many calls run at once.
 *
 * Why: the adapters acknowledge every click before the engine works (Slack and
 * Discord drop an interaction not answered in 3 s). Unbounded work would fill
 * the event loop and the database pool, so later acks would wait behind it and
 * every call would race the same deadline. In the lane, each call starts on a
 * fresh turn of the event loop (after the I/O that carries new clicks and their
 * acks), at most `concurrency` run together, and the deadline counts from the
 * start of the work, not from the wait for a place.
 */
export interface WorkLaneOptions {
  /** Calls running at once: about the database pool's size (embedded PGlite runs one query at a time). */
  concurrency: number;
  /** Waiting calls beyond this are turned away at once with a "busy" answer: memory stays bounded. */
  maxQueued?: number;
}

export class LaneFullError extends Error {
  constructor() {
    super('the work lane is full');
  }
}

export class WorkLane {
  private readonly concurrency: number;
  private readonly maxQueued: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private head = 0;
  private pumping = false;
  private readonly onSettled: (() => void)[] = [];

  constructor(options: WorkLaneOptions) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1) {
      throw new RangeError(`WorkLane concurrency must be a positive integer, got ${options.concurrency}`);
    }
    this.concurrency = options.concurrency;
    this.maxQueued = options.maxQueued ?? 50_000;
  }

  /**
   * The lane for a database that runs `parallelism` queries at once (PGlite 1,
   * postgres.js its pool): at least two, so one call's query runs while
   * another does its JavaScript.
   */
  static forDatabase(parallelism: number): WorkLane {
    return new WorkLane({ concurrency: Math.max(2, parallelism) });
  }

  /** Calls waiting for a place. */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  get active(): number {
    return this.running;
  }

  /** Resolves once no call is running or waiting (at once if none is): shutdown waits for it. */
  settled(): Promise<void> {
    if (this.running === 0 && this.queued === 0) return Promise.resolve();
    return new Promise((resolve) => this.onSettled.push(resolve));
  }

  /** Runs `work` once a place is free; throws LaneFullError (without running it) when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.queued >= this.maxQueued) throw new LaneFullError();
    await new Promise<void>((start) => {
      this.waiting.push(start);
      this.schedulePump();
    });
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.schedulePump();
      if (this.running === 0 && this.queued === 0) for (const resolve of this.onSettled.splice(0)) resolve();
    }
  }

  /** Starts waiting calls on the next check phase, so pending I/O (new clicks, their acks) goes first. */
  private schedulePump(): void {
    if (this.pumping || this.queued === 0 || this.running >= this.concurrency) return;
    this.pumping = true;
    setImmediate(() => this.pump());
  }

  private pump(): void {
    this.pumping = false;
    while (this.running < this.concurrency && this.queued > 0) {
      const start = this.waiting[this.head]!;
      this.head += 1;
      this.running += 1;
      start();
    }
    // Drop the consumed prefix now and then, so the array does not grow for ever.
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
  }
}
