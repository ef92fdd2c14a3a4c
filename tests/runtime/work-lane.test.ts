import { describe, expect, it } from 'vitest';
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
});
