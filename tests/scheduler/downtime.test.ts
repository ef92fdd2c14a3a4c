import { describe, expect, it } from 'vitest';
import { localDateOf } from '../../src/rules/time-zone.js';
import { DailyScheduler } from '../../src/scheduler/daily-scheduler.js';
import { actor, makeEngine, TestClock } from '../helpers/engine-fixture.js';
import { RecordingPoster } from '../helpers/recording-poster.js';
import { memoryLogger } from '../helpers/silent-logger.js';
import { DATABASE_KINDS, useTestDatabase } from '../helpers/test-database.js';

const BERLIN = 'Europe/Berlin';

describe.each(DATABASE_KINDS)('the bot is down across a post time (%s)', (kind) => {
  const database = useTestDatabase(kind);

  async function setup() {
    // Tuesday 2026-06-02, 08:00 in Berlin (06:00Z); posts at 09:00 Berlin.
    const clock = new TestClock(new Date('2026-06-02T06:00:00Z'));
    const { engine, deps } = makeEngine(database().store, { clock });
    await engine.run(actor(), 'schedule set', { time: '09:00', timezone: BERLIN, days: 'daily' });
    const poster = new RecordingPoster(clock.now);
    const log = memoryLogger();
    const scheduler = new DailyScheduler({ deps, posters: [poster], logger: log.logger });
    return { clock, poster, scheduler, log };
  }

  it('comes back the same local day: the post is sent on recovery', async () => {
    const { clock, poster, scheduler } = await setup();
    clock.set('2026-06-02T12:30:00Z'); // 14:30 Berlin, down since before 09:00
    const report = await scheduler.tick();
    expect(report).toMatchObject({ sent: 1, skippedDays: 0 });
    expect(poster.posts.map((p) => p.card.localDate)).toEqual(['2026-06-02']);
    await scheduler.tick();
    expect(poster.posts).toHaveLength(1);
  });

  it('comes back the next day: yesterday is skipped and logged, today is sent', async () => {
    const { clock, poster, scheduler, log } = await setup();
    clock.set('2026-06-03T08:00:00Z'); // Wednesday 10:00 Berlin
    const report = await scheduler.tick();
    expect(report).toMatchObject({ sent: 1, skippedDays: 1 });
    expect(poster.posts.map((p) => p.card.localDate)).toEqual(['2026-06-03']);
    expect(
      log
        .lines()
        .some((l) => String(l.msg).includes('skipped') && JSON.stringify(l.days) === '["2026-06-02"]'),
    ).toBe(true);
  });

  it('comes back the next day before the post time: nothing late, today at 09:00', async () => {
    const { clock, poster, scheduler } = await setup();
    clock.set('2026-06-03T05:00:00Z'); // 07:00 Berlin
    expect(await scheduler.tick()).toMatchObject({ sent: 0, skippedDays: 1 });
    clock.set('2026-06-03T07:00:00Z');
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(localDateOf(poster.posts[0]!.at, BERLIN)).toBe('2026-06-03');
  });

  it('a crash between claim and send: the claim is taken over after the lease and sent once, with the same key', async () => {
    const { clock, poster, scheduler } = await setup();
    clock.set('2026-06-02T07:00:00Z');
    const ref = { platform: 'console' as const, teamId: 'T1', channelId: 'C1' };
    // Another replica claimed the day and died before sending.
    const day = { ref, localDate: '2026-06-02' };
    await database().store.dailyPosts.ensureMany([{ ...day, questionId: 'gil' }], clock.now());
    expect(await database().store.dailyPosts.claimMany([day], clock.now(), 5 * 60_000)).toHaveLength(1);
    clock.advance(60_000);
    expect(await scheduler.tick()).toMatchObject({ sent: 0, notMine: 1 });
    clock.advance(5 * 60_000);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(poster.posts).toHaveLength(1);
    expect(poster.posts[0]!.key).toBe('console:T1:C1:2026-06-02');
    expect(poster.posts[0]!.card.question.id).toBe('gil');
    expect((await database().store.dailyPosts.get(ref, '2026-06-02'))?.status).toBe('sent');
  });
});
