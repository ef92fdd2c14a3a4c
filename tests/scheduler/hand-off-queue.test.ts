import { describe, expect, it } from 'vitest';
import { HandOffQueue } from '../../src/scheduler/hand-off-queue.js';

describe('the hand-off queue between the tick and its senders', () => {
  it('hands items out in order, to takers that were already waiting too', async () => {
    const queue = new HandOffQueue<number>();
    const early = [queue.take(), queue.take()];
    queue.push(1, 2, 3);
    expect(await Promise.all(early)).toEqual([1, 2]);
    expect(await queue.take()).toBe(3);
  });

  it('gives null to every taker once closed and empty, not before', async () => {
    const queue = new HandOffQueue<string>();
    const waiting = queue.take();
    queue.push('last');
    queue.close();
    expect(await waiting).toBe('last');
    expect(await Promise.all([queue.take(), queue.take()])).toEqual([null, null]);

    const other = new HandOffQueue<string>();
    const blocked = [other.take(), other.take()];
    other.close();
    expect(await Promise.all(blocked)).toEqual([null, null]);
  });

  it('holds the producer back until fewer than the given number wait', async () => {
    const queue = new HandOffQueue<number>();
    queue.push(1, 2, 3);
    let roomy = false;
    const room = queue.room(2).then(() => {
      roomy = true;
    });
    await Promise.resolve();
    expect(roomy).toBe(false);
    await queue.take();
    await Promise.resolve();
    expect(roomy).toBe(false);
    await queue.take();
    await room;
    expect(roomy).toBe(true);
    await expect(queue.room(5)).resolves.toBeUndefined();
  });
});
