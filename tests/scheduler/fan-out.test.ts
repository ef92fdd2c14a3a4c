import { describe, expect, it } from 'vitest';
import { DailyScheduler } from '../../src/scheduler/daily-scheduler.js';
import { actor, makeEngine, TestClock } from '../helpers/engine-fixture.js';
import { RecordingPoster } from '../helpers/recording-poster.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { useTestDatabase } from '../helpers/test-database.js';

describe('daily fan-out under platform errors', () => {
  const database = useTestDatabase('pglite', { truncateEach: false });

  it('retries 429 after Retry-After and 5xx with backoff, disables the 403 channel, posts every other one', async () => {
    const clock = new TestClock(new Date('2026-06-02T06:00:00Z'));
    const { engine, deps } = makeEngine(database().store, { clock });
    const ids = Array.from({ length: 30 }, (_, i) => `C${i}`);
    for (const channelId of ids) {
      await engine.run(actor({ channelId }), 'schedule set', {
        time: '07:00',
        timezone: 'UTC',
        days: 'daily',
      });
    }
    const poster = new RecordingPoster(clock.now, 'console', 200, (channel, call) => {
      if (channel.channelId === 'C7') return { ok: false, kind: 'gone', reason: 'HTTP 403 Missing Access' };
      const n = Number(channel.channelId.slice(1));
      if (n % 3 === 0 && call === 0)
        return { ok: false, kind: 'retry', retryAfterMs: 40, reason: 'HTTP 429' };
      if (n % 5 === 0 && call < 2)
        return { ok: false, kind: 'retry', retryAfterMs: null, reason: 'HTTP 502' };
      return { ok: true, messageId: `m-${channel.channelId}` };
    });
    const log = memoryLogger();
    const scheduler = new DailyScheduler({
      deps,
      posters: [poster],
      logger: log.logger,
      retry: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 50 },
    });
    clock.set('2026-06-02T07:05:00Z');
    const report = await scheduler.tick();
    expect(report).toMatchObject({ due: 30, sent: 29, disabled: 1, failed: 0 });
    expect(new Set(poster.posts.map((p) => p.channel.channelId))).toEqual(
      new Set(ids.filter((id) => id !== 'C7')),
    );
    // The 403 was tried once, not retried.
    expect(poster.calls.filter((c) => c.channelId === 'C7')).toHaveLength(1);
    const gone = await database().store.channels.get({ platform: 'console', teamId: 'T1', channelId: 'C7' });
    expect(gone).toMatchObject({ enabled: false, disabledReason: expect.stringMatching(/403/) });
    expect(log.lines().some((l) => l.msg === 'channel disabled: the bot can no longer post there')).toBe(
      true,
    );
    const sent = await database().store.dailyPosts.get(
      { platform: 'console', teamId: 'T1', channelId: 'C3' },
      '2026-06-02',
    );
    expect(sent).toMatchObject({ status: 'sent', messageId: 'm-C3' });

    // Next tick: nothing is due again, and the disabled channel is left alone.
    expect(await scheduler.tick()).toMatchObject({ due: 0, sent: 0 });
  });

  it('gives the claim back when retries run out, and the next tick tries again', async () => {
    await database().truncate();
    const clock = new TestClock(new Date('2026-06-02T06:00:00Z'));
    const { engine, deps } = makeEngine(database().store, { clock });
    await engine.run(actor({ channelId: 'flaky' }), 'schedule set', {
      time: '07:00',
      timezone: 'UTC',
      days: 'daily',
    });
    let down = true;
    const poster = new RecordingPoster(clock.now, 'console', 200, () =>
      down
        ? { ok: false, kind: 'retry', retryAfterMs: 5, reason: 'HTTP 503' }
        : { ok: true, messageId: null },
    );
    const scheduler = new DailyScheduler({
      deps,
      posters: [poster],
      logger: memoryLogger().logger,
      retry: { maxAttempts: 2, baseDelayMs: 5, maxDelayMs: 5 },
    });
    clock.set('2026-06-02T07:01:00Z');
    expect(await scheduler.tick()).toMatchObject({ sent: 0, failed: 1 });
    down = false;
    clock.advance(60_000);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(poster.posts).toHaveLength(1);
  });

  it('marks what it sent as sent even when reading a later page of due channels fails', async () => {
    await database().truncate();
    const clock = new TestClock(new Date('2026-06-02T06:00:00Z'));
    const { engine, deps } = makeEngine(database().store, { clock });
    for (let i = 0; i < 12; i++) {
      await engine.run(actor({ channelId: `P${String(i).padStart(2, '0')}` }), 'schedule set', {
        time: '07:00',
        timezone: 'UTC',
        days: 'daily',
      });
    }
    const { store } = database();
    let pages = 0;
    // The real store, except that the second page of due channels cannot be read.
    const channels = Object.create(store.channels) as typeof store.channels;
    channels.listDue = (now, limit, after) => {
      pages += 1;
      if (pages === 2) return Promise.reject(new Error('connection lost'));
      return store.channels.listDue(now, limit, after);
    };
    const failingSecondPage = { ...store, channels };
    const poster = new RecordingPoster(clock.now, 'console', 200, (channel) => ({
      ok: true,
      messageId: `m-${channel.channelId}`,
    }));
    const scheduler = new DailyScheduler({
      deps: { ...deps, store: failingSecondPage },
      posters: [poster],
      logger: memoryLogger().logger,
      chunkSize: 5,
    });
    clock.set('2026-06-02T07:01:00Z');
    await expect(scheduler.tick()).rejects.toThrow('connection lost');
    // The first page (the 5 earliest) went out, and each is marked sent: a later tick must not send them again.
    expect(poster.posts.map((p) => p.channel.channelId).sort()).toEqual(['P00', 'P01', 'P02', 'P03', 'P04']);
    for (const p of poster.posts) {
      expect(await store.dailyPosts.get(p.channel, '2026-06-02')).toMatchObject({ status: 'sent' });
    }
    const next = await new DailyScheduler({ deps, posters: [poster], logger: memoryLogger().logger }).tick();
    expect(next).toMatchObject({ due: 7, sent: 7 });
    expect(poster.posts).toHaveLength(12);
  });
});
