import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.js';
import { BUSY, DrillEngine, TOO_SLOW } from '../../src/runtime/engine.js';
import { TeamBankCache } from '../../src/runtime/team-bank-cache.js';
import { WorkLane } from '../../src/runtime/work-lane.js';
import { actor, contentBank, seededRandom } from '../helpers/engine-fixture.js';

/**
 * A Store port whose users.touch (the only write /drill help makes) waits
 * for the test to let it go: the engine's scheduling is what is under test.
 */
function gatedStore() {
  const gates: (() => void)[] = [];
  const store = {
    users: { touch: () => new Promise<void>((resolve) => gates.push(resolve)) },
  } as unknown as Store;
  const openNext = async () => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
    gates.shift()!();
  };
  return { store, openNext, waiting: () => gates.length };
}

function engineOn(store: Store, lane: WorkLane, deadlineMs: number) {
  return new DrillEngine(
    {
      store,
      banks: new TeamBankCache({ bundled: contentBank(), packs: store.teamPacks }),
      clock: () => new Date(),
      random: seededRandom(),
      defaultTimeZone: 'UTC',
    },
    { lane, deadlineMs },
  );
}

const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the engine and its work lane', () => {
  it('counts the deadline from when the work starts, not from the wait for a place', async () => {
    const { store, openNext } = gatedStore();
    const engine = engineOn(store, new WorkLane({ concurrency: 1 }), 150);
    const first = engine.run(actor({ userId: 'U1' }), 'help');
    const second = engine.run(actor({ userId: 'U2' }), 'help');
    // The first holds the only place for longer than the deadline would allow the second, had it been counting.
    await later(120);
    await openNext();
    expect((await first).kind).toBe('help');
    await later(100);
    await openNext();
    expect((await second).kind).toBe('help');
  });

  it('still says "too slow" when the work itself outlasts the deadline, and keeps its place until it ends', async () => {
    const { store, openNext, waiting } = gatedStore();
    const lane = new WorkLane({ concurrency: 1 });
    const engine = engineOn(store, lane, 50);
    const slow = await engine.run(actor({ userId: 'U1' }), 'help');
    expect(slow).toMatchObject({ kind: 'notice', tone: 'error', text: TOO_SLOW });
    // The slow work still holds the lane: a slow database is not handed more work at once.
    const next = engine.run(actor({ userId: 'U2' }), 'help');
    await later(20);
    expect(lane.active).toBe(1);
    expect(waiting()).toBe(1);
    await openNext();
    await openNext();
    expect((await next).kind).toBe('help');
  });

  it('drains: waits for the calls already accepted to finish, or says when it gave up waiting', async () => {
    const { store, openNext } = gatedStore();
    const engine = engineOn(store, new WorkLane({ concurrency: 1 }), 5000);
    expect(await engine.drain(10)).toBe(true);
    const first = engine.run(actor({ userId: 'U1' }), 'help');
    const second = engine.run(actor({ userId: 'U2' }), 'help');
    expect(await engine.drain(30)).toBe(false);
    const drained = engine.drain(5000);
    await openNext();
    await openNext();
    expect(await drained).toBe(true);
    expect((await first).kind).toBe('help');
    expect((await second).kind).toBe('help');
  });

  it('answers "busy" at once, having done nothing, when the queue is full', async () => {
    const { store, openNext } = gatedStore();
    const engine = engineOn(store, new WorkLane({ concurrency: 1, maxQueued: 1 }), 5000);
    const running = engine.run(actor({ userId: 'U1' }), 'help');
    await later(5);
    const queued = engine.run(actor({ userId: 'U2' }), 'help');
    const turnedAway = await engine.run(actor({ userId: 'U3' }), 'help');
    expect(turnedAway).toEqual({ kind: 'notice', tone: 'error', text: BUSY });
    await openNext();
    await openNext();
    expect((await running).kind).toBe('help');
    expect((await queued).kind).toBe('help');
  });
});
