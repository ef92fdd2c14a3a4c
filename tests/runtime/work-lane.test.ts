import { afterEach, describe, expect, it, vi } from 'vitest';
import { LaneFullError, WorkLane } from '../../src/runtime/work-lane.js';

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the work lane', () => {
  it('runs calls first in, first out, never more than its concurrency at once', async () => {
    const lane = new WorkLane({ concurrency: 2 });
    const started: number[] = [];
    let active = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        lane.run(async () => {
          started.push(i);
          active += 1;
          most = Math.max(most, active);
          await later(5);
          active -= 1;
        }),
      ),
    );
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(2);
    expect(lane.active).toBe(0);
    expect(lane.queued).toBe(0);
  });

  it('settles once every running and waiting call has finished, at once when idle', async () => {
    const lane = new WorkLane({ concurrency: 1 });
    await lane.settled();
    const finished: number[] = [];
    const calls = [1, 2, 3].map((n) =>
      lane.run(async () => {
        await later(5);
        finished.push(n);
      }),
    );
    await lane.settled();
    expect(finished).toEqual([1, 2, 3]);
    await Promise.all(calls);
    await lane
      .run(async () => {
        throw new Error('failed work settles too');
      })
      .catch(() => {});
    await lane.settled();
  });

  it('starts work on a later turn of the event loop, after I/O already waiting', async () => {
    const lane = new WorkLane({ concurrency: 4 });
    const order: string[] = [];
    const run = lane.run(async () => void order.push('work'));
    order.push('caller continues');
    await run;
    expect(order).toEqual(['caller continues', 'work']);
  });

  it('passes results and errors through, and frees the place either way', async () => {
    const lane = new WorkLane({ concurrency: 1 });
    await expect(lane.run(async () => 42)).resolves.toBe(42);
    await expect(lane.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(lane.run(async () => 'still works')).resolves.toBe('still works');
  });

  it('turns calls away at once, without running them, when the queue is full', async () => {
    const lane = new WorkLane({ concurrency: 1, maxQueued: 2 });
    let release: () => void = () => {};
    const held = lane.run(() => new Promise<void>((r) => (release = r)));
    await later(1);
    const queued = [lane.run(async () => 'a'), lane.run(async () => 'b')];
    let ran = false;
    await expect(
      lane.run(async () => {
        ran = true;
      }),
    ).rejects.toBeInstanceOf(LaneFullError);
    expect(ran).toBe(false);
    release();
    await held;
    await expect(Promise.all(queued)).resolves.toEqual(['a', 'b']);
  });

  it('is sized from the database: at least two, else the pool', () => {
    const run = async (lane: WorkLane) => {
      let active = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 30 }, () =>
          lane.run(async () => {
            most = Math.max(most, ++active);
            await later(2);
            active--;
          }),
        ),
      );
      return most;
    };
    return Promise.all([run(WorkLane.forDatabase(1)), run(WorkLane.forDatabase(10))]).then(
      ([pglite, pool]) => {
        expect(pglite).toBe(2);
        expect(pool).toBe(10);
      },
    );
  });

  it('refuses a concurrency that is not a positive integer', () => {
    expect(() => new WorkLane({ concurrency: 0 })).toThrow(/positive integer/);
    expect(() => new WorkLane({ concurrency: 1.5 })).toThrow(/positive integer/);
  });

  describe('during a flood of calls', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Starts of `count` instant calls that all arrive at once, as offsets in ms from the arrival. */
    async function startsOf(lane: WorkLane, count: number, arrive: (i: number) => number = () => 0) {
      vi.useFakeTimers({ toFake: ['setTimeout', 'setImmediate', 'performance'] });
      const t0 = performance.now();
      const starts: number[] = [];
      const runs: Promise<void>[] = [];
      for (let i = 0; i < count; i++) {
        const wait = t0 + arrive(i) - performance.now();
        if (wait > 0) await vi.advanceTimersByTimeAsync(wait);
        runs.push(lane.run(async () => void starts.push(performance.now() - t0)));
      }
      await vi.advanceTimersByTimeAsync(10_000);
      await Promise.all(runs);
      return starts;
    }

    it('starts one call per interval while calls pour in, then the rest at full speed once they stop', async () => {
      const lane = new WorkLane({ concurrency: 4, floodRate: 100, floodIntervalMs: 40 });
      // 60 calls over 300 ms: 200 a second, twice the flood rate.
      const starts = await startsOf(lane, 60, (i) => i * 5);
      expect(starts).toHaveLength(60);
      // The rate shows after 10 arrivals (a 100 ms window at 100 a second); from then on, while they arrive,
      // one start per 40 ms…
      const during = starts.filter((t) => t >= 50 && t < 300);
      expect(during.length).toBeLessThanOrEqual(Math.ceil(250 / 40) + 1);
      for (let i = 1; i < during.length; i++) expect(during[i]! - during[i - 1]!).toBeGreaterThanOrEqual(40);
      // …and the backlog drains without pacing within a couple of windows after the last arrival.
      expect(Math.max(...starts)).toBeLessThan(300 + 250);
    });

    it('does not pace calls arriving below the flood rate', async () => {
      const lane = new WorkLane({ concurrency: 4, floodRate: 100, floodIntervalMs: 40 });
      // 50 a second: every call starts on the turn after it arrives.
      const starts = await startsOf(lane, 20, (i) => i * 20);
      starts.forEach((t, i) => {
        expect(t - i * 20).toBeLessThan(1);
      });
    });

    it('is paced from 500 calls a second when sized from the database', async () => {
      const lane = WorkLane.forDatabase(10);
      // 1,000 a second: the flood shows after 50 arrivals, and then at most one start per 50 ms.
      const starts = await startsOf(lane, 100, (i) => i);
      expect(starts.filter((t) => t < 45)).toHaveLength(45);
      expect(starts.filter((t) => t >= 51 && t < 100).length).toBeLessThanOrEqual(1);
    });
  });
});
